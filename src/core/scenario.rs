//! Scenarios (方案): one set of assumptions over the plan's territory.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::model::{Factors, Region};
use super::respread::Respread;
use super::tier::{Tier, TierOverride, TierPolicies, TierThresholds};

/// How a parent's target is split over its children.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Equal shares.
    Even,
    /// Weighted index over the six sub-district factors (sub-districts only).
    Weighted,
    /// In proportion to last period's sales.
    History,
    /// In proportion to typed numbers; typed numbers that sum to the parent are kept as typed.
    Manual,
}

impl Method {
    pub const ALL: [Method; 4] = [
        Method::Even,
        Method::Weighted,
        Method::History,
        Method::Manual,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Method::Even => "even",
            Method::Weighted => "weighted",
            Method::History => "history",
            Method::Manual => "manual",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.key() == key)
    }
}

/// The breakdown's levels below the company.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Company,
    Region,
    Subdistrict,
    Salesperson,
}

impl Level {
    pub fn key(self) -> &'static str {
        match self {
            Level::Company => "company",
            Level::Region => "region",
            Level::Subdistrict => "subdistrict",
            Level::Salesperson => "salesperson",
        }
    }

    /// Methods that make sense for the children at this level.
    pub fn methods(self) -> &'static [Method] {
        match self {
            Level::Subdistrict => &Method::ALL,
            _ => &[Method::Even, Method::History, Method::Manual],
        }
    }
}

/// The method at each level of the breakdown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LevelMethods {
    pub region: Method,
    /// Multiply region weights by their tier's multiplier.
    pub region_tier_multiplier: bool,
    pub subdistrict: Method,
    pub salesperson: Method,
}

/// Even at every level: the one method that gives every node a share on any data, so a new
/// plan's empty territory never leaves anybody at zero. A manager switches to history or the
/// weighted index once last period's sales or the factors are filled in.
impl Default for LevelMethods {
    fn default() -> Self {
        Self {
            region: Method::Even,
            region_tier_multiplier: false,
            subdistrict: Method::Even,
            salesperson: Method::Even,
        }
    }
}

impl LevelMethods {
    pub fn get(&self, level: Level) -> Method {
        match level {
            Level::Company | Level::Region => self.region,
            Level::Subdistrict => self.subdistrict,
            Level::Salesperson => self.salesperson,
        }
    }

    pub fn set(&mut self, level: Level, method: Method) {
        match level {
            Level::Company | Level::Region => self.region = method,
            Level::Subdistrict => self.subdistrict = method,
            Level::Salesperson => self.salesperson = method,
        }
    }
}

/// A pair of optional values for a node: a lock or a manual number, per measure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NodeValues {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Decimal>,
}

impl NodeValues {
    pub fn get(&self, measure: Measure) -> Option<Decimal> {
        match measure {
            Measure::Amount => self.amount,
            Measure::Quantity => self.quantity,
        }
    }

    pub fn set(&mut self, measure: Measure, value: Option<Decimal>) {
        match measure {
            Measure::Amount => self.amount = value,
            Measure::Quantity => self.quantity = value,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.amount.is_none() && self.quantity.is_none()
    }
}

/// The two measures every target has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// 销售额, money.
    Amount,
    /// 销量, units.
    Quantity,
}

impl Measure {
    pub const ALL: [Measure; 2] = [Measure::Amount, Measure::Quantity];

