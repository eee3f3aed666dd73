//! The scenario's breakdown settings: company targets, rounding units, methods, factor weights
//! and seasonality. Every change recomputes the table at once.

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::detail::commit::scenario_commit;
use super::field::{Commit, Field, SelectField};
use super::state::use_app;
use crate::core::field::{parse_decimal, parse_non_negative};
use crate::core::model::Factor;
use crate::core::scenario::{Level, Method, Scenario};
use crate::i18n::fill;

/// A value read from the scenario on screen.
fn read<T: Send + Sync + 'static>(
    f: impl Fn(&Scenario) -> T + Send + Sync + 'static,
) -> Signal<Option<T>> {
    let app = use_app();
    Signal::derive(move || {
        let sid = app.scenario.get();
        app.plan.with(|p| p.scenario(&sid).map(&f))
    })
}

/// Applies a change to the scenario on screen as one undoable edit.
fn change(f: impl FnOnce(&mut Scenario)) {
    let app = use_app();
    let sid = app.scenario.get_untracked();
    app.edit(|p| {
        if let Some(s) = p.scenario_mut(&sid) {
            f(s)
        }
    });
}

fn method_select(level: Level, label: &'static str) -> impl IntoView {
    let t = use_app().t_now();
    let options: Vec<(String, String)> = level
        .methods()
        .iter()
        .map(|m| (m.key().to_string(), t.method(*m).to_string()))
        .collect();
    let value = read(move |s| s.methods.get(level).key().to_string());
    let commit: Commit = Callback::new(move |key: String| {
        let method = Method::from_key(&key).ok_or(key)?;
        change(|s| s.methods.set(level, method));
        Ok(())
    });
    view! {
        <SelectField id=format!("method-{}", level.key()) label=label
            value=Signal::derive(move || value.get().unwrap_or_default()) options=options commit />
    }
}

fn unit_select(amount: bool, label: &'static str) -> impl IntoView {
    let choices: &[&str] = if amount {
        &["1", "10", "100", "1000", "10000"]
    } else {
        &["1", "10", "100"]
    };
    let options: Vec<(String, String)> = choices
        .iter()
        .map(|c| (c.to_string(), c.to_string()))
        .collect();
    let value = read(move |s| {
        if amount {
            s.amount_unit
        } else {
            s.quantity_unit
        }
        .normalize()
        .to_string()
    });
    let commit: Commit = Callback::new(move |text: String| {
        let unit = parse_decimal(&text).map_err(|_| text.clone())?;
        change(|s| {
            if amount {
                s.amount_unit = unit
            } else {
                s.quantity_unit = unit
            }
        });
        Ok(())
    });
    view! {
        <SelectField id=if amount { "amount-unit" } else { "quantity-unit" } label=label
            value=Signal::derive(move || value.get().unwrap_or_default()) options=options commit />
    }
}

#[component]
pub fn BreakdownSettings() -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let target = move |amount: bool| {
        Signal::derive(move || {
            read(move |s| {
                if amount {
                    s.amount_target
                } else {
                    s.quantity_target
                }
                .to_string()
            })
            .get()
            .unwrap_or_default()
        })
    };
    let multiplier_on = read(|s| s.methods.region_tier_multiplier);
    view! {
        <details class="card bd-settings" open>
            <summary>{t.company_targets} " · " {t.methods} " · " {t.factor_weights} " · " {t.seasonality}</summary>
            <div class="settings-grid">
                <section>
                    <h3>{t.company_targets}</h3>
                    <Field id="bd-amount-target" numeric=true label=t.amount_target value=target(true)
                        commit=scenario_commit(parse_non_negative, |s, v| s.amount_target = v) />
                    <Field id="bd-quantity-target" numeric=true label=t.quantity_target value=target(false)
                        commit=scenario_commit(parse_non_negative, |s, v| s.quantity_target = v) />
                    {unit_select(true, t.amount_unit)}
                    {unit_select(false, t.quantity_unit)}
                </section>
                <section>
                    <h3>{t.methods}</h3>
                    {method_select(Level::Region, t.split_regions)}
                    <label class="check">
                        <input type="checkbox" id="tier-multiplier"
                            prop:checked=move || multiplier_on.get().unwrap_or(false)
                            on:change=move |ev| { let on = event_target_checked(&ev); change(|s| s.methods.region_tier_multiplier = on); } />
                        {t.tier_multiplier_on}
                    </label>
                    {method_select(Level::Subdistrict, t.split_subdistricts)}
                    {method_select(Level::Salesperson, t.split_salespeople)}
                </section>
                <FactorWeights />
                <Seasonality />
            </div>
        </details>
    }
}

/// Six sliders; dragging one recomputes live and counts as one undo step.
#[component]
fn FactorWeights() -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let sliders = Factor::ALL
        .into_iter()
        .map(|f| {
            let value = read(move |s| s.factor_weights.get(f));
            let shown = move || {
                value
                    .get()
                    .map(|v| v.normalize().to_string())
                    .unwrap_or_default()
            };
            view! {
                <label class="slider">
                    <span class="slider-label">{t.factor(f)}</span>
                    <input type="range" min="0" max="100" step="1" id=format!("weight-{}", f.key())
                        prop:value=shown
                        on:input=move |ev| {
                            if let Ok(v) = parse_non_negative(&event_target_value(&ev)) {
                                let sid = app.scenario.get_untracked();
                                app.edit_merging(&format!("weight-{}", f.key()), |p| {
                                    if let Some(s) = p.scenario_mut(&sid) {
                                        *s.factor_weights.get_mut(f) = v;
                                    }
                                });
                            }
                        } />
                    <span class="slider-value">{shown}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <section>
            <h3>{t.factor_weights}</h3>
            {sliders}
        </section>
    }
}

/// The share of each month; the total must be exactly 100%.
#[component]
fn Seasonality() -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let months = Memo::new(move |_| app.plan.with(|p| p.period.months()));
    let total = read(|s| s.seasonality.iter().flatten().copied().sum::<Decimal>());
    let complete = read(|s| s.seasonality.iter().all(Option::is_some));
    let ok = move || total.get() == Some(Decimal::from(100)) && complete.get() == Some(true);
    view! {
        <section class="seasonality">
            <h3>{t.seasonality}</h3>
            <div class="season-grid">
                {move || months.get().into_iter().enumerate().map(|(i, m)| {
                    let value = read(move |s| s.seasonality.get(i).copied().flatten().map(|v| v.to_string()).unwrap_or_default());
                    view! {
                        <Field numeric=true id=format!("season-{i}") label=t.month_name(m.month)
                            value=Signal::derive(move || value.get().unwrap_or_default())
                            commit=scenario_commit(parse_season, move |s, v| if let Some(slot) = s.seasonality.get_mut(i) { *slot = v }) />
                    }
                }).collect_view()}
            </div>
            <p class="season-total" class:bad=move || !ok() id="season-total">
                {move || fill(t.seasonality_total, &[&total.get().unwrap_or_default().normalize().to_string()])}
                <button class="btn subtle" id="season-flat" on:click=move |_| {
                    let months = app.plan.with_untracked(|p| p.period.month_count());
                    change(|s| s.seasonality = Scenario::flat_seasonality(months));
                }>{t.flat_profile}</button>
            </p>
        </section>
    }
}

/// An empty month is kept empty (and reported), never read as zero.
fn parse_season(text: &str) -> Result<Option<Decimal>, crate::core::field::FieldError> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_non_negative(text).map(Some)
    }
}
