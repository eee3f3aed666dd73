//! Actuals (实际销售): each salesperson's figures for a month, typed in a paged, searchable
//! table or imported from a CSV file after a preview of every problem.

mod actuals_import;
mod actuals_toolbar;
mod entry_row;
mod entry_table;
mod figure_input;

use std::sync::Arc;

use leptos::prelude::*;

use super::exec::ExecPage;
use super::state::use_app;
use crate::core::execution::ActualsPreview;
use crate::core::period::YearMonth;
use crate::view::exec::actuals::{Refused, first_month};
use actuals_import::ActualsImport;
use actuals_toolbar::ActualsToolbar;
use entry_table::EntryTable;

/// What the page's parts share: the month shown, the search, the page of the table, the
/// figures refused while typing, and the file being previewed.
#[derive(Clone, Copy)]
struct ActualsState {
    month: RwSignal<YearMonth>,
    search: RwSignal<String>,
    /// The page of the table (0-based).
    page: RwSignal<usize>,
    refused: RwSignal<Vec<Refused>>,
    /// The picked file's name and what it would import.
    preview: RwSignal<Option<(String, Arc<ActualsPreview>)>>,
}

impl ActualsState {
    /// Shows another month: from the first page, without the other month's refused figures.
    fn show_month(&self, month: YearMonth) {
        self.month.set(month);
        self.page.set(0);
        if self.refused.with_untracked(|r| !r.is_empty()) {
            self.refused.set(Vec::new());
        }
    }
}

#[component]
pub fn ActualsPage() -> impl IntoView {
    let app = use_app();
    let state = ActualsState {
        month: RwSignal::new(app.with_plan_untracked(first_month)),
        search: RwSignal::new(String::new()),
        page: RwSignal::new(0),
        refused: RwSignal::new(Vec::new()),
        preview: RwSignal::new(None),
    };
    // Another plan opened: its own latest month, and no file of the other plan's.
    Effect::new(move |previous: Option<String>| {
        let id = app.plan_id.get();
        if previous.is_some_and(|p| p != id) {
            state.show_month(app.with_plan_untracked(first_month));
            state.preview.set(None);
        }
        id
    });
    view! {
        <ExecPage title=|x| x.page_actuals intro=|x| x.actuals_intro>
            <ActualsToolbar state=state />
            <ActualsImport state=state />
            <EntryTable state=state />
        </ExecPage>
    }
}
