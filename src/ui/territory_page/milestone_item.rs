//! One milestone of a sub-district's schedule: date, title, done, and a button to remove it.

use leptos::prelude::*;

use super::node_edits::{self, checked};
use crate::core::edit::{Edit, SubdistrictField};
use crate::core::field::parse_date;
use crate::i18n::fill;
use crate::ui::fields::{Control, Field};
use crate::ui::state::{What, today, use_app};
use crate::view::detail_forms::MilestoneRow;

/// A milestone's row.
#[component]
pub fn MilestoneItem(
    /// The sub-district's id.
    subdistrict: String,
    /// The milestone's position in the schedule.
    index: usize,
    /// The milestone at that position.
    #[prop(into)]
    milestone: Signal<Option<MilestoneRow>>,
) -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let value = move |f: fn(&MilestoneRow) -> String| {
        move || milestone.with(|m| m.as_ref().map(f).unwrap_or_default())
    };
    let id = StoredValue::new(subdistrict.clone());
    let day = today();
    let overdue =
        Memo::new(move |_| milestone.with(|m| m.as_ref().and_then(|m| m.overdue_days(day))));
    let remove = move |_| {
        let t = app.t_now();
        let title = milestone.with_untracked(|m| m.as_ref().map(|m| m.title.clone()));
        let edit = Edit::Subdistrict {
            subdistrict: id.get_value(),
            field: SubdistrictField::RemoveMilestone(index),
        };
        let what = What::Text(format!("{} “{}”", t.remove, title.unwrap_or_default()));
        if let Err(e) = app.apply(edit, what) {
            app.notify_error(t.edit_error(&e));
        }
    };
    view! {
        <li class="milestone" class:overdue=move || overdue.get().is_some()>
            <Field label=t.milestone_date control=Control::Date value=value(|m| m.date.clone())
                to_edit=node_edits::subdistrict(&subdistrict, move |v| {
                    Ok(SubdistrictField::MilestoneDate(index, parse_date(v)?))
                }) />
            <Field label=t.milestone_title value=value(|m| m.title.clone())
                to_edit=node_edits::subdistrict(&subdistrict, move |v| {
                    Ok(SubdistrictField::MilestoneTitle(index, v.to_string()))
                }) />
            <Field label=t.milestone_done control=Control::Check
                value=value(|m| m.done.to_string())
                to_edit=node_edits::subdistrict(&subdistrict, move |v| {
                    Ok(SubdistrictField::MilestoneDone(index, checked(v)))
                }) />
            <Field label=app.x_now().milestone_done_on control=Control::Date
                value=value(|m| m.done_on.clone())
                to_edit=node_edits::subdistrict(&subdistrict, move |v| {
                    let on = if v.trim().is_empty() { None } else { Some(parse_date(v)?) };
                    Ok(SubdistrictField::MilestoneDoneOn(index, on))
                }) />
            <button type="button" class="btn subtle" title=t.remove aria-label=t.remove
                on:click=remove>{t.remove}</button>
            {move || overdue.get().map(|days| {
                let x = app.x();
                let sub = id.get_value();
                view! {
                    <span class="overdue-badge">
                        {format!("{} {}", x.milestone_overdue, fill(x.days_overdue, &[&days.to_string()]))}
                    </span>
                    <Field label=x.action_note value=value(|m| m.note.clone())
                        to_edit=node_edits::subdistrict(&sub, move |v| {
                            Ok(SubdistrictField::MilestoneNote(index, v.to_string()))
                        }) />
                }
            })}
        </li>
    }
}
