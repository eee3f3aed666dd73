//! The measure shown (amount or quantity), each tab with the company's total, and the
//! breakdown's CSV export.

use leptos::prelude::*;

use super::{good, use_shown};
use crate::core::edit::Part;
use crate::core::scenario::Measure;
use crate::storage::files::{download_bytes, safe_file_name};
use crate::ui::library::download_csv;
use crate::ui::state::use_app;
use crate::view::numbers::{amount, grouped};
use crate::view::people_table::people_tables;
use crate::view::people_workbook::{XLSX_MIME, people_workbook};

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
    // The workbook a manager hands out, in the measure on screen.
    let export_table = move |_| {
        let t = app.t_now();
        let measure = app.measure.get_untracked();
        let workbook = shown.last_good.with_untracked(|c| {
            let bd = c.as_ref().and_then(good)?;
            Some(app.with_plan_untracked(|p| {
                let tables = people_tables(t, p, bd, measure);
                (p.name.clone(), people_workbook(t, &tables))
            }))
        });
        let Some((name, workbook)) = workbook else {
            return;
        };
        let measure_name = match measure {
            Measure::Amount => t.amount_target,
            Measure::Quantity => t.quantity_target,
        };
        let file = safe_file_name(
            &format!("{name} - {} - {measure_name}", t.people_table_file),
            "xlsx",
        );
        if let Err(e) = workbook
            .map_err(|e| e.to_string())
            .and_then(|bytes| download_bytes(&file, XLSX_MIME, &bytes))
        {
            app.notify_error(e);
        }
    };
    view! {
        <div class="measure-tabs" role="tablist">
            <MeasureTab measure=Measure::Amount />
            <MeasureTab measure=Measure::Quantity />
            <button type="button" class="btn csv-button" id="breakdown-csv" on:click=export>
                {move || app.t().export_csv}
            </button>
            <button type="button" class="btn" id="people-table" on:click=export_table>
                {move || app.t().people_table_button}
            </button>
        </div>
    }
}
