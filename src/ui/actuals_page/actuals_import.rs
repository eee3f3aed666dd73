//! The preview of a picked actuals file, and storing it.

use leptos::prelude::*;

use super::ActualsState;
use crate::core::edit::{ExecutionEdit, Part};
use crate::ui::exec::{ImportPreviewCard, download_problems, store_import};
use crate::ui::state::use_app;
use crate::view::exec::actuals::preview;

/// What the picked file would store and its problems, until it is imported or cancelled.
#[component]
pub fn ActualsImport(
    /// The page's state.
    state: ActualsState,
) -> impl IntoView {
    let app = use_app();
    let shown = Memo::new(move |_| {
        let x = app.x();
        state.preview.with(|p| {
            p.as_ref()
                .map(|(file, p)| app.with_plan(Part::Execution, |plan| preview(x, plan, file, p)))
        })
    });
    let apply = move |skip_bad_lines: bool| {
        let Some((file, p)) = state.preview.get_untracked() else {
            return;
        };
        let edit = ExecutionEdit::ImportActuals {
            preview: Box::new((*p).clone()),
            skip_bad_lines,
        };
        if let Some(months) = store_import(app, &file, p.rows.len(), edit) {
            state.preview.set(None);
            if let Some(last) = months.last() {
                state.show_month(*last);
            }
            app.as_of.set(None);
        }
    };
    let download = move |_| {
        let x = app.x_now();
        state.preview.with_untracked(|p| {
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
                <ImportPreviewCard id="actuals-preview" preview=p on_apply=apply
                    on_cancel=move |_| state.preview.set(None) on_download=download />
            }
        })
    }
}