    pub fn key(self) -> &'static str {
        match self {
            Measure::Amount => "amount",
            Measure::Quantity => "quantity",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// A scenario: company targets, rounding units, tier rules, methods, weights, locks, seasonality.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub id: String,
    pub name: String,
    /// The company's annual amount target (销售额).
    pub amount_target: Decimal,
    /// The company's annual quantity target (销量).
    pub quantity_target: Decimal,
    /// Optional collections target (回款).
    #[serde(default)]
    pub collections_target: Option<Decimal>,
    /// Every amount is a whole multiple of this (1, 10, 100 or 1000 yuan).
    pub amount_unit: Decimal,
    /// Every quantity is a whole multiple of this (usually 1).
    pub quantity_unit: Decimal,
    pub thresholds: TierThresholds,
    #[serde(default)]
    pub tier_overrides: BTreeMap<String, TierOverride>,
    pub tier_policies: TierPolicies,
    pub methods: LevelMethods,
    /// Weights of the six factors in the sub-district index.
    pub factor_weights: Factors,
    /// Pinned annual values by node id.
    #[serde(default)]
    pub locks: BTreeMap<String, NodeValues>,
    /// Typed numbers by node id for the manual method.
    #[serde(default)]
    pub manual: BTreeMap<String, NodeValues>,
    /// Share of the period's target in each month, in percent; must total 100. `null` marks a
    /// month not yet filled in (an error, never a silent zero). Empty: every month weighs the
    /// same (equal weights, split by largest remainder; no rounded percentages).
    pub seasonality: Vec<Option<Decimal>>,
    /// Corrections (纠偏): nodes whose remaining months carry their gap to date, applied in
    /// order after the normal breakdown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub respreads: Vec<Respread>,
}

impl Scenario {
    pub fn target(&self, measure: Measure) -> Decimal {
        match measure {
            Measure::Amount => self.amount_target,
            Measure::Quantity => self.quantity_target,
        }
    }

    pub fn unit(&self, measure: Measure) -> Decimal {
        match measure {
            Measure::Amount => self.amount_unit,
            Measure::Quantity => self.quantity_unit,
        }
    }

    /// The tier of a region in this scenario: the override if any, else the rule's.
    pub fn tier_of(&self, region: &Region) -> Tier {
        self.tier_overrides
            .get(&region.id)
            .map(|o| o.tier)
            .unwrap_or_else(|| self.thresholds.classify_region(region))
    }

    /// Whether every month weighs the same (no profile typed).
    pub fn even_months(&self) -> bool {
        self.seasonality.is_empty()
    }

    /// Each month's share in percent, as typed; for equal months `100 / months` (as exact as a
    /// decimal holds: shown rounded, never used to split).
    pub fn month_shares(&self, months: usize) -> Vec<Option<Decimal>> {
        if self.even_months() {
            let share = Decimal::ONE_HUNDRED / Decimal::from(months.max(1) as u64);
            vec![Some(share); months]
        } else {
            self.seasonality.clone()
        }
    }

    /// A profile of rounded percentages over `months` months that sums to exactly 100 (the
    /// remainder on the first month): what a manager edits from when leaving equal months.
    pub fn flat_seasonality(months: usize) -> Vec<Option<Decimal>> {
        let months = months.max(1);
        let base = (Decimal::from(100) / Decimal::from(months as u64)).trunc_with_scale(2);
        let mut v = vec![Some(base); months];
        let rest = Decimal::from(100) - base * Decimal::from(months as u64);
        v[0] = Some(base + rest);
        v
    }

    /// A scenario with the domain's defaults: methods that work on an empty territory (even at
    /// every level) and equal months.
    pub fn with_defaults(id: String, name: String, _months: usize) -> Self {
        Self {
            id,
            name,
            amount_target: Decimal::ZERO,
            quantity_target: Decimal::ZERO,
            collections_target: None,
            amount_unit: Decimal::from(100),
            quantity_unit: Decimal::ONE,
            thresholds: TierThresholds::default(),
            tier_overrides: BTreeMap::new(),
            tier_policies: TierPolicies::default(),
            methods: LevelMethods::default(),
            factor_weights: Factors {
                admin_division: Decimal::from(10),
                population: Decimal::from(25),
                consumption: Decimal::from(20),
                transport: Decimal::from(10),
                customer_distribution: Decimal::from(25),
                policy_investment: Decimal::from(10),
            },
            locks: BTreeMap::new(),
            manual: BTreeMap::new(),
            // Equal months: an even year splits into months one unit apart at most.
            seasonality: Vec::new(),
            respreads: Vec::new(),
        }
    }
}
