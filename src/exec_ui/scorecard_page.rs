//! The distributor scorecard: weights, each distributor's figures for a month, the ranking.

use leptos::prelude::*;

use super::file_import::{download_csv, download_problems, read_picked, store_import};
use super::state::use_exec;
use crate::core::execution::{
    ScoreFigures, ScoreMeasure, ScorePreview, apply_score_figures, latest_actual_month,
    parse_score_figures, score_csv, score_months, score_template, scorecard, set_score_entry,
};
use crate::core::field::parse_non_negative;
use crate::core::period::YearMonth;
use crate::i18n::fill;
use crate::ui::html_view::{Gesture, html_view, value_of};
use crate::view::exec::scorecard::{
    FIGURE_KEYS, controls_html, figures_html, measure_name, preview_html, ranking_html, set_figure,
};

type Errors = Vec<(String, String, String)>;

#[component]
pub fn ScorecardPage() -> impl IntoView {
    let exec = use_exec();
    let t = exec.t();
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
                        errors.push((arg.into(), text.clone(), t.field_error(e)));
                    }
                });
                if let Ok(w) = result {
                    let what = format!("{} · {}: {text}", t.weights, measure_name(t, m));
                    exec.change(what, &mut |p| {
                        p.execution.settings.score_weights.set(m, w);
                        true
                    });
                }
            }
            ("save", Gesture::Click) | ("fig", Gesture::Enter) => {
                save_figures(month, customer, figure_errors)
            }
            ("import", Gesture::Change) => read_picked(
                el,
                Box::new(move |name, bytes| {
                    let p = exec
                        .plan
                        .with_untracked(|plan| parse_score_figures(plan, &bytes));
                    preview.set(Some((name, p)));
                }),
            ),
            (kind @ ("apply" | "apply-skip"), Gesture::Click) => {
                let Some((file, p)) = preview.get_untracked() else {
                    return;
                };
                let stored = store_import(&file, p.rows.len(), &mut |plan| {
                    apply_score_figures(plan, &p, kind == "apply-skip")
                        .map(|s| (s.rows, s.months, s.replaced))
                });
                if let Some(months) = stored {
                    preview.set(None);
                    if let Some(m) = months.last() {
                        month.set(*m);
                    }
                }
            }
            ("cancel", _) => preview.set(None),
            ("problems", _) => preview.with_untracked(|p| {
                if let Some((file, p)) = p {
                    download_problems(file, p.problems.iter().map(|x| t.problem(x)).collect());
                }
            }),
            ("template", _) => download_csv(
                "scorecard template",
                &exec.plan.with_untracked(score_template),
            ),
            ("export", _) => download_csv("scorecard", &exec.plan.with_untracked(score_csv)),
            _ => {}
        }
    };
    super::page_frame(
        t.page_scorecard,
        t.scorecard_intro,
        html_view("card", "scorecard", render, on_action),
    )
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
    let id = super::input_value("select[data-action=\"customer\"]");
    if id.is_empty() {
        return;
    }
    let mut figures = ScoreFigures::default();
    let mut refused = Errors::new();
    for key in FIGURE_KEYS {
        let text = super::input_value(&format!("input[data-action=\"fig|{key}\"]"));
        if let Err(e) = set_figure(&mut figures, key, &text) {
            let message = format!("{}: {}", t.field_label(key), t.field_error(&e));
            refused.push((key.to_string(), text, message));
        }
    }
    if refused.is_empty() {
        let name = super::customers_page::customer_name(&id);
        let what = fill(
            t.figures_of,
            &[&format!("{name} · {}", month.get_untracked())],
        );
        match exec.edit(what, &mut |p| {
            set_score_entry(p, &id, month.get_untracked(), figures.clone())
        }) {
            Ok(()) => {
                customer.set(Some(id));
                exec.notify(t.figures_saved.to_string(), false);
            }
            Err(message) => refused.push((String::new(), String::new(), message.clone())),
        }
    }
    errors.set(refused);
}
