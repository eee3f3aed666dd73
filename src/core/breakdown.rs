//! Target breakdown (目标分解): the company's annual targets split over regions, sub-districts and
//! salespeople, and over the months of the period, exactly to the scenario's units.
//!
//! The breakdown is a pure function of (plan, scenario), computed in whole units (`i64`):
//! - a parent's year is split over its children by their method's weights with the
//!   largest-remainder method (locks first, the rest by weight), so the parts add up to the
//!   parent exactly and each is within one unit of its exact share;
//! - each parent's months are split over its children's years by controlled rounding of the
//!   (child × month) grid, so every child's months add up to its year and every month's children
//!   add up to the parent's month, each cell within one unit of its exact value.
//!
//! [`compute`] gives every number or every problem ([`BreakdownErrors`]); [`explain`] says why a
//! node got its numbers; [`tier_rows`] classifies the regions.

mod arith;
mod collections;
mod engine;
mod explain;
mod explain_collections;
mod grid;
mod id_index;
mod inputs;
mod issues;
mod layout;
mod locks;
mod respread;
mod result;
mod split;
mod tiers;
mod weights;
mod zeros;

#[cfg(test)]
mod cases;
#[cfg(test)]
mod collections_respread_cases;
#[cfg(test)]
mod properties;
#[cfg(test)]
mod respread_cases;
#[cfg(test)]
pub(crate) mod testing;

/// Whole units split over weights (largest remainder) and decimal weights as integers, for the
/// other exact splits of the product (a budget over months).
pub use arith::int_weights as integer_weights;
pub use collections::{Collections, CollectionsError, collections};
pub use engine::compute;
pub use explain::{
    Basis, ExplainError, Explanation, MeasureExplanation, MonthExplanation, MonthRespread,
    ShareBasis, TierBasis, explain, explain_in,
};
pub use explain_collections::CollectionsRespread;
pub use issues::{BreakdownError, BreakdownErrors, BreakdownWarning, LockedValue, NodeRef, Pinned};
pub use layout::{BreakdownNode, node_name};
pub use respread::{AppliedRespread, Outcome as RespreadOutcome};
pub use result::Breakdown;
pub use split::largest_remainder as split_by_weights;
pub use tiers::{TierRow, tier_rows};
pub use weights::FactorPart;
pub use zeros::{ZeroCause, ZeroTarget, zero_marks, zero_targets};
