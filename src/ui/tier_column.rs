//! One tier on the tier board: its rule, strategy, policy and regions.

use leptos::prelude::*;

use super::detail::commit::scenario_commit;
use super::field::Field;
use super::region_tier::RegionTier;
use super::state::use_app;
use crate::core::field::{FieldError, parse_non_negative, parse_percent};
use crate::core::tier::{Tier, TierPolicy};
use crate::i18n::fill;

fn parse_goal(text: &str) -> Result<Option<rust_decimal::Decimal>, FieldError> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_percent(text).map(Some)
    }
}

#[component]
pub fn TierColumn(tier: Tier) -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let scenario = Memo::new(move |_| {
        let sid = app.scenario.get();
        app.plan.with(|p| p.scenario(&sid).cloned())
    });
    let regions = Memo::new(move |_| {
        let Some(s) = scenario.get() else {
            return Vec::new();
        };
        app.plan.with(|p| {
            p.regions
                .iter()
                .filter(|r| s.tier_of(r) == tier)
                .map(|r| r.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let rule = move || {
        let Some(s) = scenario.get() else {
            return String::new();
        };
        let th = s.thresholds;
        match tier {
            Tier::BaseCamp => fill(t.rule_base_camp, &[&th.base_camp.to_string()]),
            Tier::Stronghold => fill(
                t.rule_stronghold,
                &[&th.stronghold.to_string(), &th.base_camp.to_string()],
            ),
            Tier::Contested => fill(t.rule_contested, &[&th.stronghold.to_string()]),
            Tier::Guerrilla => fill(t.rule_guerrilla, &[&th.guerrilla_floor.to_string()]),
        }
    };
    let policy_value = move |f: fn(&TierPolicy) -> String| {
        Signal::derive(move || {
            scenario.with(|s| {
                s.as_ref()
                    .map(|s| f(s.tier_policies.get(tier)))
                    .unwrap_or_default()
            })
        })
    };
    let split = move || {
        scenario.with(|s| {
            s.as_ref().map(|s| {
                let d = s.tier_policies.get(tier).distributor_spend;
                fill(
                    t.spend_split,
                    &[
                        &d.to_string(),
                        &(rust_decimal::Decimal::from(100) - d).to_string(),
                    ],
                )
            })
        })
    };
    view! {
        <section class=format!("tier-column tier-col-{}", tier.key()) aria-labelledby=format!("tier-title-{}", tier.key())>
            <header class=format!("tier-head tier-{}", tier.key())>
                <h2 id=format!("tier-title-{}", tier.key())>{move || t.tier(tier)}</h2>
                <span class="tier-count">{move || regions.with(Vec::len)}</span>
            </header>
            <p class="tier-rule">{rule}</p>
            <dl class="tier-strategy">
                <dt>{t.investment}</dt><dd>{move || t.investment(tier)}</dd>
                <dt>{t.channel}</dt><dd>{move || t.channel(tier)}</dd>
            </dl>
            <p class="tier-text">{move || t.strategy(tier)}</p>
            <p class="tier-split">{split}</p>
            <ul class="tier-regions">
                <For each=move || regions.get() key=|id: &String| id.clone() let:id>
                    <RegionTier id />
                </For>
            </ul>
            <Show when=move || regions.with(Vec::is_empty)>
                <p class="empty">{t.no_regions_in_tier}</p>
            </Show>
            <details class="tier-policy">
                <summary>{t.multiplier} " · " {t.distributor_spend}</summary>
                <Field numeric=true id=format!("policy-{}-multiplier", tier.key()) label=t.multiplier
                    value=policy_value(|p| p.multiplier.to_string())
                    commit=scenario_commit(parse_non_negative, move |s, v| s.tier_policies.get_mut(tier).multiplier = v) />
                <Field numeric=true label=t.distributor_spend
                    value=policy_value(|p| p.distributor_spend.to_string())
                    commit=scenario_commit(parse_percent, move |s, v| s.tier_policies.get_mut(tier).distributor_spend = v) />
                <Field numeric=true label=t.share_goal
                    value=policy_value(|p| p.share_goal.map(|g| g.to_string()).unwrap_or_default())
                    commit=scenario_commit(parse_goal, move |s, v| s.tier_policies.get_mut(tier).share_goal = v) />
            </details>
        </section>
    }
}
