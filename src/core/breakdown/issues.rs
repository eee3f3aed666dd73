//! What can be wrong with a breakdown's inputs (errors: no numbers are produced) and what is
//! worth a manager's attention in one that was produced (warnings). Every variant carries the
//! data (nodes, fields, values) so the UI can phrase it in its own language; the English
//! `Display` is for the command line and logs.

use std::fmt;

use rust_decimal::Decimal;

use crate::core::model::Factor;
use crate::core::period::YearMonth;
use crate::core::scenario::{Level, Measure, Method};
use crate::core::tier::Tier;

/// A node named in a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodeRef {
    pub level: Level,
    pub id: String,
    pub name: String,
}

impl fmt::Display for NodeRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} '{}' ({})",
            level_noun(self.level),
            self.name,
            self.id
        )
    }
}

/// A locked node and its pinned value, as listed in a lock error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockedValue {
    pub node: NodeRef,
    pub value: Decimal,
}

fn level_noun(level: Level) -> &'static str {
    match level {
        Level::Company => "company",
        Level::Region => "region",
        Level::Subdistrict => "sub-district",
        Level::Salesperson => "salesperson",
    }
}

fn child_nouns(level: Level) -> &'static str {
    match level {
        Level::Company => "regions",
        Level::Region => "sub-districts",
        Level::Subdistrict | Level::Salesperson => "salespeople",
    }
}

fn level_plural(level: Level) -> &'static str {
    match level {
        Level::Company => "companies",
        Level::Region => "regions",
        Level::Subdistrict => "sub-districts",
        Level::Salesperson => "salespeople",
    }
}

fn plural(measure: Measure) -> &'static str {
    match measure {
        Measure::Amount => "amounts",
        Measure::Quantity => "quantities",
    }
}

fn method_list(methods: &[Method]) -> String {
    methods
        .iter()
        .map(|m| m.key())
        .collect::<Vec<_>>()
        .join(", ")
}

fn locked_list(locked: &[LockedValue]) -> String {
    locked
        .iter()
        .map(|l| format!("{} {}", l.node, l.value))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A reason the breakdown cannot be computed. A plan with any of these gets no numbers.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BreakdownError {
    /// A rounding unit of zero or less (`field` is `amount_unit` or `quantity_unit`).
    #[error("{field} must be greater than zero (it is {value})")]
    UnitNotPositive {
        measure: Measure,
        field: &'static str,
        value: Decimal,
    },
    /// A negative company target (`field` is `amount_target` or `quantity_target`).
    #[error("{field} must not be negative (it is {value})")]
    NegativeTarget {
        measure: Measure,
        field: &'static str,
        value: Decimal,
    },
    /// A company target that is not a whole number of units.
    #[error("{field} {value} is not a whole multiple of the unit {unit}")]
    TargetNotMultipleOfUnit {
        measure: Measure,
        field: &'static str,
        value: Decimal,
        unit: Decimal,
    },
    /// A company target of more than 10^18 units.
    #[error("{field} {value} is more than 10^18 units of {unit}; use a larger unit")]
    TooManyUnits {
        measure: Measure,
        field: &'static str,
        value: Decimal,
        unit: Decimal,
    },
    /// A seasonality profile whose length is not the period's number of months.
    #[error("the seasonality profile has {found} months; the period has {expected}")]
    SeasonalityMonthCount { expected: usize, found: usize },
    /// A month of the seasonality profile left empty (never read as zero).
    #[error("the seasonality share of {month} is missing")]
    SeasonalityMissing { index: usize, month: YearMonth },
    /// A negative seasonality share.
    #[error("the seasonality share of {month} must not be negative (it is {value}%)")]
    SeasonalityNegative {
        index: usize,
        month: YearMonth,
        value: Decimal,
    },
    /// Seasonality shares that do not total exactly 100%.
    #[error("the seasonality shares total {total}%, not 100%")]
    SeasonalityTotal { total: Decimal },
    /// A method that cannot split a parent over this level's nodes.
    #[error(
        "the {} method cannot split targets over {}; use one of: {}",
        .method.key(), level_plural(*.level), method_list(.allowed)
    )]
    MethodNotAllowed {
        level: Level,
        method: Method,
        allowed: &'static [Method],
    },
    /// A negative weight of one of the six sub-district factors.
    #[error("the weight of factor {} must not be negative (it is {value})", .factor.key())]
    NegativeFactorWeight { factor: Factor, value: Decimal },
    /// A sub-district's negative factor value (used by the weighted index).
    #[error("{node}: factor {} must not be negative (it is {value})", .factor.key())]
    NegativeFactor {
        node: NodeRef,
        factor: Factor,
        value: Decimal,
    },
    /// A negative last-period figure (used by the history method).
    #[error("{node}: last period's {} must not be negative (it is {value})", .measure.key())]
    NegativeHistory {
        node: NodeRef,
        measure: Measure,
        value: Decimal,
    },
    /// A negative manual number.
    #[error("{node}: the manual {} must not be negative (it is {value})", .measure.key())]
    NegativeManual {
        node: NodeRef,
        measure: Measure,
        value: Decimal,
    },
    /// A negative tier multiplier (used when the tier multiplier is on).
    #[error("the {} tier multiplier must not be negative (it is {value})", .tier.key())]
    NegativeMultiplier { tier: Tier, value: Decimal },
    /// Weights too large to compute with (far beyond any real figure): the node whose weight
    /// overflowed, or the parent whose children's weights did.
    #[error("{node}: {} weights too large to compute with", .measure.key())]
    WeightTooLarge { node: NodeRef, measure: Measure },
    /// A negative lock.
    #[error("{node}: the locked {} must not be negative (it is {value})", .measure.key())]
    NegativeLock {
        node: NodeRef,
        measure: Measure,
        value: Decimal,
    },
    /// A lock that is not a whole number of units.
    #[error("{node}: the locked {} {value} is not a whole multiple of the unit {unit}", .measure.key())]
    LockNotMultipleOfUnit {
        node: NodeRef,
        measure: Measure,
        value: Decimal,
        unit: Decimal,
    },
    /// A lock of more than 10^18 units.
    #[error("{node}: the locked {} {value} is more than 10^18 units of {unit}", .measure.key())]
    LockTooLarge {
        node: NodeRef,
        measure: Measure,
        value: Decimal,
        unit: Decimal,
    },
    /// Locked children whose values add up to more than their parent's.
    #[error(
        "the locked {} under {parent} total {locked_total}, more than its {parent_value}: {}",
        plural(*.measure), locked_list(.locked)
    )]
    LocksExceedParent {
        parent: NodeRef,
        measure: Measure,
        parent_value: Decimal,
        locked_total: Decimal,
        locked: Vec<LockedValue>,
    },
    /// Every child locked, and the locks do not add up to the parent.
    #[error(
        "every child of {parent} is locked and their {} total {locked_total}, not its {parent_value}: {}",
        plural(*.measure), locked_list(.locked)
    )]
    LocksDoNotAddUp {
        parent: NodeRef,
        measure: Measure,
        parent_value: Decimal,
        locked_total: Decimal,
        locked: Vec<LockedValue>,
    },
    /// The monthly grid under a parent could not be rounded. Controlled rounding always exists
    /// for whole-unit margins, so this marks a defect, reported rather than panicking.
    #[error("the monthly {} under {parent} could not be rounded to its totals", plural(*.measure))]
    RoundingFailed { parent: NodeRef, measure: Measure },
}

