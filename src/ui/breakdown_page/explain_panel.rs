//! "Why this number" for the selected row (the company when none is), with the row's lock.

use leptos::prelude::*;

use super::good;
use super::lock_box::LockBox;
use crate::core::breakdown::explain_in;
use crate::core::edit::Part;
use crate::core::lang::Lang;
use crate::core::scenario::Measure;
use crate::ui::state::use_app;
use crate::view::explain::{ExplainTable, ExplainView, explain_view};

/// What an explanation was made for: the row, the measure and the language.
type Subject = (Option<String>, Measure, Lang);

/// One of the explanation's small tables.
#[component]
fn ExplainTableView(
    /// The table's rows and headings.
    table: ExplainTable,
    /// Its CSS class.
    class: &'static str,
) -> impl IntoView {
    view! {
        <h4>{table.title}</h4>
        <table class=class>
            <thead>
                <tr>
                    <th></th>
                    {table.columns.into_iter().map(|c| view! { <th>{c}</th> }).collect_view()}
                </tr>
            </thead>
            <tbody>
                {table
                    .rows
                    .into_iter()
                    .map(|r| {
                        view! {
                            <tr>
                                <th>{r.heading}</th>
                                {r.cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// The explanation of the selected row, beside the table.
#[component]
pub fn ExplainPanel() -> impl IntoView {
    let app = use_app();
    // While the inputs are in error, the explanation of the last good numbers stays for the row
    // it was made for.
    let why = Memo::new(move |prev: Option<&Option<(Subject, ExplainView)>>| {
        let subject: Subject = (app.selected.get(), app.measure.get(), app.lang.get());
        let sid = app.scenario.get();
        let t = app.t();
        app.breakdown.with(|c| {
            let c = c.as_ref()?;
            let Some(bd) = good(c) else {
                return prev.cloned().flatten().filter(|(s, _)| *s == subject);
            };
            app.with_plan(Part::Planning, |p| {
                let s = p.scenario(&sid)?;
                let id = subject.0.clone().unwrap_or_else(|| p.id.clone());
                let x = explain_in(bd, p, s, &id).ok()?;
                let view = explain_view(t, &x, subject.1);
                Some((subject, view))
            })
        })
    });
    let body = move || {
        match why.get() {
        Some((_, v)) => view! {
            <h3>{v.title}</h3>
            <dl class="explain-list">
                {v.facts
                    .into_iter()
                    .map(|f| view! { <dt>{f.label}</dt> <dd>{f.value}</dd> })
                    .collect_view()}
            </dl>
            {v.factors.map(|table| view! { <ExplainTableView table=table class="explain-factors" /> })}
            <ExplainTableView table=v.months class="explain-months" />
        }
        .into_any(),
        None => view! { <p class="note">{app.t().select_to_explain}</p> }.into_any(),
    }
    };
    view! {
        <aside class="explain-host" aria-labelledby="why-title">
            <div class="card explain-panel">
                <h2 id="why-title">{move || app.t().why_title}</h2>
                <LockBox />
                <div class="explain-body" id="explain-body">{body}</div>
            </div>
        </aside>
    }
}
