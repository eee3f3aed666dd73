//! The customer archive (客户档案): distributors and terminals linked to their sub-district, each
//! change kept with its date, the last visit, records not visited for N days, and the
//! sub-districts' named target customers linked to their records.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::Choice;
use crate::core::execution::{
    Customer, CustomerField, CustomerKind, CustomerStatus, linked_customer, stale,
};
use crate::core::model::Plan;
use crate::i18n::exec::ExecText;
use crate::i18n::fill;

pub fn kind_name(t: &ExecText, kind: CustomerKind) -> &'static str {
    match kind {
        CustomerKind::Distributor => t.distributor,
        CustomerKind::Terminal => t.terminal,
    }
}

pub fn status_name(t: &ExecText, status: CustomerStatus) -> &'static str {
    match status {
        CustomerStatus::Prospect => t.status_prospect,
        CustomerStatus::Developing => t.status_developing,
        CustomerStatus::Partner => t.status_partner,
        CustomerStatus::Stopped => t.status_stopped,
    }
}

/// The pipeline's steps, 潜在 → 开发中 → 合作 → 停止.
pub fn status_choices(t: &ExecText) -> Vec<Choice> {
    CustomerStatus::ALL
        .map(|s| Choice::new(s.key(), status_name(t, s)))
        .to_vec()
}

/// "(no one)", then the people of the record's sub-district (and its owner, wherever they
/// work now): a record is owned by someone who covers its sub-district.
pub fn owner_choices(t: &ExecText, plan: &Plan, c: &Customer) -> Vec<Choice> {
    let mut choices = vec![Choice::new("", t.no_owner)];
    if let Some(d) = plan.subdistrict(&c.subdistrict) {
        choices.extend(
            d.salespeople
                .iter()
                .map(|p| Choice::new(p.id.clone(), p.name.clone())),
        );
    }
    if !c.owner.is_empty() && !choices.iter().any(|ch| ch.value == c.owner) {
        choices.push(Choice::new(c.owner.clone(), owner_name(t, plan, &c.owner)));
    }
    choices
}

/// Names of the people and sub-districts the listed records point at, looked up in one pass
/// over the territory (a list of records is drawn against ten thousand salespeople).
struct Names<'a> {
    people: HashMap<&'a str, &'a str>,
    subdistricts: HashMap<&'a str, &'a str>,
}

impl<'a> Names<'a> {
    fn of<'c>(plan: &'a Plan, records: impl Iterator<Item = &'c Customer>) -> Self {
        let mut people: HashMap<&'a str, &'a str> = HashMap::new();
        let mut subdistricts: HashMap<&'a str, &'a str> = HashMap::new();
        let (mut owners, mut places) = (HashSet::new(), HashSet::new());
        for c in records {
            owners.insert(c.owner.as_str());
            places.insert(c.subdistrict.as_str());
        }
        for d in plan.regions.iter().flat_map(|r| &r.subdistricts) {
            if places.contains(d.id.as_str()) {
                subdistricts.entry(&d.id).or_insert(&d.name);
            }
            for p in d
                .salespeople
                .iter()
                .filter(|p| owners.contains(p.id.as_str()))
            {
                people.entry(&p.id).or_insert(&p.name);
            }
        }
        Names {
            people,
            subdistricts,
        }
    }

    fn owner(&self, t: &ExecText, id: &str) -> String {
        match self.people.get(id) {
            _ if id.is_empty() => t.no_owner.to_string(),
            Some(name) => name.to_string(),
            None => id.to_string(),
        }
    }

    fn subdistrict(&self, t: &ExecText, id: &str) -> String {
        match self.subdistricts.get(id) {
            Some(name) if !id.is_empty() => name.to_string(),
            _ => t.unlinked.to_string(),
        }
    }
}

fn owner_name(t: &ExecText, plan: &Plan, id: &str) -> String {
    match plan.salesperson(id) {
        Some(p) if !id.is_empty() => p.name.clone(),
        _ if id.is_empty() => t.no_owner.to_string(),
        _ => id.to_string(),
    }
}

