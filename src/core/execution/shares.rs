//! Market share during the year (市场占有率): each region's share recorded by month, its
//! completion against the region's target share, and the tier the latest share would give.
//! A region whose share has moved across a tier threshold is flagged for review; the manager
//! adopts the new tier as a tier override of the adopted scenario, with a reason (logged like
//! any other edit).

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::core::model::{Plan, Region};
use crate::core::period::YearMonth;
use crate::core::scenario::Scenario;
use crate::core::tier::Tier;

use super::edit_error::EditError;

/// A region's market share over the year, against its target and its tier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareRow {
    pub id: String,
    pub name: String,
    /// The tier the scenario gives it (its override, or the rules on the share at planning).
    pub tier: Tier,
    /// The share the plan was made with, in percent.
    pub planned_share: Decimal,
    /// The share it aims for, in percent ([`target_share`]); `None` when the plan names none.
    pub target: Option<Decimal>,
    /// Recorded shares, one per month of the period (`None` where none is recorded).
    pub months: Vec<Option<Decimal>>,
    /// The last month recorded and its share.
    pub latest: Option<(YearMonth, Decimal)>,
    /// latest ÷ target; `None` without both.
    pub completion: Option<Decimal>,
    /// The tier the latest share would give, when it differs from [`Self::tier`].
    pub drift: Option<Tier>,
}

/// The share a region aims for: the mean of its sub-districts' target shares (目标市场占有率)
/// where they name one, otherwise its tier's goal (运动区域: about 20%).
pub fn target_share(region: &Region, scenario: &Scenario) -> Option<Decimal> {
    let named: Vec<Decimal> = region
        .subdistricts
        .iter()
        .map(|d| d.target_share)
        .filter(|s| !s.is_zero())
        .collect();
    if named.is_empty() {
        let tier = scenario.tier_of(region);
        return scenario.tier_policies.get(tier).share_goal;
    }
    let sum: Decimal = named.iter().sum();
    Some((sum / Decimal::from(named.len() as u64)).round_dp(2))
}

/// Every region's shares over the period under `scenario` (normally the adopted one).
pub fn share_report(plan: &Plan, scenario: &Scenario) -> Vec<ShareRow> {
    let months = plan.period.months();
    let none = BTreeMap::new();
    plan.regions
        .iter()
        .map(|r| {
            let recorded = plan.execution.shares.get(&r.id).unwrap_or(&none);
            let tier = scenario.tier_of(r);
            let target = target_share(r, scenario);
            let latest = recorded
                .iter()
                .rfind(|(m, _)| months.contains(m))
                .map(|(m, s)| (*m, *s));
            let completion = latest
                .zip(target)
                .and_then(|((_, s), t)| (!t.is_zero()).then(|| s / t));
            let drift = latest
                .map(|(_, s)| scenario.thresholds.classify(s, r.active_customers))
                .filter(|t| *t != tier);
            ShareRow {
                id: r.id.clone(),
                name: r.name.clone(),
                tier,
                planned_share: r.market_share,
                target,
                months: months.iter().map(|m| recorded.get(m).copied()).collect(),
                latest,
                completion,
                drift,
            }
        })
        .collect()
}

