//! Executing the plan (计划执行): what was actually sold, measured against the adopted scenario's
//! breakdown, and the follow-up a manager keeps in the plan.
//!
//! Everything stored lives in [`Execution`], one field of the plan (left out of the JSON while
//! empty). Everything shown is computed from it, never kept as a second copy:
//! - **actuals** per salesperson and month, typed ([`set_actual`]) or imported from CSV with a
//!   line-by-line preview ([`parse_actuals`], [`apply_actuals`], [`actuals_template`]);
//! - **completion and pace** at every level ([`Tracking`]) and the **deviation list**
//!   ([`deviations`]) with corrective-action notes ([`set_deviation_note`]);
//! - **sales competition** leaderboards ([`leaderboard`]);
//! - the **customer archive** with its change history ([`add_customer`], [`update_customer`],
//!   [`stale`], [`linked_customer`]);
//! - the **distributor scorecard** ([`scorecard`]) from figures typed ([`set_score_entry`]) or
//!   imported from CSV the same way as actuals ([`parse_score_figures`],
//!   [`apply_score_figures`], [`score_template`]);
//! - **expenses** against per-region budgets ([`expense_report`]);
//! - **overdue milestones** of the development schedule ([`overdue_milestones`]);
//! - **market share** during the year and the tiers it drifts to ([`share_report`]).
//!
//! Money and counts are exact decimals. Every ratio is `None` where its denominator is zero:
//! the UI shows "—", nothing divides by zero.

mod actuals;
mod archive;
mod csv_reader;
mod demo;
mod deviation;
mod edit_error;
mod expenses;
mod import;
mod leaderboard;
mod milestones;
mod ranking;
mod score_import;
mod scorecard;
mod share_import;
mod shares;
mod stored;
mod tracking;

#[cfg(test)]
mod properties;

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Deserialize;

use super::period::YearMonth;

pub use actuals::{Actual, Figure, latest_actual_month, remove_actual, set_actual};
pub use archive::{
    Change, Customer, CustomerField, CustomerKind, CustomerStatus, add_customer, linked_customer,
    remove_customer, stale, update_customer, visit,
};
pub use demo::sample_execution;
pub use deviation::{Deviation, DeviationNote, deviations, deviations_of, set_deviation_note};
pub use edit_error::EditError;
pub use expenses::{
    Budget, BudgetItem, Channel, Expense, ExpenseFigures, ExpenseReport, ExpenseRow, add_expense,
    expense_report, remove_expense, set_budget, set_expense_ratio_target, set_expense_reviewed,
};
pub use import::{
    ACTUALS_HEADER, ACTUALS_LABELS, ActualRow, ActualsPreview, ApplyError, Column, FileColumn,
    ImportSummary, LineProblem, MonthRow, Preview, ProblemKind, actuals_csv, actuals_template,
    apply_actuals, parse_actuals,
};
pub use leaderboard::{Scope, Standing, Window, leaderboard};
pub use milestones::{OverdueMilestone, overdue_milestones};
pub use score_import::{
    LEGACY_SCORE_HEADER, SCORE_HEADER, SCORE_LABELS, ScoreColumn, ScoreImportRow,
    ScoreImportSummary, ScorePreview, ScoreProblem, apply_score_figures, parse_score_figures,
    score_csv, score_template,
};
pub use scorecard::{
    GrowthBasis, MeasureScore, ScaleError, ScoreBasis, ScoreEntry, ScoreFigures, ScoreMeasure,
    ScoreRow, ScoreScale, ScoreScales, ScoreWeights, check_scale, contract_volume_of,
    score_figures, score_months, scorecard, set_score_entry, set_score_scale,
};
pub use share_import::{
    SHARE_HEADER, SHARE_LABELS, ShareColumn, ShareImportRow, ShareImportSummary, SharePreview,
    ShareProblem, apply_shares, parse_shares, shares_csv, shares_template,
};
pub use shares::{ShareRow, set_share, share_report, target_share};
pub use tracking::{Goal, Status, Tracking};

/// Everything of the plan's execution that is typed or imported; the rest is computed. Written
/// to the plan's JSON as a list of records per section, every value a string.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(try_from = "stored::Stored")]
pub struct Execution {
    /// Actual sales by salesperson id, then month.
    pub actuals: BTreeMap<String, BTreeMap<YearMonth, Actual>>,
    pub settings: Settings,
    /// Corrective-action notes on deviations, keyed by node id and month.
    pub deviation_notes: Vec<DeviationNote>,
    /// The customer archive (客户档案): distributors and terminals.
    pub customers: Vec<Customer>,
    /// Distributors' figures per month, the scorecard's input.
    pub scorecard: Vec<ScoreEntry>,
    /// Expense budget by region id: promotion and salaries.
    pub budgets: BTreeMap<String, Budget>,
    /// Recorded spend.
    pub expenses: Vec<Expense>,
    /// Market share recorded during the year, percent, by region id then month.
    pub shares: BTreeMap<String, BTreeMap<YearMonth, Decimal>>,
}

impl Execution {
    /// The archive record with this id.
    pub fn customer(&self, id: &str) -> Option<&Customer> {
        self.customers.iter().find(|c| c.id == id)
    }

    /// Nothing recorded and every setting at its default: the plan's JSON leaves it out.
    pub fn is_empty(&self) -> bool {
        self.actuals.is_empty()
            && self.deviation_notes.is_empty()
            && self.customers.is_empty()
            && self.scorecard.is_empty()
            && self.budgets.is_empty()
            && self.expenses.is_empty()
            && self.shares.is_empty()
            && self.settings.is_default()
    }