/// What the archive's list is narrowed to besides the search.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArchiveFilter {
    /// A salesperson's id; `None` for everyone.
    pub owner: Option<String>,
    pub status: Option<CustomerStatus>,
}

impl ArchiveFilter {
    fn keeps(&self, c: &Customer) -> bool {
        self.owner.as_ref().is_none_or(|o| *o == c.owner)
            && self.status.is_none_or(|s| s == c.status)
    }
}

/// "Everyone", then each salesperson who owns a record, in the territory's order.
pub fn owner_filter_choices(t: &ExecText, plan: &Plan) -> Vec<Choice> {
    let owners: std::collections::HashSet<&str> = plan
        .execution
        .customers
        .iter()
        .map(|c| c.owner.as_str())
        .filter(|o| !o.is_empty())
        .collect();
    std::iter::once(Choice::new("", t.everyone))
        .chain(
            plan.salespeople()
                .filter(|p| owners.contains(p.id.as_str()))
                .map(|p| Choice::new(p.id.clone(), p.name.clone())),
        )
        .collect()
}

/// "Every status", then the pipeline's steps.
pub fn status_filter_choices(t: &ExecText) -> Vec<Choice> {
    std::iter::once(Choice::new("", t.every_status))
        .chain(status_choices(t))
        .collect()
}

/// A step of the pipeline and how many records (of the person filtered by) stand there.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PipelineStep {
    pub status: CustomerStatus,
    pub label: &'static str,
    pub count: usize,
}

/// The pipeline 潜在 → 开发中 → 合作 → 停止 of the records of `owner` (everyone's with `None`).
pub fn pipeline(t: &ExecText, plan: &Plan, owner: Option<&str>) -> Vec<PipelineStep> {
    CustomerStatus::ALL
        .map(|status| PipelineStep {
            status,
            label: status_name(t, status),
            count: plan
                .execution
                .customers
                .iter()
                .filter(|c| c.status == status && owner.is_none_or(|o| o == c.owner))
                .count(),
        })
        .to_vec()
}

pub fn field_name(t: &ExecText, field: CustomerField) -> &'static str {
    match field {
        CustomerField::Kind => t.kind,
        CustomerField::Subdistrict => t.subdistrict,
        other => t.field_label(other.key()),
    }
}

/// The kinds a record can be, distributor first.
pub fn kind_choices(t: &ExecText) -> Vec<Choice> {
    [CustomerKind::Distributor, CustomerKind::Terminal]
        .map(|k| Choice::new(k.key(), kind_name(t, k)))
        .to_vec()
}

/// "Not linked", then the sub-districts of `region`, in the plan's order. A sub-district is
/// picked within its region: a flat list of every sub-district of a large territory (a
/// thousand) would be slow to draw and to search by eye.
pub fn subdistricts_of(t: &ExecText, plan: &Plan, region: &str) -> Vec<Choice> {
    std::iter::once(Choice::new("", t.unlinked))
        .chain(
            plan.region(region)
                .into_iter()
                .flat_map(|r| &r.subdistricts)
                .map(|d| Choice::new(d.id.clone(), d.name.clone())),
        )
        .collect()
}

/// The region a sub-district belongs to, else the plan's first region.
pub fn region_of(plan: &Plan, subdistrict: &str) -> String {
    plan.regions
        .iter()
        .find(|r| r.subdistricts.iter().any(|d| d.id == subdistrict))
        .or(plan.regions.first())
        .map(|r| r.id.clone())
        .unwrap_or_default()
}

fn subdistrict_name(t: &ExecText, plan: &Plan, id: &str) -> String {
    match plan.subdistrict(id) {
        Some(d) if !id.is_empty() => d.name.clone(),
        _ => t.unlinked.to_string(),
    }
}

