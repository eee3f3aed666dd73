//! Records not visited for more than N days (N is a setting of the plan), longest first.

use leptos::prelude::*;

use crate::core::edit::{Edit, ExecutionEdit, Part};
use crate::core::execution::CustomerField;
use crate::core::field::parse_count;
use crate::i18n::fill;
use crate::ui::exec::MoreRowsLine;
use crate::ui::fields::{Control, Field};
use crate::ui::state::{App, What, today, use_app};
use crate::view::exec::FIRST_ROWS;
use crate::view::exec::customers::{ArchiveFilter, StaleRow, stale_by_owner, stale_rows};

/// Records a visit today to record `id`.
fn visit_today(app: App, id: &str) {
    let day = today();
    let old = app.with_plan_untracked(|p| {
        p.execution
            .customer(id)
            .map(|c| c.get(CustomerField::LastVisit))
            .unwrap_or_default()
    });
    let edit = Edit::Execution(ExecutionEdit::Visit {
        customer: id.to_string(),
        date: day,
    });
    if let Err(e) = app.apply(
        edit,
        What::field(app.x_now().last_visit, old, day.to_string()),
    ) {
        app.notify_error(app.t_now().edit_error(&e));
    }
}

/// A record on the stale list: visit it today, or open it.
#[component]
fn StaleListRow(
    /// The record as the list shows it.
    row: StaleRow,
) -> impl IntoView {
    let app = use_app();
    let id = StoredValue::new(row.id);
    view! {
        <tr class="stale-row">
            <td class="name">{row.name}</td>
            <td>{row.kind}</td>
            <td>{row.subdistrict}</td>
            <td class="owner">{row.owner}</td>
            <td>{row.since}</td>
            <td>
                <button type="button" class="btn"
                    on:click=move |_| visit_today(app, &id.get_value())>
                    {move || app.x().visited_today}
                </button>
            </td>
            <td>
                <button type="button" class="btn"
                    on:click=move |_| super::open_record(app, id.get_value())>
                    {move || app.x().open_record}
                </button>
            </td>
        </tr>
    }
}

/// The stale list with its number of days (the hundred longest unvisited until all are asked
/// for).
#[component]
pub fn StaleCustomers(
    /// The salesperson the list is narrowed to (and picked from the counts per person).
    filter: RwSignal<ArchiveFilter>,
) -> impl IntoView {
    let app = use_app();
    let days =
        Memo::new(move |_| app.with_plan(Part::Execution, |p| p.execution.settings.stale_days));
    let rows = Memo::new(move |_| {
        app.with_plan(Part::Planning, |_| ());
        let x = app.x();
        let owner = filter.with(|f| f.owner.clone());
        app.with_plan(Part::Execution, |p| {
            stale_rows(x, p, today(), days.get(), owner.as_deref())
        })
    });
    let per_owner = Memo::new(move |_| {
        app.with_plan(Part::Planning, |_| ());
        let x = app.x();
        app.with_plan(Part::Execution, |p| {
            stale_by_owner(x, p, today(), days.get())
        })
    });
    let show_all = RwSignal::new(false);
    let shown = Memo::new(move |_| {
        let limit = if show_all.get() {
            usize::MAX
        } else {
            FIRST_ROWS
        };
        rows.with(|r| r.iter().take(limit).cloned().collect::<Vec<_>>())
    });
    let to_edit =
        |text: String| parse_count(&text).map(|d| Edit::Execution(ExecutionEdit::StaleDays(d)));
    view! {
        <section class="stale">
            <h3 id="stale-title">
                {move || fill(app.x().stale_title, &[&days.get().to_string()])}
            </h3>
            <div class="toolbar">
                {move || view! {
                    <Field label=app.x().stale_days value=Signal::derive(move || days.get().to_string())
                        to_edit=to_edit control=Control::Number id="stale-days" />
                }}
            </div>
            <Show when=move || per_owner.with(|o| !o.is_empty())>
                <h4 id="stale-by-owner">{move || app.x().stale_by_owner}</h4>
                <ul class="stale-owners">
                    <For each=move || per_owner.get() key=|o| o.clone() let:o>
                        {
                            let owner = StoredValue::new(o.owner.clone());
                            let pressed = move || {
                                filter.with(|f| f.owner.as_deref() == Some(owner.get_value().as_str()))
                            };
                            view! {
                                <li>
                                    <button type="button" class="btn stale-owner" class:pressed=pressed
                                        aria-pressed=move || pressed().to_string()
                                        on:click=move |_| filter.update(|f| {
                                            f.owner = (!pressed()).then(|| owner.get_value());
                                        })>
                                        {o.name}" "<span class="step-count">{o.count}</span>
                                    </button>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </Show>
            <Show when=move || rows.with(|r| !r.is_empty())
                fallback=move || view! { <p class="empty">{move || app.x().stale_none}</p> }>
                <table class="grid stale-list">
                    <tbody>
                        <For each=move || shown.get() key=|row| row.clone() let:row>
                            <StaleListRow row=row />
                        </For>
                    </tbody>
                </table>
                <MoreRowsLine shown=Signal::derive(move || shown.with(Vec::len))
                    total=Signal::derive(move || rows.with(Vec::len))
                    on_show_all=move |()| show_all.set(true) />
            </Show>
        </section>
    }
}