    /// Nothing recorded yet: no actuals, notes, customers, distributor figures, spend or
    /// shares. Budgets and settings are the plan's intentions, not records, so a plan with
    /// budgets (the sample's) can still be filled with sample records.
    pub fn nothing_recorded(&self) -> bool {
        self.actuals.is_empty()
            && self.deviation_notes.is_empty()
            && self.customers.is_empty()
            && self.scorecard.is_empty()
            && self.expenses.is_empty()
            && self.shares.is_empty()
    }
}

/// The execution's editable thresholds and weights.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Percent behind pace that raises a deviation alert (default 10): an alert fires when
    /// pace < 1 − threshold / 100.
    pub deviation_threshold: Decimal,
    /// Discounts above this percent are flagged for review (default 10).
    pub discount_threshold: Decimal,
    /// Customers not visited for more than this many days are stale (default 30).
    pub stale_days: u32,
    /// Weights of the scorecard's seven measures (default equal).
    pub score_weights: ScoreWeights,
    /// The scorecard's growth: year on year (同比, the default) or month on month (环比).
    pub growth_basis: GrowthBasis,
    /// What the scorecard's sales share and growth are computed on: volume (销量, the
    /// default, as the source text defines them) or amount.
    pub score_basis: ScoreBasis,
    /// Each scorecard measure's 0–100 scale.
    pub score_scales: ScoreScales,
    /// The company's expense-ratio target (费用控制指标): spend at most this percent of sales
    /// (default 8).
    pub expense_ratio_target: Decimal,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            deviation_threshold: Decimal::TEN,
            discount_threshold: Decimal::TEN,
            stale_days: 30,
            score_weights: ScoreWeights::default(),
            growth_basis: GrowthBasis::default(),
            score_basis: ScoreBasis::default(),
            score_scales: ScoreScales::default(),
            expense_ratio_target: Decimal::from(8),
        }
    }
}

impl Settings {
    pub fn is_default(&self) -> bool {
        *self == Settings::default()
    }
}

/// `num / den`, or `None` when `den` is zero (or the quotient does not fit).
pub fn ratio(num: Decimal, den: Decimal) -> Option<Decimal> {
    if den.is_zero() {
        None
    } else {
        num.checked_div(den)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use crate::core::model::Plan;
    use crate::core::sample::sample_plan;

    #[test]
    fn a_plan_without_execution_writes_exactly_as_before() {
        let mut plan = sample_plan(Lang::En);
        plan.execution = Execution::default();
        let json = serde_json::to_string(&plan).unwrap();
        assert!(!json.contains("execution"), "empty execution is left out");
        let back: Plan = serde_json::from_str(&json).unwrap();
        assert_eq!(back, plan);
    }

    #[test]
    fn execution_round_trips_through_json() {
        let mut plan = sample_plan(Lang::Zh);
        plan.execution = sample_execution(&plan, 4);
        plan.execution.settings.deviation_threshold = Decimal::from(15);
        let json = serde_json::to_string(&plan).unwrap();
        let back: Plan = serde_json::from_str(&json).unwrap();
        assert_eq!(back.execution, plan.execution);
        // Only the changed setting is written; the rest takes its default on reading.
        let partial = r#"{"settings":[{"stale_days":"7"}]}"#;
        let e: Execution = serde_json::from_str(partial).unwrap();
        assert_eq!(e.settings.stale_days, 7);
        assert_eq!(e.settings.deviation_threshold, Decimal::TEN);
    }

    /// A plan file can hold any number; nothing computed from it may crash the app.
    #[test]
    fn absurd_stored_numbers_do_not_panic() {
        use crate::core::breakdown::compute;
        use crate::core::scenario::Measure;
        let mut plan = sample_plan(Lang::En);
        plan.execution = sample_execution(&plan, 2);
        let huge = Decimal::MAX;
        for months in plan.execution.actuals.values_mut() {
            for a in months.values_mut() {
                *a = Actual {
                    amount: huge,
                    quantity: huge,
                    collections: huge,
                };
            }
        }
        let s = &mut plan.execution.settings;
        (s.deviation_threshold, s.discount_threshold, s.stale_days) = (huge, -huge, u32::MAX);
        for e in &mut plan.execution.expenses {
            e.amount = huge;
        }
        for b in plan.execution.budgets.values_mut() {
            *b = Budget {
                promotion: -huge,
                salaries: huge,
            };
        }
        for e in &mut plan.execution.scorecard {
            let f = &mut e.figures;
            (f.our_sales, f.last_month_sales, f.revenue, f.costs) =
                (huge, Decimal::new(1, 28), -huge, huge);
            (f.contract_volume, f.completed_volume, f.collection_days) =
                (Decimal::new(1, 28), huge, Some(-huge));
        }
        let b = compute(&plan, plan.adopted().unwrap()).unwrap();
        let t = Tracking::new(&plan, &b, None);
        assert_eq!(t.total(&b, 0, Measure::Amount).actual, huge, "saturated");
        deviations(&plan, &b, &t, Measure::Amount);
        leaderboard(
            &plan,
            &b,
            &t,
            Measure::Amount,
            Window::Quarter(u32::MAX),
            &Scope::Company,
        );
        expense_report(&plan, plan.adopted().unwrap());
        let month = score_months(&plan)[0];
        assert!(
            scorecard(&plan, month)
                .iter()
                .all(|r| r.composite.is_some())
        );
        let today = crate::core::field::parse_date("2027-01-01").unwrap();
        stale(&plan, today, plan.execution.settings.stale_days);
    }

    #[test]
    fn ratios_never_divide_by_zero() {
        assert_eq!(ratio(Decimal::ONE, Decimal::ZERO), None);
        assert_eq!(ratio(Decimal::ZERO, Decimal::ZERO), None);
        assert_eq!(
            ratio(Decimal::from(3), Decimal::from(4)),
            Some("0.75".parse().unwrap())
        );
    }
}