/// The sub-district's distributors' contract volumes against its quantity target (from the
/// adopted breakdown), as a sentence; `None` when none has a contract volume recorded.
pub fn contracts_line(
    t: &ExecText,
    plan: &Plan,
    bd: &crate::core::breakdown::Breakdown,
    subdistrict: &str,
) -> Option<String> {
    let contracts = crate::core::execution::contract_volume_of(plan, subdistrict);
    if contracts.is_zero() {
        return None;
    }
    let target = bd
        .find(subdistrict)
        .map(|i| bd.annual(i, crate::core::scenario::Measure::Quantity))
        .unwrap_or_default();
    let share = (!target.is_zero()).then(|| contracts / target);
    Some(fill(
        t.contracts_vs_target,
        &[
            &crate::view::numbers::grouped(contracts),
            &crate::view::numbers::grouped(target),
            &super::rate(t, share),
        ],
    ))
}

/// A record on the archive's list.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CustomerRow {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    pub subdistrict: String,
    /// The owning salesperson's name, or "(no one)".
    pub owner: String,
    pub status: &'static str,
    pub contact: String,
    pub phone: String,
    /// `YYYY-MM-DD`, or "never".
    pub last_visit: String,
}

/// Every record matching `search` (in its name, contact, phone or sub-district, any case) and
/// `filter`, in the archive's order.
pub fn customer_rows(
    t: &ExecText,
    plan: &Plan,
    search: &str,
    filter: &ArchiveFilter,
) -> Vec<CustomerRow> {
    let needle = search.trim().to_lowercase();
    let kept = || plan.execution.customers.iter().filter(|c| filter.keeps(c));
    let names = Names::of(plan, kept());
    kept()
        .filter_map(|c| {
            let subdistrict = names.subdistrict(t, &c.subdistrict);
            let hay = [c.name.as_str(), &c.contact, &c.phone, &subdistrict];
            let found = needle.is_empty() || hay.iter().any(|s| s.to_lowercase().contains(&needle));
            found.then(|| CustomerRow {
                id: c.id.clone(),
                name: c.name.clone(),
                kind: kind_name(t, c.kind),
                subdistrict,
                owner: names.owner(t, &c.owner),
                status: status_name(t, c.status),
                contact: c.contact.clone(),
                phone: c.phone.clone(),
                last_visit: c
                    .last_visit
                    .map_or_else(|| t.never.to_string(), |d| d.to_string()),
            })
        })
        .collect()
}

/// How a field of a record is typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordInput {
    Text,
    Date,
    /// One of these choices.
    Choice(Vec<Choice>),
    /// A sub-district, picked within a region ([`subdistricts_of`]).
    Subdistrict,
    /// A salesperson of the record's sub-district ([`owner_choices`]).
    Owner,
}

/// An editable field of an open record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordField {
    pub field: CustomerField,
    pub label: &'static str,
    pub input: RecordInput,
}

/// The record's fields in form order, with how each is typed.
pub fn record_fields(t: &ExecText) -> Vec<RecordField> {
    CustomerField::ALL
        .into_iter()
        .map(|field| RecordField {
            field,
            label: field_name(t, field),
            input: match field {
                CustomerField::Kind => RecordInput::Choice(kind_choices(t)),
                CustomerField::Subdistrict => RecordInput::Subdistrict,
                CustomerField::Owner => RecordInput::Owner,
                CustomerField::Status => RecordInput::Choice(status_choices(t)),
                CustomerField::LastVisit => RecordInput::Date,
                _ => RecordInput::Text,
            },
        })
        .collect()
}

/// One change in a record's history, as the record shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct HistoryRow {
    /// Position in the history, oldest first (the list shows the newest first).
    pub n: usize,
    pub date: String,
    pub field: &'static str,
    /// `old → new`, with "—" for an empty value and names for kinds and sub-districts.
    pub change: String,
}

