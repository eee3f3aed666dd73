//! The distributor scorecard (客户考评): weights, a distributor's figures for a month, and the
//! ranking with each measure's score and what it adds to the composite.

use rust_decimal::Decimal;

use super::{ImportPreview, import_preview, rate};
use crate::core::execution::{
    CustomerKind, ScoreBasis, ScoreFigures, ScoreMeasure, ScorePreview, ScoreRow, ScoreScales,
    ScoreWeights, latest_actual_month, score_months,
};
use crate::core::field::{FieldError, parse_count, parse_non_negative};
use crate::core::model::Plan;
use crate::core::period::YearMonth;
use crate::i18n::exec::ExecText;
use crate::i18n::fill;

/// The figures in form order, by their JSON/CSV key.
pub const FIGURE_KEYS: [&str; 17] = [
    "contract_volume",
    "completed_volume",
    "our_volume",
    "category_volume",
    "last_month_volume",
    "last_year_volume",
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
        "our_volume" => &mut f.our_volume,
        "category_volume" => &mut f.category_volume,
        "last_month_volume" => &mut f.last_month_volume,
        "last_year_volume" => &mut f.last_year_volume,
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

/// The figures typed in the form (by key), or each refused one with a message naming it.
pub fn parse_figures(
    t: &ExecText,
    typed: &[(&'static str, String)],
) -> Result<ScoreFigures, Vec<(&'static str, String)>> {
    let mut figures = ScoreFigures::default();
    let refused: Vec<(&'static str, String)> = typed
        .iter()
        .filter_map(|(key, text)| {
            set_figure(&mut figures, key, text).err().map(|e| {
                let message = format!("{}: {}", t.field_label(key), t.field_error(&e));
                (*key, message)
            })
        })
        .collect();
    if refused.is_empty() {
        Ok(figures)
    } else {
        Err(refused)
    }
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

/// A measure's weight as its field shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct WeightField {
    pub measure: ScoreMeasure,
    pub label: &'static str,
    pub value: String,
}

/// The seven weights, in the ranking's column order.
pub fn weight_fields(t: &ExecText, weights: &ScoreWeights) -> Vec<WeightField> {
    ScoreMeasure::ALL
        .map(|measure| WeightField {
            measure,
            label: measure_name(t, measure),
            value: weights.get(measure).normalize().to_string(),
        })
        .to_vec()
}

/// A measure's scale as its two fields show it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ScaleField {
    pub measure: ScoreMeasure,
    pub label: &'static str,
    /// `%`, `times` or `days`.
    pub unit: &'static str,
    pub zero: String,
    pub full: String,
}

/// The seven scales, in the ranking's column order.
pub fn scale_fields(t: &ExecText, scales: &ScoreScales) -> Vec<ScaleField> {
    ScoreMeasure::ALL
        .map(|measure| {
            let s = scales.get(measure);
            ScaleField {
                measure,
                label: measure_name(t, measure),
                unit: match measure {
                    ScoreMeasure::Collection => t.scale_unit_days,
                    ScoreMeasure::Price | ScoreMeasure::CrossTerritory => t.scale_unit_count,
                    _ => "%",
                },
                zero: s.zero.normalize().to_string(),
                full: s.full.normalize().to_string(),
            }
        })
        .to_vec()
}

/// The month the scorecard opens on: the latest with figures, else the latest with actuals,
/// else the plan's first.
pub fn start_month(plan: &Plan) -> YearMonth {
    score_months(plan)
        .last()
        .copied()
        .or_else(|| latest_actual_month(plan))
        .unwrap_or(plan.period.start)
}

/// A figure of the form with the value stored for the month.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FigureInput {
    pub key: &'static str,
    pub label: &'static str,
    pub value: String,
}

/// The figures form for one distributor and month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FiguresForm {
    /// The distributor whose figures are shown (the chosen one, else the first).
    pub customer: String,
    /// "Figures for Name · 2027-02".
    pub title: String,
    /// Every distributor of the archive as (id, name).
    pub distributors: Vec<(String, String)>,
    pub figures: Vec<FigureInput>,
}

/// The form for `customer`'s figures in `month`; `None` without a distributor in the archive.
pub fn figures_form(
    t: &ExecText,
    plan: &Plan,
    customer: Option<&str>,
    month: YearMonth,
) -> Option<FiguresForm> {
    let distributors: Vec<_> = plan
        .execution
        .customers
        .iter()
        .filter(|c| c.kind == CustomerKind::Distributor)
        .collect();
    let chosen = customer
        .and_then(|id| distributors.iter().find(|c| c.id == id))
        .or(distributors.first())?;
    let stored = plan
        .execution
        .scorecard
        .iter()
        .find(|e| e.customer == chosen.id && e.month == month)
        .map(|e| e.figures.clone())
        .unwrap_or_default();
    Some(FiguresForm {
        customer: chosen.id.clone(),
        title: fill(t.figures_of, &[&format!("{} · {month}", chosen.name)]),
        distributors: distributors
            .iter()
            .map(|c| (c.id.clone(), c.name.clone()))
            .collect(),
        figures: FIGURE_KEYS
            .map(|key| FigureInput {
                key,
                label: t.field_label(key),
                value: figure_text(&stored, key),
            })
            .to_vec(),
    })
}

/// A distributor on the ranking, every number formatted.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RankingRow {
    pub customer: String,
    /// `1`, `2`…, or "—" when nothing could be scored.
    pub rank: String,
    pub name: String,
    pub composite: String,
    /// Each measure's score, in [`ScoreMeasure::ALL`] order.
    pub scores: Vec<String>,
    /// Why: each measure's value → score × weight = contribution, then the growth rates.
    pub reasons: Vec<String>,
}

