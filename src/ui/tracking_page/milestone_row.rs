//! One overdue milestone: where, what, how late, and the corrective action.

use leptos::prelude::*;

use crate::core::edit::{Edit, SubdistrictField};
use crate::core::field::FieldError;
use crate::ui::fields::{Control, Field};
use crate::ui::state::use_app;
use crate::view::exec::tracking::MilestoneDeviationRow;

/// A row of the overdue milestones, with the action to write and the tick that marks it done.
#[component]
pub fn MilestoneRowView(
    /// The row (`None` for the moment the row leaves the list).
    #[prop(into)]
    row: Signal<Option<MilestoneDeviationRow>>,
    /// The day a tick records as the day it was done.
    done_on: chrono::NaiveDate,
) -> impl IntoView {
    let app = use_app();
    let (sub, index, key) = row.with_untracked(|r| {
        r.as_ref()
            .map(|r| (r.subdistrict.clone(), r.index, r.key.clone()))
            .unwrap_or_default()
    });
    let sub = StoredValue::new(sub);
    let cell =
        move |f: fn(&MilestoneDeviationRow) -> String| move || row.with(|r| r.as_ref().map(f));
    let note =
        Memo::new(move |_| row.with(|r| r.as_ref().map(|r| r.note.clone()).unwrap_or_default()));
    let edit = move |field: SubdistrictField| -> Result<Edit, FieldError> {
        Ok(Edit::Subdistrict {
            subdistrict: sub.get_value(),
            field,
        })
    };
    view! {
        <tr class="deviation milestone-overdue" data-milestone=key>
            <td class="name">{cell(|r| r.place.clone())}</td>
            <td>{cell(|r| r.title.clone())}</td>
            <td class="num">{cell(|r| r.due.clone())}</td>
            <td class="num behind">{cell(|r| r.overdue.clone())}</td>
            {move || {
                let x = app.x();
                view! {
                    <td class="note-cell">
                        <Field label=x.action_note value=note
                            to_edit=move |text: String| edit(SubdistrictField::MilestoneNote(index, text)) />
                    </td>
                    <td class="done-cell">
                        <Field label=x.action_done value=Signal::stored("false".to_string())
                            control=Control::Check
                            to_edit=move |checked: String| edit(if checked == "true" {
                                SubdistrictField::MilestoneDoneOn(index, Some(done_on))
                            } else {
                                SubdistrictField::MilestoneDone(index, false)
                            }) />
                    </td>
                }
            }}
        </tr>
    }
}
