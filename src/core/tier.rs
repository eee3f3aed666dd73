//! The four region tiers (区域类型), classified by market share and customer base.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::model::Region;

/// A region's strategic tier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// 大本营: share at or above the base-camp threshold.
    BaseCamp,
    /// 根据地: share at or above the stronghold threshold.
    Stronghold,
    /// 运动区域: below the stronghold threshold, with a customer base.
    Contested,
    /// 游击区域: no customer base.
    Guerrilla,
}

impl Tier {
    pub const ALL: [Tier; 4] = [
        Tier::BaseCamp,
        Tier::Stronghold,
        Tier::Contested,
        Tier::Guerrilla,
    ];

    /// The machine name used in JSON, CSV and CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            Tier::BaseCamp => "base_camp",
            Tier::Stronghold => "stronghold",
            Tier::Contested => "contested",
            Tier::Guerrilla => "guerrilla",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.key() == key)
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// Market-share thresholds (percent) that decide a region's tier; editable per scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TierThresholds {
    /// Share at or above which a region is a base camp (default 60%).
    pub base_camp: Decimal,
    /// Share at or above which a region is a stronghold (default 40%).
    pub stronghold: Decimal,
    /// Share below which a region counts as having no customer base (default 5%).
    pub guerrilla_floor: Decimal,
}

impl Default for TierThresholds {
    fn default() -> Self {
        Self {
            base_camp: Decimal::from(60),
            stronghold: Decimal::from(40),
            guerrilla_floor: Decimal::from(5),
        }
    }
}

/// Thresholds out of order: the tiers would overlap or a tier could never be reached. The
/// source text orders them base camp (60%) > stronghold (40%) > the guerrilla floor.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ThresholdOrder {
    /// The base-camp threshold is not above the stronghold threshold.
    #[error(
        "the base-camp threshold ({base_camp}%) must be above the stronghold threshold ({stronghold}%)"
    )]
    BaseCampNotAboveStronghold {
        base_camp: Decimal,
        stronghold: Decimal,
    },
    /// The stronghold threshold is not above the guerrilla floor.
    #[error(
        "the stronghold threshold ({stronghold}%) must be above the guerrilla floor ({floor}%)"
    )]
    StrongholdNotAboveFloor { stronghold: Decimal, floor: Decimal },
}

impl TierThresholds {
    /// Whether base camp > stronghold > guerrilla floor; the first pair out of order if not.
    pub fn check_order(&self) -> Result<(), ThresholdOrder> {
        if self.base_camp <= self.stronghold {
            return Err(ThresholdOrder::BaseCampNotAboveStronghold {
                base_camp: self.base_camp,
                stronghold: self.stronghold,
            });
        }
        if self.stronghold <= self.guerrilla_floor {
            return Err(ThresholdOrder::StrongholdNotAboveFloor {
                stronghold: self.stronghold,
                floor: self.guerrilla_floor,
            });
        }
        Ok(())
    }

    /// The tier the rules give for a market share and an active-customer count. The source
    /// defines base camps and strongholds by share alone, so a stronghold-level share with no
    /// recorded customers keeps the tier its share gives; [`Self::inconsistent`] flags it.
    pub fn classify(&self, market_share: Decimal, active_customers: u32) -> Tier {
        let no_base = active_customers == 0 && market_share < self.stronghold;
        if no_base || market_share < self.guerrilla_floor {
            Tier::Guerrilla
        } else if market_share >= self.base_camp {
            Tier::BaseCamp
        } else if market_share >= self.stronghold {
            Tier::Stronghold
        } else {
            Tier::Contested
        }
    }

    pub fn classify_region(&self, region: &Region) -> Tier {
        self.classify(region.market_share, region.active_customers)
    }

    /// A stronghold-level share with no active customers recorded: the data contradict each
    /// other (a share that large needs customers), so the region is flagged for a check.
    pub fn inconsistent(&self, market_share: Decimal, active_customers: u32) -> bool {
        active_customers == 0 && market_share >= self.stronghold
    }
}

