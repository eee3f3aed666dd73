//! The choice of measure (销售额 / 销量) the execution routes show.

use leptos::prelude::*;

use crate::ui::state::use_app;
use crate::view::exec::measure_choices;

/// A figure a page can show instead of the measures (collections on the completion page).
#[derive(Clone, Copy)]
pub struct OtherFigure {
    /// Whether it is on screen: then no measure button is pressed.
    pub shown: Signal<bool>,
    /// Set when a measure is chosen, so that the measure is shown again.
    pub chosen: RwSignal<bool>,
}

/// Two buttons, amount and quantity; the one shown is pressed. The choice is the app's, so
/// every execution route shows the same measure. A page with another figure passes it and its
/// button as children.
#[component]
pub fn MeasureToggle(
    #[prop(optional)] other: Option<OtherFigure>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let app = use_app();
    let choices = Memo::new(move |_| measure_choices(app.x(), app.measure.get()));
    let other_shown = move || other.is_some_and(|o| o.shown.get());
    view! {
        <div class="measure-toggle" role="group">
            {move || {
                choices
                    .get()
                    .map(|c| {
                        let pressed = c.pressed && !other_shown();
                        view! {
                            <button type="button" class="btn" class:primary=pressed
                                aria-pressed=pressed.to_string()
                                on:click=move |_| {
                                    app.measure.set(c.measure);
                                    if let Some(o) = other {
                                        o.chosen.set(false);
                                    }
                                }>
                                {c.label}
                            </button>
                        }
                    })
                    .collect_view()
            }}
            {children.map(|c| c())}
        </div>
    }
}
