//! The header: the product's name, the plan switcher with its actions, undo/redo, import and
//! export, and the language switch.

use leptos::prelude::*;
use web_sys::wasm_bindgen::JsCast;

use super::actions;
use super::html_view::{Gesture, html_view, value_of};
use super::state::{Pending, use_app};
use crate::core::field::parse_name;
use crate::core::lang::Lang;
use crate::storage::browser;
use crate::view::bars::{PlanBarState, plan_bar_html};

#[component]
pub fn PlanBar() -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let renaming = RwSignal::new(false);
    let rename_error = RwSignal::new(None::<String>);
    let render = move || {
        let plans: Vec<(String, String)> = app
            .metas
            .with(|m| m.iter().map(|x| (x.id.clone(), x.name.clone())).collect());
        let (current, name) = app.plan.with(|p| (p.id.clone(), p.name.clone()));
        let error = rename_error.get();
        plan_bar_html(
            t,
            &PlanBarState {
                plans: &plans,
                current: &current,
                current_name: &name,
                renaming: renaming.get(),
                rename_error: error.as_deref(),
                can_undo: app.can_undo(),
                can_redo: app.history.with_value(|h| !h.redo.is_empty()),
            },
        )
    };
    let commit_rename = move |text: String| match parse_name(&text) {
        Ok(name) => {
            let old = app.plan.with_untracked(|p| p.name.clone());
            let what = crate::core::changelog::describe("", t.plan, &old, &name);
            app.edit_if(what, |p| {
                let changed = p.name != name;
                p.name = name;
                changed
            });
            renaming.set(false);
            rename_error.set(None);
        }
        Err(e) => rename_error.set(Some(t.field_error(&e))),
    };
    let on_action =
        move |action: &str, gesture: Gesture, el: &web_sys::Element| match (action, gesture) {
            ("plan-switch", Gesture::Change) => actions::switch_plan(&value_of(el)),
            ("plan-new", _) => actions::new_plan(),
            ("plan-duplicate", _) => actions::duplicate_plan(),
            ("plan-rename-start", _) => {
                renaming.set(true);
                request_animation_frame(|| super::tree::focus_element("plan-rename"));
            }
            ("plan-rename", Gesture::Enter | Gesture::Leave) if renaming.get_untracked() => {
                commit_rename(value_of(el))
            }
            ("plan-rename", Gesture::Escape) => {
                renaming.set(false);
                rename_error.set(None);
            }
            ("plan-delete", _) => app.confirm.set(Some(Pending::Plan)),
            ("undo", _) => app.undo(),
            ("redo", _) => app.redo(),
            ("export", _) => actions::export_plan(),
            ("share", _) => actions::share_plan(),
            ("import", Gesture::Change) => {
                if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
                    actions::import_from_input(input.clone());
                }
            }
            ("language", _) => {
                let next = match app.lang.get_untracked() {
                    Lang::Zh => Lang::En,
                    Lang::En => Lang::Zh,
                };
                app.lang.set(next);
                browser::save_lang(next);
            }
            _ => {}
        };
    view! { <header class="topbar">{html_view("plan-bar", "plan-bar", render, on_action)}</header> }
}
