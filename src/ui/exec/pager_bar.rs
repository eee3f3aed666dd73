//! The previous / next buttons of a paged table.

use leptos::prelude::*;

use crate::ui::state::use_app;
use crate::view::exec::pager;

/// "Previous · Page 2 of 200 · Next" when the table has more than one page.
#[component]
pub fn PagerBar(
    /// The page shown (0-based); the buttons move it.
    page: RwSignal<usize>,
    /// How many pages there are.
    #[prop(into)]
    pages: Signal<usize>,
) -> impl IntoView {
    let app = use_app();
    move || {
        pager(app.x(), page.get(), pages.get()).map(|p| {
            let (previous, next) = (p.previous, p.next);
            view! {
                <div class="pager">
                    <button type="button" class="btn pager-previous" disabled=previous.is_none()
                        on:click=move |_| page.set(previous.unwrap_or_default())>
                        {p.previous_label}
                    </button>
                    <span class="page-of">{p.label}</span>
                    <button type="button" class="btn pager-next" disabled=next.is_none()
                        on:click=move |_| page.set(next.unwrap_or_default())>
                        {p.next_label}
                    </button>
                </div>
            }
        })
    }
}
