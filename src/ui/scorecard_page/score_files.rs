//! The scorecard's month and its CSV files: import (a preview of every problem first, nothing
//! stored before a choice), the template to fill in, and the stored figures as a file.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::edit::{ExecutionEdit, Part};
use crate::core::execution::{ScorePreview, parse_score_figures, score_csv, score_template};
use crate::core::period::YearMonth;
use crate::ui::exec::{
    ChoiceSelect, FileButtons, ImportPreviewCard, download_problems, store_import,
};
use crate::ui::library::download_csv;
use crate::ui::state::use_app;
use crate::view::exec::month_choices;
use crate::view::exec::scorecard::preview;

/// A picked figures file waiting for a choice: its name and what it would store.
pub type PendingFile = Option<(String, Arc<ScorePreview>)>;

/// The month shown and the file buttons.
#[component]
pub fn ScoreToolbar(
    /// The month shown.
    month: RwSignal<YearMonth>,
    /// Where a picked file waits for a choice.
    pending: RwSignal<PendingFile>,
) -> impl IntoView {
    let app = use_app();
    let months =
        Memo::new(move |_| app.with_plan(Part::Planning, |p| month_choices(&p.period.months())));
    let file_name = move |what: &str| app.with_plan_untracked(|p| format!("{} {what}", p.name));
    let on_file = move |(name, bytes): (String, Vec<u8>)| {
        let read = app.with_plan_untracked(|p| parse_score_figures(p, &bytes));
        pending.set(Some((name, Arc::new(read))));
    };
    view! {
        <div class="toolbar">
            <ChoiceSelect id="score-month" label=Signal::derive(move || app.x().month.to_string())
                choices=months value=Signal::derive(move || month.get().to_string())
                on_change=move |v: String| {
                    if let Ok(m) = v.parse() {
                        month.set(m);
                    }
                } />
            <FileButtons input_id="score-file" on_file=on_file
                on_template=move |()| {
                    let lang = app.lang.get_untracked();
                    let csv = app.with_plan_untracked(|p| score_template(p, lang));
                    download_csv(app, &file_name(app.x_now().file_score_template), &csv);
                }
                on_export=move |()| {
                    let csv = app.with_plan_untracked(score_csv);
                    download_csv(app, &file_name(app.x_now().file_score), &csv);
                } />
        </div>
    }
}

/// The preview of a picked figures file; an import shows the last month it covers.
#[component]
pub fn ScoreImport(
    /// The month shown.
    month: RwSignal<YearMonth>,
    /// The picked file waiting for a choice.
    pending: RwSignal<PendingFile>,
) -> impl IntoView {
    let app = use_app();
    let shown = Memo::new(move |_| {
        let x = app.x();
        pending.with(|p| {
            p.as_ref()
                .map(|(file, p)| app.with_plan(Part::Execution, |plan| preview(x, plan, file, p)))
        })
    });
    let apply = move |skip_bad_lines: bool| {
        let Some((file, p)) = pending.get_untracked() else {
            return;
        };
        let edit = ExecutionEdit::ImportScoreFigures {
            preview: Box::new((*p).clone()),
            skip_bad_lines,
        };
        if let Some(months) = store_import(app, &file, p.rows.len(), edit) {
            pending.set(None);
            if let Some(last) = months.last() {
                month.set(*last);
            }
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
    move || {
        shown.get().map(|p| {
            view! {
                <ImportPreviewCard id="score-preview" preview=p on_apply=apply
                    on_cancel=move |_| pending.set(None) on_download=download />
            }
        })
    }
}
