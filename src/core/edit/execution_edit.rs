//! Changes to what was recorded while executing the plan: actuals, deviation notes, the
//! customer archive, distributor figures, budgets, expenses and the execution's settings.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{Applied, EditError, Imported, set};
use crate::core::execution::{
    self, Actual, ActualsPreview, BudgetItem, CustomerField, CustomerKind, Expense, GrowthBasis,
    ScoreBasis, ScoreFigures, ScoreMeasure, ScorePreview, ScoreScale, SharePreview,
};
use crate::core::model::Plan;
use crate::core::period::YearMonth;

/// One change to the plan's execution data.
#[derive(Clone, Debug, PartialEq)]
pub enum ExecutionEdit {
    /// A salesperson's figures for a month; `None` removes them (not reported).
    Actual {
        salesperson: String,
        month: YearMonth,
        actual: Option<Actual>,
    },
    /// The lines of an actuals file, already previewed; `skip_bad_lines` stores the good
    /// lines of a file that has bad ones.
    ImportActuals {
        preview: Box<ActualsPreview>,
        skip_bad_lines: bool,
    },
    /// The corrective-action note of a deviation (a node in a month), and whether it is done.
    DeviationNote {
        node: String,
        month: YearMonth,
        note: String,
        done: bool,
    },
    /// A new archive record; `subdistrict` may be empty.
    AddCustomer {
        kind: CustomerKind,
        name: String,
        subdistrict: String,
    },
    /// A field of an archive record as typed; the change is kept in the record's history,
    /// dated `today`.
    UpdateCustomer {
        customer: String,
        field: CustomerField,
        text: String,
        today: NaiveDate,
    },
    /// A visit to a customer on a date.
    Visit {
        customer: String,
        date: NaiveDate,
    },
    RemoveCustomer {
        customer: String,
    },
    /// A distributor's figures for a month (boxed: seventeen figures would make every edit as
    /// large as this one).
    ScoreFigures {
        customer: String,
        month: YearMonth,
        figures: Box<ScoreFigures>,
    },
    /// The lines of a distributor-figures file, already previewed.
    ImportScoreFigures {
        preview: Box<ScorePreview>,
        skip_bad_lines: bool,
    },
    /// An item of a region's expense budget (both items zero removes it).
    Budget {
        region: String,
        item: BudgetItem,
        amount: Decimal,
    },
    /// A region's market share for a month, percent; `None` removes it.
    Share {
        region: String,
        month: YearMonth,
        share: Option<Decimal>,
    },
    /// The lines of a market-share file, already previewed.
    ImportShares {
        preview: Box<SharePreview>,
        skip_bad_lines: bool,
    },
    /// The company's expense-ratio target (费用控制指标), percent of sales.
    ExpenseRatioTarget(Decimal),
    AddExpense(Expense),
    /// An expense entry, by position.
    RemoveExpense(usize),
    /// A flagged discount looked at (or not).
    ExpenseReviewed(usize, bool),
    /// Percent behind pace that raises a deviation alert.
    DeviationThreshold(Decimal),
    /// Discounts above this percent are flagged for review.
    DiscountThreshold(Decimal),
    /// Customers not visited for more days than this are stale.
    StaleDays(u32),
    /// The scorecard's growth basis (同比 or 环比).
    GrowthBasis(GrowthBasis),
    /// What the scorecard's sales share and growth are computed on (volume or amount).
    ScoreBasis(ScoreBasis),
    /// A scorecard measure's 0–100 scale.
    ScoreScale(ScoreMeasure, ScoreScale),
    /// A scorecard measure's weight.
    ScoreWeight(ScoreMeasure, Decimal),
    /// Plausible execution data for the plan's first `months` months, to try the execution
    /// routes out; only into a plan with no execution data (nothing recorded is replaced).
    FillSample {
        months: usize,
    },
}

