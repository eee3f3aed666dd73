//! A sub-district's development and promotion schedule (市场开发和产品推广进度): dated
//! milestones, each done or not, and a button to add one.

use leptos::prelude::*;

use super::milestone_item::MilestoneItem;
use crate::core::edit::{Edit, SubdistrictField};
use crate::i18n::fill;
use crate::ui::state::{What, use_app};
use crate::view::detail_forms::MilestoneRow;

/// The schedule of one sub-district.
#[component]
pub fn MilestoneList(
    /// The sub-district's id.
    subdistrict: String,
    /// Its milestones, in order.
    #[prop(into)]
    milestones: Signal<Vec<MilestoneRow>>,
) -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let count = Memo::new(move |_| milestones.with(Vec::len));
    let id = StoredValue::new(subdistrict);
    let add = move |_| {
        let t = app.t_now();
        let edit = Edit::Subdistrict {
            subdistrict: id.get_value(),
            field: SubdistrictField::AddMilestone(t.new_milestone_title.to_string()),
        };
        let what = What::Text(fill(t.log_added, &[t.new_milestone_title]));
        if let Err(e) = app.apply(edit, what) {
            app.notify_error(t.edit_error(&e));
        }
    };
    view! {
        <h3>{t.milestones}</h3>
        // Milestones are edited by position: row `i` shows whatever milestone is `i`-th now.
        <ol class="milestones">
            <For each=move || 0..count.get() key=|i| *i let:index>
                <MilestoneItem subdistrict=id.get_value() index=index
                    milestone=move || milestones.with(|m| m.get(index).cloned()) />
            </For>
        </ol>
        <button type="button" class="btn" id="add-milestone" on:click=add>
            "+ " {t.add_milestone}
        </button>
    }
}
