//! The customer archive (客户档案): distributors and terminals, each linked to a sub-district,
//! with every change kept in a dated history and a last-visit date; records not visited for N
//! days are stale.
//!
//! The deeper facts (经营特色, 行业地位和影响力, 分销能力, 资金实力, 商业信誉, 合作意向) are free
//! text: managers write grades ("A", "强") or sentences, and the history keeps each wording.
//! A sub-district's target distributors and terminals stay names; [`linked_customer`] finds the
//! archive record a name stands for.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::core::field::{parse_date, parse_name, parse_text};
use crate::core::model::Plan;

use super::edit_error::EditError;

/// Longest free-text field of a record, in characters.
const MAX_TEXT: usize = 2000;

/// What a customer is to us.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CustomerKind {
    /// 经销商.
    Distributor,
    /// 零售终端.
    Terminal,
}

impl CustomerKind {
    pub fn key(self) -> &'static str {
        match self {
            CustomerKind::Distributor => "distributor",
            CustomerKind::Terminal => "terminal",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        [CustomerKind::Distributor, CustomerKind::Terminal]
            .into_iter()
            .find(|k| k.key() == key)
    }
}

/// Where a customer stands in the pipeline the manager follows (挖掘潜在客户, 跟踪开发情况):
/// 潜在 → 开发中 → 合作 → 停止.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CustomerStatus {
    /// 潜在: a prospect.
    Prospect,
    /// 开发中: being developed.
    Developing,
    /// 合作: working with us (a record without a status, as the archive held them before).
    #[default]
    Partner,
    /// 停止: no longer.
    Stopped,
}

impl CustomerStatus {
    pub const ALL: [CustomerStatus; 4] = [
        CustomerStatus::Prospect,
        CustomerStatus::Developing,
        CustomerStatus::Partner,
        CustomerStatus::Stopped,
    ];

    pub fn key(self) -> &'static str {
        match self {
            CustomerStatus::Prospect => "prospect",
            CustomerStatus::Developing => "developing",
            CustomerStatus::Partner => "partner",
            CustomerStatus::Stopped => "stopped",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn is_default(&self) -> bool {
        *self == CustomerStatus::default()
    }
}

/// A distributor or terminal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Customer {
    pub id: String,
    pub kind: CustomerKind,
    pub name: String,
    pub address: String,
    pub contact: String,
    pub phone: String,
    /// 经营特色.
    pub characteristics: String,
    /// 行业地位和影响力.
    pub standing: String,
    /// 分销能力.
    pub distribution_capacity: String,
    /// 资金实力.
    pub capital_strength: String,
    /// 商业信誉.
    pub credit: String,
    /// 合作意向.
    pub cooperation_intent: String,
    /// Id of the sub-district the customer belongs to; empty when not linked.
    pub subdistrict: String,
    /// Id of the salesperson who owns the record (visits are checked per person); empty when
    /// no one does.
    pub owner: String,
    pub status: CustomerStatus,
    pub last_visit: Option<NaiveDate>,
    /// Every change, oldest first.
    pub history: Vec<Change>,
}

/// One change of a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub date: NaiveDate,
    pub field: CustomerField,
    pub old: String,
    pub new: String,
}

/// The editable fields of a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CustomerField {
    Kind,
    Name,
    Address,
    Contact,
    Phone,
    Characteristics,
    Standing,
    DistributionCapacity,
    CapitalStrength,
    Credit,
    CooperationIntent,
    Subdistrict,
    Owner,
    Status,
    LastVisit,
}

impl CustomerField {
    pub const ALL: [CustomerField; 15] = [
        CustomerField::Kind,
        CustomerField::Name,
        CustomerField::Address,
        CustomerField::Contact,
        CustomerField::Phone,
        CustomerField::Characteristics,
        CustomerField::Standing,
        CustomerField::DistributionCapacity,
        CustomerField::CapitalStrength,
        CustomerField::Credit,
        CustomerField::CooperationIntent,
        CustomerField::Subdistrict,
        CustomerField::Owner,
        CustomerField::Status,
        CustomerField::LastVisit,
    ];

    /// The field's JSON key.
    pub fn key(self) -> &'static str {
        match self {
            CustomerField::Kind => "kind",
            CustomerField::Name => "name",
            CustomerField::Address => "address",
            CustomerField::Contact => "contact",
            CustomerField::Phone => "phone",
            CustomerField::Characteristics => "characteristics",
            CustomerField::Standing => "standing",
            CustomerField::DistributionCapacity => "distribution_capacity",
            CustomerField::CapitalStrength => "capital_strength",
            CustomerField::Credit => "credit",
            CustomerField::CooperationIntent => "cooperation_intent",
            CustomerField::Subdistrict => "subdistrict",
            CustomerField::Owner => "owner",
            CustomerField::Status => "status",
            CustomerField::LastVisit => "last_visit",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.key() == key)
    }
}

