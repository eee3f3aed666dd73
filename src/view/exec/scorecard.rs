//! The distributor scorecard (客户考评): weights, a distributor's figures for a month, and the
//! ranking with each measure's score and what it adds to the composite.

use std::fmt::Write;

use rust_decimal::Decimal;

use super::{month_options, rate, select, text_input};
use crate::core::execution::{
    CustomerKind, ScoreFigures, ScoreMeasure, ScorePreview, ScoreRow, ScoreWeights,
};
use crate::core::field::{FieldError, parse_count, parse_non_negative};
use crate::core::model::Plan;
use crate::core::period::YearMonth;
use crate::i18n::exec::ExecText;
use crate::i18n::fill;
use crate::view::html::{push_element, push_escaped};

/// The figures in form order, by their JSON/CSV key.
pub const FIGURE_KEYS: [&str; 13] = [
    "contract_volume",
    "completed_volume",
    "our_sales",
    "category_sales",
    "last_month_sales",
    "last_year_sales",
    "revenue",
    "costs",
    "promotions",
    "rebates",
    "price_violations",
    "cross_territory",
    "collection_days",
];

fn money_field<'f>(f: &'f mut ScoreFigures, key: &str) -> Option<&'f mut Decimal> {
    Some(match key {
        "contract_volume" => &mut f.contract_volume,
        "completed_volume" => &mut f.completed_volume,
        "our_sales" => &mut f.our_sales,
        "category_sales" => &mut f.category_sales,
        "last_month_sales" => &mut f.last_month_sales,
        "last_year_sales" => &mut f.last_year_sales,
        "revenue" => &mut f.revenue,
        "costs" => &mut f.costs,
        "promotions" => &mut f.promotions,
        "rebates" => &mut f.rebates,
        _ => return None,
    })
}

/// A figure as typed text (empty for an unknown collection time).
pub fn figure_text(f: &ScoreFigures, key: &str) -> String {
    let mut f = f.clone();
    match key {
        "price_violations" => f.price_violations.to_string(),
        "cross_territory" => f.cross_territory.to_string(),
        "collection_days" => f
            .collection_days
            .map_or(String::new(), |d| d.normalize().to_string()),
        _ => money_field(&mut f, key).map_or(String::new(), |v| v.normalize().to_string()),
    }
}

/// Sets a figure from typed text: money and volumes zero or more, counts whole numbers,
/// collection days empty for unknown.
pub fn set_figure(f: &mut ScoreFigures, key: &str, text: &str) -> Result<(), FieldError> {
    let empty = text.trim().is_empty();
    match key {
        "price_violations" => f.price_violations = if empty { 0 } else { parse_count(text)? },
        "cross_territory" => f.cross_territory = if empty { 0 } else { parse_count(text)? },
        "collection_days" => {
            f.collection_days = if empty {
                None
            } else {
                Some(parse_non_negative(text)?)
            }
        }
        _ => {
            if let Some(v) = money_field(f, key) {
                *v = if empty {
                    Decimal::ZERO
                } else {
                    parse_non_negative(text)?
                };
            }
        }
    }
    Ok(())
}

pub fn measure_name(t: &ExecText, m: ScoreMeasure) -> &'static str {
    match m {
        ScoreMeasure::Completion => t.m_completion,
        ScoreMeasure::Share => t.m_share,
        ScoreMeasure::Growth => t.m_growth,
        ScoreMeasure::Profit => t.m_profit,
        ScoreMeasure::Price => t.m_price,
        ScoreMeasure::CrossTerritory => t.m_cross,
        ScoreMeasure::Collection => t.m_collection,
    }
}

/// Month and the seven weights.
pub fn controls_html(
    t: &ExecText,
    months: &[YearMonth],
    month: YearMonth,
    weights: &ScoreWeights,
    errors: &[(String, String, String)],
) -> String {
    let mut out = String::from("<div class=\"toolbar\">");
    let mut options = String::new();
    month_options(&mut options, months, Some(month));
    select(&mut out, t.month, "month", &options);
    super::file_buttons(&mut out, t, "score-file");
    out.push_str("</div><fieldset class=\"weights\"><legend>");
    push_escaped(&mut out, t.weights);
    out.push_str("</legend>");
    for m in ScoreMeasure::ALL {
        let error = errors.iter().find(|(k, _, _)| k == m.key());
        let value = error.map_or_else(
            || weights.get(m).normalize().to_string(),
            |(_, typed, _)| typed.clone(),
        );
        text_input(
            &mut out,
            measure_name(t, m),
            &format!("weight|{}", m.key()),
            &value,
            "narrow",
            error.map(|(_, _, e)| e.as_str()),
        );
    }
    out.push_str("</fieldset>");
    out
}

