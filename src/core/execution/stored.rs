//! How the execution is written in the plan's JSON: a section per kind of record, each a list of
//! records, and every value in a record a JSON string (decimals are strings in this format
//! anyway; counts, flags and dates are too). [`Stored`] is that shape as serde types, one record
//! type per section (`records.rs`) over a few value types (`values.rs`); [`Execution`] is read
//! from it and written through it. A salesperson's actuals are one record with all months in one
//! text, `month amount quantity collections` separated by `; ` — compact for a year of 10,000
//! people (120,000 months).
//!
//! ```json
//! "execution": {
//!   "actuals": [{"months": "2027-01 120000 4800 100000; 2027-02 98000 3900 90000", "salesperson": "p3"}],
//!   "budgets": [{"amount": "100000", "region": "r1", "salaries": "240000"}],
//!   "customer_history": [{"customer": "c1", "date": "2027-02-01", "field": "credit",
//!                         "new": "A", "old": "B"}],
//!   "customers": [{"credit": "A", "id": "c1", "kind": "distributor", "last_visit": "2027-01-15",
//!                  "name": "湘通商贸", "subdistrict": "d2"}],
//!   "deviation_notes": [{"done": "true", "month": "2027-02", "node": "p3", "note": "Joint visits"}],
//!   "expenses": [{"amount": "60000", "channel": "terminal", "date": "2027-02-10",
//!                 "discount_percent": "12", "region": "r1", "reviewed": "true"}],
//!   "scorecard": [{"collection_days": "45", "cross_territory": "0", "customer": "c1",
//!                  "month": "2027-03", "our_sales": "300000", "price_violations": "1"}],
//!   "settings": [{"deviation_threshold": "15", "weight.share": "2"}],
//!   "shares": [{"month": "2027-03", "region": "r2", "share": "38"}]
//! }
//! ```
//! Sections and fields are written in name order. Sections and fields left out read as empty,
//! zero or false (settings as their defaults); a section or field this program does not know is
//! an error, like everywhere else in the plan format.

mod records;
mod values;

use std::borrow::Cow;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::Execution;
use records::{
    ActualsRecord, BudgetRecord, ChangeRecord, CustomerRecord, ExpenseRecord, NoteRecord,
    ScoreRecord, SettingsRecord, ShareRecord,
};
use values::{Months, NonEmpty, one_record};

/// Executing the plan (计划执行) as the plan's JSON holds it: a list of records per section,
/// every value a string.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Stored<'a> {
    /// One record per salesperson.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    actuals: Vec<ActualsRecord<'a>>,
    /// One record per region.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    budgets: Vec<BudgetRecord>,
    /// Every change of a customer's record, customer by customer, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    customer_history: Vec<ChangeRecord>,
    /// The customer archive: distributors and terminals.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    customers: Vec<CustomerRecord>,
    /// Notes keyed by node id and month.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    deviation_notes: Vec<NoteRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    expenses: Vec<ExpenseRecord>,
    /// One record per distributor and month.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    scorecard: Vec<ScoreRecord>,
    /// At most one record.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "one_record")]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "Vec<SettingsRecord>", length(max = 1))
    )]
    settings: Option<SettingsRecord>,
    /// Market share by region and month.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    shares: Vec<ShareRecord>,
}

/// Written through [`Stored`], which borrows the actuals (the bulk of a large plan) and copies
/// the rest.
impl Serialize for Execution {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Stored::from(self).serialize(s)
    }
}

impl<'a> From<&'a Execution> for Stored<'a> {
    fn from(e: &'a Execution) -> Self {
        let mut customer_history = Vec::new();
        for c in &e.customers {
            let changes = c.history.iter().cloned();
            customer_history.extend(changes.map(|h| ChangeRecord::new(&c.id, h)));
        }
        Stored {
            actuals: e
                .actuals
                .iter()
                // A salesperson with no month has nothing to write.
                .filter(|(_, months)| !months.is_empty())
                .map(|(person, months)| ActualsRecord {
                    months: Months(Cow::Borrowed(months)),
                    salesperson: NonEmpty(person.clone()),
                })
                .collect(),
            budgets: e
                .budgets
                .iter()
                .map(|(region, budget)| BudgetRecord {
                    amount: budget.promotion,
                    region: NonEmpty(region.clone()),
                    salaries: budget.salaries,
                })
                .collect(),
            customer_history,
            customers: e.customers.iter().cloned().map(Into::into).collect(),
            deviation_notes: e.deviation_notes.iter().cloned().map(Into::into).collect(),
            expenses: e.expenses.iter().cloned().map(Into::into).collect(),
            scorecard: e.scorecard.iter().cloned().map(Into::into).collect(),
            settings: SettingsRecord::changed(&e.settings),
            shares: e
                .shares
                .iter()
                .flat_map(|(region, months)| {
                    months.iter().map(|(month, share)| ShareRecord {
                        month: *month,
                        region: NonEmpty(region.clone()),
                        share: *share,
                    })
                })
                .collect(),
        }
    }
}

impl TryFrom<Stored<'_>> for Execution {
    /// A change of a customer that is not in the archive.
    type Error = String;

    fn try_from(s: Stored<'_>) -> Result<Self, Self::Error> {
        let mut e = Execution::default();
        // A salesperson's records add up; of two figures for one month the later counts.
        for r in s.actuals {
            e.actuals
                .entry(r.salesperson.0)
                .or_default()
                .extend(r.months.0.into_owned());
        }
        for r in s.budgets {
            let budget = super::Budget {
                promotion: r.amount,
                salaries: r.salaries,
            };
            e.budgets.insert(r.region.0, budget);
        }
        e.customers = s.customers.into_iter().map(Into::into).collect();
        for (k, change) in s.customer_history.into_iter().enumerate() {
            let id = &change.customer.0;
            let Some(c) = e.customers.iter_mut().find(|c| &c.id == id) else {
                return Err(format!(
                    "execution.customer_history[{k}]: no customer with id '{id}'"
                ));
            };
            c.history.push(change.into());
        }
        e.deviation_notes = s.deviation_notes.into_iter().map(Into::into).collect();
        e.expenses = s.expenses.into_iter().map(Into::into).collect();
        e.scorecard = s.scorecard.into_iter().map(Into::into).collect();
        e.settings = s.settings.map(Into::into).unwrap_or_default();
        for (k, r) in s.shares.into_iter().enumerate() {
            if !(Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&r.share) {
                return Err(format!(
                    "execution.shares[{k}]: a market share is a percent from 0 to 100, not {}",
                    r.share
                ));
            }
            e.shares
                .entry(r.region.0)
                .or_default()
                .insert(r.month, r.share);
        }
        Ok(e)
    }
}

/// The schema of what is written: [`Stored`]'s.
#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Execution {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Execution".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        Stored::json_schema(generator)
    }
}

#[cfg(test)]
mod tests;