impl Customer {
    /// A record with its id, kind, name and sub-district; every other field empty.
    pub fn new(id: String, kind: CustomerKind, name: String, subdistrict: String) -> Self {
        Customer {
            id,
            kind,
            name,
            address: String::new(),
            contact: String::new(),
            phone: String::new(),
            characteristics: String::new(),
            standing: String::new(),
            distribution_capacity: String::new(),
            capital_strength: String::new(),
            credit: String::new(),
            cooperation_intent: String::new(),
            subdistrict,
            owner: String::new(),
            status: CustomerStatus::default(),
            last_visit: None,
            history: Vec::new(),
        }
    }

    /// A field's value as text (a date as `YYYY-MM-DD`, none as empty).
    pub fn get(&self, field: CustomerField) -> String {
        match field {
            CustomerField::Kind => self.kind.key().into(),
            CustomerField::Status => self.status.key().into(),
            CustomerField::LastVisit => self.last_visit.map_or(String::new(), |d| d.to_string()),
            text => self.text(text).map_or(String::new(), |t| t.to_string()),
        }
    }

    fn text(&self, field: CustomerField) -> Option<&String> {
        Some(match field {
            CustomerField::Name => &self.name,
            CustomerField::Address => &self.address,
            CustomerField::Contact => &self.contact,
            CustomerField::Phone => &self.phone,
            CustomerField::Characteristics => &self.characteristics,
            CustomerField::Standing => &self.standing,
            CustomerField::DistributionCapacity => &self.distribution_capacity,
            CustomerField::CapitalStrength => &self.capital_strength,
            CustomerField::Credit => &self.credit,
            CustomerField::CooperationIntent => &self.cooperation_intent,
            CustomerField::Subdistrict => &self.subdistrict,
            CustomerField::Owner => &self.owner,
            CustomerField::Kind | CustomerField::Status | CustomerField::LastVisit => return None,
        })
    }

    fn text_mut(&mut self, field: CustomerField) -> Option<&mut String> {
        Some(match field {
            CustomerField::Name => &mut self.name,
            CustomerField::Address => &mut self.address,
            CustomerField::Contact => &mut self.contact,
            CustomerField::Phone => &mut self.phone,
            CustomerField::Characteristics => &mut self.characteristics,
            CustomerField::Standing => &mut self.standing,
            CustomerField::DistributionCapacity => &mut self.distribution_capacity,
            CustomerField::CapitalStrength => &mut self.capital_strength,
            CustomerField::Credit => &mut self.credit,
            CustomerField::CooperationIntent => &mut self.cooperation_intent,
            CustomerField::Subdistrict => &mut self.subdistrict,
            CustomerField::Owner => &mut self.owner,
            CustomerField::Kind | CustomerField::Status | CustomerField::LastVisit => return None,
        })
    }
}

/// Adds a record and returns its new id. `subdistrict` may be empty (not linked yet).
pub fn add_customer(
    plan: &mut Plan,
    kind: CustomerKind,
    name: &str,
    subdistrict: &str,
) -> Result<String, EditError> {
    let name = parse_name(name).map_err(|e| EditError::field("name", e))?;
    let subdistrict = subdistrict.trim();
    if !subdistrict.is_empty() && plan.subdistrict(subdistrict).is_none() {
        return Err(EditError::UnknownSubdistrict(subdistrict.into()));
    }
    let id = loop {
        let id = plan.fresh_id("c");
        if !plan.execution.customers.iter().any(|c| c.id == id) {
            break id;
        }
    };
    plan.execution
        .customers
        .push(Customer::new(id.clone(), kind, name, subdistrict.into()));
    Ok(id)
}

