//! One labelled field of the plan: text, number, date, month, choice, check box, slider or
//! several lines.

use leptos::prelude::*;
use web_sys::wasm_bindgen::JsCast;

use super::{is_commit_enter, next_gesture};
use crate::core::edit::Edit;
use crate::core::field::{FieldError, read_back};
use crate::ui::state::{What, use_app};
use crate::view::numbers::grouped;

/// The kind of input a field uses.
#[derive(Clone, Debug, PartialEq)]
pub enum Control {
    Text,
    /// Right-aligned, numeric keyboard; shown with thousands separators.
    Number,
    /// `YYYY-MM-DD`.
    Date,
    /// `YYYY-MM`.
    Month,
    /// Several lines of text; committed when the field is left.
    TextArea,
    /// A choice among (value, label) pairs.
    Select(Vec<(String, String)>),
    /// A check box; its value is `"true"` or `"false"`.
    Check,
    /// A slider from 0 to the given maximum; a drag is one step of the history.
    Range(u32),
}

/// How a typed number will be read (`= 50,000,000`, `= 45.5%`), when that is not what was
/// typed; `None` for text already in the form shown, or that cannot be read.
fn reading(text: &str) -> Option<String> {
    let value = read_back(text)?;
    let shown = if text.trim_end().ends_with(['%', '％']) {
        format!("{}%", grouped(value))
    } else {
        grouped(value)
    };
    (shown != text.trim()).then(|| format!("= {shown}"))
}

impl Control {
    /// A value as the field shows it (and as the change log quotes it).
    fn shown(&self, value: &str) -> String {
        match self {
            Control::Number => value
                .parse()
                .map(grouped)
                .unwrap_or_else(|_| value.to_string()),
            Control::Select(options) => options
                .iter()
                .find(|(v, _)| v == value)
                .map_or_else(|| value.to_string(), |(_, label)| label.clone()),
            Control::Check => if value == "true" { "✓" } else { "✗" }.to_string(),
            _ => value.to_string(),
        }
    }
}

/// The current text of the input or select an event came from.
fn event_text(ev: &web_sys::Event) -> String {
    let Some(target) = ev.target() else {
        return String::new();
    };
    if let Some(i) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return if i.type_() == "checkbox" {
            i.checked().to_string()
        } else {
            i.value()
        };
    }
    if let Some(a) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return a.value();
    }
    target
        .dyn_ref::<web_sys::HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}

