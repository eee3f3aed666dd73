//! A region on the tier board: share, customers, and the manager's override with its reason.

use leptos::prelude::*;

use super::state::use_app;
use crate::core::field::parse_name;
use crate::core::tier::{Tier, TierOverride};
use crate::i18n::fill;
use crate::view::numbers::percent;

#[component]
pub fn RegionTier(id: String) -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let key = id.clone();
    let info = Memo::new(move |_| {
        let sid = app.scenario.get();
        app.plan.with(|p| {
            let s = p.scenario(&sid)?;
            let r = p.regions.iter().find(|r| r.id == key)?;
            Some((
                r.name.clone(),
                r.market_share,
                r.active_customers,
                s.thresholds.classify_region(r),
                s.tier_overrides.get(&r.id).cloned(),
            ))
        })
    });
    // The tier picked but not yet given a reason.
    let pending = RwSignal::new(None::<Tier>);
    let error = RwSignal::new(None::<String>);
    let set_override = {
        let id = id.clone();
        move |o: Option<TierOverride>| {
            let sid = app.scenario.get_untracked();
            let id = id.clone();
            app.edit(|p| {
                if let Some(s) = p.scenario_mut(&sid) {
                    match o {
                        Some(o) => s.tier_overrides.insert(id, o),
                        None => s.tier_overrides.remove(&id),
                    };
                }
            });
        }
    };
    let on_pick = {
        let set_override = set_override.clone();
        move |key: String| {
            error.set(None);
            match Tier::from_key(&key) {
                None => {
                    pending.set(None);
                    set_override(None);
                }
                Some(tier) => {
                    let rule = info.with_untracked(|i| i.as_ref().map(|i| i.3));
                    let existing = info.with_untracked(|i| i.as_ref().and_then(|i| i.4.clone()));
                    match existing {
                        Some(o) if rule != Some(tier) => set_override(Some(TierOverride {
                            tier,
                            reason: o.reason,
                        })),
                        _ if rule == Some(tier) => {
                            pending.set(None);
                            set_override(None);
                        }
                        _ => {
                            pending.set(Some(tier));
                            error.set(Some(t.reason_required.to_string()));
                        }
                    }
                }
            }
        }
    };
    let on_reason = move |text: String| {
        let tier = pending.get_untracked().or_else(|| {
            info.with_untracked(|i| i.as_ref().and_then(|i| i.4.as_ref().map(|o| o.tier)))
        });
        let Some(tier) = tier else { return };
        match parse_name(&text) {
            Ok(reason) => {
                pending.set(None);
                error.set(None);
                set_override(Some(TierOverride { tier, reason }));
            }
            Err(_) => error.set(Some(t.reason_required.to_string())),
        }
    };
    let dom = format!("tier-region-{id}");
    view! {
        {move || info.get().map(|(name, share, customers, rule, over)| {
            let chosen = pending.get().or(over.as_ref().map(|o| o.tier));
            let show_reason = chosen.is_some();
            let reason = over.as_ref().map(|o| o.reason.clone()).unwrap_or_default();
            let on_pick = on_pick.clone();
            let on_reason = on_reason.clone();
            view! {
                <li class="tier-region" class:overridden=over.is_some() id=dom.clone()>
                    <div class="tier-region-head">
                        <span class="tier-region-name">{name}</span>
                        <span class="tier-region-share">{percent(share)}</span>
                    </div>
                    <div class="tier-region-meta">
                        {fill(t.customers_short, &[&customers.to_string()])}
                        {over.as_ref().map(|o| view! {
                            <span class="override-badge" title=o.reason.clone()>{t.overridden} ": " {o.reason.clone()}</span>
                        })}
                    </div>
                    <label class="override">
                        <span class="sr-only">{t.override_tier}</span>
                        <select class="override-select" aria-label=t.override_tier on:change=move |ev| on_pick(event_target_value(&ev))>
                            <option value="" selected=chosen.is_none()>{fill(t.tier_by_rule, &[t.tier(rule)])}</option>
                            {Tier::ALL.into_iter().filter(|x| *x != rule).map(|x| view! {
                                <option value=x.key() selected=chosen == Some(x)>{t.tier(x)}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    {show_reason.then(|| view! {
                        <input class="override-reason" type="text" aria-label=t.override_reason placeholder=t.override_reason
                            prop:value=reason on:change=move |ev| on_reason(event_target_value(&ev)) />
                    })}
                    <span class="field-error" role="alert">{move || error.get()}</span>
                </li>
            }
        })}
    }
}
