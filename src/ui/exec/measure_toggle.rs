//! The choice of measure (销售额 / 销量) the execution routes show.

use leptos::prelude::*;

use crate::ui::state::use_app;
use crate::view::exec::measure_choices;

/// Two buttons, amount and quantity; the one shown is pressed. The choice is the app's, so
/// every execution route shows the same measure.
#[component]
pub fn MeasureToggle() -> impl IntoView {
    let app = use_app();
    let choices = Memo::new(move |_| measure_choices(app.x(), app.measure.get()));
    view! {
        <div class="measure-toggle" role="group">
            {move || {
                choices
                    .get()
                    .map(|c| {
                        view! {
                            <button type="button" class="btn" class:primary=c.pressed
                                aria-pressed=c.pressed.to_string()
                                on:click=move |_| app.measure.set(c.measure)>
                                {c.label}
                            </button>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}