/// The record's history, newest first.
pub fn history_rows(t: &ExecText, plan: &Plan, c: &Customer) -> Vec<HistoryRow> {
    c.history
        .iter()
        .enumerate()
        .rev()
        .map(|(n, h)| {
            let shown = |v: &str| match h.field {
                _ if v.is_empty() => t.none_dash.to_string(),
                CustomerField::Subdistrict => subdistrict_name(t, plan, v),
                CustomerField::Owner => owner_name(t, plan, v),
                CustomerField::Status => CustomerStatus::from_key(v)
                    .map_or_else(|| v.to_string(), |s| status_name(t, s).to_string()),
                CustomerField::Kind => CustomerKind::from_key(v)
                    .map_or_else(|| v.to_string(), |k| kind_name(t, k).to_string()),
                _ => v.to_string(),
            };
            HistoryRow {
                n,
                date: h.date.to_string(),
                field: field_name(t, h.field),
                change: format!("{} → {}", shown(&h.old), shown(&h.new)),
            }
        })
        .collect()
}

/// A record not visited for too long.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StaleRow {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    pub subdistrict: String,
    /// Who should have visited.
    pub owner: String,
    /// The last visit and the days since (`2027-01-01 (89)`), or "never".
    pub since: String,
}

/// Records of `owner` (everyone's with `None`) not visited for more than `days` days before
/// `today`, the longest unvisited first.
pub fn stale_rows(
    t: &ExecText,
    plan: &Plan,
    today: NaiveDate,
    days: u32,
    owner: Option<&str>,
) -> Vec<StaleRow> {
    let records: Vec<&Customer> = stale(plan, today, days)
        .into_iter()
        .filter(|c| owner.is_none_or(|o| o == c.owner))
        .collect();
    let names = Names::of(plan, records.iter().copied());
    records
        .into_iter()
        .map(|c| StaleRow {
            id: c.id.clone(),
            name: c.name.clone(),
            kind: kind_name(t, c.kind),
            subdistrict: names.subdistrict(t, &c.subdistrict),
            owner: names.owner(t, &c.owner),
            since: match c.last_visit {
                Some(d) => format!("{d} ({})", (today - d).num_days()),
                None => t.never.to_string(),
            },
        })
        .collect()
}

/// A salesperson's count of stale records (监督、检查销售员对客户的定期访问情况).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StaleOwner {
    /// The salesperson's id (empty for records no one owns).
    pub owner: String,
    pub name: String,
    pub count: usize,
}

/// Each owner with stale records, the most first (then in the territory's order); records no
/// one owns last.
pub fn stale_by_owner(t: &ExecText, plan: &Plan, today: NaiveDate, days: u32) -> Vec<StaleOwner> {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for c in stale(plan, today, days) {
        *counts.entry(c.owner.as_str()).or_default() += 1;
    }
    let mut list: Vec<StaleOwner> = plan
        .salespeople()
        .filter_map(|p| {
            counts.get(p.id.as_str()).map(|&count| StaleOwner {
                owner: p.id.clone(),
                name: p.name.clone(),
                count,
            })
        })
        .collect();
    list.sort_by_key(|o| std::cmp::Reverse(o.count));
    if let Some(&count) = counts.get("") {
        list.push(StaleOwner {
            owner: String::new(),
            name: t.no_owner.to_string(),
            count,
        });
    }
    list
}

/// A sub-district's named target customers.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TargetGroup {
    /// The sub-district's id.
    pub subdistrict: String,
    /// "Target customers of Region · Sub-district".
    pub title: String,
    pub targets: Vec<TargetCustomer>,
}

/// A named target distributor or terminal and the archive record it stands for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TargetCustomer {
    pub kind: CustomerKind,
    pub kind_label: &'static str,
    pub name: String,
    /// The id of its record; `None` when it has none yet.
    pub record: Option<String>,
}