/// A labelled input editing one value of the plan. A change is applied when the input is left
/// or Enter is pressed (a choice or a check box at once, a slider as it moves); a refused value
/// stays in the input with its reason beside it.
#[component]
pub fn Field(
    /// The label shown with the input; it also names the change in the change log.
    #[prop(into)]
    label: String,
    /// The stored value as text (a check box's as `"true"`/`"false"`).
    #[prop(into)]
    value: Signal<String>,
    /// Turns what was typed or chosen into the edit to apply, or says why it cannot be.
    #[prop(into)]
    to_edit: Callback<String, Result<Edit, FieldError>>,
    /// The kind of input (text by default).
    #[prop(optional)]
    control: Option<Control>,
    /// The input's DOM id.
    #[prop(optional, into)]
    id: Option<String>,
    /// Shows the label inside the empty input too (for compact rows).
    #[prop(optional)]
    placeholder: bool,
    /// For the name of a node just added: given the new name, the gesture of the adding and
    /// the log line of the node under that name, so adding and naming are one step of the
    /// history and one line of the change log.
    #[prop(optional, into)]
    completes: Option<Callback<String, Option<(u64, String)>>>,
) -> impl IntoView {
    let app = use_app();
    let control = control.unwrap_or(Control::Text);
    let error = RwSignal::new(None::<String>);
    // How the number being typed will be read, shown beside it before it is committed.
    let typed = RwSignal::new(None::<String>);
    let stored = Memo::new(move |_| value.get());
    let gesture = StoredValue::new(next_gesture());
    let (label, control) = (StoredValue::new(label), StoredValue::new(control));

    let commit = move |text: String, in_gesture: bool| {
        typed.set(None);
        let t = app.t_now();
        let edit = match to_edit.run(text.clone()) {
            Ok(edit) => edit,
            Err(e) => return error.set(Some(t.field_error(&e))),
        };
        let what = control.with_value(|c| {
            let old = c.shown(&stored.get_untracked());
            // Formatted like the old value (`50,000,000 → 55,000,000`), however it was typed.
            let new = match c {
                Control::Number => read_back(&text)
                    .map(grouped)
                    .unwrap_or_else(|| text.trim().to_string()),
                c => c.shown(&text),
            };
            What::field(&label.get_value(), old, new)
        });
        let gesture = in_gesture.then(|| gesture.get_value());
        let (what, gesture) = match completes.and_then(|c| c.run(text.trim().to_string())) {
            Some((adding, line)) => (What::Text(line), Some(adding)),
            None => (what, gesture),
        };
        match app.apply_in_gesture(edit, what, gesture) {
            Ok(_) => error.set(None),
            Err(e) => error.set(Some(t.edit_error(&e))),
        }
    };
    let on_change = move |ev: web_sys::Event| {
        let text = event_text(&ev);
        let dragging = control.with_value(|c| matches!(c, Control::Range(_)));
        commit(text, dragging);
        if dragging {
            // The drag is over: the next one is a step of its own.
            gesture.set_value(next_gesture());
        }
    };
    let on_input = move |ev: web_sys::Event| match control.with_value(|c| c.clone()) {
        Control::Range(_) => commit(event_text(&ev), true),
        Control::Number => typed.set(reading(&event_text(&ev))),
        _ => {}
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let multiline = control.with_value(|c| *c == Control::TextArea);
        if !multiline && is_commit_enter(&ev) {
            ev.prevent_default();
            commit(event_text(&ev), false);
        } else if ev.key() == "Escape" {
            // Back to the stored value.
            error.set(None);
            typed.set(None);
            if let Some(input) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                input.set_value(&control.with_value(|c| c.shown(&stored.get_untracked())));
            }
        }
    };

    let shown = move || control.with_value(|c| c.shown(&stored.get()));
    let invalid = move || error.with(Option::is_some);
    let label_text = label.get_value();
    let placeholder = placeholder.then(|| label_text.clone());
    let input = match control.get_value() {
        Control::TextArea => view! {
            <textarea rows="6" id=id aria-invalid=move || invalid().then_some("true")
                prop:value=move || stored.get() on:change=on_change></textarea>
        }
        .into_any(),
        Control::Select(options) => view! {
            <select id=id aria-invalid=move || invalid().then_some("true")
                prop:value=move || stored.get() on:change=on_change>
                {options
                    .into_iter()
                    .map(|(v, l)| {
                        let selected = v == stored.get_untracked();
                        view! { <option value=v selected=selected>{l}</option> }
                    })
                    .collect_view()}
            </select>
        }
        .into_any(),
        Control::Check => view! {
            <input type="checkbox" id=id prop:checked=move || stored.get() == "true"
                on:change=on_change />
            <span>{label_text.clone()}</span>
        }
        .into_any(),
        Control::Range(max) => view! {
            <input type="range" min="0" step="1" max=max.to_string() id=id
                prop:value=move || stored.get() on:input=on_input on:change=on_change />
            <span class="slider-value">{move || stored.get()}</span>
        }
        .into_any(),
        other => {
            let (kind, class, mode) = match other {
                Control::Number => ("text", "numeric", Some("decimal")),
                Control::Date => ("date", "", None),
                Control::Month => ("month", "", None),
                _ => ("text", "", None),
            };
            // The attribute too, so the stored value can be found with a selector
            // (`#region-share[value="66"]`); the property is what the input shows.
            view! {
                <input type=kind class=class inputmode=mode id=id placeholder=placeholder
                    aria-invalid=move || invalid().then_some("true")
                    value=shown prop:value=shown on:change=on_change on:keydown=on_keydown
                    on:input=on_input />
            }
            .into_any()
        }
    };
    let is_check = control.with_value(|c| *c == Control::Check);
    view! {
        <label class=move || match (is_check, invalid()) {
            (true, _) => "field check",
            (_, true) => "field invalid",
            _ => "field",
        }>
            {(!is_check).then(|| view! { <span class="field-label">{label_text.clone()}</span> })}
            {input}
            <span class="field-reading" aria-live="polite">{move || typed.get()}</span>
            <span class="field-error" role="alert">{move || error.get()}</span>
        </label>
    }
}