/// The ranking's column headings after rank, distributor and score: the measures, then "why".
pub fn ranking_headings(t: &ExecText) -> Vec<&'static str> {
    ScoreMeasure::ALL
        .map(|m| measure_name(t, m))
        .into_iter()
        .chain([t.reason])
        .collect()
}

/// The names of the distributors scored on amount although the plan asks for volume (no
/// volume typed for their month), said as a warning with the way to change it; `None` when
/// every distributor is scored as the plan asks.
pub fn amount_fallback_note(t: &ExecText, rows: &[ScoreRow], chosen: ScoreBasis) -> Option<String> {
    let names: Vec<&str> = rows
        .iter()
        .filter(|r| r.on != chosen)
        .map(|r| r.name.as_str())
        .collect();
    (!names.is_empty()).then(|| fill(t.score_no_volume, &[&names.join(t.list_separator)]))
}

/// The ranking of a month's scorecard, explained; `chosen` is the plan's share and growth
/// basis (a row scored on another says so).
pub fn ranking(t: &ExecText, rows: &[ScoreRow], chosen: ScoreBasis) -> Vec<RankingRow> {
    rows.iter()
        .map(|r| {
            // The share of the composite each weight has: its weight over the weights of the
            // measures that could be scored ("85 × 1/7"), which is what the contribution uses.
            let scored: Decimal = r
                .measures
                .iter()
                .filter(|m| m.score.is_some())
                .map(|m| m.weight)
                .sum();
            let mut reasons: Vec<String> = r
                .measures
                .iter()
                .map(|m| {
                    let value = match m.measure {
                        ScoreMeasure::Price
                        | ScoreMeasure::CrossTerritory
                        | ScoreMeasure::Collection => one_decimal(t, m.value),
                        _ => rate(t, m.value),
                    };
                    let name = measure_name(t, m.measure);
                    if m.score.is_none() {
                        // Not scored, so not counted: no weight to show.
                        return format!("{name} {value} → {}", t.none_dash);
                    }
                    let weight = if m.weight.is_zero() {
                        "0".to_string()
                    } else {
                        format!("{}/{}", m.weight.normalize(), scored.normalize())
                    };
                    format!(
                        "{name} {value} → {} × {weight} = {}",
                        one_decimal(t, m.score),
                        one_decimal(t, m.contribution)
                    )
                })
                .collect();
            reasons.push(format!(
                "{} {} · {} {}",
                t.mom,
                rate(t, r.growth_mom),
                t.yoy,
                rate(t, r.growth_yoy)
            ));
            if r.on != chosen {
                reasons.push(t.score_row_on_amount.to_string());
            }
            RankingRow {
                customer: r.customer.clone(),
                rank: r
                    .rank
                    .map_or_else(|| t.none_dash.to_string(), |n| n.to_string()),
                name: r.name.clone(),
                composite: one_decimal(t, r.composite),
                scores: r.measures.iter().map(|m| one_decimal(t, m.score)).collect(),
                reasons,
            }
        })
        .collect()
}

fn one_decimal(t: &ExecText, v: Option<Decimal>) -> String {
    v.map_or(t.none_dash.to_string(), |v| {
        // Half away from zero, as people round by hand (6.25 → 6.3).
        v.round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
            .normalize()
            .to_string()
    })
}

