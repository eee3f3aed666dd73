//! A piece of the page drawn as HTML text, whose buttons and inputs name an action
//! (`data-action`). One set of handlers serves all of them; the component supplies what each
//! action does. (Text rendering keeps the wasm small; see `html_form` for forms of fields.)

use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;
use web_sys::Element;
use web_sys::wasm_bindgen::JsCast;

use super::morph::morph_inner;

/// What happened to an element with a `data-action`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gesture {
    /// A button was pressed.
    Click,
    /// A select or input changed (or a file was picked).
    Change,
    /// Enter in a text input.
    Enter,
    /// Escape in a text input.
    Escape,
    /// A text input lost focus.
    Leave,
}

pub type OnAction = Arc<dyn Fn(&str, Gesture, &Element) + Send + Sync>;

/// A `<div>` with the given class whose content is `render()` (redrawn when the signals it reads
/// change), calling `on_action(action, gesture, element)` for its controls.
pub fn html_view(
    class: &'static str,
    id: &'static str,
    render: impl Fn() -> String + Send + Sync + 'static,
    on_action: impl Fn(&str, Gesture, &Element) + Send + Sync + 'static,
) -> AnyView {
    view_of(class, id, Arc::new(render), Arc::new(on_action))
}

fn view_of(
    class: &'static str,
    id: &'static str,
    render: Arc<dyn Fn() -> String + Send + Sync>,
    on_action: OnAction,
) -> AnyView {
    let root = NodeRef::<Div>::new();
    super::effect(move || {
        let html = render();
        if let Some(el) = root.get() {
            morph_inner(&el, &html);
        }
    });
    let find = |ev: &web_sys::Event, selector: &str| -> Option<(String, Element)> {
        let target = ev.target()?.dyn_into::<Element>().ok()?;
        let el = target.closest(selector).ok()??;
        Some((el.get_attribute("data-action")?, el))
    };
    let (a, b, c, d) = (
        on_action.clone(),
        on_action.clone(),
        on_action.clone(),
        on_action,
    );
    view! {
        <div
            class=class
            id=id
            node_ref=root
            on:click=move |ev| {
                if let Some((action, el)) = find(&ev, "button[data-action]") {
                    a(&action, Gesture::Click, &el);
                }
            }
            on:change=move |ev| {
                if let Some((action, el)) = find(&ev, "select[data-action], input[data-action]") {
                    b(&action, Gesture::Change, &el);
                }
            }
            on:keydown=move |ev| {
                let gesture = match ev.key().as_str() {
                    "Enter" => Gesture::Enter,
                    "Escape" => Gesture::Escape,
                    _ => return,
                };
                if let Some((action, el)) = find(&ev, "input[data-action]") {
                    ev.prevent_default();
                    c(&action, gesture, &el);
                } else if gesture == Gesture::Escape
                    && let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok())
                {
                    // Escape elsewhere (a dialog's button) is the view's own "escape" action.
                    c("escape", gesture, &target);
                }
            }
            on:focusout=move |ev| {
                if let Some((action, el)) = find(&ev, "input[type=text][data-action]") {
                    d(&action, Gesture::Leave, &el);
                }
            }
        ></div>
    }
    .into_any()
}

/// The current value of an input or select.
pub fn value_of(el: &Element) -> String {
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        return i.value();
    }
    el.dyn_ref::<web_sys::HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}
