//! Sales competition: leaderboards by month, quarter and year, within a region or company-wide,
//! also shown full screen for a meeting.

use leptos::prelude::*;

use super::app::breakdown_of;
use super::state::use_exec;
use crate::core::execution::{Scope, Tracking, Window, latest_actual_month, leaderboard};
use crate::core::scenario::Measure;
use crate::ui::html_view::{Gesture, html_view, value_of};
use crate::view::exec::FIRST_ROWS;
use crate::view::exec::competition::{controls_html, leaderboard_html, title, window_from_key};
use crate::view::exec::tracking::breakdown_failed_html;

#[component]
pub fn CompetitionPage() -> impl IntoView {
    let exec = use_exec();
    let t = exec.t();
    let lang = exec.lang.get_untracked();
    let window = RwSignal::new(
        exec.plan
            .with_untracked(latest_actual_month)
            .map_or(Window::Period, Window::Month),
    );
    let scope = RwSignal::new(Scope::Company);
    let all_rows = RwSignal::new(false);
    let render = move || {
        let measure = exec.measure.get();
        let (w, s) = (window.get(), scope.get());
        let presenting = exec.presenting.get();
        exec.plan.with(|plan| match breakdown_of(plan, lang) {
            Err(message) => breakdown_failed_html(&message),
            Ok(b) => {
                let tr = Tracking::new(plan, &b, None);
                let list = leaderboard(plan, &b, &tr, measure, w, &s);
                let heading = title(t, plan, w, &s);
                let limit = if all_rows.get() { usize::MAX } else { FIRST_ROWS };
                let board = leaderboard_html(t, lang, &heading, &list, limit);
                if presenting {
                    format!(
                        "<div class=\"presentation exec-presentation\" id=\"presentation\"><div class=\"slide-wrap\">{board}</div><div class=\"slide-foot\"><button type=\"button\" class=\"btn\" data-action=\"leave\">{}</button></div></div>",
                        t.leave_presentation
                    )
                } else {
                    controls_html(t, plan, b.months(), w, &s, measure) + &board
                }
            }
        })
    };
    let on_action =
        move |action: &str, gesture: Gesture, el: &web_sys::Element| match (action, gesture) {
            ("window", Gesture::Change) => {
                if let Some(w) = window_from_key(&value_of(el)) {
                    window.set(w);
                }
            }
            ("scope", Gesture::Change) => {
                let id = value_of(el);
                scope.set(if id.is_empty() {
                    Scope::Company
                } else {
                    Scope::Region(id)
                });
            }
            ("measure|amount", _) => exec.measure.set(Measure::Amount),
            ("measure|quantity", _) => exec.measure.set(Measure::Quantity),
            ("all-standings", _) => all_rows.set(true),
            ("present", _) => {
                exec.presenting.set(true);
                if let Some(root) = document().document_element() {
                    let _ = root.request_fullscreen();
                }
            }
            ("leave", _) => {
                exec.presenting.set(false);
                if document().fullscreen_element().is_some() {
                    document().exit_fullscreen();
                }
            }
            _ => {}
        };
    super::page_frame(
        t.page_competition,
        "",
        html_view("card", "competition", render, on_action),
    )
}