/// Everything that stopped a breakdown, in a stable order: scenario fields first, then the
/// territory in tree order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BreakdownErrors(pub Vec<BreakdownError>);

impl fmt::Display for BreakdownErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for BreakdownErrors {}

/// What a scenario pins to a node: a lock or a manual number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pinned {
    Lock,
    Manual,
}

impl fmt::Display for Pinned {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Pinned::Lock => "lock",
            Pinned::Manual => "manual value",
        })
    }
}

/// Something in a computed breakdown a manager should see; the numbers are still exact.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BreakdownWarning {
    /// All the weights over a parent's unlocked children are zero: the rest is split evenly.
    #[error(
        "every {} weight among the children of {parent} is zero ({} method); its {remaining} was split evenly",
        .measure.key(), .method.key()
    )]
    ZeroWeights {
        parent: NodeRef,
        measure: Measure,
        method: Method,
        remaining: Decimal,
    },
    /// Manual numbers under a parent that do not add up to what there is to split; they are used
    /// as proportions.
    #[error(
        "the manual {} typed under {parent} total {typed_total}, not the {to_split} to split; they were used as proportions",
        plural(*.measure)
    )]
    ManualSumDiffers {
        parent: NodeRef,
        measure: Measure,
        typed_total: Decimal,
        to_split: Decimal,
    },
    /// A company without regions, a region without sub-districts or a sub-district without
    /// salespeople: its target reaches nobody below it.
    #[error("{node} has no {}; its target is not broken down further", child_nouns(.node.level))]
    NoChildren { node: NodeRef },
    /// A lock or manual number for an id that is not a region, sub-district or salesperson.
    #[error("the {what} for '{id}' is ignored: no region, sub-district or salesperson has that id")]
    UnknownNode { id: String, what: Pinned },
    /// An id used by more than one node; lookups by id find the first.
    #[error("id '{id}' is used by more than one node")]
    DuplicateId { id: String },
    /// A region with a stronghold-level market share and no active customers recorded: the
    /// data contradict each other; the tier follows the share (the source defines it by share).
    #[error(
        "{region} has a market share of {share}% but no active customers recorded; check the data"
    )]
    ShareWithoutCustomers { region: NodeRef, share: Decimal },
    /// A re-spread that no longer fits the plan (its node was removed, or the period changed
    /// under its as-of month): ignored.
    #[error("the re-spread of '{node}' as of {as_of} is ignored: it no longer fits the plan")]
    RespreadIgnored { node: String, as_of: YearMonth },
}
