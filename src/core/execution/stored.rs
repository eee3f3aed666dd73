//! How the execution is written in the plan's JSON.
//!
//! Every section is a list of records and every record a JSON object of strings (decimals are
//! strings in this format anyway; counts, flags and dates are too). So the whole execution is
//! one generic type, `{section: [{field: text}]}`, read and written by one table-driven pair of
//! functions. Derived serde code for the dozen record types cost about 20 KB of the gzipped
//! wasm (measured), a derived struct of sections still 16 KB; this costs a fraction. A
//! salesperson's actuals are one record with all months in one text, `month amount quantity
//! collections` separated by `;` — compact for a year of 10,000 people (120,000 months).
//!
//! ```json
//! "execution": {
//!   "actuals": [{"salesperson": "p3", "months": "2027-01 120000 4800 100000; 2027-02 98000 3900 90000"}],
//!   "settings": [{"deviation_threshold": "15", "weight.share": "2"}],
//!   "deviation_notes": [{"node": "p3", "month": "2027-02", "note": "Joint visits", "done": "true"}],
//!   "customers": [{"id": "c1", "kind": "distributor", "name": "湘通商贸", "subdistrict": "d2",
//!                  "credit": "A", "last_visit": "2027-01-15"}],
//!   "customer_history": [{"customer": "c1", "date": "2027-02-01", "field": "credit",
//!                         "old": "B", "new": "A"}],
//!   "scorecard": [{"customer": "c1", "month": "2027-03", "our_sales": "300000",
//!                  "price_violations": "1", "cross_territory": "0", "collection_days": "45"}],
//!   "budgets": [{"region": "r1", "amount": "100000"}],
//!   "expenses": [{"date": "2027-02-10", "region": "r1", "channel": "terminal",
//!                 "amount": "60000", "discount_percent": "12", "reviewed": "true"}]
//! }
//! ```
//! Sections and fields left out read as empty, zero or false (settings as their defaults); a
//! section or field this program does not know is an error, like everywhere else in the plan
//! format.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::core::field::parse_date;
use crate::core::period::YearMonth;

use super::actuals::Actual;
use super::archive::{Change, Customer, CustomerField, CustomerKind};
use super::deviation::DeviationNote;
use super::expenses::{Channel, Expense};
use super::scorecard::{ScoreEntry, ScoreFigures};
use super::{Execution, Settings};

type Rec = BTreeMap<String, String>;

/// Section name → records.
pub type Stored = BTreeMap<String, Vec<Rec>>;

const SECTIONS: [&str; 8] = [
    "actuals",
    "settings",
    "deviation_notes",
    "customers",
    "customer_history",
    "scorecard",
    "budgets",
    "expenses",
];

