//! How a plan is cut into items for comparing and merging: which members of the plan's JSON are
//! collections of items (regions, sub-districts, salespeople, scenarios, execution records), how
//! each record is keyed, which item owns a record, and which fields name another item.
//!
//! Everything not declared here is compared member by member as the JSON holds it, so a new
//! field of a region, a scenario or a record is compared and merged without a change here. A
//! new *collection* of items, or a new field that names a node, is declared here (and renamed in
//! [`crate::core::merge`]'s id clash handling).

use serde_json::Value;

/// One item of a plan: the plan itself, a node, a scenario, or an execution record.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKey {
    /// The plan's own fields (name, company, currency, period, adopted scenario, document).
    Plan,
    Region(String),
    Subdistrict(String),
    Salesperson(String),
    Scenario(String),
    /// A record of the plan's execution: its section (`actuals`, `customers`…) and its key
    /// within the section (a salesperson's id, a customer's id, a node and a month…).
    Record(String, String),
}

impl ItemKey {
    /// The id of a node or scenario, or the key of a record.
    pub fn id(&self) -> &str {
        match self {
            ItemKey::Plan => "",
            ItemKey::Region(id)
            | ItemKey::Subdistrict(id)
            | ItemKey::Salesperson(id)
            | ItemKey::Scenario(id)
            | ItemKey::Record(_, id) => id,
        }
    }

    /// Whether this is a region, sub-district or salesperson.
    pub fn is_node(&self) -> bool {
        matches!(
            self,
            ItemKey::Region(_) | ItemKey::Subdistrict(_) | ItemKey::Salesperson(_)
        )
    }

    /// The execution section of a record.
    pub fn section(&self) -> Option<&str> {
        match self {
            ItemKey::Record(section, _) => Some(section),
            _ => None,
        }
    }

    /// A customer of the archive, by id.
    pub fn customer(id: &str) -> ItemKey {
        ItemKey::Record(CUSTOMERS.into(), id.into())
    }
}

/// A step into a field of an item: an object member, or a position in a list whose entries
/// mean a place (a month of the seasonality).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Seg {
    Member(String),
    At(usize),
}

/// Where a field is inside its item: `last_sales` → `amount`, `locks` → `p3` → `amount`.
pub type Path = Vec<Seg>;

/// The pseudo-field holding a sub-district's region or a salesperson's sub-district: a move is
/// a change of it.
pub const PARENT: &str = "@parent";

/// The path of [`PARENT`].
pub fn parent_path() -> Path {
    vec![Seg::Member(PARENT.into())]
}

/// The path of a top-level member.
pub fn member(name: &str) -> Path {
    vec![Seg::Member(name.into())]
}

/// The member names along a path (positions as their number).
pub fn path_text(path: &[Seg]) -> String {
    let mut out = String::new();
    for s in path {
        match s {
            Seg::Member(m) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(m);
            }
            Seg::At(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// Members of the plan that are not compared: its identity, the id counter, the format version,
/// the change log and the mark of a copy sent out (each has its own rule in a merge).
pub const PLAN_IDENTITY: [&str; 5] = [
    "format_version",
    "id",
    "id_seq",
    "change_log",
    "recipient_part",
];

/// The collections of the plan and its nodes.
pub const REGIONS: &str = "regions";
pub const SUBDISTRICTS: &str = "subdistricts";
pub const SALESPEOPLE: &str = "salespeople";
pub const SCENARIOS: &str = "scenarios";
/// The member of the plan holding the execution's sections.
pub const EXECUTION: &str = "execution";
/// The section of the customer archive.
pub const CUSTOMERS: &str = "customers";

/// How the records of a section are told apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keying {
    /// By the values of these fields (a customer's `id`; a note's `node` and `month`).
    Fields(&'static [&'static str]),
    /// The section holds at most one record.
    Single,
    /// By everything in the record (an expense, a change of a customer): records without an id;
    /// a change of one is a record removed and one added.
    Content,
}

/// What kind of item the owner field of a record names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OwnerKind {
    /// A region, sub-district or salesperson.
    Node,
    Region,
    Salesperson,
    Customer,
}

