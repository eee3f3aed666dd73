//! The plan and its territory: company → region → sub-district → salesperson.
//!
//! These are plain serde types; the same JSON is written to local storage, exported to files and
//! printed by the command line. Money, quantities and percentages are exact decimals (serialised
//! as strings so no precision is lost in JSON).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::changelog::{self, Change};
use super::execution::Execution;
use super::period::Period;
use super::scenario::Scenario;

/// The current version of the plan format. Older versions are migrated on import.
pub const FORMAT_VERSION: u32 = 1;

/// A regional sales plan (区域销售计划): one territory, several scenarios, one adopted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub format_version: u32,
    pub id: String,
    pub name: String,
    /// The company or business unit the plan is for.
    pub company: String,
    pub currency: String,
    pub period: Period,
    pub regions: Vec<Region>,
    pub scenarios: Vec<Scenario>,
    /// Id of the scenario marked adopted (采用).
    pub adopted_scenario: String,
    /// Counter behind [`Plan::fresh_id`]; never decreases, so ids are never reused.
    #[serde(default)]
    pub id_seq: u64,
    /// Free-text sections of the plan document (goals, market analysis, strategy, risks).
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
    /// Executing the plan (计划执行): actuals, deviation notes, customer archive, scorecards,
    /// expenses. Left out of the JSON while empty, so plans without it read and write as before.
    #[serde(default, skip_serializing_if = "Execution::is_empty")]
    pub execution: Execution,
    /// In a copy sent out for one region (“send a part”), that region's id: the recipient's
    /// part. Merging the copy back warns about its changes outside it. Left out of the JSON
    /// when the plan is not such a copy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_part: Option<String>,
    /// The change log (变更记录): what changed, when and why, newest last, with the patches
    /// that restore earlier states. Left out of the JSON while empty.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        with = "changelog::stored"
    )]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Vec<String>"))]
    pub change_log: Vec<Change>,
}

/// Last period's sales of a node, the basis of the history method.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Sales {
    pub amount: Decimal,
    pub quantity: Decimal,
}

/// A region (区域).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub id: String,
    pub name: String,
    pub manager: String,
    /// The company's current market share in the region, in percent (0–100).
    pub market_share: Decimal,
    pub active_customers: u32,
    pub last_sales: Sales,
    #[serde(default)]
    pub notes: String,
    pub subdistricts: Vec<SubDistrict>,
}

/// The six factors a region's sub-districts are weighed by. Each is a non-negative score or
/// figure; the weighted index normalises each factor over the siblings, so units do not matter.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Factors {
    /// 行政区划: administrative weight of the division, scored 1–5.
    pub admin_division: Decimal,
    /// 人口数量: population, in 10,000 people (万人).
    pub population: Decimal,
    /// 消费水平: consumption level, scored 1–5.
    pub consumption: Decimal,
    /// 交通条件: transport conditions, scored 1–5.
    pub transport: Decimal,
    /// 客户分布: customer distribution, the outlets that can be served.
    pub customer_distribution: Decimal,
    /// 政策投入: policy investment, scored 1–5.
    pub policy_investment: Decimal,
}

/// Names of the six factors, in display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Factor {
    AdminDivision,
    Population,
    Consumption,
    Transport,
    CustomerDistribution,
    PolicyInvestment,
}

impl Factor {
    pub const ALL: [Factor; 6] = [
        Factor::AdminDivision,
        Factor::Population,
        Factor::Consumption,
        Factor::Transport,
        Factor::CustomerDistribution,
        Factor::PolicyInvestment,
    ];

    /// The field name used in JSON and in validation paths.
    pub fn key(self) -> &'static str {
        match self {
            Factor::AdminDivision => "admin_division",
            Factor::Population => "population",
            Factor::Consumption => "consumption",
            Factor::Transport => "transport",
            Factor::CustomerDistribution => "customer_distribution",
            Factor::PolicyInvestment => "policy_investment",
        }
    }

    /// The lowest and highest score of a factor the manager rates; `None` for a factor that
    /// is counted (population in 万, outlets), whose number is what it is.
    pub fn score_range(self) -> Option<(u8, u8)> {
        match self {
            Factor::Population | Factor::CustomerDistribution => None,
            _ => Some((1, 5)),
        }
    }

    /// `value` as this factor accepts it: not negative, and a rated factor within its scale.
    pub fn check(self, value: Decimal) -> Result<Decimal, super::field::FieldError> {
        use super::field::FieldError;
        if value.is_sign_negative() && !value.is_zero() {
            return Err(FieldError::Negative);
        }
        match self.score_range() {
            Some((low, high)) if value < Decimal::from(low) || value > Decimal::from(high) => {
                Err(FieldError::ScoreRange(low, high))
            }
            _ => Ok(value),
        }
    }
}