/// Sets a field from typed text and, if the value changed, records the change dated `today`.
/// Returns whether it changed. An empty last-visit date clears it.
pub fn update_customer(
    plan: &mut Plan,
    id: &str,
    field: CustomerField,
    text: &str,
    today: NaiveDate,
) -> Result<bool, EditError> {
    let bad = |e| EditError::field(field.key(), e);
    let value = match field {
        CustomerField::Name => parse_name(text).map_err(bad)?,
        CustomerField::Kind => CustomerKind::from_key(text.trim())
            .ok_or(EditError::field(
                "kind",
                crate::core::field::FieldError::Empty,
            ))?
            .key()
            .to_string(),
        CustomerField::Status => CustomerStatus::from_key(text.trim())
            .ok_or(EditError::field(
                "status",
                crate::core::field::FieldError::Empty,
            ))?
            .key()
            .to_string(),
        CustomerField::Owner => {
            let owner = text.trim();
            if !owner.is_empty() && plan.salesperson(owner).is_none() {
                return Err(EditError::UnknownSalesperson(owner.into()));
            }
            owner.to_string()
        }
        CustomerField::LastVisit if text.trim().is_empty() => String::new(),
        CustomerField::LastVisit => parse_date(text).map_err(bad)?.to_string(),
        CustomerField::Subdistrict => {
            let sub = text.trim();
            if !sub.is_empty() && plan.subdistrict(sub).is_none() {
                return Err(EditError::UnknownSubdistrict(sub.into()));
            }
            sub.to_string()
        }
        _ => parse_text(text, MAX_TEXT).map_err(bad)?,
    };
    let customer = plan
        .execution
        .customers
        .iter_mut()
        .find(|c| c.id == id)
        .ok_or_else(|| EditError::UnknownCustomer(id.into()))?;
    let old = customer.get(field);
    if old == value {
        return Ok(false);
    }
    match field {
        CustomerField::Kind => {
            customer.kind = CustomerKind::from_key(&value).unwrap_or(customer.kind);
        }
        CustomerField::Status => {
            customer.status = CustomerStatus::from_key(&value).unwrap_or(customer.status);
        }
        CustomerField::LastVisit => customer.last_visit = parse_date(&value).ok(),
        _ => {
            if let Some(slot) = customer.text_mut(field) {
                *slot = value.clone();
            }
        }
    }
    customer.history.push(Change {
        date: today,
        field,
        old,
        new: value,
    });
    Ok(true)
}

/// Records a visit on `date` (the last-visit date, kept in the history like any change).
pub fn visit(plan: &mut Plan, id: &str, date: NaiveDate) -> Result<bool, EditError> {
    update_customer(plan, id, CustomerField::LastVisit, &date.to_string(), date)
}

/// Removes a record and its scorecard figures; true if it was there.
pub fn remove_customer(plan: &mut Plan, id: &str) -> bool {
    let e = &mut plan.execution;
    let before = e.customers.len();
    e.customers.retain(|c| c.id != id);
    e.scorecard.retain(|s| s.customer != id);
    e.customers.len() != before
}

/// Records not visited for more than `days` days before `today` (never visited counts), the
/// longest unvisited first, then by name.
pub fn stale(plan: &Plan, today: NaiveDate, days: u32) -> Vec<&Customer> {
    let cutoff = today
        .checked_sub_days(chrono::Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MIN);
    let mut list: Vec<&Customer> = plan
        .execution
        .customers
        .iter()
        .filter(|c| c.last_visit.is_none_or(|d| d < cutoff))
        .collect();
    list.sort_by(|a, b| {
        a.last_visit
            .cmp(&b.last_visit)
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.id.cmp(&b.id))
    });
    list
}