/// Records a region's share for a month (percent, 0–100), or removes it (`None`).
pub fn set_share(
    plan: &mut Plan,
    region: &str,
    month: YearMonth,
    share: Option<Decimal>,
) -> Result<bool, EditError> {
    if !plan.regions.iter().any(|r| r.id == region) {
        return Err(EditError::UnknownRegion(region.into()));
    }
    if !plan.period.months().contains(&month) {
        return Err(EditError::MonthOutsidePeriod(month));
    }
    let shares = &mut plan.execution.shares;
    Ok(match share {
        Some(s) => {
            if !(Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&s) {
                return Err(EditError::field(
                    "share",
                    crate::core::field::FieldError::PercentRange,
                ));
            }
            shares.entry(region.into()).or_default().insert(month, s) != Some(s)
        }
        None => {
            let removed = shares.get_mut(region).and_then(|m| m.remove(&month));
            if shares.get(region).is_some_and(BTreeMap::is_empty) {
                shares.remove(region);
            }
            removed.is_some()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;

    fn month(m: u32) -> YearMonth {
        YearMonth::new(2027, m).unwrap()
    }

    #[test]
    fn a_share_crossing_a_threshold_is_flagged_until_the_new_tier_is_adopted() {
        let mut plan = sample_plan(Lang::Zh);
        let s = plan.adopted().unwrap().clone();
        let zhuzhou = plan.regions[1].clone();
        assert_eq!(zhuzhou.name, "株洲");
        assert_eq!(
            s.tier_of(&zhuzhou),
            Tier::Stronghold,
            "{}%",
            zhuzhou.market_share
        );
        set_share(&mut plan, &zhuzhou.id, month(1), Some(Decimal::from(41))).unwrap();
        set_share(&mut plan, &zhuzhou.id, month(3), Some(Decimal::from(38))).unwrap();
        let row = &share_report(&plan, &s)[1];
        assert_eq!(row.months[0], Some(Decimal::from(41)));
        assert_eq!(row.months[1], None);
        assert_eq!(row.latest, Some((month(3), Decimal::from(38))));
        // 38% is below the stronghold threshold (40%): it would be contested.
        assert_eq!(row.drift, Some(Tier::Contested));
        // The target: the mean of its sub-districts' target shares.
        let subs: Vec<Decimal> = zhuzhou
            .subdistricts
            .iter()
            .map(|d| d.target_share)
            .collect();
        let mean = (subs.iter().sum::<Decimal>() / Decimal::from(subs.len() as u64)).round_dp(2);
        assert_eq!(row.target, Some(mean));
        assert_eq!(row.completion, Some(Decimal::from(38) / mean));
        // Adopting the new tier (an override with a reason) ends the flag.
        let mut adopted = s.clone();
        adopted.tier_overrides.insert(
            zhuzhou.id.clone(),
            crate::core::tier::TierOverride {
                tier: Tier::Contested,
                reason: "株洲 38%".into(),
            },
        );
        assert_eq!(share_report(&plan, &adopted)[1].drift, None);
        // Back to 41% in April: no longer what the rules give for the override.
        set_share(&mut plan, &zhuzhou.id, month(4), Some(Decimal::from(41))).unwrap();
        assert_eq!(share_report(&plan, &s)[1].drift, None);
        assert_eq!(
            share_report(&plan, &adopted)[1].drift,
            Some(Tier::Stronghold)
        );
    }

    #[test]
    fn a_contested_region_without_sub_district_targets_aims_for_twenty_percent() {
        let mut plan = sample_plan(Lang::En);
        let s = plan.adopted().unwrap().clone();
        let i = plan
            .regions
            .iter()
            .position(|r| s.tier_of(r) == Tier::Contested)
            .expect("a contested region in the sample");
        for d in &mut plan.regions[i].subdistricts {
            d.target_share = Decimal::ZERO;
        }
        let id = plan.regions[i].id.clone();
        set_share(&mut plan, &id, month(2), Some(Decimal::from(15))).unwrap();
        let row = &share_report(&plan, &s)[i];
        assert_eq!(row.target, Some(Decimal::from(20)));
        assert_eq!(row.completion, Some(Decimal::new(75, 2)), "15 of 20");
    }

    #[test]
    fn shares_are_percentages_of_a_known_region_inside_the_period() {
        let mut plan = sample_plan(Lang::En);
        let id = plan.regions[0].id.clone();
        assert!(set_share(&mut plan, &id, month(2), Some(Decimal::from(101))).is_err());
        assert!(set_share(&mut plan, "nowhere", month(2), Some(Decimal::ONE)).is_err());
        let outside = YearMonth::new(2028, 1).unwrap();
        assert!(set_share(&mut plan, &id, outside, Some(Decimal::ONE)).is_err());
        assert!(set_share(&mut plan, &id, month(2), Some(Decimal::from(60))).unwrap());
        assert!(!set_share(&mut plan, &id, month(2), Some(Decimal::from(60))).unwrap());
        assert!(set_share(&mut plan, &id, month(2), None).unwrap());
        assert!(
            plan.execution.shares.is_empty(),
            "nothing left of the region"
        );
    }
}