impl Serialize for Execution {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        write(self).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Execution {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        read(Stored::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

/// A field of a record, read and written by one table-driven pair of functions (a dozen
/// hand-written readers were most of this module's size in the wasm).
enum Slot<'a> {
    /// Text, empty when left out.
    Text(&'a mut String),
    /// Text that must be there.
    Id(&'a mut String),
    /// A decimal, zero when left out (and left out when zero).
    Dec(&'a mut Decimal),
    /// A decimal always written.
    Num(&'a mut Decimal),
    OptDec(&'a mut Option<Decimal>),
    Count(&'a mut u32),
    Flag(&'a mut bool),
    Month(&'a mut YearMonth),
    Date(&'a mut NaiveDate),
    OptDate(&'a mut Option<NaiveDate>),
}

type Slots<'a> = Vec<(&'static str, Slot<'a>)>;

/// A record's fields as text, empty ones left out.
fn dump(slots: Slots) -> Rec {
    let mut rec = Rec::new();
    for (key, slot) in slots {
        let text = match slot {
            Slot::Text(s) | Slot::Id(s) => s.clone(),
            Slot::Dec(d) if d.is_zero() => String::new(),
            Slot::Dec(d) | Slot::Num(d) => d.to_string(),
            Slot::OptDec(d) => d.map_or(String::new(), |d| d.to_string()),
            Slot::Count(n) => n.to_string(),
            Slot::Flag(b) => if *b { "true" } else { "" }.to_string(),
            Slot::Month(m) => m.to_string(),
            Slot::Date(d) => d.to_string(),
            Slot::OptDate(d) => d.map_or(String::new(), |d| d.to_string()),
        };
        if !text.is_empty() {
            rec.insert(key.to_string(), text);
        }
    }
    rec
}

/// Fills the slots from a record; a field left out keeps the slot's value, unless it must be
/// there. `at` names the record in messages.
fn fill(at: &str, mut rec: Rec, slots: Slots) -> Result<(), String> {
    for (key, slot) in slots {
        let v = rec.remove(key).unwrap_or_default();
        if v.is_empty() {
            if matches!(slot, Slot::Id(_) | Slot::Month(_) | Slot::Date(_)) {
                return Err(format!("{at}: {key} is missing"));
            }
            continue;
        }
        let ok = match slot {
            Slot::Text(s) | Slot::Id(s) => {
                *s = v.clone();
                true
            }
            Slot::Dec(d) | Slot::Num(d) => decimal(&v).map(|x| *d = x).is_some(),
            Slot::OptDec(d) => decimal(&v).map(|x| *d = Some(x)).is_some(),
            Slot::Count(n) => v.parse().map(|x| *n = x).is_ok(),
            Slot::Flag(b) => {
                matches!(v.as_str(), "true" | "false") && {
                    *b = v == "true";
                    true
                }
            }
            Slot::Month(m) => v.parse().map(|x| *m = x).is_ok(),
            Slot::Date(d) => parse_date(&v).map(|x| *d = x).is_ok(),
            Slot::OptDate(d) => parse_date(&v).map(|x| *d = Some(x)).is_ok(),
        };
        if !ok {
            return Err(format!("{at}: {key} '{v}' is not valid"));
        }
    }
    match rec.keys().next() {
        Some(k) => Err(format!("{at}: unknown field '{k}'")),
        None => Ok(()),
    }
}

fn decimal(t: &str) -> Option<Decimal> {
    Decimal::from_str(t).ok()
}

fn actual_slots<'a>(person: &'a mut String, months: &'a mut String) -> Slots<'a> {
    vec![
        ("salesperson", Slot::Id(person)),
        ("months", Slot::Id(months)),
    ]
}

fn budget_slots<'a>(region: &'a mut String, amount: &'a mut Decimal) -> Slots<'a> {
    vec![("region", Slot::Id(region)), ("amount", Slot::Num(amount))]
}

fn settings_slots(s: &mut Settings) -> Slots<'_> {
    let w = &mut s.score_weights;
    vec![
        ("deviation_threshold", Slot::Num(&mut s.deviation_threshold)),
        ("discount_threshold", Slot::Num(&mut s.discount_threshold)),
        ("stale_days", Slot::Count(&mut s.stale_days)),
        ("weight.completion", Slot::Num(&mut w.completion)),
        ("weight.share", Slot::Num(&mut w.share)),
        ("weight.growth", Slot::Num(&mut w.growth)),
        ("weight.profit", Slot::Num(&mut w.profit)),
        ("weight.price", Slot::Num(&mut w.price)),
        ("weight.cross_territory", Slot::Num(&mut w.cross_territory)),
        ("weight.collection", Slot::Num(&mut w.collection)),
    ]
}

fn note_slots(n: &mut DeviationNote) -> Slots<'_> {
    vec![
        ("node", Slot::Id(&mut n.node)),
        ("month", Slot::Month(&mut n.month)),
        ("note", Slot::Text(&mut n.note)),
        ("done", Slot::Flag(&mut n.done)),
    ]
}

/// The customer's fields; its kind goes through `kind` as text.
fn customer_slots<'a>(c: &'a mut Customer, kind: &'a mut String) -> Slots<'a> {
    vec![
        ("id", Slot::Id(&mut c.id)),
        ("kind", Slot::Id(kind)),
        ("name", Slot::Id(&mut c.name)),
        ("address", Slot::Text(&mut c.address)),
        ("contact", Slot::Text(&mut c.contact)),
        ("phone", Slot::Text(&mut c.phone)),
        ("characteristics", Slot::Text(&mut c.characteristics)),
        ("standing", Slot::Text(&mut c.standing)),
        (
            "distribution_capacity",
            Slot::Text(&mut c.distribution_capacity),
        ),
        ("capital_strength", Slot::Text(&mut c.capital_strength)),
        ("credit", Slot::Text(&mut c.credit)),
        ("cooperation_intent", Slot::Text(&mut c.cooperation_intent)),
        ("subdistrict", Slot::Text(&mut c.subdistrict)),
        ("last_visit", Slot::OptDate(&mut c.last_visit)),
    ]
}

/// A change of a customer's record; the customer's id and the field go through text.
fn change_slots<'a>(
    h: &'a mut Change,
    customer: &'a mut String,
    field: &'a mut String,
) -> Slots<'a> {
    vec![
        ("customer", Slot::Id(customer)),
        ("date", Slot::Date(&mut h.date)),
        ("field", Slot::Id(field)),
        ("old", Slot::Text(&mut h.old)),
        ("new", Slot::Text(&mut h.new)),
    ]
}

fn score_slots(e: &mut ScoreEntry) -> Slots<'_> {
    let f = &mut e.figures;
    vec![
        ("customer", Slot::Id(&mut e.customer)),
        ("month", Slot::Month(&mut e.month)),
        ("contract_volume", Slot::Dec(&mut f.contract_volume)),
        ("completed_volume", Slot::Dec(&mut f.completed_volume)),
        ("our_sales", Slot::Dec(&mut f.our_sales)),
        ("category_sales", Slot::Dec(&mut f.category_sales)),
        ("last_month_sales", Slot::Dec(&mut f.last_month_sales)),
        ("last_year_sales", Slot::Dec(&mut f.last_year_sales)),
        ("revenue", Slot::Dec(&mut f.revenue)),
        ("costs", Slot::Dec(&mut f.costs)),
        ("promotions", Slot::Dec(&mut f.promotions)),
        ("rebates", Slot::Dec(&mut f.rebates)),
        ("price_violations", Slot::Count(&mut f.price_violations)),
        ("cross_territory", Slot::Count(&mut f.cross_territory)),
        ("collection_days", Slot::OptDec(&mut f.collection_days)),
    ]
}

/// An expense; its channel goes through `channel` as text.
fn expense_slots<'a>(x: &'a mut Expense, channel: &'a mut String) -> Slots<'a> {
    vec![
        ("date", Slot::Date(&mut x.date)),
        ("region", Slot::Id(&mut x.region)),
        ("channel", Slot::Id(channel)),
        ("amount", Slot::Dec(&mut x.amount)),
        ("discount_percent", Slot::OptDec(&mut x.discount_percent)),
        ("note", Slot::Text(&mut x.note)),
        ("reviewed", Slot::Flag(&mut x.reviewed)),
    ]
}

/// Placeholders a record is read into (every required one is overwritten or refused).
const NO_MONTH: YearMonth = YearMonth {
    year: 1000,
    month: 1,
};

fn blank_customer() -> Customer {
    Customer::new(
        String::new(),
        CustomerKind::Distributor,
        String::new(),
        String::new(),
    )
}

fn blank_change() -> Change {
    Change {
        date: NaiveDate::default(),
        field: CustomerField::Name,
        old: String::new(),
        new: String::new(),
    }
}

fn blank_expense() -> Expense {
    Expense {
        date: NaiveDate::default(),
        region: String::new(),
        channel: Channel::Distributor,
        amount: Decimal::ZERO,
        discount_percent: None,
        note: String::new(),
        reviewed: false,
    }
}

fn write(e: &Execution) -> Stored {
    let mut out = Stored::new();
    let mut put = |section: &str, rec: Rec| put(&mut out, section, rec);
    for (person, months) in &e.actuals {
        let mut text = String::with_capacity(months.len() * 32);
        for (k, (m, a)) in months.iter().enumerate() {
            let sep = if k == 0 { "" } else { "; " };
            let _ = write!(
                text,
                "{sep}{m} {} {} {}",
                a.amount, a.quantity, a.collections
            );
        }
        put(
            "actuals",
            dump(actual_slots(&mut person.clone(), &mut text)),
        );
    }
    let (mut now, mut default) = (e.settings, Settings::default());
    let defaults = dump(settings_slots(&mut default));
    let mut settings = dump(settings_slots(&mut now));
    settings.retain(|k, v| defaults.get(k) != Some(v));
    if !settings.is_empty() {
        put("settings", settings);
    }
    for n in &e.deviation_notes {
        put("deviation_notes", dump(note_slots(&mut n.clone())));
    }
    for c in &e.customers {
        let mut kind = c.kind.key().to_string();
        put("customers", dump(customer_slots(&mut c.clone(), &mut kind)));
        for h in &c.history {
            let (mut id, mut field) = (c.id.clone(), h.field.key().to_string());
            put(
                "customer_history",
                dump(change_slots(&mut h.clone(), &mut id, &mut field)),
            );
        }
    }
    for x in &e.scorecard {
        put("scorecard", dump(score_slots(&mut x.clone())));
    }
    for (region, budget) in &e.budgets {
        put(
            "budgets",
            dump(budget_slots(&mut region.clone(), &mut budget.clone())),
        );
    }
    for x in &e.expenses {
        let mut channel = x.channel.key().to_string();
        put(
            "expenses",
            dump(expense_slots(&mut x.clone(), &mut channel)),
        );
    }
    out
}

/// Adds a record to a section (not inlined: nine copies of it were a tenth of this module).
#[inline(never)]
fn put(out: &mut Stored, section: &str, rec: Rec) {
    match out.get_mut(section) {
        Some(list) => list.push(rec),
        None => {
            out.insert(section.to_string(), vec![rec]);
        }
    }
}

/// `YYYY-MM amount quantity collections`.
fn actual_of(part: &str) -> Option<(YearMonth, Actual)> {
    let mut w = part.split_ascii_whitespace();
    let m = w.next()?.parse().ok()?;
    let mut d = || w.next().and_then(decimal);
    let a = Actual {
        amount: d()?,
        quantity: d()?,
        collections: d()?,
    };
    w.next().is_none().then_some((m, a))
}

fn read(s: Stored) -> Result<Execution, String> {
    let mut e = Execution::default();
    // Sections come in name order; history is attached once every customer is read.
    let mut history = Vec::new();
    for (section, records) in s {
        if !SECTIONS.contains(&section.as_str()) {
            return Err(format!("execution: unknown section '{section}'"));
        }
        for (k, r) in records.into_iter().enumerate() {
            let at = format!("execution.{section}[{k}]");
            let bad = |key: &str, v: &str| format!("{at}: {key} '{v}' is not valid");
            match section.as_str() {
                "actuals" => {
                    let (mut person, mut text) = (String::new(), String::new());
                    fill(&at, r, actual_slots(&mut person, &mut text))?;
                    let months = e.actuals.entry(person).or_default();
                    for part in text.split(';').filter(|p| !p.trim().is_empty()) {
                        let (m, a) = actual_of(part).ok_or_else(|| bad("months", part.trim()))?;
                        months.insert(m, a);
                    }
                }
                "settings" if k > 0 => return Err(format!("{at}: settings are one record")),
                "settings" => fill(&at, r, settings_slots(&mut e.settings))?,
                "deviation_notes" => {
                    let mut n = DeviationNote {
                        node: String::new(),
                        month: NO_MONTH,
                        note: String::new(),
                        done: false,
                    };
                    fill(&at, r, note_slots(&mut n))?;
                    e.deviation_notes.push(n);
                }
                "customers" => {
                    let (mut c, mut kind) = (blank_customer(), String::new());
                    fill(&at, r, customer_slots(&mut c, &mut kind))?;
                    c.kind = CustomerKind::from_key(&kind).ok_or_else(|| bad("kind", &kind))?;
                    e.customers.push(c);
                }
                "customer_history" => {
                    let (mut h, mut id, mut field) = (blank_change(), String::new(), String::new());
                    fill(&at, r, change_slots(&mut h, &mut id, &mut field))?;
                    h.field =
                        CustomerField::from_key(&field).ok_or_else(|| bad("field", &field))?;
                    history.push((at, id, h));
                }
                "scorecard" => {
                    let mut x = ScoreEntry {
                        customer: String::new(),
                        month: NO_MONTH,
                        figures: ScoreFigures::default(),
                    };
                    fill(&at, r, score_slots(&mut x))?;
                    e.scorecard.push(x);
                }
                "budgets" => {
                    let (mut region, mut amount) = (String::new(), Decimal::ZERO);
                    fill(&at, r, budget_slots(&mut region, &mut amount))?;
                    e.budgets.insert(region, amount);
                }
                "expenses" => {
                    let (mut x, mut channel) = (blank_expense(), String::new());
                    fill(&at, r, expense_slots(&mut x, &mut channel))?;
                    x.channel =
                        Channel::from_key(&channel).ok_or_else(|| bad("channel", &channel))?;
                    e.expenses.push(x);
                }
                _ => {}
            }
        }
    }
    for (at, id, h) in history {
        let c = e.customers.iter_mut().find(|c| c.id == id);
        c.ok_or_else(|| format!("{at}: no customer with id '{id}'"))?
            .history
            .push(h);
    }
    Ok(e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::execution::{
        ScoreMeasure, add_customer, sample_execution, update_customer, visit,
    };
    use crate::core::lang::Lang;
    use crate::core::model::Plan;
    use crate::core::sample::sample_plan;

    #[test]
    fn every_part_of_the_execution_round_trips() {
        let mut plan = sample_plan(Lang::Zh);
        plan.execution = sample_execution(&plan, 3);
        let today = parse_date("2027-03-02").unwrap();
        let id = add_customer(&mut plan, CustomerKind::Terminal, "新店, \"旗舰\"", "").unwrap();
        update_customer(&mut plan, &id, CustomerField::Credit, "A", today).unwrap();
        visit(&mut plan, &id, today).unwrap();
        let s = &mut plan.execution.settings;
        s.stale_days = 14;
        s.score_weights.set(ScoreMeasure::Share, Decimal::TWO);
        s.score_weights.set(ScoreMeasure::Price, Decimal::ZERO);
        plan.execution.deviation_notes.push(DeviationNote {
            node: plan.id.clone(),
            month: plan.period.start,
            note: "Weekly review".into(),
            done: true,
        });
        let json = serde_json::to_string(&plan).unwrap();
        let back: Plan = serde_json::from_str(&json).unwrap();
        assert_eq!(back.execution, plan.execution);
    }

    #[test]
    fn records_are_objects_of_strings() {
        let mut e = Execution::default();
        let jan = YearMonth::new(2027, 1).unwrap();
        let feb = YearMonth::new(2027, 2).unwrap();
        let a = |x: i64| Actual {
            amount: Decimal::new(x, 1),
            quantity: Decimal::from(x),
            collections: Decimal::ZERO,
        };
        let months = e.actuals.entry("p3".into()).or_default();
        months.insert(jan, a(12005));
        months.insert(feb, a(7));
        e.settings.deviation_threshold = Decimal::from(15);
        e.budgets.insert("r1".into(), Decimal::from(100_000));
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(
            json,
            r#"{"actuals":[{"months":"2027-01 1200.5 12005 0; 2027-02 0.7 7 0","salesperson":"p3"}],"budgets":[{"amount":"100000","region":"r1"}],"settings":[{"deviation_threshold":"15"}]}"#
        );
        assert_eq!(serde_json::from_str::<Execution>(&json).unwrap(), e);
    }

    #[test]
    fn a_bad_stored_value_is_refused_with_its_place() {
        let cases = [
            (
                r#"{"actuals":[{"salesperson":"p1","months":"2027-01 1 2"}]}"#,
                "execution.actuals[0]: months '2027-01 1 2' is not valid",
            ),
            (
                r#"{"actuals":[{"salesperson":"p1","months":"2027-01 1 2 3; 2027-02 1 2 x"}]}"#,
                "execution.actuals[0]: months '2027-02 1 2 x' is not valid",
            ),
            (
                r#"{"customers":[{"id":"c1","kind":"shop","name":"A"}]}"#,
                "execution.customers[0]: kind 'shop' is not valid",
            ),
            (
                r#"{"customers":[{"id":"c1","kind":"terminal"}]}"#,
                "execution.customers[0]: name is missing",
            ),
            (
                r#"{"expenses":[{"date":"2027-02-30","region":"r1","channel":"terminal"}]}"#,
                "execution.expenses[0]: date '2027-02-30' is not valid",
            ),
            (
                r#"{"scorecard":[{"customer":"c1","month":"2027-01","colour":"red"}]}"#,
                "execution.scorecard[0]: unknown field 'colour'",
            ),
            (
                r#"{"settings":[{"stale_days":"-1"}]}"#,
                "execution.settings[0]: stale_days '-1' is not valid",
            ),
            (
                r#"{"settings":[{},{}]}"#,
                "execution.settings[1]: settings are one record",
            ),
            (
                r#"{"customer_history":[{"customer":"c9","date":"2027-01-01","field":"credit"}]}"#,
                "execution.customer_history[0]: no customer with id 'c9'",
            ),
            (r#"{"actual":[]}"#, "execution: unknown section 'actual'"),
            (
                r#"{"budgets":{"r1":"5"}}"#,
                "invalid type: map, expected a sequence",
            ),
        ];
        for (json, want) in cases {
            let err = serde_json::from_str::<Execution>(json)
                .unwrap_err()
                .to_string();
            assert!(err.starts_with(want), "{json}: {err}");
        }
    }
}
