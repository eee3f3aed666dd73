//! One deviation: who, how far behind, and the corrective action.

use leptos::prelude::*;

use super::TrackingState;
use crate::core::edit::{Edit, ExecutionEdit};
use crate::core::field::FieldError;
use crate::core::period::YearMonth;
use crate::ui::fields::{Control, Field};
use crate::ui::state::use_app;
use crate::view::exec::tracking::DeviationRow;

/// A row of the deviation list, with the month's corrective action to write and tick off.
#[component]
pub fn DeviationRowView(
    /// The row's figures (`None` for the moment the row leaves the list).
    #[prop(into)]
    row: Signal<Option<DeviationRow>>,
    /// The page's state.
    state: TrackingState,
) -> impl IntoView {
    let app = use_app();
    let id = row.with_untracked(|r| r.as_ref().map(|r| r.id.clone()).unwrap_or_default());
    let id = StoredValue::new(id);
    let cell = move |f: fn(&DeviationRow) -> String| move || row.with(|r| r.as_ref().map(f));
    let note =
        Memo::new(move |_| row.with(|r| r.as_ref().map(|r| r.note.clone()).unwrap_or_default()));
    let done = Memo::new(move |_| row.with(|r| r.as_ref().is_some_and(|r| r.done)).to_string());
    // The action belongs to the deviation seen in the as-of month.
    let month = move || -> Result<YearMonth, FieldError> {
        state
            .tracking
            .with_untracked(|tr| tr.as_ref().and_then(|tr| tr.as_of()))
            .ok_or(FieldError::Empty)
    };
    let edit = move |note: String, done: bool| -> Result<Edit, FieldError> {
        Ok(Edit::Execution(ExecutionEdit::DeviationNote {
            node: id.get_value(),
            month: month()?,
            note,
            done,
        }))
    };
    view! {
        <tr class="deviation" data-node=id.get_value()>
            <td class="name">{cell(|r| r.name.clone())}</td>
            <td>{cell(|r| r.level.to_string())}</td>
            <td class="num">{cell(|r| r.target_to_date.clone())}</td>
            <td class="num">{cell(|r| r.actual.clone())}</td>
            <td class="num behind">{cell(|r| r.pace.clone())}</td>
            <td class="num">{cell(|r| r.shortfall.clone())}</td>
            {move || {
                let x = app.x();
                view! {
                    <td class="note-cell">
                        <Field label=x.action_note value=note
                            to_edit=move |text: String| edit(text, done.get_untracked() == "true") />
                    </td>
                    <td class="done-cell">
                        <Field label=x.action_done value=done control=Control::Check
                            to_edit=move |checked: String| edit(note.get_untracked(), checked == "true") />
                    </td>
                    <td class="respread-cell">
                        <button type="button" class="btn respread-open"
                            on:click=move |_| state.respreading.set(Some(id.get_value()))>
                            {x.respread}
                        </button>
                    </td>
                }
            }}
        </tr>
    }
}
