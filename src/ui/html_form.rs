//! A form drawn as HTML text, with one set of event handlers for all its inputs. Inputs carry
//! their edit key (`data-key`, see `core::edit`); a change applies it to the plan as one
//! undoable edit, and a refused value shows its reason beside the input and changes nothing.
//! Drawing forms as text keeps the wasm small: a form of thirty fields costs a few hundred
//! bytes of strings instead of thirty components.

use leptos::html::Div;
use leptos::prelude::*;
use web_sys::wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use super::morph::morph_inner;
use super::state::use_app;
use crate::core::changelog;
use crate::core::edit::{GROUP_SEPARATOR, apply_field};
use crate::core::model::Plan;
use crate::view::form::FieldErrors;

/// Applies a typed value to the plan under `key`; `merge` makes consecutive edits of the same
/// key one undo step (a dragged slider). `label`, `old` and `shown` (the field's label, its
/// value before and the new value as shown) describe the change in the change log. Returns
/// the error message, if refused.
pub fn apply(
    key: &str,
    text: &str,
    merge: bool,
    label: &str,
    old: &str,
    shown: &str,
) -> Option<String> {
    let app = use_app();
    let sid = app.scenario.get_untracked();
    let subject = app
        .plan
        .with_untracked(|p| changelog::subject(p, &sid, key));
    let what = changelog::describe(&subject, label, old, shown);
    let mut error = None;
    // A refused value leaves the plan untouched (apply_field checks before it writes), so no
    // step is recorded for it.
    let apply = |p: &mut Plan| match apply_field(p, &sid, key, text) {
        Ok(changed) => changed,
        Err(e) => {
            error = Some(app.t_now().field_error(&e));
            false
        }
    };
    if merge {
        app.edit_merging(key, what, apply);
    } else {
        app.edit_if(what, apply);
    }
    error
}

/// What a person sees of an input: its label, and its value before the edit (as drawn) and now
/// (a choice's text, a check box as ✓ or ✗). A button applying a group has only a label.
fn shown_edit(el: &Element) -> (String, String, String) {
    let text = |e: Option<Element>| e.and_then(|e| e.text_content()).unwrap_or_default();
    let find = |selector: &str| el.query_selector(selector).ok().flatten();
    let label = el.get_attribute("aria-label").unwrap_or_else(|| {
        text(
            el.closest("label")
                .ok()
                .flatten()
                .and_then(|l| l.query_selector("span").ok().flatten()),
        )
    });
    let mark = |on: bool| if on { "✓" } else { "✗" }.to_string();
    let (old, new) = match el.dyn_ref::<HtmlInputElement>() {
        Some(i) if i.type_() == "checkbox" => {
            (mark(el.has_attribute("checked")), mark(i.checked()))
        }
        Some(i) => (el.get_attribute("value").unwrap_or_default(), i.value()),
        None if el.tag_name() == "SELECT" => {
            (text(find("option[selected]")), text(find("option:checked")))
        }
        None if el.tag_name() == "TEXTAREA" => {
            (el.text_content().unwrap_or_default(), input_value(el))
        }
        None => (String::new(), String::new()),
    };
    (label, old, new)
}

fn input_value(el: &Element) -> String {
    match el.dyn_ref::<HtmlInputElement>() {
        Some(i) if i.type_() == "checkbox" => i.checked().to_string(),
        Some(i) => i.value(),
        None => match el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            Some(a) => a.value(),
            None => el
                .dyn_ref::<web_sys::HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default(),
        },
    }
}

