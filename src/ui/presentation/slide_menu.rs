//! The list of slides: which to show, and where to go.

use leptos::prelude::*;

use super::DeckState;
use crate::i18n::fill;
use crate::ui::state::use_app;
use crate::view::slides::DeckEntry;

/// Every slide of the deck in order, each with a box that shows or hides it and its title,
/// which goes to it (showing it if it was hidden) and closes the list. The slide on screen is
/// marked, and so is a region left at a target of zero (⚠).
#[component]
pub fn SlideMenu() -> impl IntoView {
    let app = use_app();
    let deck = expect_context::<DeckState>();
    let current = Memo::new(move |_| {
        let at = app.presenting.get()?;
        deck.shown.with(|s| s.get(at).cloned())
    });
    let row = move |entry: DeckEntry| {
        let key = StoredValue::new(entry.key);
        let title = entry.title;
        let label = title.clone();
        let warn = entry.warn.then(|| {
            view! {
                " "
                <span class="zero-mark" role="img" aria-label=move || app.t().doc_zero_mark
                    title=move || app.t().doc_zero_mark>"⚠"</span>
            }
        });
        let shown = move || deck.hidden.with(|h| !key.with_value(|k| h.contains(k)));
        let here = move || current.with(|c| key.with_value(|k| c.as_ref() == Some(k)));
        view! {
            <li class="slide-entry" class:current=here class:hidden-slide=move || !shown()>
                <input type="checkbox" class="slide-show" prop:checked=shown
                    aria-label=move || fill(app.t().slide_show, &[&label])
                    on:change=move |ev| {
                        key.with_value(|k| deck.set_shown(app, k, event_target_checked(&ev)));
                    } />
                <button type="button" class="slide-jump" on:click=move |_| {
                    key.with_value(|k| deck.go_to(app, k));
                    deck.menu.set(false);
                }>{title} {warn}</button>
            </li>
        }
    };
    view! {
        <aside class="slide-list" id="slide-list" aria-label=move || app.t().slide_menu>
            <header>
                <span>{move || app.t().slide_menu_hint}</span>
                <button type="button" class="btn" id="slide-list-close"
                    aria-label=move || app.t().slide_menu_close title=move || app.t().slide_menu_close
                    on:click=move |_| deck.menu.set(false)>"×"</button>
            </header>
            <ol>
                <For each=move || deck.entries.get() key=|e| e.clone() let:entry>
                    {row(entry)}
                </For>
            </ol>
        </aside>
    }
}
