//! One figure of the entry table as an input.

use leptos::prelude::*;

use crate::ui::fields::is_commit_enter;
use crate::view::exec::actuals::FigureCell;

/// A figure's input: committed when left or on Enter (never during an input method's
/// composition); a refused text stays in it, marked, with the reason as its title; Escape
/// puts back what is stored.
#[component]
pub fn FigureInput(
    /// What the input shows.
    #[prop(into)]
    cell: Signal<FigureCell>,
    /// Called with the typed text.
    #[prop(into)]
    on_commit: Callback<String>,
) -> impl IntoView {
    let key = cell.with_untracked(|c| c.figure.key());
    let invalid = Memo::new(move |_| cell.with(|c| c.error.is_some()));
    view! {
        <input type="text" inputmode="decimal" class=format!("num-input figure-{key}")
            aria-label=move || cell.with(|c| c.label.clone())
            aria-invalid=move || invalid.get().then_some("true")
            title=move || cell.with(|c| c.error.clone())
            prop:value=move || cell.with(|c| c.value.clone())
            on:change=move |ev| on_commit.run(event_target_value(&ev))
            on:keydown=move |ev| {
                if is_commit_enter(&ev) {
                    ev.prevent_default();
                    on_commit.run(event_target_value(&ev));
                } else if ev.key() == "Escape" {
                    let input: web_sys::HtmlInputElement = event_target(&ev);
                    input.set_value(&cell.with_untracked(|c| c.value.clone()));
                }
            } />
    }
}
