//! The actuals page's toolbar: month, search, the CSV buttons, and sample data for a plan
//! with nothing recorded.

use leptos::prelude::*;

use super::ActualsState;
use crate::core::edit::{Edit, ExecutionEdit, Part};
use crate::core::execution::{actuals_csv, actuals_template, parse_actuals};
use crate::core::period::YearMonth;
use crate::ui::exec::{ChoiceSelect, FileButtons};
use crate::ui::fields::is_commit_enter;
use crate::ui::library::download_csv;
use crate::ui::state::{UndoAction, What, use_app};
use crate::view::exec::actuals::first_month;
use crate::view::exec::month_choices;

/// How many months of sample actuals the sample data holds.
const SAMPLE_MONTHS: usize = 3;

/// Month, search, import / template / export, and "fill with sample data" while the plan has
/// no execution data.
#[component]
pub fn ActualsToolbar(
    /// The page's state.
    state: ActualsState,
) -> impl IntoView {
    let app = use_app();
    let months =
        Memo::new(move |_| app.with_plan(Part::Planning, |p| month_choices(&p.period.months())));
    let empty =
        Memo::new(move |_| app.with_plan(Part::Execution, |p| p.execution.nothing_recorded()));
    let search = move |ev: leptos::ev::Event| {
        state.search.set(event_target_value(&ev));
        state.page.set(0);
    };
    let on_file = move |(name, bytes): (String, Vec<u8>)| {
        let preview = app.with_plan_untracked(|p| parse_actuals(p, &bytes));
        state.preview.set(Some((name, preview.into())));
    };
    let download = move |template: bool| {
        let (x, lang) = (app.x_now(), app.lang.get_untracked());
        let what = if template {
            x.file_actuals_template
        } else {
            x.file_actuals
        };
        let (name, text) = app.with_plan_untracked(|p| {
            let csv = if template {
                actuals_template(p, lang)
            } else {
                actuals_csv(p)
            };
            (format!("{} {what}", p.name), csv)
        });
        download_csv(app, &name, &text);
    };
    let fill_sample = move |_| {
        let x = app.x_now();
        let edit = Edit::Execution(ExecutionEdit::FillSample {
            months: SAMPLE_MONTHS,
        });
        match app.apply(edit, What::Text(x.demo_done.to_string())) {
            Ok(applied) if applied.changed => {
                state.show_month(app.with_plan_untracked(first_month));
                app.notify(x.demo_done.to_string(), Some(UndoAction::LastStep));
            }
            Ok(_) => {}
            Err(e) => app.notify_error(app.t_now().edit_error(&e)),
        }
    };
    view! {
        <div class="toolbar">
            <ChoiceSelect id="actuals-month" label=move || app.x().month.to_string()
                choices=months value=move || state.month.get().to_string()
                on_change=move |value: String| {
                    if let Ok(m) = value.parse::<YearMonth>() {
                        state.show_month(m);
                    }
                } />
            <label class="field-inline">
                <span>{move || app.x().search}</span>
                <input type="search" id="actuals-search" prop:value=move || state.search.get()
                    on:change=search
                    on:keydown=move |ev| {
                        if is_commit_enter(&ev) {
                            state.search.set(event_target_value(&ev));
                            state.page.set(0);
                        }
                    } />
            </label>
            <FileButtons input_id="actuals-file" on_file=on_file
                on_template=move |_| download(true)
                on_export=move |_| download(false) />
            <Show when=move || empty.get()>
                <button type="button" class="btn" id="fill-sample" on:click=fill_sample>
                    {move || app.x().demo_data}
                </button>
            </Show>
        </div>
    }
}
