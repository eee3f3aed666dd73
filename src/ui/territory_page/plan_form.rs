//! The plan's own fields: name, company, currency, period, and the headline targets of the
//! scenario on screen.

use leptos::prelude::*;

use crate::core::edit::{Edit, Part, PlanField, ScenarioField};
use crate::core::field::{FieldError, parse_non_negative};
use crate::core::period::{PeriodKind, YearMonth};
use crate::ui::fields::{Control, Field};
use crate::ui::state::use_app;
use crate::view::detail_forms::{PlanDetail, ScenarioTargets, plan_detail};

/// The form of the plan (the company row of the tree).
#[component]
pub fn PlanForm() -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let detail = Memo::new(move |_| {
        let scenario = app.scenario.get();
        app.with_plan(Part::Planning, |p| plan_detail(t, p, &scenario))
    });
    let value = move |f: fn(&PlanDetail) -> &String| move || detail.with(|d| f(d).clone());
    let periods = detail.with_untracked(|d| d.period_choices.clone());
    // The targets' fields are rebuilt only when another scenario is on screen (or the
    // currency in the amount's label changes).
    let scenario = Memo::new(move |_| {
        detail.with(|d| {
            d.targets
                .as_ref()
                .map(|s| (s.scenario.clone(), s.amount_label.clone()))
        })
    });
    let targets = move || {
        scenario.get().map(|(sid, amount_label)| {
            let target = move |f: fn(&ScenarioTargets) -> &String| {
                move || {
                    detail.with(|d| d.targets.as_ref().map(|s| f(s).clone()).unwrap_or_default())
                }
            };
            let edit = |field: fn(&str) -> Result<ScenarioField, FieldError>| {
                let sid = sid.clone();
                Callback::new(move |text: String| {
                    Ok(Edit::Scenario {
                        scenario: sid.clone(),
                        field: field(&text)?,
                    })
                })
            };
            view! {
                <h3>{move || detail.with(|d| d.targets.as_ref().map(|s| s.heading.clone()))}</h3>
                <div class="form-grid">
                    <Field label=amount_label id="plan-amount-target" control=Control::Number
                        value=target(|s| &s.amount)
                        to_edit=edit(|v| Ok(ScenarioField::AmountTarget(parse_non_negative(v)?))) />
                    <Field label=t.quantity_target id="plan-quantity-target"
                        control=Control::Number value=target(|s| &s.quantity)
                        to_edit=edit(|v| Ok(ScenarioField::QuantityTarget(parse_non_negative(v)?))) />
                    <Field label=t.collections_target id="plan-collections-target"
                        control=Control::Number value=target(|s| &s.collections)
                        to_edit=edit(|v| {
                            let v = v.trim();
                            let target = if v.is_empty() { None } else { Some(parse_non_negative(v)?) };
                            Ok(ScenarioField::CollectionsTarget(target))
                        }) />
                </div>
            }
        })
    };

    view! {
        <h2>{t.plan}</h2>
        <p class="summary">{move || detail.with(|d| d.summary.clone())}</p>
        <div class="form-grid">
            <Field label=t.plan_name id="detail-name" value=value(|d| &d.name)
                to_edit=|v: String| Ok(Edit::Plan(PlanField::Name(v))) />
            <Field label=t.company_name id="plan-company" value=value(|d| &d.company)
                to_edit=|v: String| Ok(Edit::Plan(PlanField::Company(v))) />
            <Field label=t.currency id="plan-currency" value=value(|d| &d.currency)
                to_edit=|v: String| Ok(Edit::Plan(PlanField::Currency(v))) />
            <Field label=t.period id="plan-period" control=Control::Select(periods)
                value=value(|d| &d.period_kind)
                to_edit=|v: String| {
                    let kind = PeriodKind::from_key(v.trim()).ok_or(FieldError::Empty)?;
                    Ok(Edit::Plan(PlanField::PeriodKind(kind)))
                } />
            <Field label=t.period_start id="plan-start" control=Control::Month
                value=value(|d| &d.start)
                to_edit=|v: String| {
                    let start: YearMonth = v
                        .trim()
                        .parse()
                        .map_err(|_| FieldError::NotADate(v.trim().to_string()))?;
                    Ok(Edit::Plan(PlanField::Start(start)))
                } />
        </div>
        {targets}
    }
}
