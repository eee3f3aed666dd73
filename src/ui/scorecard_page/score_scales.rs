//! Each scorecard measure's 0–100 scale, documented and editable: the value that scores 0 and
//! the value that scores 100. A scale that does not rise towards its better end is refused,
//! with the measure and the reason beside the field.

use leptos::prelude::*;

use crate::core::edit::{Edit, ExecutionEdit, Part};
use crate::core::execution::{ScoreMeasure, ScoreScale};
use crate::core::field::parse_decimal;
use crate::ui::fields::{Control, Field};
use crate::ui::state::use_app;
use crate::view::exec::scorecard::{measure_name, scale_fields};

/// One end of a measure's scale: the value for 0 points (`full` false) or for 100.
#[component]
fn ScaleEnd(
    /// The measure scaled.
    measure: ScoreMeasure,
    /// The 100-point end (else the 0-point end).
    full: bool,
) -> impl IntoView {
    let app = use_app();
    let scale = move || {
        app.with_plan(Part::Execution, |p| {
            p.execution.settings.score_scales.get(measure)
        })
    };
    let value = Signal::derive(move || {
        let s = scale();
        if full { s.full } else { s.zero }.normalize().to_string()
    });
    let to_edit = move |text: String| {
        let v = parse_decimal(&text)?;
        let s = app.with_plan_untracked(|p| p.execution.settings.score_scales.get(measure));
        let scale = if full {
            ScoreScale { full: v, ..s }
        } else {
            ScoreScale { zero: v, ..s }
        };
        Ok(Edit::Execution(ExecutionEdit::ScoreScale(measure, scale)))
    };
    let id = format!(
        "scale-{}-{}",
        measure.key(),
        if full { "full" } else { "zero" }
    );
    move || {
        let x = app.x();
        let label = format!(
            "{} · {}",
            measure_name(x, measure),
            if full { x.scale_full } else { x.scale_zero }
        );
        view! {
            <Field label=label value=value to_edit=to_edit control=Control::Number id=id.clone() />
        }
    }
}

/// The seven scales as a compact table: the measure named once per row, then its 0-point and
/// 100-point values (headed once, their labels kept for screen readers and the change log) and
/// their unit.
#[component]
pub fn ScoreScales() -> impl IntoView {
    let app = use_app();
    let rows = Memo::new(move |_| {
        app.with_plan(Part::Execution, |p| {
            scale_fields(app.x(), &p.execution.settings.score_scales)
        })
    });
    view! {
        <details class="scales" id="score-scales">
            <summary>{move || app.x().scales}</summary>
            <table class="grid scale-table">
                <thead>
                    <tr>
                        <th scope="col">{move || app.x().scale_measure}</th>
                        <th scope="col" class="num">{move || app.x().scale_zero}</th>
                        <th scope="col" class="num">{move || app.x().scale_full}</th>
                        <th scope="col">{move || app.x().scale_unit}</th>
                    </tr>
                </thead>
                <tbody>
                    {ScoreMeasure::ALL.map(|measure| {
                        let unit = move || rows.with(|r| r[measure.index()].unit);
                        view! {
                            <tr class="scale-row" data-measure=measure.key()>
                                <th scope="row">{move || measure_name(app.x(), measure)}</th>
                                <td class="input-cell"><ScaleEnd measure=measure full=false /></td>
                                <td class="input-cell"><ScaleEnd measure=measure full=true /></td>
                                <td class="unit">{unit}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </details>
    }
}