impl ExecutionEdit {
    pub(super) fn apply(&self, plan: &mut Plan) -> Result<Applied, EditError> {
        let changed = |changed| Ok(Applied::changed(changed));
        match self {
            ExecutionEdit::Actual {
                salesperson,
                month,
                actual: Some(actual),
            } => {
                let before = plan
                    .execution
                    .actuals
                    .get(salesperson)
                    .and_then(|m| m.get(month));
                if before == Some(actual) {
                    return changed(false);
                }
                execution::set_actual(plan, salesperson, *month, *actual)?;
                changed(true)
            }
            ExecutionEdit::Actual {
                salesperson,
                month,
                actual: None,
            } => changed(execution::remove_actual(plan, salesperson, *month)),
            ExecutionEdit::ImportActuals {
                preview,
                skip_bad_lines,
            } => {
                let summary = execution::apply_actuals(plan, preview, *skip_bad_lines)?;
                Ok(Applied {
                    changed: summary.rows > 0,
                    created: None,
                    imported: Some(Imported::Actuals(summary)),
                })
            }
            ExecutionEdit::DeviationNote {
                node,
                month,
                note,
                done,
            } => {
                let before = plan.execution.deviation_notes.clone();
                execution::set_deviation_note(plan, node, *month, note, *done)?;
                changed(plan.execution.deviation_notes != before)
            }
            ExecutionEdit::AddCustomer {
                kind,
                name,
                subdistrict,
            } => Ok(Applied::created(execution::add_customer(
                plan,
                *kind,
                name,
                subdistrict,
            )?)),
            ExecutionEdit::UpdateCustomer {
                customer,
                field,
                text,
                today,
            } => changed(execution::update_customer(
                plan, customer, *field, text, *today,
            )?),
            ExecutionEdit::Visit { customer, date } => {
                changed(execution::visit(plan, customer, *date)?)
            }
            ExecutionEdit::RemoveCustomer { customer } => {
                changed(execution::remove_customer(plan, customer))
            }
            ExecutionEdit::ScoreFigures {
                customer,
                month,
                figures,
            } => {
                let before = plan
                    .execution
                    .scorecard
                    .iter()
                    .find(|e| e.customer == *customer && e.month == *month);
                if before.is_some_and(|e| e.figures == **figures) {
                    return changed(false);
                }
                execution::set_score_entry(plan, customer, *month, (**figures).clone())?;
                changed(true)
            }
            ExecutionEdit::ImportScoreFigures {
                preview,
                skip_bad_lines,
            } => {
                let summary = execution::apply_score_figures(plan, preview, *skip_bad_lines)?;
                Ok(Applied {
                    changed: summary.rows > 0,
                    created: None,
                    imported: Some(Imported::ScoreFigures(summary)),
                })
            }
            ExecutionEdit::ImportShares {
                preview,
                skip_bad_lines,
            } => {
                let summary = execution::apply_shares(plan, preview, *skip_bad_lines)?;
                Ok(Applied {
                    changed: summary.rows > 0,
                    created: None,
                    imported: Some(Imported::Shares(summary)),
                })
            }
            ExecutionEdit::Budget {
                region,
                item,
                amount,
            } => {
                let before = plan.execution.budgets.get(region).copied();
                execution::set_budget(plan, region, *item, *amount)?;
                changed(plan.execution.budgets.get(region).copied() != before)
            }
            ExecutionEdit::Share {
                region,
                month,
                share,
            } => changed(execution::set_share(plan, region, *month, *share)?),
            ExecutionEdit::GrowthBasis(basis) => {
                let slot = &mut plan.execution.settings.growth_basis;
                changed(set(slot, *basis))
            }
            ExecutionEdit::ScoreBasis(basis) => {
                let slot = &mut plan.execution.settings.score_basis;
                changed(set(slot, *basis))
            }
            ExecutionEdit::ScoreScale(m, scale) => {
                changed(execution::set_score_scale(plan, *m, *scale)?)
            }
            ExecutionEdit::ExpenseRatioTarget(v) => {
                let before = plan.execution.settings.expense_ratio_target;
                execution::set_expense_ratio_target(plan, *v)?;
                changed(before != *v)
            }
            ExecutionEdit::AddExpense(expense) => {
                execution::add_expense(plan, expense.clone())?;
                changed(true)
            }
            ExecutionEdit::RemoveExpense(index) => {
                execution::remove_expense(plan, *index)?;
                changed(true)
            }
            ExecutionEdit::ExpenseReviewed(index, reviewed) => {
                let before = plan.execution.expenses.get(*index).map(|x| x.reviewed);
                execution::set_expense_reviewed(plan, *index, *reviewed)?;
                changed(before != Some(*reviewed))
            }
            ExecutionEdit::DeviationThreshold(v) => {
                changed(set(&mut plan.execution.settings.deviation_threshold, *v))
            }
            ExecutionEdit::DiscountThreshold(v) => {
                changed(set(&mut plan.execution.settings.discount_threshold, *v))
            }
            ExecutionEdit::StaleDays(days) => {
                changed(set(&mut plan.execution.settings.stale_days, *days))
            }
            ExecutionEdit::ScoreWeight(m, v) => {
                let weights = &mut plan.execution.settings.score_weights;
                let before = weights.get(*m);
                weights.set(*m, *v);
                changed(before != *v)
            }
            ExecutionEdit::FillSample { months } => {
                if !plan.execution.nothing_recorded() {
                    return changed(false);
                }
                plan.execution = execution::sample_execution(plan, *months);
                changed(!plan.execution.nothing_recorded())
            }
        }
    }
}
