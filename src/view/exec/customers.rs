//! The customer archive (客户档案): distributors and terminals linked to their sub-district, each
//! change kept with its date, the last visit, records not visited for N days, and the
//! sub-districts' named target customers linked to their records.

use chrono::NaiveDate;

use super::Choice;
use crate::core::execution::{Customer, CustomerField, CustomerKind, linked_customer, stale};
use crate::core::model::Plan;
use crate::i18n::exec::ExecText;
use crate::i18n::fill;

pub fn kind_name(t: &ExecText, kind: CustomerKind) -> &'static str {
    match kind {
        CustomerKind::Distributor => t.distributor,
        CustomerKind::Terminal => t.terminal,
    }
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

/// A record on the archive's list.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CustomerRow {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    pub subdistrict: String,
    pub contact: String,
    pub phone: String,
    /// `YYYY-MM-DD`, or "never".
    pub last_visit: String,
}

/// Every record matching `search` (in its name, contact, phone or sub-district, any case), in
/// the archive's order.
pub fn customer_rows(t: &ExecText, plan: &Plan, search: &str) -> Vec<CustomerRow> {
    let needle = search.trim().to_lowercase();
    plan.execution
        .customers
        .iter()
        .filter_map(|c| {
            let subdistrict = subdistrict_name(t, plan, &c.subdistrict);
            let hay = [c.name.as_str(), &c.contact, &c.phone, &subdistrict];
            let found = needle.is_empty() || hay.iter().any(|s| s.to_lowercase().contains(&needle));
            found.then(|| CustomerRow {
                id: c.id.clone(),
                name: c.name.clone(),
                kind: kind_name(t, c.kind),
                subdistrict,
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
    /// The last visit and the days since (`2027-01-01 (89)`), or "never".
    pub since: String,
}

/// Records not visited for more than `days` days before `today`, the longest unvisited first.
pub fn stale_rows(t: &ExecText, plan: &Plan, today: NaiveDate, days: u32) -> Vec<StaleRow> {
    stale(plan, today, days)
        .into_iter()
        .map(|c| StaleRow {
            id: c.id.clone(),
            name: c.name.clone(),
            kind: kind_name(t, c.kind),
            subdistrict: subdistrict_name(t, plan, &c.subdistrict),
            since: match c.last_visit {
                Some(d) => format!("{d} ({})", (today - d).num_days()),
                None => t.never.to_string(),
            },
        })
        .collect()
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
            customer_rows(&EXEC_EN, &plan, search)
                .into_iter()
                .map(|r| r.name)
                .collect()
        };
        assert_eq!(names(""), ["Alpha Trading", "Beta Mart"]);
        assert_eq!(names("  beta "), ["Beta Mart"]);
        assert_eq!(names("0731"), ["Alpha Trading"]);
        assert_eq!(names("furong"), ["Alpha Trading"]);
        assert_eq!(names("not linked"), ["Beta Mart"]);
        let rows = customer_rows(&EXEC_EN, &plan, "");
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
        let stale = stale_rows(&EXEC_EN, &plan, day("2027-03-31"), 30);
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
}