/// A manager's override of a region's tier, with the written reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TierOverride {
    pub tier: Tier,
    pub reason: String,
}

/// What a tier means for investment: the breakdown multiplier and the spend split.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TierPolicy {
    /// Factor applied to the region's weight when the tier multiplier is on.
    pub multiplier: Decimal,
    /// Share of the expense budget for distributors, in percent; the rest goes to terminals.
    pub distributor_spend: Decimal,
    /// Market share the tier aims for, in percent, where the strategy names one.
    pub share_goal: Option<Decimal>,
}

/// One policy per tier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TierPolicies {
    pub base_camp: TierPolicy,
    pub stronghold: TierPolicy,
    pub contested: TierPolicy,
    pub guerrilla: TierPolicy,
}

impl TierPolicies {
    pub fn get(&self, tier: Tier) -> &TierPolicy {
        match tier {
            Tier::BaseCamp => &self.base_camp,
            Tier::Stronghold => &self.stronghold,
            Tier::Contested => &self.contested,
            Tier::Guerrilla => &self.guerrilla,
        }
    }

    pub fn get_mut(&mut self, tier: Tier) -> &mut TierPolicy {
        match tier {
            Tier::BaseCamp => &mut self.base_camp,
            Tier::Stronghold => &mut self.stronghold,
            Tier::Contested => &mut self.contested,
            Tier::Guerrilla => &mut self.guerrilla,
        }
    }
}

impl Default for TierPolicies {
    /// The source's strategy: strongholds spend 30/70 distributors/terminals, contested regions
    /// 70/30 aiming for 20% share; base camps like strongholds; guerrilla areas publicity only.
    fn default() -> Self {
        let p = |multiplier: i64, distributor_spend: i64, share_goal: Option<i64>| TierPolicy {
            multiplier: Decimal::from(multiplier),
            distributor_spend: Decimal::from(distributor_spend),
            share_goal: share_goal.map(Decimal::from),
        };
        Self {
            base_camp: p(1, 30, None),
            stronghold: p(1, 30, None),
            contested: p(1, 70, Some(20)),
            guerrilla: p(1, 0, None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_thresholds_follow_the_domain_table() {
        let t = TierThresholds::default();
        let cases = [
            ("75", 120, Tier::BaseCamp),
            ("60", 1, Tier::BaseCamp),
            ("59.99", 10, Tier::Stronghold),
            ("40", 10, Tier::Stronghold),
            ("39.9", 10, Tier::Contested),
            ("5", 3, Tier::Contested),
            ("4.99", 3, Tier::Guerrilla),
            ("80", 0, Tier::BaseCamp),
            ("40", 0, Tier::Stronghold),
            ("39.9", 0, Tier::Guerrilla),
        ];
        for (share, customers, want) in cases {
            assert_eq!(
                t.classify(share.parse().unwrap(), customers),
                want,
                "share {share}% with {customers} customers"
            );
            let flagged = customers == 0 && share.parse::<Decimal>().unwrap() >= t.stronghold;
            assert_eq!(t.inconsistent(share.parse().unwrap(), customers), flagged);
        }
    }

    #[test]
    fn thresholds_out_of_order_are_named() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(TierThresholds::default().check_order(), Ok(()));
        let t = TierThresholds {
            base_camp: d("40"),
            ..TierThresholds::default()
        };
        assert_eq!(
            t.check_order(),
            Err(ThresholdOrder::BaseCampNotAboveStronghold {
                base_camp: d("40"),
                stronghold: d("40")
            })
        );
        let t = TierThresholds {
            guerrilla_floor: d("45"),
            ..TierThresholds::default()
        };
        assert_eq!(
            t.check_order().unwrap_err().to_string(),
            "the stronghold threshold (40%) must be above the guerrilla floor (45%)"
        );
    }
}
