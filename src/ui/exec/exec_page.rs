//! The frame of an execution route: its title, what it is for, and its content.

use leptos::prelude::*;

use crate::i18n::exec::ExecText;
use crate::ui::state::use_app;

/// An execution route's page: a heading, an optional line saying what the page is for, then
/// the page's content.
#[component]
pub fn ExecPage(
    /// The page's title in the current language (`|x| x.page_actuals`).
    title: fn(&ExecText) -> &'static str,
    /// What the page is for, in the current language; none when absent.
    #[prop(optional)]
    intro: Option<fn(&ExecText) -> &'static str>,
    children: Children,
) -> impl IntoView {
    let app = use_app();
    view! {
        <div class="exec-page">
            <h2>{move || title(app.x())}</h2>
            {intro.map(|intro| view! { <p class="intro">{move || intro(app.x())}</p> })}
            {children()}
        </div>
    }
}
