//! The weights of the scorecard's seven measures, each typed in place.

use leptos::prelude::*;

use crate::core::edit::{Edit, ExecutionEdit, Part};
use crate::core::execution::{GrowthBasis, ScoreBasis, ScoreMeasure};
use crate::core::field::parse_non_negative;
use crate::ui::fields::{Control, Field};
use crate::ui::state::use_app;
use crate::view::exec::scorecard::measure_name;

/// One measure's weight.
#[component]
fn WeightField(
    /// The measure weighed.
    measure: ScoreMeasure,
) -> impl IntoView {
    let app = use_app();
    let value = Signal::derive(move || {
        app.with_plan(Part::Execution, |p| {
            p.execution
                .settings
                .score_weights
                .get(measure)
                .normalize()
                .to_string()
        })
    });
    let to_edit = move |text: String| {
        parse_non_negative(&text).map(|w| Edit::Execution(ExecutionEdit::ScoreWeight(measure, w)))
    };
    move || {
        view! {
            <Field label=measure_name(app.x(), measure) value=value to_edit=to_edit
                control=Control::Number id=format!("weight-{}", measure.key()) />
        }
    }
}

/// What growth is measured against: year on year (同比) or month on month (环比).
#[component]
fn GrowthBasisField() -> impl IntoView {
    let app = use_app();
    let value = Memo::new(move |_| {
        app.with_plan(Part::Execution, |p| {
            p.execution.settings.growth_basis.key().to_string()
        })
    });
    let to_edit = |text: String| {
        GrowthBasis::from_key(&text)
            .map(|b| Edit::Execution(ExecutionEdit::GrowthBasis(b)))
            .ok_or(crate::core::field::FieldError::Empty)
    };
    view! {
        {move || {
            let x = app.x();
            let choices = vec![
                (GrowthBasis::YearOnYear.key().to_string(), x.growth_yoy.to_string()),
                (GrowthBasis::MonthOnMonth.key().to_string(), x.growth_mom.to_string()),
            ];
            view! {
                <Field label=x.growth_basis value=value to_edit=to_edit
                    control=Control::Select(choices) id="growth-basis" />
            }
        }}
    }
}

/// What sales share and growth are computed on: volume (销量, the source's) or amount.
#[component]
fn ScoreBasisField() -> impl IntoView {
    let app = use_app();
    let value = Memo::new(move |_| {
        app.with_plan(Part::Execution, |p| {
            p.execution.settings.score_basis.key().to_string()
        })
    });
    let to_edit = |text: String| {
        ScoreBasis::from_key(&text)
            .map(|b| Edit::Execution(ExecutionEdit::ScoreBasis(b)))
            .ok_or(crate::core::field::FieldError::Empty)
    };
    view! {
        {move || {
            let x = app.x();
            let choices = vec![
                (ScoreBasis::Volume.key().to_string(), x.score_on_volume.to_string()),
                (ScoreBasis::Amount.key().to_string(), x.score_on_amount.to_string()),
            ];
            view! {
                <Field label=x.score_basis value=value to_edit=to_edit
                    control=Control::Select(choices) id="score-basis" />
            }
        }}
    }
}

/// The seven weights, the growth basis and what share and growth are on.
#[component]
pub fn ScoreWeights() -> impl IntoView {
    let app = use_app();
    view! {
        <fieldset class="weights">
            <legend>{move || app.x().weights}</legend>
            {ScoreMeasure::ALL.map(|measure| view! { <WeightField measure=measure /> }).collect_view()}
            <GrowthBasisField />
            <ScoreBasisField />
        </fieldset>
    }
}