/// The archive record a sub-district's target name stands for: same kind and exactly the same
/// name (surrounding spaces aside), the one linked to `subdistrict` first, else the first.
pub fn linked_customer<'p>(
    plan: &'p Plan,
    kind: CustomerKind,
    subdistrict: &str,
    name: &str,
) -> Option<&'p Customer> {
    let name = name.trim();
    let mut same = plan
        .execution
        .customers
        .iter()
        .filter(|c| c.kind == kind && c.name == name);
    let first = same.clone().next();
    same.find(|c| c.subdistrict == subdistrict).or(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;

    fn date(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn a_record_is_owned_by_a_salesperson_and_moves_through_the_pipeline() {
        let mut plan = sample_plan(Lang::Zh);
        let d = &plan.regions[0].subdistricts[0];
        let (sub, person) = (d.id.clone(), d.salespeople[1].id.clone());
        let id = add_customer(&mut plan, CustomerKind::Distributor, "新客户", &sub).unwrap();
        let c = plan.execution.customer(&id).unwrap();
        assert_eq!((c.owner.as_str(), c.status), ("", CustomerStatus::Partner));
        let day = parse_date("2027-02-01").unwrap();
        assert_eq!(
            update_customer(&mut plan, &id, CustomerField::Owner, "nobody", day),
            Err(EditError::UnknownSalesperson("nobody".into()))
        );
        assert!(update_customer(&mut plan, &id, CustomerField::Owner, &person, day).unwrap());
        assert!(update_customer(&mut plan, &id, CustomerField::Status, "prospect", day).unwrap());
        assert!(update_customer(&mut plan, &id, CustomerField::Status, "later", day).is_err());
        let c = plan.execution.customer(&id).unwrap();
        assert_eq!(c.owner, person);
        assert_eq!(c.status, CustomerStatus::Prospect);
        let changed: Vec<(CustomerField, &str, &str)> = c
            .history
            .iter()
            .map(|h| (h.field, h.old.as_str(), h.new.as_str()))
            .collect();
        assert_eq!(
            changed,
            [
                (CustomerField::Owner, "", person.as_str()),
                (CustomerField::Status, "partner", "prospect")
            ]
        );
    }

    #[test]
    fn every_change_is_kept_with_its_date() {
        let mut plan = sample_plan(Lang::Zh);
        let sub = plan.regions[0].subdistricts[0].id.clone();
        let id = add_customer(&mut plan, CustomerKind::Distributor, " 湘通商贸 ", &sub).unwrap();
        let d1 = date("2027-02-01");
        let d2 = date("2027-03-15");
        assert!(update_customer(&mut plan, &id, CustomerField::Credit, "A", d1).unwrap());
        assert!(!update_customer(&mut plan, &id, CustomerField::Credit, " A ", d1).unwrap());
        assert!(update_customer(&mut plan, &id, CustomerField::Credit, "B", d2).unwrap());
        assert!(visit(&mut plan, &id, d2).unwrap());
        let c = &plan.execution.customers[0];
        assert_eq!(c.name, "湘通商贸");
        assert_eq!(c.credit, "B");
        assert_eq!(c.last_visit, Some(d2));
        let history: Vec<(String, &str, &str, &str)> = c
            .history
            .iter()
            .map(|h| {
                (
                    h.date.to_string(),
                    h.field.key(),
                    h.old.as_str(),
                    h.new.as_str(),
                )
            })
            .collect();
        assert_eq!(
            history,
            [
                ("2027-02-01".into(), "credit", "", "A"),
                ("2027-03-15".into(), "credit", "A", "B"),
                ("2027-03-15".into(), "last_visit", "", "2027-03-15"),
            ]
        );
        assert_eq!(
            update_customer(&mut plan, &id, CustomerField::Name, "  ", d2),
            Err(EditError::field(
                "name",
                crate::core::field::FieldError::Empty
            ))
        );
        assert_eq!(
            update_customer(&mut plan, &id, CustomerField::Subdistrict, "d999", d2),
            Err(EditError::UnknownSubdistrict("d999".into()))
        );
        assert_eq!(
            update_customer(&mut plan, "c0", CustomerField::Phone, "1", d2),
            Err(EditError::UnknownCustomer("c0".into()))
        );
        assert!(update_customer(&mut plan, &id, CustomerField::Kind, "terminal", d2).unwrap());
        assert_eq!(plan.execution.customers[0].kind, CustomerKind::Terminal);
    }

    #[test]
    fn records_not_visited_for_n_days_are_stale_oldest_first() {
        let mut plan = sample_plan(Lang::En);
        let today = date("2027-04-30");
        let mut add = |name: &str, visited: Option<&str>| {
            let id = add_customer(&mut plan, CustomerKind::Terminal, name, "").unwrap();
            if let Some(v) = visited {
                visit(&mut plan, &id, date(v)).unwrap();
            }
        };
        add("Visited 30 days ago", Some("2027-03-31"));
        add("Visited 31 days ago", Some("2027-03-30"));
        add("Never visited", None);
        add("Visited yesterday", Some("2027-04-29"));
        add("Visited in January", Some("2027-01-05"));
        let names: Vec<&str> = stale(&plan, today, 30)
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(
            names,
            ["Never visited", "Visited in January", "Visited 31 days ago"]
        );
        assert_eq!(
            stale(&plan, today, 0).len(),
            5,
            "at 0 days every visit before today is stale"
        );
    }

    #[test]
    fn target_names_link_to_records_of_their_sub_district_first() {
        let mut plan = sample_plan(Lang::En);
        let d1 = plan.regions[0].subdistricts[0].id.clone();
        let d2 = plan.regions[0].subdistricts[1].id.clone();
        let name = plan.regions[0].subdistricts[1].target_distributors[0].clone();
        let a = add_customer(&mut plan, CustomerKind::Distributor, &name, &d1).unwrap();
        let b = add_customer(&mut plan, CustomerKind::Distributor, &name, &d2).unwrap();
        add_customer(&mut plan, CustomerKind::Terminal, &name, &d2).unwrap();
        let found = |sub: &str, n: &str| {
            linked_customer(&plan, CustomerKind::Distributor, sub, n).map(|c| c.id.clone())
        };
        assert_eq!(found(&d2, &name), Some(b));
        assert_eq!(found("elsewhere", &name), Some(a.clone()));
        assert_eq!(found(&d1, &format!(" {name} ")), Some(a));
        assert_eq!(
            found(&d1, &name.to_lowercase()),
            None,
            "names match exactly"
        );
    }
}
