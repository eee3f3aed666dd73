//! The market-share CSV files: import (a preview of every problem first, nothing stored before a
//! choice), the template to fill in, and the stored shares as a file.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::edit::{ExecutionEdit, Part};
use crate::core::execution::{SharePreview, parse_shares, shares_csv, shares_template};
use crate::ui::exec::{FileButtons, ImportPreviewCard, download_problems, store_import};
use crate::ui::library::download_csv;
use crate::ui::state::use_app;
use crate::view::exec::shares::share_preview;

/// A picked market-share file waiting for a choice: its name and what it would store.
type PendingFile = Option<(String, Arc<SharePreview>)>;

/// The file buttons and, once a file is picked, its preview.
#[component]
pub fn ShareFiles() -> impl IntoView {
    let app = use_app();
    let pending = RwSignal::new(PendingFile::None);
    let file_name = move |what: &str| app.with_plan_untracked(|p| format!("{} {what}", p.name));
    let on_file = move |(name, bytes): (String, Vec<u8>)| {
        let read = app.with_plan_untracked(|p| parse_shares(p, &bytes));
        pending.set(Some((name, Arc::new(read))));
    };
    let shown = Memo::new(move |_| {
        let x = app.x();
        pending.with(|p| {
            p.as_ref().map(|(file, p)| {
                app.with_plan(Part::Execution, |plan| share_preview(x, plan, file, p))
            })
        })
    });
    let apply = move |skip_bad_lines: bool| {
        let Some((file, p)) = pending.get_untracked() else {
            return;
        };
        let edit = ExecutionEdit::ImportShares {
            preview: Box::new((*p).clone()),
            skip_bad_lines,
        };
        if store_import(app, &file, p.rows.len(), edit).is_some() {
            pending.set(None);
        }
    };
    let download = move |_| {
        let x = app.x_now();
        pending.with_untracked(|p| {
            if let Some((file, p)) = p {
                download_problems(
                    app,
                    file,
                    p.problems.iter().map(|problem| x.problem(problem)),
                );
            }
        });
    };
    view! {
        <div class="toolbar share-files">
            <FileButtons input_id="share-file" on_file=on_file
                on_template=move |()| {
                    let lang = app.lang.get_untracked();
                    let csv = app.with_plan_untracked(|p| shares_template(p, lang));
                    download_csv(app, &file_name(app.x_now().file_shares_template), &csv);
                }
                on_export=move |()| {
                    let csv = app.with_plan_untracked(shares_csv);
                    download_csv(app, &file_name(app.x_now().file_shares), &csv);
                } />
        </div>
        {move || {
            shown.get().map(|p| {
                view! {
                    <ImportPreviewCard id="share-preview" preview=p on_apply=apply
                        on_cancel=move |_| pending.set(None) on_download=download />
                }
            })
        }}
    }
}
