//! The Compare & merge route: merge returned copies of the plan into it (collisions side by
//! side for a choice, nothing applied until confirmed, one step to undo), compare two plan
//! files (or the open plan and a file), and send one region's part out as a copy.

mod collision_list;
mod collision_row;
mod compare_files;
mod diff_line;
mod diff_list;
mod draft;
mod merge_copies;
mod moved_targets;
mod send_part;

use leptos::prelude::*;

use super::state::{App, use_app};
use crate::core::model::Plan;
use crate::i18n::fill;
use crate::i18n::merge::{MergeText, merge_text};
use crate::view::plan_diff::Words;
use compare_files::CompareFiles;
pub use draft::MergeDraft;
use merge_copies::MergeCopies;
use send_part::SendPart;

/// The merge words in the language on screen (tracked: a language switch redraws).
fn m(app: App) -> &'static MergeText {
    merge_text(app.lang.get())
}

/// The words of the language on screen, for naming items and values (tracked).
fn words(app: App) -> Words {
    Words::new(app.lang.get())
}

/// The files picked in a file input.
fn picked_files(ev: &leptos::ev::Event) -> Vec<web_sys::File> {
    let input: web_sys::HtmlInputElement = event_target(ev);
    let files = input.files();
    let list = files
        .map(|f| (0..f.length()).filter_map(|i| f.get(i)).collect())
        .unwrap_or_default();
    // Picking the same file again is a new pick.
    input.set_value("");
    list
}

/// Reads plan files; the first that cannot be read stops it, named with the reason.
async fn read_plans(app: App, files: Vec<web_sys::File>) -> Result<Vec<(String, Plan)>, String> {
    let mut plans = Vec::new();
    for file in files {
        let name = file.name();
        let (t, mt) = (app.t_now(), merge_text(app.lang.get_untracked()));
        let text = crate::storage::files::read_text(&file)
            .await
            .map_err(|reason| fill(mt.err_read, &[&name, &reason]))?;
        let plan = crate::core::format::read_plan(&text)
            .map_err(|e| fill(mt.err_read, &[&name, &t.read_error(&e)]))?;
        plans.push((name, plan));
    }
    Ok(plans)
}

/// The Compare & merge route.
#[component]
pub fn MergePage() -> impl IntoView {
    let app = use_app();
    view! {
        <section class="merge-page" id="merge-page">
            <h2>{move || m(app).page_title}</h2>
            <p class="hint">{move || m(app).page_intro}</p>
            <MergeCopies />
            <CompareFiles />
            <SendPart />
        </section>
    }
}
