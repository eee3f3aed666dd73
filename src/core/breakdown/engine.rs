//! The breakdown itself: one forward pass over the tree splits each parent's year over its
//! children (locks first, the rest by weight), then a second pass splits each parent's months
//! over its children's years.

use rust_decimal::Decimal;

use crate::core::model::Plan;
use crate::core::scenario::{Level, Measure, Method, Scenario};
use crate::core::tree::NodePos;

use super::arith::{int_weights, units_decimal};
use super::grid::{GridScratch, controlled_round};
use super::inputs::{self, Inputs};
use super::issues::{BreakdownError, BreakdownErrors, BreakdownWarning, LockedValue, Pinned};
use super::layout::{Layout, node_ref};
use super::locks::{Lock, lock_of, sibling_locks};
use super::respread::{AppliedRespread, achieved_units, placed, respread_months};
use super::result::Breakdown;
use super::split::{even, largest_remainder};
use super::weights::{GroupWeights, Siblings, manual_of, sibling_weights};

/// Breaks the scenario's company targets down to every region, sub-district and salesperson and
/// every month of the period. Either every number, exact to the unit, or every problem found.
// Several screens call this; one copy of the engine in the wasm, not one inlined per caller.
#[inline(never)]
pub fn compute(plan: &Plan, scenario: &Scenario) -> Result<Breakdown, BreakdownErrors> {
    let mut warnings = Vec::new();
    let layout = Layout::build(plan, &mut warnings);
    let mut errors = Vec::new();
    let inputs = inputs::check(plan, scenario, &mut errors);
    report_unknown_ids(scenario, &layout, &mut warnings);
    report_inconsistent_shares(plan, scenario, &mut warnings);

    let n = layout.nodes.len();
    let mut engine = Engine {
        plan,
        scenario,
        layout: &layout,
        inputs: &inputs,
        annual: vec![[0; 2]; n],
        known: vec![[false; 2]; n],
        errors,
        warnings,
        s: Scratch::default(),
        applied: Vec::new(),
    };
    for m in Measure::ALL {
        if let Some(target) = inputs.target[m.index()] {
            engine.annual[0][m.index()] = target;
            engine.known[0][m.index()] = true;
        }
    }
    for p in 0..n {
        engine.split_year(p);
    }
    if !engine.errors.is_empty() {
        return Err(BreakdownErrors(engine.errors));
    }
    let monthly = engine.split_months().map_err(BreakdownErrors)?;
    let units = Measure::ALL.map(|m| inputs.unit[m.index()].unwrap_or(Decimal::ONE));
    let Engine {
        annual,
        warnings,
        applied,
        ..
    } = engine;
    Ok(Breakdown {
        layout,
        months: plan.period.months(),
        units,
        annual,
        monthly,
        warnings,
        respreads: applied,
    })
}

/// Locks and manual numbers for ids that are not in the territory are ignored, visibly.
fn report_unknown_ids(scenario: &Scenario, layout: &Layout, warnings: &mut Vec<BreakdownWarning>) {
    let maps = [
        (&scenario.locks, Pinned::Lock),
        (&scenario.manual, Pinned::Manual),
    ];
    for (map, what) in maps {
        for id in map.keys() {
            // Index 0 is the company: its value is the scenario's target, never a lock.
            if layout.find(id).is_none_or(|i| i == 0) {
                warnings.push(BreakdownWarning::UnknownNode {
                    id: id.clone(),
                    what,
                });
            }
        }
    }
}

/// Regions whose share and customer count contradict each other are flagged, not reclassified.
fn report_inconsistent_shares(
    plan: &Plan,
    scenario: &Scenario,
    warnings: &mut Vec<BreakdownWarning>,
) {
    for r in &plan.regions {
        if scenario
            .thresholds
            .inconsistent(r.market_share, r.active_customers)
        {
            warnings.push(BreakdownWarning::ShareWithoutCustomers {
                region: super::issues::NodeRef {
                    level: Level::Region,
                    id: r.id.clone(),
                    name: r.name.clone(),
                },
                share: r.market_share,
            });
        }
    }
}