/// Every sub-district that names target customers, in the plan's order, distributors first.
pub fn target_groups(t: &ExecText, plan: &Plan) -> Vec<TargetGroup> {
    plan.regions
        .iter()
        .flat_map(|r| r.subdistricts.iter().map(move |d| (r, d)))
        .filter_map(|(r, d)| {
            let targets: Vec<TargetCustomer> = [
                (CustomerKind::Distributor, &d.target_distributors),
                (CustomerKind::Terminal, &d.target_terminals),
            ]
            .into_iter()
            .flat_map(|(kind, names)| names.iter().map(move |n| (kind, n)))
            .filter(|(_, name)| !name.trim().is_empty())
            .map(|(kind, name)| TargetCustomer {
                kind,
                kind_label: kind_name(t, kind),
                name: name.trim().to_string(),
                record: linked_customer(plan, kind, &d.id, name).map(|c| c.id.clone()),
            })
            .collect();
            (!targets.is_empty()).then(|| TargetGroup {
                subdistrict: d.id.clone(),
                title: fill(t.targets_of, &[&format!("{} · {}", r.name, d.name)]),
                targets,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::execution::{add_customer, update_customer, visit};
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;
    use crate::i18n::exec::{EXEC_EN, EXEC_ZH};

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_record_shows_every_field_and_its_history() {
        let mut plan = sample_plan(Lang::En);
        let sub = plan.regions[0].subdistricts[0].id.clone();
        let id = add_customer(
            &mut plan,
            CustomerKind::Distributor,
            "Xiangjiang Trading",
            &sub,
        )
        .unwrap();
        update_customer(
            &mut plan,
            &id,
            CustomerField::Phone,
            "0731-1234",
            day("2027-02-01"),
        )
        .unwrap();
        update_customer(
            &mut plan,
            &id,
            CustomerField::Kind,
            "terminal",
            day("2027-02-03"),
        )
        .unwrap();
        let fields = record_fields(&EXEC_EN);
        assert_eq!(
            fields.iter().map(|f| f.field).collect::<Vec<_>>(),
            CustomerField::ALL
        );
        for f in &fields {
            assert!(!f.label.contains('_'), "{f:?} has a label");
        }
        let input = |field| {
            fields
                .iter()
                .find(|f| f.field == field)
                .unwrap()
                .input
                .clone()
        };
        assert_eq!(input(CustomerField::Subdistrict), RecordInput::Subdistrict);
        assert_eq!(input(CustomerField::LastVisit), RecordInput::Date);
        assert_eq!(
            input(CustomerField::Kind),
            RecordInput::Choice(vec![
                Choice::new("distributor", "Distributor"),
                Choice::new("terminal", "Terminal")
            ])
        );
        let region = region_of(&plan, &sub);
        assert_eq!(region, plan.regions[0].id);
        let choices = subdistricts_of(&EXEC_EN, &plan, &region);
        assert_eq!(choices[0], Choice::new("", "(not linked)"));
        assert_eq!(choices[1], Choice::new(sub.clone(), "Furong District"));
        assert_eq!(choices.len(), 1 + plan.regions[0].subdistricts.len());
        let last = plan.regions.last().unwrap();
        assert_eq!(region_of(&plan, &last.subdistricts[0].id), last.id);
        assert_eq!(
            region_of(&plan, ""),
            plan.regions[0].id,
            "not linked: the first"
        );

        let c = plan.execution.customer(&id).unwrap();
        let history = history_rows(&EXEC_EN, &plan, c);
        assert_eq!(history.len(), 2);
        assert_eq!(history[0].field, "Kind", "newest first");
        assert_eq!(history[0].change, "Distributor → Terminal");
        assert_eq!(history[1].date, "2027-02-01");
        assert_eq!(history[1].field, "Phone");
        assert_eq!(history[1].change, "— → 0731-1234");
    }

    #[test]
    fn the_list_finds_records_by_name_contact_phone_or_sub_district() {
        let mut plan = sample_plan(Lang::En);
        let sub = plan.regions[0].subdistricts[0].id.clone();
        let a = add_customer(&mut plan, CustomerKind::Distributor, "Alpha Trading", &sub).unwrap();
        add_customer(&mut plan, CustomerKind::Terminal, "Beta Mart", "").unwrap();
        update_customer(
            &mut plan,
            &a,
            CustomerField::Phone,
            "0731",
            day("2027-01-02"),
        )
        .unwrap();
        let names = |search: &str| -> Vec<String> {
            customer_rows(&EXEC_EN, &plan, search, &ArchiveFilter::default())
                .into_iter()
                .map(|r| r.name)
                .collect()
        };
        assert_eq!(names(""), ["Alpha Trading", "Beta Mart"]);
        assert_eq!(names("  beta "), ["Beta Mart"]);
        assert_eq!(names("0731"), ["Alpha Trading"]);
        assert_eq!(names("furong"), ["Alpha Trading"]);
        assert_eq!(names("not linked"), ["Beta Mart"]);
        let rows = customer_rows(&EXEC_EN, &plan, "", &ArchiveFilter::default());
        assert_eq!(rows[0].subdistrict, "Furong District");
        assert_eq!(rows[1].kind, "Terminal");
        assert_eq!(rows[1].last_visit, "never");
    }

    #[test]
    fn unvisited_records_are_listed_and_targets_link_to_records() {
        let mut plan = sample_plan(Lang::En);
        let d = &plan.regions[0].subdistricts[0];
        let (sub, target) = (d.id.clone(), d.target_distributors[0].clone());
        let a = add_customer(&mut plan, CustomerKind::Terminal, "Old Friend", &sub).unwrap();
        let b = add_customer(&mut plan, CustomerKind::Terminal, "Seen Lately", &sub).unwrap();
        let c = add_customer(&mut plan, CustomerKind::Terminal, "Never Seen", "").unwrap();
        visit(&mut plan, &a, day("2027-01-01")).unwrap();
        visit(&mut plan, &b, day("2027-03-20")).unwrap();
        let stale = stale_rows(&EXEC_EN, &plan, day("2027-03-31"), 30, None);
        assert_eq!(
            stale.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            [c.as_str(), a.as_str()],
            "never visited first, the recently seen not at all"
        );
        assert_eq!(stale[0].since, "never");
        assert_eq!(stale[1].since, "2027-01-01 (89)");
        assert_eq!(stale[1].subdistrict, "Furong District");

        let unlinked = |plan: &Plan| -> usize {
            target_groups(&EXEC_EN, plan)
                .iter()
                .flat_map(|g| &g.targets)
                .filter(|t| t.kind == CustomerKind::Distributor && t.record.is_none())
                .count()
        };
        let groups = target_groups(&EXEC_EN, &plan);
        assert_eq!(
            groups[0].title,
            "Target customers of Changsha · Furong District"
        );
        let first = &groups[0].targets[0];
        assert_eq!(
            (first.kind_label, first.name.as_str()),
            ("Distributor", target.as_str())
        );
        assert_eq!(first.record, None);
        let before = unlinked(&plan);
        let id = add_customer(&mut plan, CustomerKind::Distributor, &target, &sub).unwrap();
        assert!(unlinked(&plan) < before);
        assert_eq!(
            target_groups(&EXEC_EN, &plan)[0].targets[0].record,
            Some(id)
        );
    }

    #[test]
    fn the_archive_reads_in_chinese() {
        let plan = sample_plan(Lang::Zh);
        let groups = target_groups(&EXEC_ZH, &plan);
        assert!(
            groups[0].title.ends_with("的目标客户"),
            "{}",
            groups[0].title
        );
        assert_eq!(groups[0].targets[0].kind_label, "经销商");
        for f in record_fields(&EXEC_ZH) {
            assert!(!f.label.is_ascii(), "{:?} reads in Chinese", f.field);
        }
    }

    #[test]
    fn the_archive_filters_by_owner_and_status_and_counts_stale_records_per_person() {
        let mut plan = sample_plan(Lang::En);
        plan.execution = crate::core::execution::sample_execution(&plan, 3);
        let c = plan.execution.customers[0].clone();
        let owner = plan.salesperson(&c.owner).unwrap().name.clone();
        let mine = ArchiveFilter {
            owner: Some(c.owner.clone()),
            status: None,
        };
        let rows = customer_rows(&EXEC_EN, &plan, "", &mine);
        assert!(rows.iter().all(|r| r.owner == owner));
        assert!(rows.iter().any(|r| r.id == c.id));
        let owned = plan
            .execution
            .customers
            .iter()
            .filter(|x| x.owner == c.owner)
            .count();
        assert_eq!(rows.len(), owned);
        // The pipeline: the sample has partners, one developing and one prospect.
        let steps = pipeline(&EXEC_EN, &plan, None);
        let counts: Vec<(&str, usize)> = steps.iter().map(|s| (s.label, s.count)).collect();
        assert_eq!(
            counts,
            [
                ("Prospect", 1),
                ("Developing", 2),
                ("Partner", 5),
                ("Stopped", 0)
            ]
        );
        let prospects = ArchiveFilter {
            owner: None,
            status: Some(CustomerStatus::Prospect),
        };
        let rows = customer_rows(&EXEC_EN, &plan, "", &prospects);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].status, "Prospect");
        // Stale: the records never visited, counted per owner; the owner's own list.
        let today = day("2027-04-30");
        let all = stale_rows(&EXEC_EN, &plan, today, 30, None);
        let per_owner = stale_by_owner(&EXEC_EN, &plan, today, 30);
        assert_eq!(per_owner.iter().map(|o| o.count).sum::<usize>(), all.len());
        let top = &per_owner[0];
        assert_eq!(
            stale_rows(&EXEC_EN, &plan, today, 30, Some(&top.owner)).len(),
            top.count
        );
        assert!(per_owner.windows(2).all(|w| w[0].count >= w[1].count));
        assert!(
            owner_filter_choices(&EXEC_EN, &plan)
                .iter()
                .any(|ch| ch.label == owner)
        );
        // The owner is picked among the record's sub-district's people.
        let d = plan.subdistrict(&c.subdistrict).unwrap();
        let choices = owner_choices(&EXEC_ZH, &plan, &c);
        assert_eq!(choices[0].label, "（未指定）");
        assert_eq!(choices.len(), 1 + d.salespeople.len());
    }

    #[test]
    fn a_sub_district_shows_its_distributors_contracts_against_its_target() {
        let mut plan = sample_plan(Lang::Zh);
        let sub = plan.regions[0].subdistricts[0].id.clone();
        let bd = crate::core::breakdown::compute(&plan, plan.adopted().unwrap()).unwrap();
        assert_eq!(contracts_line(&EXEC_ZH, &plan, &bd, &sub), None);
        let id = add_customer(&mut plan, CustomerKind::Distributor, "湘通商贸", &sub).unwrap();
        let figures = crate::core::execution::ScoreFigures {
            contract_volume: rust_decimal::Decimal::from(12_000),
            ..Default::default()
        };
        let month = crate::core::period::YearMonth::new(2027, 1).unwrap();
        crate::core::execution::set_score_entry(&mut plan, &id, month, figures).unwrap();
        let target = bd.annual(
            bd.find(&sub).unwrap(),
            crate::core::scenario::Measure::Quantity,
        );
        let line = contracts_line(&EXEC_ZH, &plan, &bd, &sub).unwrap();
        let pct = crate::view::numbers::percent(rust_decimal::Decimal::from(1_200_000) / target);
        assert_eq!(
            line,
            format!(
                "经销商合同销量合计 12,000，分区销量目标 {}，覆盖 {pct}",
                crate::view::numbers::grouped(target)
            )
        );
    }
}
