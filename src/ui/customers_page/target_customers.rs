//! The sub-districts' named target distributors and terminals, each with its record or a way
//! to create one.

use leptos::prelude::*;

use crate::core::edit::{Edit, ExecutionEdit, Part};
use crate::ui::state::{What, use_app};
use crate::view::exec::customers::{TargetCustomer, TargetGroup, target_groups};

/// A named target customer: open its record, or create one from the name.
#[component]
fn TargetItem(
    /// The sub-district that names it (a created record is linked to it).
    #[prop(into)]
    subdistrict: String,
    /// The name and its record.
    target: TargetCustomer,
) -> impl IntoView {
    let app = use_app();
    let (kind, name) = (target.kind, StoredValue::new(target.name.clone()));
    let subdistrict = StoredValue::new(subdistrict);
    let create = move |_| {
        let x = app.x_now();
        let edit = Edit::Execution(ExecutionEdit::AddCustomer {
            kind,
            name: name.get_value(),
            subdistrict: subdistrict.get_value(),
        });
        let what = What::Text(format!(
            "{} · {}: {}",
            x.page_customers,
            x.create_record,
            name.get_value()
        ));
        match app.apply(edit, what) {
            Ok(applied) => {
                if let Some(id) = applied.created {
                    super::open_record(app, id);
                }
            }
            Err(e) => app.notify_error(app.t_now().edit_error(&e)),
        }
    };
    let action = match target.record {
        Some(id) => {
            let id = StoredValue::new(id);
            view! {
                <button type="button" class="btn link open-record"
                    on:click=move |_| super::open_record(app, id.get_value())>
                    {move || app.x().open_record}
                </button>
            }
            .into_any()
        }
        None => view! {
            <span class="muted">{move || app.x().no_record}</span>
            <button type="button" class="btn create-record" on:click=create>
                {move || app.x().create_record}
            </button>
        }
        .into_any(),
    };
    view! {
        <li class="target-customer">
            <span class="tag">{target.kind_label}</span>
            <span class="name">{target.name}</span>
            {action}
        </li>
    }
}

/// One sub-district's targets.
#[component]
fn TargetGroupView(
    /// The sub-district's title and targets.
    group: TargetGroup,
) -> impl IntoView {
    let subdistrict = group.subdistrict;
    view! {
        <div class="target-group">
            <h4>{group.title}</h4>
            <ul>
                {group
                    .targets
                    .into_iter()
                    .map(|target| view! { <TargetItem subdistrict=subdistrict.clone() target=target /> })
                    .collect_view()}
            </ul>
        </div>
    }
}

/// Every sub-district that names target customers.
#[component]
pub fn TargetCustomers() -> impl IntoView {
    let app = use_app();
    let groups = Memo::new(move |_| {
        app.with_plan(Part::Execution, |_| ());
        let x = app.x();
        app.with_plan(Part::Planning, |p| target_groups(x, p))
    });
    view! {
        <h3 class="targets-title">{move || app.x().targets_title}</h3>
        <section class="targets">
            <For each=move || groups.get() key=|group| group.clone() let:group>
                <TargetGroupView group=group />
            </For>
        </section>
    }
}