/// Buffers reused for every parent, so the pass allocates nothing per node.
#[derive(Default)]
struct Scratch {
    weights: GroupWeights,
    locks: [Vec<Lock>; 2],
    free: Vec<usize>,
    free_weights: Vec<Decimal>,
    ints: Vec<u128>,
    parts: Vec<i64>,
    remainders: Vec<(u128, usize)>,
    grid: GridScratch,
    rows: Vec<i64>,
    cols: Vec<i64>,
    cells: Vec<i64>,
}

struct Engine<'a> {
    plan: &'a Plan,
    scenario: &'a Scenario,
    layout: &'a Layout,
    inputs: &'a Inputs,
    annual: Vec<[i64; 2]>,
    /// Whether a value could be computed (false below a problem, so it is not reported twice).
    known: Vec<[bool; 2]>,
    errors: Vec<BreakdownError>,
    warnings: Vec<BreakdownWarning>,
    s: Scratch,
    /// Re-spreads applied by the monthly pass.
    applied: Vec<AppliedRespread>,
}

impl<'a> Engine<'a> {
    fn siblings_under(&self, parent: usize) -> Siblings<'a> {
        let plan = self.plan;
        match self.layout.nodes[parent].pos {
            None => Siblings::Regions(&plan.regions),
            Some(NodePos::Region(r)) => Siblings::Subdistricts(&plan.regions[r].subdistricts),
            Some(NodePos::Subdistrict(r, d)) => {
                Siblings::Salespeople(&plan.regions[r].subdistricts[d].salespeople)
            }
            Some(NodePos::Salesperson(..)) => Siblings::Salespeople(&[]),
        }
    }

    /// Splits parent `p`'s annual values over its children, for both measures.
    fn split_year(&mut self, p: usize) {
        let layout = self.layout;
        let node = &layout.nodes[p];
        if node.level == Level::Salesperson {
            return;
        }
        if layout.children(p).is_empty() {
            let node = node_ref(self.plan, node);
            self.warnings.push(BreakdownWarning::NoChildren { node });
            return;
        }
        let siblings = self.siblings_under(p);
        let method = self.inputs.method_for(siblings.level());
        match method {
            Some(method) => sibling_weights(
                self.scenario,
                siblings,
                method,
                &mut self.s.weights,
                &mut self.errors,
            ),
            None => self.s.weights.usable = [false; 2],
        }
        sibling_locks(
            self.scenario,
            siblings,
            self.inputs.unit,
            &mut self.s.locks,
            &mut self.errors,
        );
        for measure in Measure::ALL {
            self.allot(p, siblings, method, measure);
        }
    }

    /// One measure of one parent: locked children get their locks, the rest of the parent's
    /// value goes to the unlocked children by weight.
    fn allot(&mut self, p: usize, siblings: Siblings, method: Option<Method>, measure: Measure) {
        let mi = measure.index();
        let children = self.layout.children(p);
        let mut locked_total: i128 = 0;
        let mut any_invalid = false;
        self.s.free.clear();
        for (k, &c) in children.iter().enumerate() {
            match self.s.locks[mi][k] {
                Lock::Free => self.s.free.push(k),
                Lock::Units(u) => {
                    self.annual[c as usize][mi] = u;
                    self.known[c as usize][mi] = true;
                    locked_total += i128::from(u);
                }
                Lock::Invalid => any_invalid = true,
            }
        }
        if !self.known[p][mi] || any_invalid {
            return;
        }
        let parent_value = self.annual[p][mi];
        if locked_total > i128::from(parent_value) {
            self.lock_error(p, siblings, measure, locked_total, true);
            return;
        }
        let remaining = parent_value - locked_total as i64;
        if self.s.free.is_empty() {
            if remaining != 0 {
                self.lock_error(p, siblings, measure, locked_total, false);
            }
            return;
        }
        let Some(method) = method.filter(|_| self.s.weights.usable[mi]) else {
            return;
        };
        if !self.split_free(p, method, measure, remaining) {
            return;
        }
        for (&k, &part) in self.s.free.iter().zip(&self.s.parts) {
            let c = children[k] as usize;
            self.annual[c][mi] = part;
            self.known[c][mi] = true;
        }
        if method == Method::Manual {
            self.check_manual_total(p, siblings, measure, remaining);
        }
    }

    /// Splits `remaining` over the unlocked children (`self.s.free`) into `self.s.parts`.
    fn split_free(&mut self, p: usize, method: Method, measure: Measure, remaining: i64) -> bool {
        let unit = self.unit(measure);
        let s = &mut self.s;
        s.parts.clear();
        s.parts.resize(s.free.len(), 0);
        if s.weights.equal {
            even(remaining, &mut s.parts);
            return true;
        }
        let all = &s.weights.values[measure.index()];
        s.free_weights.clear();
        s.free_weights.extend(s.free.iter().map(|&k| all[k]));
        let total = int_weights(&s.free_weights, &mut s.ints);
        match total {
            Some(0) => {
                if remaining > 0 {
                    let parent = node_ref(self.plan, &self.layout.nodes[p]);
                    let remaining = units_decimal(remaining, unit);
                    self.warnings.push(BreakdownWarning::ZeroWeights {
                        parent,
                        measure,
                        method,
                        remaining,
                    });
                }
                even(remaining, &mut s.parts);
                true
            }
            Some(total)
                if largest_remainder(
                    remaining,
                    &s.ints,
                    total,
                    &mut s.parts,
                    &mut s.remainders,
                ) =>
            {
                true
            }
            _ => {
                let node = node_ref(self.plan, &self.layout.nodes[p]);
                self.errors
                    .push(BreakdownError::WeightTooLarge { node, measure });
                false
            }
        }
    }

    fn unit(&self, measure: Measure) -> Decimal {
        self.inputs.unit[measure.index()].unwrap_or(Decimal::ONE)
    }

    /// Manual numbers used as proportions because they do not add up to what there is to split.
    fn check_manual_total(
        &mut self,
        p: usize,
        siblings: Siblings,
        measure: Measure,
        remaining: i64,
    ) {
        let typed_total = self
            .s
            .free
            .iter()
            .filter_map(|&k| manual_of(self.scenario, siblings.id(k), measure))
            .try_fold(Decimal::ZERO, |acc, v| acc.checked_add(v));
        let to_split = units_decimal(remaining, self.unit(measure));
        // All-zero manual numbers were already reported as zero weights.
        if let Some(typed_total) = typed_total.filter(|t| *t != to_split && !t.is_zero()) {
            let parent = node_ref(self.plan, &self.layout.nodes[p]);
            self.warnings.push(BreakdownWarning::ManualSumDiffers {
                parent,
                measure,
                typed_total,
                to_split,
            });
        }
    }

    fn lock_error(
        &mut self,
        p: usize,
        siblings: Siblings,
        measure: Measure,
        locked_total: i128,
        exceeds: bool,
    ) {
        let unit = self.unit(measure);
        let locked = (0..siblings.len())
            .filter_map(|k| {
                let value = lock_of(self.scenario, siblings.id(k), measure)?;
                Some(LockedValue {
                    node: siblings.node_ref(k),
                    value,
                })
            })
            .collect();
        let parent = node_ref(self.plan, &self.layout.nodes[p]);
        let parent_value = units_decimal(self.annual[p][measure.index()], unit);
        // Locks are each at most 10^18 units, so the total fits in i64 for any real sibling count.
        let locked_total = units_decimal(i64::try_from(locked_total).unwrap_or(i64::MAX), unit);
        self.errors.push(if exceeds {
            BreakdownError::LocksExceedParent {
                parent,
                measure,
                parent_value,
                locked_total,
                locked,
            }
        } else {
            BreakdownError::LocksDoNotAddUp {
                parent,
                measure,
                parent_value,
                locked_total,
                locked,
            }
        });
    }

    /// Every node's months: the company's by seasonality, then each parent's months over its
    /// children's years by controlled rounding.
    fn split_months(&mut self) -> Result<Vec<i64>, Vec<BreakdownError>> {
        let months = self.plan.period.month_count();
        let n = self.layout.nodes.len();
        let mut monthly = vec![0i64; n * 2 * months];
        let seasonality = self.inputs.seasonality.as_deref().unwrap_or(&[]);
        let season_total: u128 = seasonality.iter().sum();
        let mut errors = Vec::new();
        for m in Measure::ALL {
            let row = &mut monthly[m.index() * months..(m.index() + 1) * months];
            if !largest_remainder(
                self.annual[0][m.index()],
                seasonality,
                season_total,
                row,
                &mut self.s.remainders,
            ) {
                errors.push(BreakdownError::RoundingFailed {
                    parent: node_ref(self.plan, &self.layout.nodes[0]),
                    measure: m,
                });
            }
        }
        let respreads = self.place_respreads();
        let mut next = respreads.iter().peekable();
        for p in 0..n {
            // The node's months are final here (its parent's grid is done): re-spread them
            // before they are split over its children.
            while let Some(&&(node, entry, upto)) = next.peek() {
                if node != p {
                    break;
                }
                next.next();
                self.respread(node, entry, upto, &mut monthly);
            }
            let children = self.layout.children(p);
            if children.is_empty() {
                continue;
            }
            for m in Measure::ALL {
                let s = &mut self.s;
                let mi = m.index();
                s.rows.clear();
                s.rows
                    .extend(children.iter().map(|&c| self.annual[c as usize][mi]));
                s.cols.clear();
                let parent_row = (p * 2 + mi) * months;
                s.cols
                    .extend_from_slice(&monthly[parent_row..parent_row + months]);
                if !controlled_round(&s.rows, &s.cols, &mut s.cells, &mut s.grid) {
                    errors.push(BreakdownError::RoundingFailed {
                        parent: node_ref(self.plan, &self.layout.nodes[p]),
                        measure: m,
                    });
                    continue;
                }
                for (k, &c) in children.iter().enumerate() {
                    let row = (c as usize * 2 + mi) * months;
                    monthly[row..row + months]
                        .copy_from_slice(&s.cells[k * months..(k + 1) * months]);
                }
            }
        }
        if errors.is_empty() {
            Ok(monthly)
        } else {
            Err(errors)
        }
    }

    /// The scenario's re-spreads of amount or quantity that fit the plan as (node, entry,
    /// months to date), in tree order then list order; the others are reported and ignored.
    /// Collections re-spreads apply to the collections targets (`collections`), but one that
    /// does not fit is reported here too.
    fn place_respreads(&mut self) -> Vec<(usize, usize, usize)> {
        let months = self.plan.period.months();
        let mut placed_list = Vec::new();
        for (entry, r) in self.scenario.respreads.iter().enumerate() {
            match placed(r, |id| self.layout.find(id), &months) {
                Some(_) if r.measure.measure().is_none() => {}
                Some((node, upto)) => placed_list.push((node, entry, upto)),
                None => self.warnings.push(BreakdownWarning::RespreadIgnored {
                    node: r.node.clone(),
                    as_of: r.as_of,
                }),
            }
        }
        placed_list.sort_unstable();
        placed_list
    }

    /// Re-spreads node `node`'s months (entry `entry` of the scenario's list) and moves its
    /// ancestors' months by the same amounts.
    fn respread(&mut self, node: usize, entry: usize, upto: usize, monthly: &mut [i64]) {
        let r = &self.scenario.respreads[entry];
        // Only amount and quantity re-spreads are placed here.
        let Some(measure) = r.measure.measure() else {
            return;
        };
        let months = self.plan.period.month_count();
        let mi = measure.index();
        let row = (node * 2 + mi) * months;
        let planned = monthly[row..row + months].to_vec();
        let achieved = achieved_units(&r.achieved, self.unit(measure));
        let season = self.inputs.seasonality.as_deref().unwrap_or(&[]);
        let (new, gap, outcome) = respread_months(&planned, &achieved, season, r.how);
        let mut at = Some(node);
        while let Some(a) = at {
            let row = (a * 2 + mi) * months;
            for k in 0..months {
                monthly[row + k] += new[k] - planned[k];
            }
            at = self.layout.nodes[a].parent;
        }
        self.applied.push(AppliedRespread {
            entry,
            node,
            measure: r.measure,
            upto,
            how: r.how,
            planned,
            months: new,
            gap,
            outcome,
        });
    }
}
