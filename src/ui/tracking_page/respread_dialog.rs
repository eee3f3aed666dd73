//! Re-spread the gap (纠偏): a new scenario, a copy of the adopted one, in which the chosen
//! node's remaining months carry its gap to date; then a way to compare it with the adopted one.

use leptos::prelude::*;

use super::TrackingState;
use crate::core::breakdown::Breakdown;
use crate::core::edit::{Edit, Part};
use crate::core::execution::{Goal, Tracking};
use crate::core::model::Plan;
use crate::core::respread::{Respread, RespreadError, Spread, respread_from};
use crate::ui::exec::with_adopted;
use crate::ui::fields::is_commit_enter;
use crate::ui::route::Route;
use crate::ui::state::{App, UndoAction, What, use_app};
use crate::view::exec::respread::{RespreadForm, respread_form, respread_log};
use rust_decimal::Decimal;

/// The re-spread of `node` against `goal`, with its gap, the node's name and the adopted
/// scenario's id.
fn draft(
    p: &Plan,
    b: &Breakdown,
    tr: &Tracking,
    goal: Goal,
    (node, how, reason): (&str, Spread, &str),
) -> Result<(Respread, Decimal, String, String), RespreadError> {
    let r = respread_from(p, b, tr, node, goal.figure(), how, reason)?;
    let s = tr.total_of(b, b.find(node).unwrap_or(0), goal);
    let node_name = p.node_name(node).unwrap_or(p.company.as_str());
    Ok((
        r,
        s.target_to_date - s.actual,
        node_name.to_string(),
        p.adopted_scenario.clone(),
    ))
}

/// Makes the scenario; the reason why it was not made otherwise.
fn make(
    app: App,
    state: TrackingState,
    node: &str,
    how: Spread,
    name: &str,
    reason: &str,
) -> Result<(String, String), String> {
    let x = app.x_now();
    let lang = app.lang.get_untracked();
    let made = state.tracking.with_untracked(|tr| {
        let tr = tr.as_ref()?;
        with_adopted(app, |b| {
            untrack(|| {
                state.with_goal(app, |goal| {
                    app.with_plan_untracked(|p| draft(p, b, tr, goal, (node, how, reason)))
                })
            })
        })
    });
    let Some(made) = made else {
        return Err(x.err_respread_nothing.to_string());
    };
    let (r, gap, node_name, adopted) = made.map_err(|e| x.respread_error(&e))?;
    let log = respread_log(x, lang, name.trim(), &node_name, &r, gap);
    let reason = r.reason.clone();
    let edit = Edit::Respread {
        scenario: adopted,
        name: name.to_string(),
        respread: r,
    };
    let t = app.t_now();
    let applied = app
        .apply(edit, What::Text(log))
        .map_err(|e| t.edit_error(&e))?;
    let id = applied.created.unwrap_or_default();
    // The reason goes on the step's change-log entry, where reasons are read.
    let last = app.with_plan_untracked(|p| p.change_log.len().checked_sub(1));
    if let Some(last) = last {
        app.set_reason(last, &reason);
    }
    Ok((id, name.trim().to_string()))
}

