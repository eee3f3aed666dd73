//! The plan's own fields (shown when the company is selected): name, company, currency, period,
//! and the open scenario's headline targets.

use leptos::prelude::*;

use super::commit::commit;
use crate::core::field::{FieldError, parse_decimal, parse_name, parse_non_negative};
use crate::core::period::{Period, PeriodKind, YearMonth};
use crate::ui::field::{Field, SelectField};
use crate::ui::state::use_app;

fn parse_currency(text: &str) -> Result<String, FieldError> {
    let t = parse_name(text)?;
    if t.chars().count() > 8 {
        return Err(FieldError::TooLong(8));
    }
    Ok(t.to_ascii_uppercase())
}

fn parse_month(text: &str) -> Result<YearMonth, FieldError> {
    text.trim()
        .parse()
        .map_err(|_| FieldError::NotADate(text.trim().to_string()))
}

fn parse_optional(text: &str) -> Result<Option<rust_decimal::Decimal>, FieldError> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_non_negative(text).map(Some)
    }
}

#[component]
pub fn PlanForm() -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let read =
        move |f: fn(&crate::core::model::Plan) -> String| Signal::derive(move || app.plan.with(f));
    let scenario_value = move |f: fn(&crate::core::scenario::Scenario) -> String| {
        Signal::derive(move || {
            let sid = app.scenario.get();
            app.plan
                .with(|p| p.scenario(&sid).map(f).unwrap_or_default())
        })
    };
    let sid = move || app.scenario.get_untracked();
    let period_options = Signal::derive(move || {
        PeriodKind::ALL
            .iter()
            .map(|k| (k.key().to_string(), t.period_kind(*k).to_string()))
            .collect::<Vec<_>>()
    });
    let size = move || app.plan.with(|p| p.size());
    let _ = parse_decimal;
    view! {
        <h2>{t.plan}</h2>
        <p class="summary">
            {move || { let (r, d, p) = size(); format!("{} {} · {} {} · {} {}", r, t.regions, d, t.subdistricts, p, t.salespeople) }}
        </p>
        <div class="form-grid">
            <Field id="detail-name" label=t.plan_name value=read(|p| p.name.clone())
                commit=commit(parse_name, |p, v| p.name = v) />
            <Field label=t.company_name value=read(|p| p.company.clone())
                commit=commit(parse_name, |p, v| p.company = v) />
            <Field label=t.currency value=read(|p| p.currency.clone())
                commit=commit(parse_currency, |p, v| p.currency = v) />
            <SelectField label=t.period
                value=read(|p| p.period.kind.key().to_string())
                options=period_options
                commit=Callback::new(move |key: String| {
                    let kind = PeriodKind::from_key(&key).ok_or_else(|| key.clone())?;
                    app.edit(|p| p.set_period(Period { kind, start: p.period.start }));
                    Ok(())
                }) />
            <Field label=t.period_start kind="month"
                value=read(|p| p.period.start.to_string())
                commit=commit(parse_month, |p, start| p.set_period(Period { kind: p.period.kind, start })) />
        </div>
        <h3>{move || {
            let name = app.plan.with(|p| p.scenario(&app.scenario.get()).map(|s| s.name.clone()).unwrap_or_default());
            crate::i18n::fill(t.targets_of_scenario, &[&name])
        }}</h3>
        <div class="form-grid">
            <Field id="plan-amount-target" numeric=true label=Signal::derive(move || format!("{} ({})", t.amount_target, app.plan.with(|p| p.currency.clone())))
                value=scenario_value(|s| s.amount_target.to_string())
                commit=commit(parse_non_negative, move |p, v| if let Some(s) = p.scenario_mut(&sid()) { s.amount_target = v }) />
            <Field id="plan-quantity-target" numeric=true label=t.quantity_target
                value=scenario_value(|s| s.quantity_target.to_string())
                commit=commit(parse_non_negative, move |p, v| if let Some(s) = p.scenario_mut(&sid()) { s.quantity_target = v }) />
            <Field numeric=true label=t.collections_target
                value=scenario_value(|s| s.collections_target.map(|v| v.to_string()).unwrap_or_default())
                commit=commit(parse_optional, move |p, v| if let Some(s) = p.scenario_mut(&sid()) { s.collections_target = v }) />
        </div>
    }
}
