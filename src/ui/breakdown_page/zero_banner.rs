//! The banner naming every node left with a target of zero under a parent that has one, with
//! its salespeople, the reason and a one-click fix.

use leptos::prelude::*;

use super::{good, use_shown};
use crate::core::edit::{Edit, Part, ScenarioField};
use crate::core::scenario::Level;
use crate::i18n::Catalogue;
use crate::ui::state::{What, use_app};
use crate::view::zero_notes::{ZeroFix, ZeroNote, zero_notes};

/// The label of a level's method in the settings and the change log.
fn method_label(t: &Catalogue, level: Level) -> String {
    let split = match level {
        Level::Company | Level::Region => t.split_regions,
        Level::Subdistrict => t.split_subdistricts,
        Level::Salesperson => t.split_salespeople,
    };
    format!("{} · {split}", t.x_method)
}

/// Zero targets of the breakdown on screen, each with "show" (select the row: "why this
/// number" says why) and its fix.
#[component]
pub fn ZeroBanner() -> impl IntoView {
    let app = use_app();
    let shown = use_shown();
    let notes = Memo::new(move |_| {
        let t = app.t();
        let sid = app.scenario.get();
        shown.last_good.with(|c| {
            let Some(b) = c.as_ref().and_then(good) else {
                return Vec::new();
            };
            app.with_plan(Part::Planning, |p| {
                p.scenario(&sid)
                    .map(|s| zero_notes(t, p, s, b))
                    .unwrap_or_default()
            })
        })
    });
    let fix = move |fix: ZeroFix| {
        let t = app.t_now();
        let sid = app.scenario.get_untracked();
        let (field, what) = match fix {
            ZeroFix::Method { level, method } => {
                let old = app
                    .with_plan_untracked(|p| p.scenario(&sid).map(|s| s.methods.get(level)))
                    .map(|m| t.method(m))
                    .unwrap_or_default();
                (
                    ScenarioField::Method(level, method),
                    What::field(&method_label(t, level), old, t.method(method)),
                )
            }
            ZeroFix::Unlock { node, measure } => {
                let label = format!("{} · {}", t.zero_fix_unlock, t.measure(measure));
                (ScenarioField::Lock(measure, node, None), What::Text(label))
            }
        };
        if let Err(e) = app.apply(
            Edit::Scenario {
                scenario: sid,
                field,
            },
            what,
        ) {
            app.notify_error(t.edit_error(&e));
        }
    };
    view! {
        <Show when=move || notes.with(|n| !n.is_empty())>
            <div class="banner warning zero-banner" role="status" id="zero-targets">
                <ul>
                    <For each=move || notes.get() key=|n: &ZeroNote| n.clone() let:note>
                        <li class="zero-note">
                            <span class="zero-text">{note.text.clone()}</span>
                            <button type="button" class="btn link zero-show"
                                on:click={
                                    let id = note.id.clone();
                                    move |_| app.selected.set(Some(id.clone()))
                                }>
                                {move || app.t().zero_show}
                            </button>
                            {note.fix.clone().map(|(label, f)| view! {
                                <button type="button" class="btn primary zero-fix"
                                    on:click=move |_| fix(f.clone())>
                                    {label}
                                </button>
                            })}
                        </li>
                    </For>
                </ul>
            </div>
        </Show>
    }
}
