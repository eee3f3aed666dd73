//! Comparing two plans: the open plan (or a file) before, a file after; the changes as a
//! side-by-side list with filters, and the targets of the adopted scenario that move.

use std::sync::Arc;

use leptos::prelude::*;

use super::diff_list::DiffList;
use super::draft::use_merge_draft;
use super::moved_targets::MovedTargets;
use super::{m, picked_files, read_plans, words};
use crate::core::diff::{PlanDiff, diff};
use crate::core::model::Plan;
use crate::ui::state::use_app;
use crate::view::merge_view::MergeRow;
use crate::view::plan_diff::{diff_rows, region_choices, targets_view};

/// A plan file picked for one side.
type Picked = Option<(String, Arc<Plan>)>;

/// The compare section of the route.
#[component]
pub fn CompareFiles() -> impl IntoView {
    let app = use_app();
    // Kept above the route, so that a visit to another route keeps the comparison.
    let draft = use_merge_draft();
    let (before, after) = (draft.compare_before, draft.compare_after);
    let error = RwSignal::new(None::<String>);
    // Computed when a file is picked (or the open plan, compared, changes); each result is new.
    let compared: Memo<Option<Arc<PlanDiff>>> = Memo::new_with_compare(
        move |_| {
            let after = after.get()?;
            let d = match before.get() {
                Some((_, plan)) => diff(&plan, &after.1),
                None => {
                    app.track_all();
                    app.with_plan_untracked(|open| diff(open, &after.1))
                }
            };
            Some(Arc::new(d))
        },
        |_, _| true,
    );
    let rows = Memo::new(move |_| {
        let w = words(app);
        compared.get().map_or_else(Vec::new, |d| {
            diff_rows(w, &d)
                .into_iter()
                .map(|row| MergeRow {
                    row,
                    status: String::new(),
                    collides: false,
                    outside: false,
                })
                .collect()
        })
    });
    let regions = Memo::new(move |_| {
        compared.get().map_or_else(Vec::new, |d| {
            rows.with(|r| {
                let plain: Vec<_> = r.iter().map(|x| x.row.clone()).collect();
                region_choices([&d.old, &d.new], &plain)
            })
        })
    });
    let targets = Memo::new(move |_| {
        let w = words(app);
        compared.get().map(|d| targets_view(w, &d.targets))
    });
    let pick = move |side: RwSignal<Picked>| {
        move |ev: leptos::ev::Event| {
            let files = picked_files(&ev);
            leptos::task::spawn_local(async move {
                match read_plans(app, files).await {
                    Ok(mut plans) => {
                        error.set(None);
                        side.set(plans.pop().map(|(n, p)| (n, Arc::new(p))));
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        }
    };
    let side_name = move |side: RwSignal<Picked>| {
        move || {
            side.with(|s| s.as_ref().map(|(n, _)| n.clone()))
                .unwrap_or_else(|| m(app).this_plan.to_string())
        }
    };
    view! {
        <section class="merge-section compare-files" id="compare-files">
            <h3>{move || m(app).compare_title}</h3>
            <p class="hint">{move || m(app).compare_hint}</p>
            <div class="merge-controls">
                <span class="compare-side">
                    {move || m(app).compare_left} ": "
                    <strong id="diff-before-name">{side_name(before)}</strong>
                </span>
                <label class="btn file-button">
                    {move || m(app).pick_file}
                    <input type="file" id="diff-before" accept=".json,application/json" on:change=pick(before) />
                </label>
                <button type="button" class="btn" id="diff-this-plan"
                    disabled=move || before.with(Option::is_none)
                    on:click=move |_| before.set(None)>{move || m(app).this_plan}</button>
                <span class="compare-side">
                    {move || m(app).compare_right} ": "
                    <strong id="diff-after-name">
                        {move || after.with(|s| s.as_ref().map(|(n, _)| n.clone())).unwrap_or_else(|| "—".into())}
                    </strong>
                </span>
                <label class="btn file-button primary">
                    {move || m(app).pick_file}
                    <input type="file" id="diff-after" accept=".json,application/json" on:change=pick(after) />
                </label>
            </div>
            {move || error.get().map(|e| view! { <p class="error-text" id="diff-error">{e}</p> })}
            <Show when=move || compared.with(|d| d.as_ref().is_some_and(|d| d.is_empty()))>
                <p class="hint" id="no-differences">{move || m(app).no_differences}</p>
            </Show>
            <Show when=move || compared.with(|d| d.as_ref().is_some_and(|d| !d.is_empty()))>
                <DiffList rows=rows regions=regions id="diff" />
                {move || targets.get().map(|t| view! {
                    <MovedTargets targets=Signal::derive(move || t.clone())
                        title=Signal::derive(move || m(app).targets_title) id="diff-targets" />
                })}
            </Show>
        </section>
    }
}
