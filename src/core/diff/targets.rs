//! What a change does to the targets: the adopted scenario's breakdown of both plans, node by
//! node, and the annual targets that differ.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use rust_decimal::Decimal;

use crate::core::breakdown::{Breakdown, BreakdownErrors, compute};
use crate::core::model::Plan;
use crate::core::scenario::{Level, Measure};

/// A node whose annual targets differ between the two plans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetMove {
    /// The node's id (the plan's id for the company).
    pub id: String,
    pub level: Level,
    /// The node's name in the newer plan (the older, if it is gone).
    pub name: String,
    /// The region it is in (a region's own id); `None` for the company.
    pub region: Option<String>,
    /// Annual amount before and after; `None` where the node is not in that plan.
    pub amount: [Option<Decimal>; 2],
    /// Annual quantity before and after.
    pub quantity: [Option<Decimal>; 2],
}

impl TargetMove {
    /// The change of a measure (after − before; a side without the node counts as zero).
    pub fn delta(&self, measure: Measure) -> Decimal {
        let [a, b] = match measure {
            Measure::Amount => self.amount,
            Measure::Quantity => self.quantity,
        };
        b.unwrap_or_default() - a.unwrap_or_default()
    }
}

/// The effect of the changes on the adopted scenario's targets.
#[derive(Clone, Debug, PartialEq)]
pub struct Targets {
    /// The adopted scenario's name in each plan.
    pub scenario: [Option<String>; 2],
    /// Why a plan's breakdown cannot be computed (the other side's moves are then not listed).
    pub errors: [Option<BreakdownErrors>; 2],
    /// The nodes whose targets move, in the newer plan's tree order (nodes only in the older
    /// plan last).
    pub moves: Vec<TargetMove>,
}

/// The targets of `old`'s and `new`'s adopted scenarios, compared node by node.
pub fn target_moves(old: &Plan, new: &Plan) -> Targets {
    let a = breakdown(old);
    let b = breakdown(new);
    let scenario = [
        old.adopted().map(|s| s.name.clone()),
        new.adopted().map(|s| s.name.clone()),
    ];
    let (a, b) = match (a, b) {
        (Ok(a), Ok(b)) => (a, b),
        (a, b) => {
            return Targets {
                scenario,
                errors: [a.err().flatten(), b.err().flatten()],
                moves: Vec::new(),
            };
        }
    };
    let (Some(a), Some(b)) = (a, b) else {
        return Targets {
            scenario,
            errors: [None, None],
            moves: Vec::new(),
        };
    };
    let mut moves = Vec::new();
    let mut seen = HashSet::new();
    // Names are looked up for the nodes that move only, through an index made once.
    let (new_names, old_names) = (node_names(new), node_names(old));
    for (i, node) in b.nodes().iter().enumerate() {
        let id = node.id.clone();
        seen.insert(id.clone());
        let j = if i == 0 { Some(0) } else { a.find(&id) };
        let amount = [
            j.map(|j| a.annual(j, Measure::Amount)),
            Some(b.annual(i, Measure::Amount)),
        ];
        let quantity = [
            j.map(|j| a.annual(j, Measure::Quantity)),
            Some(b.annual(i, Measure::Quantity)),
        ];
        if amount[0] == amount[1] && quantity[0] == quantity[1] {
            continue;
        }
        moves.push(TargetMove {
            name: name(new, &new_names, &b, i).unwrap_or_else(|| id.clone()),
            region: region(&b, i),
            level: node.level,
            amount,
            quantity,
            id,
        });
    }
    for (j, node) in a.nodes().iter().enumerate().skip(1) {
        if seen.contains(&node.id) {
            continue;
        }
        moves.push(TargetMove {
            id: node.id.clone(),
            level: node.level,
            name: name(old, &old_names, &a, j).unwrap_or_else(|| node.id.clone()),
            region: region(&a, j),
            amount: [Some(a.annual(j, Measure::Amount)), None],
            quantity: [Some(a.annual(j, Measure::Quantity)), None],
        });
    }
    Targets {
        scenario,
        errors: [None, None],
        moves,
    }
}

/// The adopted scenario's breakdown (`None` without an adopted scenario).
fn breakdown(plan: &Plan) -> Result<Option<Breakdown>, Option<BreakdownErrors>> {
    match plan.adopted() {
        Some(s) => compute(plan, s).map(Some).map_err(Some),
        None => Ok(None),
    }
}

fn name(plan: &Plan, names: &HashMap<&str, &str>, b: &Breakdown, i: usize) -> Option<String> {
    if i == 0 {
        return Some(plan.name.clone());
    }
    names.get(b.nodes()[i].id.as_str()).map(|n| n.to_string())
}

/// Every node's name by id.
fn node_names(plan: &Plan) -> HashMap<&str, &str> {
    let mut names = HashMap::new();
    for r in &plan.regions {
        names.insert(r.id.as_str(), r.name.as_str());
        for d in &r.subdistricts {
            names.insert(d.id.as_str(), d.name.as_str());
            for p in &d.salespeople {
                names.insert(p.id.as_str(), p.name.as_str());
            }
        }
    }
    names
}

/// The id of the region node `i` is in.
fn region(b: &Breakdown, mut i: usize) -> Option<String> {
    loop {
        let node = &b.nodes()[i];
        match node.level {
            Level::Company => return None,
            Level::Region => return Some(node.id.clone()),
            _ => i = node.parent?,
        }
    }
}