/// The values of every input of a group, in page order, joined.
fn group_value(root: &Element, group: &str) -> String {
    let selector = format!("[data-group=\"{}\"]", group.replace('"', "\\\""));
    let Ok(list) = root.query_selector_all(&selector) else {
        return String::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
        .map(|el| input_value(&el))
        .collect::<Vec<_>>()
        .join(&GROUP_SEPARATOR.to_string())
}

/// The edit key and text an input's event stands for.
fn edit_of(root: &Element, el: &Element) -> Option<(String, String)> {
    if let Some(key) = el.get_attribute("data-key") {
        let text = if el.tag_name() == "BUTTON" {
            group_value(root, &key)
        } else {
            input_value(el)
        };
        return Some((key, text));
    }
    let group = el.get_attribute("data-group")?;
    // A group with its own button (add a name) is applied by the button (or Enter) only, not
    // again when its text box loses focus.
    if let Ok(Some(_)) = root.query_selector(&group_button(&group)) {
        return None;
    }
    Some((group.clone(), group_value(root, &group)))
}

/// The selector of the button that applies a group.
fn group_button(group: &str) -> String {
    format!("button[data-key=\"{}\"]", group.replace('"', "\\\""))
}

/// A form whose HTML `render` draws from the plan (it may read signals: the form is redrawn
/// when they change) and the current field errors.
pub fn html_form(
    class: &'static str,
    render: impl Fn(&FieldErrors) -> String + Send + Sync + 'static,
) -> AnyView {
    // One copy of the form's machinery for every form: only `render` differs.
    form_view(class, std::sync::Arc::new(render))
}

/// Applies the edit an input's event stands for, and shows or clears its error. (One function
/// for the form's four event handlers.)
fn act(root: NodeRef<Div>, errors: RwSignal<FieldErrors>, target: &Element, merge: bool) {
    let Some(el) = root.get_untracked() else {
        return;
    };
    let Some((key, text)) = edit_of(&el, target) else {
        return;
    };
    let (label, mut old, mut shown) = shown_edit(target);
    if shown.is_empty() {
        shown.clone_from(&text);
    }
    if merge {
        // A dragged slider is logged with where it ends.
        old.clear();
    }
    let error = apply(&key, &text, merge, &label, &old, &shown);
    errors.update(|e| {
        match error {
            Some(m) => e.insert(key, m),
            None => e.remove(&key),
        };
    });
}

type Render = std::sync::Arc<dyn Fn(&FieldErrors) -> String + Send + Sync>;

fn form_view(class: &'static str, render: Render) -> AnyView {
    let root = NodeRef::<Div>::new();
    let errors = RwSignal::new(FieldErrors::new());
    super::effect(move || {
        let html = errors.with(|e| render(e));
        if let Some(el) = root.get() {
            morph_inner(&el, &html);
        }
    });

    let act = move |target: Element, merge: bool| act(root, errors, &target, merge);
    let target_of = |ev: &web_sys::Event| ev.target().and_then(|t| t.dyn_into::<Element>().ok());

    view! {
        <div
            class=class
            node_ref=root
            on:change=move |ev| {
                let Some(t) = target_of(&ev) else { return };
                if t.tag_name() == "BUTTON" {
                    return;
                }
                // A slider's release ends the gesture its `input` events already applied.
                let slider = t.get_attribute("type").as_deref() == Some("range");
                act(t, slider);
            }
            on:input=move |ev| {
                let Some(t) = target_of(&ev) else { return };
                if t.get_attribute("type").as_deref() == Some("range") {
                    act(t, true);
                }
            }
            on:click=move |ev| {
                let Some(t) = target_of(&ev) else { return };
                if let Ok(Some(button)) = t.closest("button[data-key]") {
                    act(button, false);
                }
            }
            on:keydown=move |ev| {
                // Enter in a group's text box presses the group's button (add a name).
                if ev.key() != "Enter" {
                    return;
                }
                let Some(t) = target_of(&ev) else { return };
                if let (Some(group), None) = (t.get_attribute("data-group"), t.get_attribute("data-key"))
                    && let Some(el) = root.get_untracked()
                    && let Ok(Some(button)) = el.query_selector(&group_button(&group))
                {
                    ev.prevent_default();
                    act(button, false);
                }
            }
        ></div>
    }
    .into_any()
}