/// The figures form for one distributor and month.
pub fn figures_html(
    t: &ExecText,
    plan: &Plan,
    customer: Option<&str>,
    month: YearMonth,
    errors: &[(String, String, String)],
) -> String {
    let distributors: Vec<_> = plan
        .execution
        .customers
        .iter()
        .filter(|c| c.kind == CustomerKind::Distributor)
        .collect();
    let mut out = String::from("<section class=\"card figures\">");
    if distributors.is_empty() {
        push_element(&mut out, "p", "class=\"empty\"", t.no_distributors);
        out.push_str("</section>");
        return out;
    }
    let chosen = customer
        .and_then(|id| distributors.iter().find(|c| c.id == id))
        .unwrap_or(&distributors[0]);
    let mut options = String::new();
    for c in &distributors {
        options.push_str("<option value=\"");
        push_escaped(&mut options, &c.id);
        options.push('"');
        if c.id == chosen.id {
            options.push_str(" selected");
        }
        options.push('>');
        push_escaped(&mut options, &c.name);
        options.push_str("</option>");
    }
    push_element(
        &mut out,
        "h3",
        "",
        &fill(t.figures_of, &[&format!("{} · {month}", chosen.name)]),
    );
    out.push_str("<div class=\"toolbar\">");
    select(&mut out, t.distributor, "customer", &options);
    out.push_str("</div><div class=\"record-fields\">");
    let figures = plan
        .execution
        .scorecard
        .iter()
        .find(|e| e.customer == chosen.id && e.month == month)
        .map(|e| e.figures.clone())
        .unwrap_or_default();
    for key in FIGURE_KEYS {
        let error = errors.iter().find(|(k, _, _)| k == key);
        let value = error.map_or_else(|| figure_text(&figures, key), |(_, typed, _)| typed.clone());
        let _ = write!(out, "<span class=\"fig\" data-fig=\"{key}\">");
        text_input(
            &mut out,
            t.field_label(key),
            &format!("fig|{key}"),
            &value,
            "",
            error.map(|(_, _, e)| e.as_str()),
        );
        out.push_str("</span>");
    }
    let _ = write!(
        out,
        "</div><div class=\"actions\"><button type=\"button\" class=\"btn primary\" id=\"save-figures\" data-action=\"save\">{}</button></div></section>",
        t.save_figures
    );
    out
}

