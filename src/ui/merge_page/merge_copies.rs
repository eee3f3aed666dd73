//! Merging returned copies: pick one or several files (and a base file when the version a copy
//! started from cannot be found), see what each copy changed and what the merge does with it,
//! settle the collisions, confirm. The merge is one step to undo, logged with the files' names
//! and the reasons written in the copies; afterwards the targets it moved are shown.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use super::collision_list::CollisionList;
use super::diff_list::DiffList;
use super::draft::use_merge_draft;
use super::moved_targets::MovedTargets;
use super::{m, picked_files, read_plans, words};
use crate::core::diff::target_moves;
use crate::core::edit::Edit;
use crate::core::model::Plan;
use crate::i18n::fill;
use crate::ui::state::{UndoAction, What, use_app};
use crate::view::merge_flow::{MergeFlow, Returned, merge_copies, place_copies};
use crate::view::plan_diff::{TargetsView, Words, targets_view};

/// The merge section of the route.
#[component]
pub fn MergeCopies() -> impl IntoView {
    let app = use_app();
    // Held above the route: another route and back finds the merge as it was left.
    let draft = use_merge_draft();
    let (copies, base, choices) = (draft.copies, draft.base, draft.choices);
    let read_error = RwSignal::new(None::<String>);
    let moved = RwSignal::new(None::<TargetsView>);
    // Each copy against the version it started from (the open plan's history decides it).
    let placed: Memo<Result<Arc<Vec<Returned>>, String>> = Memo::new_with_compare(
        move |_| {
            app.track_all();
            let w = words(app);
            let picked = copies.get();
            if picked.is_empty() {
                return Ok(Arc::new(Vec::new()));
            }
            base.with(|b| {
                app.with_plan_untracked(|open| {
                    place_copies(w, open, picked, b.as_ref().map(|x| &x.1)).map(Arc::new)
                })
            })
        },
        |_, _| true,
    );
    let flow: Memo<Option<Arc<MergeFlow>>> = Memo::new_with_compare(
        move |_| {
            let w = words(app);
            let placed = placed.get().ok()?;
            if placed.is_empty() {
                return None;
            }
            let chosen = choices.get();
            Some(Arc::new(app.with_plan_untracked(|open| {
                merge_copies(w, open, &placed, &chosen)
            })))
        },
        |_, _| true,
    );
    // Split so that a choice redraws only what it changes (the lists keep their filters).
    let copy_views = Memo::new(move |_| {
        flow.get().map_or_else(Vec::new, |f| {
            f.copies
                .iter()
                .cloned()
                .zip(f.regions.iter().cloned())
                .collect::<Vec<_>>()
        })
    });
    let collisions = Memo::new(move |_| flow.get().map_or_else(Vec::new, |f| f.collisions.clone()));
    let on_copies = move |ev: leptos::ev::Event| {
        let files = picked_files(&ev);
        leptos::task::spawn_local(async move {
            match read_plans(app, files).await {
                Ok(plans) => {
                    read_error.set(None);
                    moved.set(None);
                    choices.set(HashMap::new());
                    copies.set(plans);
                }
                Err(e) => read_error.set(Some(e)),
            }
        });
    };
    let on_base = move |ev: leptos::ev::Event| {
        let files = picked_files(&ev);
        leptos::task::spawn_local(async move {
            match read_plans(app, files).await {
                Ok(mut plans) => {
                    read_error.set(None);
                    base.set(plans.pop());
                }
                Err(e) => read_error.set(Some(e)),
            }
        });
    };
    let cancel = move |_| draft.clear();
    let confirm = move |_| {
        let Some(flow) = flow.get_untracked() else {
            return;
        };
        let Ok(merged) = flow.result.clone() else {
            return;
        };
        let before = app.with_plan_untracked(Plan::clone);
        match app.apply(
            Edit::Merge(Box::new(merged)),
            What::Text(flow.log_line.clone()),
        ) {
            Ok(_) => {
                if !flow.reason.is_empty() {
                    let last = app.with_plan_untracked(|p| p.change_log.len().saturating_sub(1));
                    app.set_reason(last, &flow.reason);
                }
                let w = Words::new(app.lang.get_untracked());
                let after = app.with_plan_untracked(|p| target_moves(&before, p));
                moved.set(Some(targets_view(w, &after)));
                let files: Vec<&str> = flow.copies.iter().map(|c| c.file.as_str()).collect();
                let changes: usize = flow.copies.iter().map(|c| c.rows.len()).sum();
                app.notify(
                    fill(w.m.merged_toast, &[&files.join(", "), &changes.to_string()]),
                    Some(UndoAction::LastStep),
                );
                draft.clear();
            }
            Err(e) => app.notify_error(app.t_now().edit_error(&e)),
        }
    };
    let problem = move || {
        read_error
            .get()
            .or_else(|| placed.get().err())
            .or_else(|| flow.get().and_then(|f| f.result.clone().err()))
    };
    let can_confirm = move || {
        flow.get()
            .is_some_and(|f| f.result.is_ok() && f.to_choose == 0 && f.changes_anything)
    };
    let nothing = move || {
        flow.get()
            .is_some_and(|f| f.result.is_ok() && !f.changes_anything)
    };
    view! {
        <section class="merge-section merge-copies" id="merge-copies">
            <h3>{move || m(app).merge_title}</h3>
            <div class="merge-controls">
                <label class="btn file-button primary">
                    {move || m(app).merge_pick}
                    <input type="file" id="merge-files" multiple accept=".json,application/json"
                        on:change=on_copies />
                </label>
                <label class="btn file-button">
                    {move || m(app).base_pick}
                    <input type="file" id="merge-base" accept=".json,application/json" on:change=on_base />
                </label>
                {move || base.with(|b| b.as_ref().map(|(name, _)| name.clone())).map(|name| view! {
                    <span class="base-chosen" id="base-chosen">{fill(m(app).base_chosen, &[&name])}</span>
                    <button type="button" class="btn" id="clear-base" on:click=move |_| base.set(None)>
                        {move || m(app).clear_base}
                    </button>
                })}
            </div>
            {move || problem().map(|p| view! { <p class="error-text merge-error" id="merge-error">{p}</p> })}
            <Show when=nothing>
                <p class="hint" id="nothing-to-merge">{move || m(app).nothing_to_merge}</p>
            </Show>
            {move || copy_views.get().into_iter().enumerate().map(|(i, (c, regions))| {
                let rows = c.rows.clone();
                view! {
                    <div class="merge-copy">
                        <p class="copy-summary">{c.summary.clone()}</p>
                        {(!c.reasons.is_empty()).then(|| view! {
                            <p class="copy-reasons">
                                {move || m(app).copy_reasons} ": " {c.reasons.join("; ")}
                            </p>
                        })}
                        {c.outside.clone().map(|o| view! { <p class="outside-warning">{o}</p> })}
                        {c.renumbered.clone().map(|r| view! { <p class="hint">{r}</p> })}
                        <DiffList rows=Signal::derive(move || rows.clone())
                            regions=Signal::derive(move || regions.clone())
                            with_status=true id=format!("merge-{i}") />
                    </div>
                }
            }).collect_view()}
            <Show when=move || collisions.with(|c| !c.is_empty())>
                <CollisionList rows=collisions choices=choices />
            </Show>
            <Show when=move || flow.with(Option::is_some)>
                <div class="merge-controls merge-confirm">
                    <button type="button" class="btn primary" id="confirm-merge"
                        disabled=move || !can_confirm() on:click=confirm>
                        {move || m(app).confirm_merge}
                    </button>
                    <button type="button" class="btn" id="cancel-merge" on:click=cancel>
                        {move || m(app).cancel}
                    </button>
                </div>
            </Show>
            {move || moved.get().map(|t| view! {
                <MovedTargets targets=Signal::derive(move || t.clone())
                    title=Signal::derive(move || m(app).merged_moved) id="merge-moved" />
            })}
        </section>
    }
}
