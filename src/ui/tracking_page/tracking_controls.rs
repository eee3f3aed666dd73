//! The tracking page's controls: the as-of month, the measure (or collections) and the alert
//! threshold.

use leptos::prelude::*;

use super::TrackingState;
use super::goal_toggle::GoalToggle;
use crate::core::edit::{Edit, ExecutionEdit, Part};
use crate::core::field::parse_percent;
use crate::ui::exec::{ChoiceSelect, with_adopted};
use crate::ui::fields::{Control, Field};
use crate::ui::state::use_app;
use crate::view::exec::month_choices;

/// As-of month (the latest with actuals until another is picked), measure, and the percent
/// behind pace that raises a deviation.
#[component]
pub fn TrackingControls(
    /// The page's state.
    state: TrackingState,
) -> impl IntoView {
    let app = use_app();
    let months =
        Memo::new(move |_| with_adopted(app, |b| month_choices(b.months())).unwrap_or_default());
    let as_of = move || {
        state
            .tracking
            .with(|tr| tr.as_ref().and_then(|tr| tr.as_of()))
            .map_or(String::new(), |m| m.to_string())
    };
    let threshold = Memo::new(move |_| {
        app.with_plan(Part::Execution, |p| {
            p.execution
                .settings
                .deviation_threshold
                .normalize()
                .to_string()
        })
    });
    view! {
        <div class="toolbar">
            <ChoiceSelect id="as-of" label=move || app.x().as_of.to_string() choices=months
                value=as_of on_change=move |m: String| app.as_of.set(m.parse().ok()) />
            <GoalToggle state=state />
            {move || view! {
                <Field label=app.x().threshold value=threshold control=Control::Number
                    id="deviation-threshold"
                    to_edit=|text: String| {
                        parse_percent(&text).map(|v| Edit::Execution(ExecutionEdit::DeviationThreshold(v)))
                    } />
            }}
        </div>
    }
}
