//! A field editing one assumption of the scenario on screen (a target, a method, a weight, a
//! month, a threshold, a tier's policy).

use leptos::prelude::*;

use super::fields::{Control, Field};
use super::state::use_app;
use crate::view::scenario_settings::{Input, SettingField};

/// One setting of the scenario on screen as a labelled input; a change is one step of the
/// history (a slider's drag included).
#[component]
pub fn SettingInput(
    /// The field: what it edits, its label, DOM id and kind of input.
    field: SettingField,
    /// The stored value, kept current by the caller.
    #[prop(into)]
    value: Signal<String>,
) -> impl IntoView {
    let app = use_app();
    let setting = field.setting;
    let control = match field.input {
        Input::Number => Control::Number,
        Input::Choice(options) => Control::Select(options),
        Input::Check => Control::Check,
        Input::Slider(max) => Control::Range(max),
    };
    let to_edit =
        Callback::new(move |text: String| setting.edit(&app.scenario.get_untracked(), &text));
    view! { <Field label=field.label value=value to_edit=to_edit control=control id=field.id /> }
}
