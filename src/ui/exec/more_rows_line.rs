//! The line under a list shown in part: how much of it, and a button for the rest.

use leptos::prelude::*;

use crate::ui::state::use_app;
use crate::view::exec::more_rows;

/// "The first 100 of 2,400. [Show all 2,400]" while `shown` is less than `total`.
#[component]
pub fn MoreRowsLine(
    /// Rows on screen.
    #[prop(into)]
    shown: Signal<usize>,
    /// Rows in the whole list.
    #[prop(into)]
    total: Signal<usize>,
    /// Shows every row.
    #[prop(into)]
    on_show_all: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    move || {
        more_rows(app.x(), shown.get(), total.get()).map(|m| {
            view! {
                <p class="more-rows">
                    {m.shown_of} " "
                    <button type="button" class="btn show-all" on:click=move |_| on_show_all.run(())>
                        {m.show_all}
                    </button>
                </p>
            }
        })
    }
}