/// What a figures file would store, with every problem per line.
pub fn preview_html(t: &ExecText, plan: &Plan, file: &str, preview: &ScorePreview) -> String {
    let mut ids: Vec<&str> = preview.rows.iter().map(|r| r.customer.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    let replaced = preview
        .rows
        .iter()
        .filter(|r| {
            plan.execution
                .scorecard
                .iter()
                .any(|e| e.customer == r.customer && e.month == r.month)
        })
        .count();
    let summary = fill(
        t.score_preview_summary,
        &[
            &preview.rows.len().to_string(),
            &ids.len().to_string(),
            &preview.months().len().to_string(),
            &replaced.to_string(),
        ],
    );
    let problems: Vec<String> = preview.problems.iter().map(|p| t.problem(p)).collect();
    super::import_preview_html(
        t,
        "score-preview",
        file,
        &summary,
        &problems,
        preview.bad_lines(),
        preview.rows.len(),
    )
}

/// The ranking: rank, distributor, composite, then each measure's value → score, and why.
pub fn ranking_html(t: &ExecText, rows: &[ScoreRow]) -> String {
    let mut out = String::new();
    push_element(&mut out, "h3", "", t.ranking);
    if rows.is_empty() {
        push_element(&mut out, "p", "class=\"empty\"", t.no_figures);
        return out;
    }
    out.push_str("<table class=\"grid scorecard\"><thead><tr>");
    push_element(&mut out, "th", "", t.rank);
    push_element(&mut out, "th", "", t.distributor);
    push_element(&mut out, "th", "", t.score);
    for m in ScoreMeasure::ALL {
        push_element(&mut out, "th", "", measure_name(t, m));
    }
    push_element(&mut out, "th", "", t.reason);
    out.push_str("</tr></thead><tbody>");
    for r in rows {
        out.push_str("<tr class=\"score-row\">");
        push_element(
            &mut out,
            "td",
            "class=\"rank\"",
            &r.rank.map_or(t.none_dash.to_string(), |n| n.to_string()),
        );
        push_element(&mut out, "td", "class=\"name\"", &r.name);
        push_element(
            &mut out,
            "td",
            "class=\"num composite\"",
            &one_decimal(t, r.composite),
        );
        for m in &r.measures {
            push_element(&mut out, "td", "class=\"num\"", &one_decimal(t, m.score));
        }
        let mut why = Vec::new();
        for m in &r.measures {
            let value = match m.measure {
                ScoreMeasure::Price | ScoreMeasure::CrossTerritory | ScoreMeasure::Collection => {
                    m.value.map_or(t.none_dash.to_string(), |v| {
                        v.round_dp(1).normalize().to_string()
                    })
                }
                _ => rate(t, m.value),
            };
            why.push(format!(
                "{} {value} → {} × {} = {}",
                measure_name(t, m.measure),
                one_decimal(t, m.score),
                m.weight.normalize(),
                one_decimal(t, m.contribution)
            ));
        }
        why.push(format!(
            "{} {} · {} {}",
            t.mom,
            rate(t, r.growth_mom),
            t.yoy,
            rate(t, r.growth_yoy)
        ));
        push_element(&mut out, "td", "class=\"why\"", &why.join("; "));
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}

fn one_decimal(t: &ExecText, v: Option<Decimal>) -> String {
    v.map_or(t.none_dash.to_string(), |v| {
        v.round_dp(1).normalize().to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::execution::{add_customer, scorecard, set_score_entry};
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;
    use crate::i18n::exec::EXEC_EN;

    #[test]
    fn typed_figures_round_trip_and_bad_text_is_refused() {
        let mut f = ScoreFigures::default();
        for (key, text) in [
            ("our_sales", "1200.5"),
            ("price_violations", "2"),
            ("collection_days", "45"),
        ] {
            set_figure(&mut f, key, text).unwrap();
            assert_eq!(figure_text(&f, key), text);
        }
        set_figure(&mut f, "collection_days", " ").unwrap();
        assert_eq!(f.collection_days, None);
        assert!(set_figure(&mut f, "costs", "-3").is_err());
        assert!(set_figure(&mut f, "cross_territory", "1.5").is_err());
    }

    #[test]
    fn the_ranking_explains_each_score() {
        let mut plan = sample_plan(Lang::En);
        let sub = plan.regions[0].subdistricts[0].id.clone();
        let id = add_customer(&mut plan, CustomerKind::Distributor, "Xiang Trading", &sub).unwrap();
        let month = YearMonth::new(2027, 2).unwrap();
        let mut f = ScoreFigures::default();
        for (k, v) in [
            ("contract_volume", "100"),
            ("completed_volume", "80"),
            ("our_sales", "50"),
            ("category_sales", "200"),
        ] {
            set_figure(&mut f, k, v).unwrap();
        }
        set_score_entry(&mut plan, &id, month, f).unwrap();
        let rows = scorecard(&plan, month);
        let html = ranking_html(&EXEC_EN, &rows);
        assert!(html.contains("Completion 80% → 80 × 1"), "{html}");
        assert!(html.contains("Share of category 25% → 25"));
        let form = figures_html(&EXEC_EN, &plan, Some(&id), month, &[]);
        assert!(form.contains("value=\"80\""));
        let csv = crate::core::execution::score_csv(&plan).replace(",80,", ",eighty,");
        let preview = crate::core::execution::parse_score_figures(&plan, csv.as_bytes());
        let html = preview_html(&EXEC_EN, &plan, "feb.csv", &preview);
        assert!(
            html.contains("Line 2, completed_volume: “eighty” is not a number"),
            "{html}"
        );
    }
}