/// A section of the execution's records.
#[derive(Clone, Copy, Debug)]
pub struct Section {
    pub name: &'static str,
    pub keying: Keying,
    /// The field naming the item a record belongs to: deleting that item and changing the
    /// record in the other copy collide.
    pub owner: Option<(&'static str, OwnerKind)>,
}

/// The execution's sections. A section missing here is keyed by content and has no owner.
pub const SECTIONS: [Section; 8] = [
    Section {
        name: "actuals",
        keying: Keying::Fields(&["salesperson"]),
        owner: Some(("salesperson", OwnerKind::Salesperson)),
    },
    Section {
        name: "budgets",
        keying: Keying::Fields(&["region"]),
        owner: Some(("region", OwnerKind::Region)),
    },
    Section {
        name: "customer_history",
        keying: Keying::Content,
        owner: Some(("customer", OwnerKind::Customer)),
    },
    Section {
        name: CUSTOMERS,
        keying: Keying::Fields(&["id"]),
        owner: None,
    },
    Section {
        name: "deviation_notes",
        keying: Keying::Fields(&["node", "month"]),
        owner: Some(("node", OwnerKind::Node)),
    },
    Section {
        name: "expenses",
        keying: Keying::Content,
        owner: Some(("region", OwnerKind::Region)),
    },
    Section {
        name: "scorecard",
        keying: Keying::Fields(&["customer", "month"]),
        owner: Some(("customer", OwnerKind::Customer)),
    },
    Section {
        name: "settings",
        keying: Keying::Single,
        owner: None,
    },
];

/// The declaration of a section (a section this program does not declare: by content).
pub fn section(name: &str) -> Section {
    SECTIONS
        .iter()
        .find(|s| s.name == name)
        .copied()
        .unwrap_or(Section {
            name: "",
            keying: Keying::Content,
            owner: None,
        })
}

/// How a member of an item is compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// An object: each member compared on its own.
    Members,
    /// One value, compared whole (a list of named distributors is one value, merged entry by
    /// entry).
    Whole,
    /// A list whose entries mean places (a scenario's month weights): each entry on its own.
    Places,
    /// A salesperson's actuals, written as one text of months: each month on its own.
    Months,
}

/// The member of a record of actuals holding its months.
pub const MONTHS: &str = "months";

/// How the member at `path` of `item` is compared, given its value.
pub fn rule(item: &ItemKey, path: &[Seg], value: &Value) -> Rule {
    let names: Vec<&str> = path
        .iter()
        .map(|s| match s {
            Seg::Member(m) => m.as_str(),
            Seg::At(_) => "",
        })
        .collect();
    match (item, names.as_slice()) {
        (ItemKey::Scenario(_), ["seasonality"]) => Rule::Places,
        // A tier override is a tier with its reason: one choice, never half of each copy's.
        (ItemKey::Scenario(_), ["tier_overrides", _]) => Rule::Whole,
        (ItemKey::Record(section, _), [MONTHS]) if section == "actuals" => Rule::Months,
        _ => match value {
            Value::Object(map) if !map.is_empty() => Rule::Members,
            _ => Rule::Whole,
        },
    }
}

/// What a field names besides its own item: the node a scenario's lock, manual number or tier
/// override is for, the scenario a plan adopts, the sub-district a customer is linked to. A
/// field naming an item deleted in the other copy collides with that deletion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Names {
    /// A region, sub-district or salesperson, by id.
    Node(String),
    Scenario(String),
    Subdistrict(String),
}

/// The item the field at `path` of `item` names, if any.
pub fn names(item: &ItemKey, path: &[Seg], value: Option<&Value>) -> Option<Names> {
    let text = || value.and_then(Value::as_str).map(str::to_string);
    match (item, path) {
        (ItemKey::Scenario(_), [Seg::Member(map), Seg::Member(node), ..])
            if matches!(map.as_str(), "locks" | "manual" | "tier_overrides") =>
        {
            Some(Names::Node(node.clone()))
        }
        (ItemKey::Plan, [Seg::Member(m)]) if m == "adopted_scenario" => text().map(Names::Scenario),
        (ItemKey::Record(section, _), [Seg::Member(m)])
            if section == CUSTOMERS && m == "subdistrict" =>
        {
            text().filter(|s| !s.is_empty()).map(Names::Subdistrict)
        }
        _ => None,
    }
}
