//! The distributor scorecard: weights, each distributor's figures for a month, the ranking.

use leptos::prelude::*;

use super::state::use_exec;
use web_sys::wasm_bindgen::JsCast;

use crate::core::csv_export::with_bom;
use crate::core::execution::{
    ScoreFigures, ScoreMeasure, ScorePreview, apply_score_figures, latest_actual_month,
    parse_score_figures, score_csv, score_months, score_template, scorecard, set_score_entry,
};
use crate::core::field::parse_non_negative;
use crate::core::period::YearMonth;
use crate::i18n::{catalogue, fill};
use crate::storage::files::{download, read_bytes, safe_file_name};
use crate::ui::html_view::{Gesture, html_view, value_of};
use crate::view::exec::scorecard::{
    FIGURE_KEYS, controls_html, figures_html, preview_html, ranking_html, set_figure,
};

type Errors = Vec<(String, String, String)>;

#[component]
pub fn ScorecardPage() -> impl IntoView {
    let exec = use_exec();
    let t = exec.t();
    let lang = exec.lang.get_untracked();
    let start = exec.plan.with_untracked(|p| {
        score_months(p)
            .last()
            .copied()
            .or_else(|| latest_actual_month(p))
            .or_else(|| p.period.months().first().copied())
            .unwrap_or(YearMonth {
                year: 2000,
                month: 1,
            })
    });
    let month = RwSignal::new(start);
    let customer = RwSignal::new(None::<String>);
    let weight_errors = RwSignal::new(Errors::new());
    let figure_errors = RwSignal::new(Errors::new());
    let preview = RwSignal::new(None::<(String, ScorePreview)>);
    let render = move || {
        let m = month.get();
        let c = customer.get();
        exec.plan.with(|plan| {
            let months = plan.period.months();
            let mut html = weight_errors
                .with(|e| controls_html(t, &months, m, &plan.execution.settings.score_weights, e));
            preview.with(|p| {
                if let Some((name, p)) = p {
                    html.push_str(&preview_html(t, plan, name, p));
                }
            });
            figure_errors.with(|e| html.push_str(&figures_html(t, plan, c.as_deref(), m, e)));
            html.push_str(&ranking_html(t, &scorecard(plan, m)));
            html
        })
    };
    let on_action = move |action: &str, gesture: Gesture, el: &web_sys::Element| {
        let (kind, arg) = action.split_once('|').unwrap_or((action, ""));
        match (kind, gesture) {
            ("month", Gesture::Change) => {
                if let Ok(m) = value_of(el).parse() {
                    figure_errors.set(Vec::new());
                    month.set(m);
                }
            }
            ("customer", Gesture::Change) => {
                figure_errors.set(Vec::new());
                customer.set(Some(value_of(el)));
            }
            ("weight", Gesture::Change | Gesture::Enter) => {
                let Some(m) = ScoreMeasure::ALL.into_iter().find(|m| m.key() == arg) else {
                    return;
                };
                let text = value_of(el);
                let result = parse_non_negative(&text);
                weight_errors.update(|errors| {
                    errors.retain(|(k, _, _)| k != arg);
                    if let Err(e) = &result {
                        errors.push((arg.into(), text, catalogue(lang).field_error(e)));
                    }
                });
                if let Ok(w) = result {
                    exec.plan
                        .update(|p| p.execution.settings.score_weights.set(m, w));
                }
            }
            ("save", Gesture::Click) | ("fig", Gesture::Enter) => {
                save_figures(month, customer, figure_errors)
            }
            ("import", Gesture::Change) => {
                let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() else {
                    return;
                };
                let Some(file) = input.files().and_then(|f| f.get(0)) else {
                    return;
                };
                input.set_value("");
                leptos::task::spawn_local(async move {
                    let name = file.name();
                    match read_bytes(&file).await {
                        Ok(bytes) => {
                            let p = exec
                                .plan
                                .with_untracked(|plan| parse_score_figures(plan, &bytes));
                            preview.set(Some((name, p)));
                        }
                        Err(reason) => {
                            exec.notify(format!("{} {name}: {reason}", t.file_unreadable), None)
                        }
                    }
                });
            }
            (kind @ ("apply" | "apply-skip"), Gesture::Click) => {
                let Some((_, p)) = preview.get_untracked() else {
                    return;
                };
                let before = exec.plan.get_untracked();
                let mut outcome = None;
                exec.plan.maybe_update(|plan| {
                    let r = apply_score_figures(plan, &p, kind == "apply-skip");
                    let changed = r.is_ok();
                    outcome = Some(r);
                    changed
                });
                match outcome {
                    Some(Ok(summary)) => {
                        preview.set(None);
                        if let Some(m) = summary.months.last() {
                            month.set(*m);
                        }
                        let text = fill(
                            t.imported,
                            &[
                                &summary.rows.to_string(),
                                &summary.months.len().to_string(),
                                &summary.replaced.to_string(),
                            ],
                        );
                        exec.notify(text, Some(before));
                    }
                    Some(Err(e)) => exec.notify(t.apply_error(&e), None),
                    None => {}
                }
            }
            ("cancel", _) => preview.set(None),
            ("template", _) => {
                let csv = exec.plan.with_untracked(score_template);
                let _ = download(
                    "scorecard-template.csv",
                    "text/csv;charset=utf-8",
                    &with_bom(&csv),
                );
            }
            ("export", _) => {
                let (csv, name) = exec
                    .plan
                    .with_untracked(|p| (score_csv(p), format!("{} scorecard", p.name)));
                let _ = download(
                    &safe_file_name(&name, "csv"),
                    "text/csv;charset=utf-8",
                    &with_bom(&csv),
                );
            }
            _ => {}
        }
    };
    view! {
        <div class="exec-page scorecard-page">
            <h2>{t.page_scorecard}</h2>
            <p class="intro">{t.scorecard_intro}</p>
            {html_view("card", "scorecard", render, on_action)}
        </div>
    }
}

/// Reads every figure input; stores the month's figures when all are valid, else marks the
/// refused ones and stores nothing.
fn save_figures(
    month: RwSignal<YearMonth>,
    customer: RwSignal<Option<String>>,
    errors: RwSignal<Errors>,
) {
    let exec = use_exec();
    let t = exec.t();
    let lang = exec.lang.get_untracked();
    let id = super::input_value("select[data-action=\"customer\"]");
    if id.is_empty() {
        return;
    }
    let mut figures = ScoreFigures::default();
    let mut refused = Errors::new();
    for key in FIGURE_KEYS {
        let text = super::input_value(&format!("input[data-action=\"fig|{key}\"]"));
        if let Err(e) = set_figure(&mut figures, key, &text) {
            let message = format!(
                "{}: {}",
                t.field_label(key),
                catalogue(lang).field_error(&e)
            );
            refused.push((key.to_string(), text, message));
        }
    }
    if refused.is_empty() {
        match exec.edit(|p| set_score_entry(p, &id, month.get_untracked(), figures)) {
            Ok(()) => {
                customer.set(Some(id));
                exec.notify(t.figures_saved.to_string(), None);
            }
            Err(message) => refused.push((String::new(), String::new(), message.clone())),
        }
    }
    errors.set(refused);
}