impl Factors {
    pub fn get(&self, f: Factor) -> Decimal {
        match f {
            Factor::AdminDivision => self.admin_division,
            Factor::Population => self.population,
            Factor::Consumption => self.consumption,
            Factor::Transport => self.transport,
            Factor::CustomerDistribution => self.customer_distribution,
            Factor::PolicyInvestment => self.policy_investment,
        }
    }

    pub fn get_mut(&mut self, f: Factor) -> &mut Decimal {
        match f {
            Factor::AdminDivision => &mut self.admin_division,
            Factor::Population => &mut self.population,
            Factor::Consumption => &mut self.consumption,
            Factor::Transport => &mut self.transport,
            Factor::CustomerDistribution => &mut self.customer_distribution,
            Factor::PolicyInvestment => &mut self.policy_investment,
        }
    }

    /// All six factors set to the same value.
    pub fn uniform(value: Decimal) -> Self {
        let mut f = Factors::default();
        for k in Factor::ALL {
            *f.get_mut(k) = value;
        }
        f
    }
}

/// A dated step of the sub-district's development and promotion schedule (市场开发和产品推广进度).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    #[serde(with = "iso_date")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "NaiveDate"))]
    pub date: NaiveDate,
    pub title: String,
    #[serde(default)]
    pub done: bool,
    /// The day it was done, when recorded.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "iso_date_opt"
    )]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "Option<NaiveDate>"))]
    pub done_on: Option<NaiveDate>,
    /// The corrective action written while it is overdue.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Milestone {
    /// A step not yet done, due on a day before `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        !self.done && self.date < today
    }
}

/// A sub-district (分区) of a region.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SubDistrict {
    pub id: String,
    pub name: String,
    pub factors: Factors,
    /// Market share the sub-district aims for, in percent (0–100).
    pub target_share: Decimal,
    pub last_sales: Sales,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    /// Named target distributors (经销商) the sub-district must win.
    #[serde(default)]
    pub target_distributors: Vec<String>,
    /// Named target retail terminals (零售终端) the sub-district must win.
    #[serde(default)]
    pub target_terminals: Vec<String>,
    pub salespeople: Vec<Salesperson>,
}

/// A salesperson (业务人员); targets reach every person (指标责任到人).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Salesperson {
    pub id: String,
    pub name: String,
    pub role: String,
    pub last_sales: Sales,
}

impl Plan {
    /// A new id, unique within this plan, with a prefix telling the level (`r`, `d`, `p`, `s`).
    pub fn fresh_id(&mut self, prefix: &str) -> String {
        loop {
            self.id_seq += 1;
            let id = format!("{prefix}{}", self.id_seq);
            if !self.has_id(&id) {
                return id;
            }
        }
    }

    fn has_id(&self, id: &str) -> bool {
        self.scenarios.iter().any(|s| s.id == id)
            || self.regions.iter().any(|r| {
                r.id == id
                    || r.subdistricts
                        .iter()
                        .any(|d| d.id == id || d.salespeople.iter().any(|p| p.id == id))
            })
    }

    pub fn adopted(&self) -> Option<&Scenario> {
        self.scenario(&self.adopted_scenario)
    }

    pub fn scenario(&self, id: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    pub fn scenario_mut(&mut self, id: &str) -> Option<&mut Scenario> {
        self.scenarios.iter_mut().find(|s| s.id == id)
    }

    /// Changes the period. Scenarios whose seasonality no longer has one entry per month get
    /// equal months (a profile for twelve months cannot be guessed onto three).
    pub fn set_period(&mut self, period: Period) {
        self.period = period;
        let months = period.month_count();
        for s in &mut self.scenarios {
            if !s.even_months() && s.seasonality.len() != months {
                s.seasonality = Vec::new();
            }
        }
    }

    /// Counts of (regions, sub-districts, salespeople).
    pub fn size(&self) -> (usize, usize, usize) {
        let subs = self.regions.iter().map(|r| r.subdistricts.len()).sum();
        let people = self
            .regions
            .iter()
            .flat_map(|r| &r.subdistricts)
            .map(|d| d.salespeople.len())
            .sum();
        (self.regions.len(), subs, people)
    }
}

/// An optional date as [`iso_date`]; absent when `None`.
mod iso_date_opt {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => s.collect_str(d),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        let text = String::deserialize(d)?;
        super::super::field::parse_date(&text)
            .map(Some)
            .map_err(serde::de::Error::custom)
    }
}

/// Dates as `YYYY-MM-DD`, read by [`parse_date`](super::field::parse_date): written in full
/// only (chrono's own `Deserialize` also takes `2027-3-1`).
mod iso_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(date)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(d)?;
        super::super::field::parse_date(&text).map_err(serde::de::Error::custom)
    }
}
