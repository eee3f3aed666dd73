//! Why an edit of the execution data (typed actuals, archive records, figures, budgets,
//! expenses) was refused. Field names are the JSON keys, so the UI can name the field in its
//! own language.

use crate::core::field::FieldError;
use crate::core::period::YearMonth;

/// An edit that was not made, and why.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// No salesperson has this id.
    #[error("no salesperson with id '{0}'")]
    UnknownSalesperson(String),
    /// No region has this id.
    #[error("no region with id '{0}'")]
    UnknownRegion(String),
    /// No sub-district has this id.
    #[error("no sub-district with id '{0}'")]
    UnknownSubdistrict(String),
    /// No region, sub-district or salesperson (nor the company) has this id.
    #[error("no node with id '{0}'")]
    UnknownNode(String),
    /// No customer in the archive has this id.
    #[error("no customer with id '{0}'")]
    UnknownCustomer(String),
    /// The customer is a terminal; only distributors have scorecard figures.
    #[error("customer '{0}' is not a distributor")]
    NotADistributor(String),
    /// A month outside the plan's period.
    #[error("{0} is outside the plan's period")]
    MonthOutsidePeriod(YearMonth),
    /// No expense entry at this position.
    #[error("no expense entry number {0}")]
    UnknownExpense(usize),
    /// A scorecard measure's scale is refused.
    #[error("scale.{}: {error}", measure.key())]
    Scale {
        measure: super::ScoreMeasure,
        error: super::ScaleError,
    },
    /// A field's value is refused; `field` is its JSON key.
    #[error("{field}: {error}")]
    Field {
        field: &'static str,
        error: FieldError,
    },
}

impl EditError {
    pub(super) fn field(field: &'static str, error: FieldError) -> Self {
        EditError::Field { field, error }
    }
}