/// What a figures file would store (rows, distributors, months, and how many replace figures
/// already stored), with every problem per line, and the choices it offers.
pub fn preview(t: &ExecText, plan: &Plan, file: &str, preview: &ScorePreview) -> ImportPreview {
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
    import_preview(
        t,
        file,
        summary,
        preview.problems.iter().map(|p| t.problem(p)),
        preview.bad_lines(),
        preview.rows.len(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::execution::{
        add_customer, parse_score_figures, score_csv, scorecard, set_score_entry,
    };
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;
    use crate::i18n::exec::{EXEC_EN, EXEC_ZH};

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
    fn a_refused_figure_is_named_and_nothing_is_kept() {
        let typed: Vec<(&'static str, String)> = FIGURE_KEYS
            .map(|k| (k, if k == "costs" { "-5" } else { "1" }.to_string()))
            .to_vec();
        let refused = parse_figures(&EXEC_EN, &typed).unwrap_err();
        assert_eq!(refused.len(), 1);
        assert_eq!(refused[0].0, "costs");
        assert_eq!(refused[0].1, "Costs: Must not be negative.");
        let zh = parse_figures(&EXEC_ZH, &typed).unwrap_err();
        assert!(zh[0].1.starts_with("成本: "), "{:?}", zh[0]);
        let fine: Vec<(&'static str, String)> = vec![("completed_volume", "80".into())];
        let f = parse_figures(&EXEC_EN, &fine).unwrap();
        assert_eq!(f.completed_volume, Decimal::from(80));
    }

    /// A refused scale names its measure and the reason, in both languages; the scales are
    /// listed with their units.
    #[test]
    fn a_refused_scale_names_its_measure_in_both_languages() {
        use crate::core::execution::{EditError, ScaleError, ScoreScales};
        let e = EditError::Scale {
            measure: ScoreMeasure::Collection,
            error: ScaleError::NotFalling {
                zero: Decimal::from(30),
                full: Decimal::from(90),
            },
        };
        assert_eq!(
            EXEC_ZH.edit_error(&e),
            "回款周期评分标准 · 100 分对应值（90）必须小于 0 分对应值（30）：越少越好"
        );
        assert_eq!(
            EXEC_EN.edit_error(&e),
            "Collection days scale · the value for 100 points (90) must be below the value \
             for 0 points (30): fewer is better"
        );
        let fields = scale_fields(&EXEC_ZH, &ScoreScales::default());
        let growth = &fields[ScoreMeasure::Growth.index()];
        assert_eq!(
            (growth.zero.as_str(), growth.full.as_str(), growth.unit),
            ("-20", "20", "%")
        );
        let days = &fields[ScoreMeasure::Collection.index()];
        assert_eq!(
            (days.zero.as_str(), days.full.as_str(), days.unit),
            ("90", "30", "天")
        );
    }

    /// A distributor with only amounts typed is named in the warning and its reasons say it
    /// was scored on amount; one with volumes is not. Nothing is said once amount is chosen.
    #[test]
    fn distributors_without_volumes_are_named_in_both_languages() {
        let mut plan = sample_plan(Lang::Zh);
        let month = YearMonth::new(2027, 2).unwrap();
        let money = add_customer(&mut plan, CustomerKind::Distributor, "湘通商贸", "").unwrap();
        let units = add_customer(&mut plan, CustomerKind::Distributor, "株洲百货", "").unwrap();
        let mut amounts = ScoreFigures::default();
        set_figure(&mut amounts, "our_sales", "300").unwrap();
        set_figure(&mut amounts, "category_sales", "1000").unwrap();
        let mut volumes = ScoreFigures::default();
        set_figure(&mut volumes, "our_volume", "3").unwrap();
        set_figure(&mut volumes, "category_volume", "6").unwrap();
        set_score_entry(&mut plan, &money, month, amounts).unwrap();
        set_score_entry(&mut plan, &units, month, volumes).unwrap();
        let scored = scorecard(&plan, month);
        assert_eq!(
            amount_fallback_note(&EXEC_ZH, &scored, ScoreBasis::Volume).unwrap(),
            "⚠ 湘通商贸未填写销量：其销售比重与销量增长率按销售额计算。如需全部按销售额计算，请将“销售比重与增长率口径”改为销售额；如需按销量计算，请补填销量。"
        );
        let en = amount_fallback_note(&EXEC_EN, &scored, ScoreBasis::Volume).unwrap();
        assert!(
            en.starts_with("⚠ No volume is typed for 湘通商贸: "),
            "{en}"
        );
        let rows = ranking(&EXEC_ZH, &scored, ScoreBasis::Volume);
        let row = |name: &str| rows.iter().find(|r| r.name == name).unwrap();
        // 300 of 1,000: 30%, scored 30 (not a blank).
        assert_eq!(row("湘通商贸").reasons[1], "销售比重 30% → 30 × 1/3 = 10");
        assert_eq!(
            row("湘通商贸").reasons.last().unwrap(),
            "销售比重与增长率按销售额计算（未填销量）"
        );
        assert_eq!(row("株洲百货").reasons.len(), 8);
        // Amount chosen for everyone: no warning and no row note.
        plan.execution.settings.score_basis = ScoreBasis::Amount;
        let scored = scorecard(&plan, month);
        assert_eq!(
            amount_fallback_note(&EXEC_ZH, &scored, ScoreBasis::Amount),
            None
        );
    }

    #[test]
    fn the_ranking_explains_each_score() {
        let mut plan = sample_plan(Lang::En);
        let sub = plan.regions[0].subdistricts[0].id.clone();
        let id = add_customer(&mut plan, CustomerKind::Distributor, "Xiang Trading", &sub).unwrap();
        add_customer(&mut plan, CustomerKind::Terminal, "Corner Shop", &sub).unwrap();
        let month = YearMonth::new(2027, 2).unwrap();
        let mut f = ScoreFigures::default();
        for (k, v) in [
            ("contract_volume", "100"),
            ("completed_volume", "80"),
            ("our_volume", "50"),
            ("category_volume", "200"),
            ("our_sales", "50"),
            ("category_sales", "200"),
        ] {
            set_figure(&mut f, k, v).unwrap();
        }
        set_score_entry(&mut plan, &id, month, f).unwrap();
        assert_eq!(start_month(&plan), month);

        let rows = ranking(&EXEC_EN, &scorecard(&plan, month), ScoreBasis::Volume);
        assert_eq!(rows.len(), 1);
        let row = &rows[0];
        assert_eq!(
            (row.rank.as_str(), row.name.as_str()),
            ("1", "Xiang Trading")
        );
        assert_eq!(row.scores.len(), 7);
        assert_eq!(row.scores[0], "80");
        assert!(
            row.reasons[0] == "Task completion 80% → 80 × 1/4 = 20",
            "{:?}",
            row.reasons
        );
        assert_eq!(row.reasons[1], "Sales share 25% → 25 × 1/4 = 6.3");
        // No sales last month or last year: not scored, not counted in the quarters above.
        assert_eq!(row.reasons[2], "Volume growth — → —");
        assert_eq!(row.reasons[7], "MoM — · YoY —");
        assert_eq!(ranking_headings(&EXEC_EN).len(), 8);

        let form = figures_form(&EXEC_EN, &plan, Some(&id), month).unwrap();
        assert_eq!(form.title, "Figures for Xiang Trading · 2027-02");
        assert_eq!(
            form.distributors,
            [(id.clone(), "Xiang Trading".to_string())]
        );
        let done = form
            .figures
            .iter()
            .find(|f| f.key == "completed_volume")
            .unwrap();
        assert_eq!(
            (done.label, done.value.as_str()),
            ("Completed volume", "80")
        );
        let march = figures_form(&EXEC_EN, &plan, None, month.plus(1)).unwrap();
        assert_eq!(
            march.customer, id,
            "the first distributor when none is chosen"
        );
        assert!(
            march
                .figures
                .iter()
                .all(|f| f.value == "0" || f.value.is_empty())
        );

        let csv = score_csv(&plan).replace(",80,", ",eighty,");
        let bad = preview(
            &EXEC_EN,
            &plan,
            "feb.csv",
            &parse_score_figures(&plan, csv.as_bytes()),
        );
        assert_eq!(bad.title, "Import preview: feb.csv");
        assert_eq!(
            bad.problems,
            ["Line 2, completed_volume: “eighty” is not a number"]
        );
        assert_eq!((bad.apply, bad.skip), (None, None), "no good row to import");
        let good = preview(
            &EXEC_EN,
            &plan,
            "feb.csv",
            &parse_score_figures(&plan, score_csv(&plan).as_bytes()),
        );
        assert_eq!(
            good.summary,
            "1 rows for 1 distributors in 1 month(s); 1 replace figures already stored."
        );
        assert_eq!(good.apply.as_deref(), Some("Import 1 rows"));
    }

    #[test]
    fn no_distributor_no_form() {
        let plan = sample_plan(Lang::En);
        let month = plan.period.start;
        assert_eq!(figures_form(&EXEC_EN, &plan, None, month), None);
        assert_eq!(start_month(&plan), month);
        let weights = weight_fields(&EXEC_ZH, &ScoreWeights::default());
        assert_eq!(weights[5].label, "窜货");
        assert_eq!(weights[5].value, "1");
    }
}
