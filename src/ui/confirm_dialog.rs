//! The question waiting for the manager's answer (drawn by the page, not the browser's blocking
//! `confirm`): delete a plan, a scenario or an unreadable entry; import a file whose plan is
//! already here; import the plan a link carries.

use leptos::html::Div;
use leptos::prelude::*;

use super::isolated::Isolated;
use super::library;
use super::state::{App, Pending, use_app};
use crate::core::edit::Edit;
use crate::core::editor::Choice;
use crate::i18n::fill;
use crate::view::bidi::sentence;

/// What an answer does.
#[derive(Clone, Copy, PartialEq)]
enum Answer {
    Cancel,
    Delete,
    Copy,
    Replace,
    Import,
    KeepMine,
    KeepTheirs,
}

impl Answer {
    fn id(self) -> &'static str {
        match self {
            Answer::Cancel => "confirm-cancel",
            Answer::Delete => "confirm-ok",
            Answer::Copy => "confirm-copy",
            Answer::Replace => "confirm-replace",
            Answer::Import => "confirm-import",
            Answer::KeepMine => "confirm-keep-mine",
            Answer::KeepTheirs => "confirm-keep-theirs",
        }
    }
}

/// The question and its answers, the safest first; `None` for a question with a dialog of its
/// own (a new plan's name and company).
fn question(app: App, p: &Pending) -> Option<(String, Vec<Answer>)> {
    let t = app.t_now();
    let delete = vec![Answer::Cancel, Answer::Delete];
    Some(match p {
        Pending::DeletePlan => {
            let name = app.with_plan_untracked(|x| x.name.clone());
            (fill(t.confirm_delete_plan, &[&name]), delete)
        }
        Pending::DeleteScenario(id) => {
            let name = app.with_plan_untracked(|x| {
                x.scenario(id).map(|s| s.name.clone()).unwrap_or_default()
            });
            (fill(t.confirm_delete_scenario, &[&name]), delete)
        }
        Pending::DeleteBrokenEntry(key) => (fill(t.confirm_delete_broken, &[key]), delete),
        Pending::ImportConflict(plan) => (
            fill(t.import_conflict, &[&plan.name]),
            vec![Answer::Copy, Answer::Replace, Answer::Cancel],
        ),
        Pending::SharedPlan(plan) => (
            fill(t.share_offer, &[&plan.name]),
            vec![Answer::Import, Answer::Cancel],
        ),
        Pending::Collision(c) => {
            let name = app.with_plan_untracked(|x| x.name.clone());
            (
                fill(
                    t.collision,
                    &[&name, &c.theirs.join("; "), &c.mine.join("; ")],
                ),
                vec![Answer::KeepTheirs, Answer::KeepMine],
            )
        }
        Pending::NewPlan => return None,
    })
}

/// Deletes a scenario; the message offers to bring it back.
fn delete_scenario(app: App, id: String) {
    let t = app.t_now();
    let name = app.with_plan_untracked(|p| p.scenario(&id).map(|s| s.name.clone()));
    let text = fill(t.scenario_deleted, &[&name.unwrap_or_default()]);
    let edit = Edit::DeleteScenario { scenario: id };
    match app.apply(edit, super::state::What::Text(text.clone())) {
        Ok(_) => app.notify(text, Some(super::state::UndoAction::LastStep)),
        Err(e) => app.notify_error(t.edit_error(&e)),
    }
}

fn answer(app: App, pending: Pending, answer: Answer) {
    app.confirm.set(None);
    match (answer, pending) {
        (Answer::Delete, Pending::DeletePlan) => library::delete_current_plan(app),
        (Answer::Delete, Pending::DeleteScenario(id)) => delete_scenario(app, id),
        (Answer::Delete, Pending::DeleteBrokenEntry(key)) => library::delete_broken(app, &key),
        (Answer::Copy, Pending::ImportConflict(plan)) => library::import_as_copy(app, *plan),
        (Answer::Replace, Pending::ImportConflict(plan)) => library::replace_with(app, *plan),
        (Answer::Import, Pending::SharedPlan(plan)) => library::offer_import(app, *plan),
        (Answer::KeepMine, Pending::Collision(_)) => super::save::resolve(app, Choice::KeepMine),
        (Answer::KeepTheirs, Pending::Collision(_)) => {
            super::save::resolve(app, Choice::KeepTheirs)
        }
        _ => {}
    }
}

#[component]
pub fn ConfirmDialog() -> impl IntoView {
    let app = use_app();
    let dialog = NodeRef::<Div>::new();
    // The first (safest) answer has the keyboard when the question appears.
    Effect::new(move |_| {
        if let Some(el) = dialog.get()
            && let Ok(Some(first)) = el.query_selector("button")
        {
            use web_sys::wasm_bindgen::JsCast;
            if let Ok(b) = first.dyn_into::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        }
    });
    move || {
        let pending = app.confirm.get()?;
        let t = app.t();
        let (message, answers) = question(app, &pending)?;
        let label = move |a: Answer| match a {
            Answer::Cancel => t.cancel,
            Answer::Delete => t.delete,
            Answer::Copy => t.import_as_copy,
            Answer::Replace => t.import_replace,
            Answer::Import => t.share_import,
            Answer::KeepMine => t.keep_mine,
            Answer::KeepTheirs => t.keep_theirs,
        };
        let class = |a: Answer| match a {
            Answer::Delete | Answer::Replace => "btn danger",
            Answer::Copy | Answer::Import => "btn primary",
            Answer::Cancel | Answer::KeepMine | Answer::KeepTheirs => "btn",
        };
        let buttons = answers
            .into_iter()
            .map(|a| {
                let pending = pending.clone();
                view! {
                    <button type="button" class=class(a) id=a.id()
                        on:click=move |_| answer(app, pending.clone(), a)>{label(a)}</button>
                }
            })
            .collect_view();
        Some(view! {
            <div class="overlay" id="dialog-host">
                <div class="dialog" role="alertdialog" aria-modal="true"
                    aria-labelledby="confirm-message" node_ref=dialog
                    on:keydown=move |ev| {
                        // A collision must be answered: closing it would leave the plan unsaved.
                        if ev.key() == "Escape"
                            && !matches!(app.confirm.get_untracked(), Some(Pending::Collision(_)))
                        {
                            app.confirm.set(None);
                        }
                    }>
                    <p id="confirm-message"><Isolated segments=sentence(&message) /></p>
                    <div class="dialog-buttons">{buttons}</div>
                </div>
            </div>
        })
    }
}
