//! The scenario (方案) on screen: switch, add, duplicate, rename, delete, adopt.

use leptos::prelude::*;

use super::fields::RenameBox;
use super::state::{App, Pending, What, use_app};
use crate::core::edit::{Edit, Part, ScenarioField};
use crate::i18n::fill;

/// Applies a scenario-list edit and shows the scenario it created.
fn apply_and_show(app: App, edit: Edit, what: String) {
    match app.apply(edit, What::Text(what)) {
        Ok(applied) => {
            if let Some(id) = applied.created {
                app.scenario.set(id);
            }
        }
        Err(e) => app.notify_error(app.t_now().edit_error(&e)),
    }
}

#[component]
pub fn ScenarioBar() -> impl IntoView {
    let app = use_app();
    let renaming = RwSignal::new(false);
    let scenarios = Memo::new(move |_| {
        app.with_plan(Part::Planning, |p| {
            p.scenarios
                .iter()
                .map(|s| (s.id.clone(), s.name.clone(), s.id == p.adopted_scenario))
                .collect::<Vec<_>>()
        })
    });
    let current_name = move || {
        let id = app.scenario.get();
        scenarios.with(|list| {
            list.iter()
                .find(|(sid, _, _)| *sid == id)
                .map(|(_, name, _)| name.clone())
                .unwrap_or_default()
        })
    };
    let adopted = move || {
        let id = app.scenario.get();
        scenarios.with(|list| list.iter().any(|(sid, _, a)| *sid == id && *a))
    };

    let commit_rename = move |new: String| {
        let t = app.t_now();
        let old = current_name();
        let edit = Edit::Scenario {
            scenario: app.scenario.get_untracked(),
            field: ScenarioField::Name(new.clone()),
        };
        app.apply(edit, What::field(t.scenario, old, new.trim()))
            .map(|_| renaming.set(false))
            .map_err(|e| t.edit_error(&e))
    };
    let adopt = move |_| {
        let t = app.t_now();
        let what = fill(t.log_adopted, &[&current_name()]);
        let edit = Edit::AdoptScenario {
            scenario: app.scenario.get_untracked(),
        };
        apply_and_show(app, edit, what);
    };
    let add = move |_| {
        let t = app.t_now();
        let edit = Edit::AddScenario {
            name: t.new_scenario_name.to_string(),
        };
        apply_and_show(app, edit, fill(t.log_added, &[t.new_scenario_name]));
    };
    let duplicate = move |_| {
        let t = app.t_now();
        let name = format!("{}{}", current_name(), t.copy_suffix);
        let edit = Edit::DuplicateScenario {
            scenario: app.scenario.get_untracked(),
            name: name.clone(),
        };
        apply_and_show(app, edit, fill(t.log_added, &[&name]));
    };

    let switcher = move || {
        let t = app.t();
        if renaming.get() {
            view! {
                <RenameBox id="scenario-rename" label=t.scenario_name value=Signal::derive(current_name)
                    on_commit=commit_rename on_cancel=move |()| renaming.set(false) />
            }
            .into_any()
        } else {
            let current = app.scenario.get();
            view! {
                <select id="scenario-select" aria-label=t.scenario
                    on:change=move |ev| app.scenario.set(event_target_value(&ev))>
                    {scenarios
                        .get()
                        .into_iter()
                        .map(|(id, name, adopted)| {
                            let label = if adopted { format!("★ {name}") } else { name };
                            let selected = id == current;
                            view! { <option value=id selected=selected>{label}</option> }
                        })
                        .collect_view()}
                </select>
            }
            .into_any()
        }
    };

    move || {
        let t = app.t();
        view! {
            <div class="scenario-bar" id="scenario-bar">
                <span class="scenario-label">{t.scenario}</span>
                {switcher}
                {move || if adopted() {
                    view! {
                        <span class="adopted-badge" id="scenario-adopted">"★ " {t.adopted}</span>
                    }
                    .into_any()
                } else {
                    view! {
                        <button type="button" class="btn primary" id="scenario-adopt"
                            on:click=adopt>"★ " {t.adopt}</button>
                    }
                    .into_any()
                }}
                <button type="button" class="btn" id="scenario-new" on:click=add>
                    {t.new_scenario}
                </button>
                <button type="button" class="btn" id="scenario-duplicate" on:click=duplicate>
                    {t.duplicate_scenario}
                </button>
                <button type="button" class="btn" id="scenario-rename-button"
                    on:click=move |_| renaming.set(true)>{t.rename_scenario}</button>
                <button type="button" class="btn danger" id="scenario-delete"
                    on:click=move |_| {
                        app.confirm.set(Some(Pending::DeleteScenario(app.scenario.get_untracked())))
                    }>{t.delete_scenario}</button>
            </div>
        }
    }
}
