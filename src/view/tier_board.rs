//! The tier board: thresholds, and the four tiers side by side with their regions, strategy,
//! spend split, policy and each region's override with its written reason.

use rust_decimal::Decimal;

use super::numbers::percent;
use super::scenario_settings::{Input, Setting, SettingField};
use crate::core::edit::{Edit, ScenarioField, Threshold};
use crate::core::field::{FieldError, parse_name};
use crate::core::model::{Plan, Region};
use crate::core::scenario::Scenario;
use crate::core::tier::{Tier, TierOverride};
use crate::i18n::{Catalogue, fill};

/// The whole board.
#[derive(Clone, Debug, PartialEq)]
pub struct TierBoard {
    /// One line with the three thresholds (shown while their fields are folded away).
    pub thresholds_summary: String,
    pub thresholds: Vec<SettingField>,
    pub columns: Vec<TierColumn>,
}

/// One tier's column.
#[derive(Clone, Debug, PartialEq)]
pub struct TierColumn {
    pub tier: Tier,
    pub title: String,
    /// How many regions the tier holds.
    pub count: usize,
    /// The rule that puts a region in the tier (`Share ≥ 60%`).
    pub rule: String,
    /// (label, text) pairs: investment and channel.
    pub strategy: Vec<(String, String)>,
    /// The source's strategy in a sentence or two.
    pub text: String,
    /// The distributor/terminal split of spend (none for guerrilla areas: publicity only).
    pub split: Option<String>,
    /// `Share goal (%): 20%`, when the tier has one.
    pub share_goal: Option<String>,
    pub regions: Vec<TierRegion>,
    /// Shown when no region is in the tier.
    pub empty: Option<String>,
    /// The folded policy's one-line title.
    pub policy_title: String,
    /// Multiplier, distributor spend and share goal.
    pub policy: Vec<SettingField>,
}

/// One region on the board.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TierRegion {
    pub id: String,
    pub name: String,
    pub share: String,
    /// `12 customers`.
    pub customers: String,
    /// `Override: <reason>` when the manager set the tier by hand.
    pub override_badge: Option<String>,
    /// A stronghold-level share with no active customers: the data contradict each other.
    pub inconsistent: Option<String>,
    pub override_field: OverrideField,
}

/// The override of a region's tier: a choice (the rule's tier first, then the others) and the
/// reason it needs.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct OverrideField {
    pub label: String,
    pub reason_label: String,
    /// (tier key, label); the empty key stands for the rule's tier.
    pub options: Vec<(String, String)>,
    /// The chosen tier's key, empty when the rule decides.
    pub chosen: String,
    pub reason: String,
}

impl TierBoard {
    /// The stored value of a threshold or a tier's policy, as its field holds it.
    pub fn value(&self, setting: Setting) -> String {
        self.thresholds
            .iter()
            .chain(self.columns.iter().flat_map(|c| &c.policy))
            .find(|f| f.setting == setting)
            .map(|f| f.value.clone())
            .unwrap_or_default()
    }
}

/// The edit that sets region `region`'s tier to `tier` (a tier key; empty gives the region back
/// to the rule) for `reason`, or why it cannot be.
pub fn override_edit(
    scenario: &str,
    region: &str,
    tier: &str,
    reason: &str,
) -> Result<Edit, FieldError> {
    let value = match Tier::from_key(tier.trim()) {
        None => None,
        Some(tier) => Some(TierOverride {
            tier,
            reason: parse_name(reason).map_err(|_| FieldError::ReasonRequired)?,
        }),
    };
    Ok(Edit::Scenario {
        scenario: scenario.to_string(),
        field: ScenarioField::TierOverride(region.to_string(), value),
    })
}

fn threshold_field(s: &Scenario, which: Threshold, id: &str, label: &str) -> SettingField {
    SettingField::new(s, Setting::Threshold(which), id, label, Input::Number)
}