/// The dialog, open while a node is being re-spread, and the line offering the comparison
/// after.
#[component]
pub fn RespreadDialog(
    /// The page's state.
    state: TrackingState,
) -> impl IntoView {
    let app = use_app();
    let how = RwSignal::new(Spread::Even);
    let name = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let form = Memo::new(move |_| -> Option<RespreadForm> {
        let node = state.respreading.get()?;
        let (x, lang) = (app.x(), app.lang.get());
        state.tracking.with(|tr| {
            let tr = tr.as_ref()?;
            with_adopted(app, |b| {
                state.with_goal(app, |goal| {
                    app.with_plan(Part::Execution, |p| {
                        respread_form(x, lang, p, b, tr, &node, goal)
                    })
                })
            })
            .flatten()
        })
    });
    // Fresh fields each time it opens on a node.
    Effect::new(move |_| {
        if let Some(f) = form.get() {
            name.set(f.name);
            reason.set(f.reason);
            error.set(None);
        }
    });
    let close = move || state.respreading.set(None);
    let create = move || {
        let Some(node) = state.respreading.get_untracked() else {
            return;
        };
        let made = make(
            app,
            state,
            &node,
            how.get_untracked(),
            &name.get_untracked(),
            &reason.get_untracked(),
        );
        match made {
            Ok((id, scenario_name)) => {
                close();
                app.scenario.set(id.clone());
                let x = app.x_now();
                let text = crate::i18n::fill(x.respread_created, &[&scenario_name]);
                state.respread_made.set(Some((id, scenario_name)));
                app.notify(text, Some(UndoAction::LastStep));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if is_commit_enter(&ev) {
            ev.prevent_default();
            create();
        } else if ev.key() == "Escape" {
            close();
        }
    };
    // The scenario made stays offered while it exists (an undo takes it away).
    let made = Memo::new(move |_| {
        let made = state.respread_made.get()?;
        app.with_plan(Part::Planning, |p| p.scenario(&made.0).is_some())
            .then_some(made)
    });
    let spread_choice =
        move |value: Spread, label: fn(&crate::i18n::exec::ExecText) -> &'static str| {
            view! {
                <label class="choice">
                    <input type="radio" name="respread-how" id=format!("respread-{}", value.key())
                        prop:checked=move || how.get() == value
                        on:change=move |_| how.set(value) />
                    <span>{move || label(app.x())}</span>
                </label>
            }
        };
    view! {
        <Show when=move || made.get().is_some()>
            <p class="banner info respread-made" id="respread-made">
                <span>{move || made.get().map(|(_, n)| crate::i18n::fill(app.x().respread_created, &[&n]))}</span>
                " "
                <button type="button" class="btn primary" id="respread-compare"
                    on:click=move |_| app.route.set(Route::Compare)>
                    {move || app.x().respread_compare}
                </button>
            </p>
        </Show>
        <Show when=move || form.get().is_some()>
            <div class="overlay" id="respread-host">
                <div class="dialog respread-dialog" role="dialog" aria-modal="true"
                    aria-labelledby="respread-title" on:keydown=on_key>
                    <h2 id="respread-title">{move || form.get().map(|f| f.title)}</h2>
                    <p class="respread-explain" id="respread-explain">
                        {move || form.get().map(|f| f.explain)}
                    </p>
                    {move || form.get().and_then(|f| f.ahead).map(|a| view! {
                        <p class="respread-ahead">{a}</p>
                    })}
                    <fieldset class="respread-how">
                        <legend>{move || app.x().respread_how}</legend>
                        {spread_choice(Spread::Even, |x| x.respread_even)}
                        {spread_choice(Spread::Seasonal, |x| x.respread_seasonal)}
                    </fieldset>
                    <label class="field">
                        <span class="field-label">{move || app.x().respread_scenario_name}</span>
                        <input type="text" id="respread-name" prop:value=move || name.get()
                            on:input=move |ev| name.set(event_target_value(&ev)) />
                    </label>
                    <label class="field">
                        <span class="field-label">{move || app.x().respread_reason}</span>
                        <input type="text" id="respread-reason" prop:value=move || reason.get()
                            on:input=move |ev| reason.set(event_target_value(&ev)) />
                    </label>
                    <span class="field-error" role="alert">{move || error.get()}</span>
                    <div class="dialog-buttons">
                        <button type="button" class="btn" id="respread-cancel"
                            on:click=move |_| close()>{move || app.x().cancel}</button>
                        <button type="button" class="btn primary" id="respread-create"
                            on:click=move |_| create()>{move || app.x().respread_create}</button>
                    </div>
                </div>
            </div>
        </Show>
    }
}
