//! The tier board's rows: each region's market share and tier in a scenario.

use rust_decimal::Decimal;

use crate::core::model::Plan;
use crate::core::scenario::Scenario;
use crate::core::tier::Tier;

/// One region on the tier board.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TierRow {
    pub region_id: String,
    pub name: String,
    /// The company's current market share in the region, in percent.
    pub market_share: Decimal,
    pub active_customers: u32,
    /// The tier in this scenario: the override if there is one, else the rule's.
    pub tier: Tier,
    /// The tier the scenario's thresholds give.
    pub rule_tier: Tier,
    /// A manager's written override decides the tier.
    pub overridden: bool,
    /// The override's reason, if overridden.
    pub reason: Option<String>,
}

/// Every region's tier in the scenario, in the plan's order.
pub fn tier_rows(plan: &Plan, scenario: &Scenario) -> Vec<TierRow> {
    plan.regions
        .iter()
        .map(|region| {
            let over = scenario.tier_overrides.get(&region.id);
            TierRow {
                region_id: region.id.clone(),
                name: region.name.clone(),
                market_share: region.market_share,
                active_customers: region.active_customers,
                tier: scenario.tier_of(region),
                rule_tier: scenario.thresholds.classify_region(region),
                overridden: over.is_some(),
                reason: over.map(|o| o.reason.clone()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;
    use crate::core::tier::TierOverride;

    #[test]
    fn sample_regions_fall_in_all_four_tiers_and_overrides_show() {
        let mut plan = sample_plan(Lang::En);
        let rows = tier_rows(&plan, plan.adopted().unwrap());
        let got: Vec<(&str, &str)> = rows
            .iter()
            .map(|r| (r.name.as_str(), r.tier.key()))
            .collect();
        assert_eq!(
            got,
            [
                ("Changsha", "base_camp"),
                ("Zhuzhou", "stronghold"),
                ("Xiangtan", "stronghold"),
                ("Hengyang", "contested"),
                ("Yueyang", "contested"),
                ("Changde", "contested"),
                ("Zhangjiajie", "guerrilla"),
                ("Huaihua", "guerrilla"),
            ]
        );
        assert!(rows.iter().all(|r| !r.overridden && r.tier == r.rule_tier));

        let id = plan.regions[3].id.clone();
        let reason = "New distributor signed".to_string();
        plan.scenarios[0].tier_overrides.insert(
            id,
            TierOverride {
                tier: Tier::Stronghold,
                reason: reason.clone(),
            },
        );
        let row = &tier_rows(&plan, &plan.scenarios[0])[3];
        assert_eq!(
            (row.tier, row.rule_tier, row.overridden),
            (Tier::Stronghold, Tier::Contested, true)
        );
        assert_eq!(row.reason.as_ref(), Some(&reason));
    }

    /// The source defines 大本营 and 根据地 by share: a large share with no customers keeps
    /// its tier and is flagged as contradicting data, never silently made 游击区域.
    #[test]
    fn a_large_share_without_customers_is_flagged_not_made_guerrilla() {
        let mut plan = sample_plan(Lang::En);
        plan.regions[1].active_customers = 0; // Zhuzhou, 47.2%
        plan.regions[4].active_customers = 0; // Yueyang, 16.8%
        let s = plan.adopted().unwrap();
        let rows = tier_rows(&plan, s);
        assert_eq!(rows[1].tier, Tier::Stronghold);
        assert_eq!(rows[4].tier, Tier::Guerrilla, "no customer base below 40%");
        let b = crate::core::breakdown::compute(&plan, s).unwrap();
        let flagged: Vec<String> = b.warnings().iter().map(|w| w.to_string()).collect();
        assert_eq!(
            flagged,
            [format!(
                "region 'Zhuzhou' ({}) has a market share of 47.2% but no active customers \
                 recorded; check the data",
                plan.regions[1].id
            )]
        );
    }
}