/// The board of one scenario.
pub fn tier_board(t: &Catalogue, plan: &Plan, s: &Scenario) -> TierBoard {
    let th = &s.thresholds;
    TierBoard {
        thresholds_summary: fill(
            t.thresholds_summary,
            &[
                &th.base_camp.to_string(),
                &th.stronghold.to_string(),
                &th.guerrilla_floor.to_string(),
            ],
        ),
        thresholds: vec![
            threshold_field(
                s,
                Threshold::BaseCamp,
                "threshold-base-camp",
                t.threshold_base_camp,
            ),
            threshold_field(
                s,
                Threshold::Stronghold,
                "threshold-stronghold",
                t.threshold_stronghold,
            ),
            threshold_field(
                s,
                Threshold::GuerrillaFloor,
                "threshold-floor",
                t.threshold_floor,
            ),
        ],
        columns: Tier::ALL
            .iter()
            .map(|&tier| column(t, plan, s, tier))
            .collect(),
    }
}

fn column(t: &Catalogue, plan: &Plan, s: &Scenario, tier: Tier) -> TierColumn {
    let th = &s.thresholds;
    let rule = match tier {
        Tier::BaseCamp => fill(t.rule_base_camp, &[&th.base_camp.to_string()]),
        Tier::Stronghold => fill(
            t.rule_stronghold,
            &[&th.stronghold.to_string(), &th.base_camp.to_string()],
        ),
        Tier::Contested => fill(t.rule_contested, &[&th.stronghold.to_string()]),
        Tier::Guerrilla => fill(t.rule_guerrilla, &[&th.guerrilla_floor.to_string()]),
    };
    let policy = s.tier_policies.get(tier);
    // Guerrilla areas get publicity only: a distributor/terminal split would mislead.
    let split = (tier != Tier::Guerrilla).then(|| {
        fill(
            t.spend_split,
            &[
                &policy.distributor_spend.to_string(),
                &(Decimal::from(100) - policy.distributor_spend).to_string(),
            ],
        )
    });
    let regions: Vec<TierRegion> = plan
        .regions
        .iter()
        .filter(|r| s.tier_of(r) == tier)
        .map(|r| region(t, s, r))
        .collect();
    let key = tier.key();
    TierColumn {
        tier,
        title: t.tier(tier).to_string(),
        count: regions.len(),
        rule,
        strategy: vec![
            (t.investment.to_string(), t.investment(tier).to_string()),
            (t.channel.to_string(), t.channel(tier).to_string()),
        ],
        text: t.strategy(tier).to_string(),
        split,
        share_goal: policy
            .share_goal
            .map(|goal| format!("{}: {}", t.share_goal, percent(goal))),
        empty: regions.is_empty().then(|| t.no_regions_in_tier.to_string()),
        regions,
        policy_title: format!("{} · {}", t.multiplier, t.distributor_spend),
        policy: vec![
            SettingField::new(
                s,
                Setting::TierFactor(tier),
                &format!("policy-{key}-multiplier"),
                t.multiplier,
                Input::Number,
            ),
            SettingField::new(
                s,
                Setting::DistributorSpend(tier),
                &format!("policy-{key}-spend"),
                t.distributor_spend,
                Input::Number,
            ),
            SettingField::new(
                s,
                Setting::ShareGoal(tier),
                &format!("policy-{key}-goal"),
                t.share_goal,
                Input::Number,
            ),
        ],
    }
}

