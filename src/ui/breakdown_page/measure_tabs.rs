//! The measure shown (amount or quantity), each tab with the company's total, and the
//! breakdown's CSV export.

use leptos::prelude::*;

use super::{good, use_shown};
use crate::core::edit::Part;
use crate::core::scenario::Measure;
use crate::ui::library::download_csv;
use crate::ui::state::use_app;
use crate::view::numbers::{amount, grouped};
use crate::view::people_table::{people_table_csv, people_tables};

/// One measure's tab: its name and the company's total, large.
#[component]
fn MeasureTab(
    /// The measure the tab shows.
    measure: Measure,
) -> impl IntoView {
    let app = use_app();
    let shown = use_shown();
    let total = Memo::new(move |_| {
        shown.last_good.with(|c| {
            let bd = c.as_ref().and_then(good)?;
            let total = bd.total(measure);
            Some(match measure {
                Measure::Amount => {
                    let currency = app.with_plan(Part::Planning, |p| p.currency.clone());
                    format!("{} {currency}", amount(total, app.lang.get()))
                }
                Measure::Quantity => grouped(total),
            })
        })
    });
    let key = measure.key();
    view! {
        <button type="button" class="measure-tab" role="tab" id=format!("measure-{key}")
            aria-selected=move || (app.measure.get() == measure).to_string()
            on:click=move |_| app.measure.set(measure)>
            <span class="measure-label">
                {move || match measure {
                    Measure::Amount => app.t().amount_target,
                    Measure::Quantity => app.t().quantity_target,
                }}
            </span>
            <span class="measure-total" id=format!("total-{key}")>{move || total.get()}</span>
        </button>
    }
}

/// The two measure tabs and the CSV button.
#[component]
pub fn MeasureTabs() -> impl IntoView {
    let app = use_app();
    let shown = use_shown();
    let export = move |_| {
        let csv = shown.last_good.with_untracked(|c| {
            let bd = c.as_ref().and_then(good)?;
            Some(app.with_plan_untracked(|p| {
                (
                    p.name.clone(),
                    crate::core::csv_export::breakdown_csv_of(p, bd),
                )
            }))
        });
        if let Some((name, csv)) = csv {
            download_csv(
                app,
                &format!("{name} - {}", app.t_now().view_breakdown),
                &csv,
            );
        }
    };
    // The level a manager hands out (salespeople unless chosen), one CSV file a level.
    let level = RwSignal::new(2usize);
    let export_table = move |_| {
        let t = app.t_now();
        let measure = app.measure.get_untracked();
        let csv = shown.last_good.with_untracked(|c| {
            let bd = c.as_ref().and_then(good)?;
            Some(app.with_plan_untracked(|p| {
                let table = people_tables(t, p, bd, measure).swap_remove(level.get_untracked());
                (
                    p.name.clone(),
                    table.level_name.clone(),
                    people_table_csv(t, &table),
                )
            }))
        });
        if let Some((name, level_name, csv)) = csv {
            let measure_name = match measure {
                Measure::Amount => t.amount_target,
                Measure::Quantity => t.quantity_target,
            };
            download_csv(
                app,
                &format!(
                    "{name} - {} - {level_name} - {measure_name}",
                    t.people_table_file
                ),
                &csv,
            );
        }
    };
    let level_names = move || {
        let t = app.t();
        [t.region, t.subdistrict, t.salesperson]
    };
    view! {
        <div class="measure-tabs" role="tablist">
            <MeasureTab measure=Measure::Amount />
            <MeasureTab measure=Measure::Quantity />
            <button type="button" class="btn csv-button" id="breakdown-csv" on:click=export>
                {move || app.t().export_csv}
            </button>
            <select id="people-table-level" aria-label=move || app.t().people_table_level
                on:change=move |ev| {
                    if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                        level.set(i.min(2));
                    }
                }>
                {move || {
                    level_names()
                        .into_iter()
                        .enumerate()
                        .map(|(i, name)| view! {
                            <option value=i.to_string() selected=move || level.get() == i>{name}</option>
                        })
                        .collect_view()
                }}
            </select>
            <button type="button" class="btn" id="people-table" on:click=export_table>
                {move || app.t().people_table_button}
            </button>
        </div>
    }
}
