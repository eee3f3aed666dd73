//! The scenario (方案) being viewed: switch, add, duplicate, rename, delete, adopt.

use leptos::prelude::*;

use super::html_view::{Gesture, html_view, value_of};
use super::state::{Pending, use_app};
use crate::core::changelog::describe;
use crate::core::field::parse_name;
use crate::i18n::fill;
use crate::view::bars::scenario_bar_html;

#[component]
pub fn ScenarioBar() -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let renaming = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let render = move || {
        let sid = app.scenario.get();
        let e = error.get();
        app.plan
            .with(|p| scenario_bar_html(t, p, &sid, renaming.get(), e.as_deref()))
    };
    let on_action = move |action: &str, gesture: Gesture, el: &web_sys::Element| {
        let sid = app.scenario.get_untracked();
        let current = app
            .plan
            .with_untracked(|p| p.scenario(&sid).map(|s| s.name.clone()).unwrap_or_default());
        match (action, gesture) {
            ("scenario-switch", Gesture::Change) => app.scenario.set(value_of(el)),
            ("scenario-adopt", _) => app.edit(fill(t.log_adopted, &[&current]), |p| {
                let _ = p.adopt(&sid);
            }),
            ("scenario-new", _) => {
                let mut new_id = String::new();
                let what = fill(t.log_added, &[t.new_scenario_name]);
                app.edit(what, |p| new_id = p.add_scenario(t.new_scenario_name));
                app.scenario.set(new_id);
            }
            ("scenario-duplicate", _) => {
                let name = format!("{current}{}", t.copy_suffix);
                let mut new_id = None;
                app.edit(fill(t.log_added, &[&name]), |p| {
                    new_id = p.duplicate_scenario(&sid, &name).ok()
                });
                if let Some(id) = new_id {
                    app.scenario.set(id);
                }
            }
            ("scenario-rename-start", _) => {
                renaming.set(true);
                request_animation_frame(|| super::tree::focus_element("scenario-rename"));
            }
            ("scenario-rename", Gesture::Enter | Gesture::Leave) if renaming.get_untracked() => {
                match parse_name(&value_of(el)) {
                    Ok(name) => {
                        let what = describe("", t.scenario, &current, &name);
                        app.edit_if(what, |p| {
                            let changed = p.scenario(&sid).is_some_and(|s| s.name != name);
                            let _ = p.rename_scenario(&sid, &name);
                            changed
                        });
                        renaming.set(false);
                        error.set(None);
                    }
                    Err(e) => error.set(Some(t.field_error(&e))),
                }
            }
            ("scenario-rename", Gesture::Escape) => {
                renaming.set(false);
                error.set(None);
            }
            ("scenario-delete", _) => app.confirm.set(Some(Pending::Scenario(sid))),
            _ => {}
        }
    };
    html_view("scenario-bar", "scenario-bar", render, on_action)
}