fn region(t: &Catalogue, s: &Scenario, r: &Region) -> TierRegion {
    let rule_tier = s.thresholds.classify_region(r);
    let over = s.tier_overrides.get(&r.id);
    let mut options = vec![(String::new(), fill(t.tier_by_rule, &[t.tier(rule_tier)]))];
    options.extend(
        Tier::ALL
            .iter()
            .filter(|x| **x != rule_tier)
            .map(|x| (x.key().to_string(), t.tier(*x).to_string())),
    );
    TierRegion {
        id: r.id.clone(),
        name: r.name.clone(),
        share: percent(r.market_share),
        customers: fill(t.customers_short, &[&r.active_customers.to_string()]),
        override_badge: over.map(|o| format!("{}: {}", t.overridden, o.reason)),
        inconsistent: s
            .thresholds
            .inconsistent(r.market_share, r.active_customers)
            .then(|| t.inconsistent_share.to_string()),
        override_field: OverrideField {
            label: t.override_tier.to_string(),
            reason_label: t.override_reason.to_string(),
            options,
            chosen: over.map(|o| o.tier.key().to_string()).unwrap_or_default(),
            reason: over.map(|o| o.reason.clone()).unwrap_or_default(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;
    use crate::i18n::{EN, ZH};

    fn names(c: &TierColumn) -> Vec<&str> {
        c.regions.iter().map(|r| r.name.as_str()).collect()
    }

    #[test]
    fn every_region_sits_in_its_tier_column_and_overrides_show_their_reason() {
        let plan = sample_plan(Lang::Zh);
        let mut s = plan.adopted().unwrap().clone();
        let board = tier_board(&ZH, &plan, &s);
        let titles: Vec<&str> = board.columns.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(titles, ["大本营", "根据地", "运动区域", "游击区域"]);
        assert!(names(&board.columns[0]).contains(&"长沙"), "{board:#?}");
        assert!(names(&board.columns[1]).contains(&"株洲"));
        assert!(names(&board.columns[2]).contains(&"衡阳"));
        assert!(names(&board.columns[3]).contains(&"怀化"));
        assert_eq!(
            board.columns.iter().map(|c| c.count).sum::<usize>(),
            plan.regions.len(),
            "every region once"
        );
        assert!(
            board.columns[1]
                .split
                .as_deref()
                .unwrap()
                .contains("经销商 30% / 终端 70%"),
            "{:?}",
            board.columns[1].split
        );
        assert_eq!(
            board.columns[3].split, None,
            "guerrilla areas get publicity only"
        );

        let rid = plan.regions[7].id.clone();
        s.tier_overrides.insert(
            rid.clone(),
            TierOverride {
                tier: Tier::Contested,
                reason: "新经销商已签约".into(),
            },
        );
        let board = tier_board(&EN, &plan, &s);
        let moved = board.columns[2]
            .regions
            .iter()
            .find(|r| r.id == rid)
            .expect("the override moves the region to its tier");
        assert_eq!(
            moved.override_badge.as_deref(),
            Some("Override: 新经销商已签约")
        );
        assert_eq!(moved.override_field.chosen, "contested");
        assert_eq!(moved.override_field.reason, "新经销商已签约");
        assert_eq!(
            moved.override_field.options[0],
            (String::new(), "By rule (Guerrilla)".to_string()),
            "the rule's tier comes first"
        );
    }

    #[test]
    fn thresholds_and_policies_are_fields_of_the_scenario() {
        let plan = sample_plan(Lang::En);
        let s = plan.adopted().unwrap();
        let board = tier_board(&EN, &plan, s);
        let ids: Vec<&str> = board.thresholds.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "threshold-base-camp",
                "threshold-stronghold",
                "threshold-floor"
            ]
        );
        assert_eq!(board.thresholds[1].value, "40");
        assert_eq!(
            board.value(Setting::DistributorSpend(Tier::Contested)),
            "70"
        );
        assert!(
            board.thresholds_summary.contains("stronghold ≥ 40%"),
            "{}",
            board.thresholds_summary
        );
        let contested = &board.columns[2];
        assert_eq!(contested.policy[0].id, "policy-contested-multiplier");
        assert!(
            contested
                .share_goal
                .as_deref()
                .is_some_and(|g| g.contains("20")),
            "{:?}",
            contested.share_goal
        );
    }

    #[test]
    fn an_override_needs_a_reason_and_the_rule_needs_none() {
        assert_eq!(
            override_edit("s1", "r8", "contested", "  "),
            Err(FieldError::ReasonRequired)
        );
        assert_eq!(
            override_edit("s1", "r8", "contested", " Dealer signed "),
            Ok(Edit::Scenario {
                scenario: "s1".into(),
                field: ScenarioField::TierOverride(
                    "r8".into(),
                    Some(TierOverride {
                        tier: Tier::Contested,
                        reason: "Dealer signed".into()
                    })
                ),
            })
        );
        assert_eq!(
            override_edit("s1", "r8", "", ""),
            Ok(Edit::Scenario {
                scenario: "s1".into(),
                field: ScenarioField::TierOverride("r8".into(), None),
            })
        );
    }
}
