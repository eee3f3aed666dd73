//! "Why this number": the basis of a node's value and how rounding moved it, as labelled facts
//! and two small tables (factor contributions, months).

use rust_decimal::Decimal;

use super::numbers::{grouped, percent};
use super::zero_notes::cause_text;
use crate::core::breakdown::{Basis, Explanation, MeasureExplanation, RespreadOutcome};
use crate::core::respread::Spread;
use crate::core::scenario::Measure;
use crate::i18n::{Catalogue, fill};

/// One labelled fact (`Method: Weighted index`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Fact {
    pub label: String,
    pub value: String,
}

/// A small table: column headings (the first column holds each row's heading) and rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExplainTable {
    pub title: String,
    /// Headings of the value columns.
    pub columns: Vec<String>,
    pub rows: Vec<ExplainRow>,
}

/// One row of an [`ExplainTable`]: its heading and one cell per column.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ExplainRow {
    pub heading: String,
    pub cells: Vec<String>,
}

/// The explanation of one measure of a node.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExplainView {
    /// The node as named in messages (`Sub-district Yuelu District`).
    pub title: String,
    pub facts: Vec<Fact>,
    /// Each factor's part in a weighted sub-district's score; `None` under other methods.
    pub factors: Option<ExplainTable>,
    pub months: ExplainTable,
}

/// A decimal shown with up to `dp` places (exact values carry many).
fn short(v: Decimal, dp: u32) -> String {
    grouped(v.round_dp(dp))
}

fn fact(label: &str, value: impl Into<String>) -> Fact {
    Fact {
        label: label.to_string(),
        value: value.into(),
    }
}

/// One fact per re-spread that set this node's months: its own, or one below it.
fn respread_facts(t: &Catalogue, m: &MeasureExplanation, facts: &mut Vec<Fact>) {
    let mut seen: Vec<(String, String)> = Vec::new();
    for r in m.months.iter().flat_map(|mo| &mo.respreads) {
        let key = (r.node.id.clone(), r.as_of.to_string());
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let as_of = r.as_of.to_string();
        let mut text = if r.own {
            let how = match r.how {
                Spread::Even => t.x_respread_even,
                Spread::Seasonal => t.x_respread_seasonal,
            };
            fill(
                t.x_respread_own,
                &[
                    &as_of,
                    how,
                    &as_of,
                    &grouped(r.achieved),
                    &grouped(r.gap),
                    &r.reason,
                ],
            )
        } else {
            fill(t.x_respread_below, &[&r.node.name, &as_of])
        };
        let note = match r.outcome {
            RespreadOutcome::Spread => None,
            RespreadOutcome::EvenFallback => Some(t.x_respread_even_fallback),
            RespreadOutcome::StoppedAtZero => Some(t.x_respread_stopped),
            RespreadOutcome::AheadOfYear => Some(t.x_respread_ahead_year),
        };
        if let (Some(note), true) = (note, r.own) {
            text = format!("{text} {note}");
        }
        facts.push(fact(t.x_respread, text));
    }
}

/// One fact per collections re-spread (回款纠偏) that set this node's collections months, with
/// its collections targets after the as-of month as they now are.
fn collections_facts(t: &Catalogue, x: &Explanation, facts: &mut Vec<Fact>) {
    for r in &x.collections {
        let as_of = r.as_of.to_string();
        let after = r
            .after
            .iter()
            .map(|(m, v)| format!("{m} {}", grouped(*v)))
            .collect::<Vec<_>>()
            .join(" · ");
        let text = if r.own {
            let how = match r.how {
                Spread::Even => t.x_respread_even,
                Spread::Seasonal => t.x_respread_seasonal,
            };
            fill(
                t.x_collections_respread_own,
                &[
                    &as_of,
                    how,
                    &as_of,
                    &grouped(r.achieved),
                    &grouped(r.gap),
                    &after,
                    &r.reason,
                ],
            )
        } else {
            fill(
                t.x_collections_respread_below,
                &[&r.node.name, &as_of, &after],
            )
        };
        facts.push(fact(t.x_collections_respread, text));
    }
}

/// The explanation of one measure of a node.
pub fn explain_view(t: &Catalogue, x: &Explanation, measure: Measure) -> ExplainView {
    let m = &x.measures[measure.index()];
    let mut facts = Vec::new();
    if let Some(method) = x.method {
        facts.push(fact(t.x_method, t.method(method)));
    }
    if let Some(tier) = &x.tier {
        let how = if tier.applied {
            fill(
                t.x_multiplier_applied,
                &[&tier.multiplier.normalize().to_string()],
            )
        } else {
            t.x_multiplier_off.to_string()
        };
        let name = if tier.overridden {
            fill(t.in_parens, &[t.tier(tier.tier), t.overridden])
        } else {
            t.tier(tier.tier).to_string()
        };
        facts.push(fact(t.x_tier, format!("{name} · {how}")));
    }
    if let Some(parent) = m.parent_value {
        facts.push(fact(t.x_parent, grouped(parent)));
    }
    match &m.basis {
        Basis::Target => facts.push(fact(t.x_basis, t.x_basis_target)),
        Basis::Locked { lock } => {
            facts.push(fact(t.x_basis, fill(t.x_basis_locked, &[&grouped(*lock)])))
        }
        Basis::Share(s) => {
            if s.locked_siblings > Decimal::ZERO {
                facts.push(fact(t.x_locked_siblings, grouped(s.locked_siblings)));
                facts.push(fact(t.x_remaining, grouped(s.remaining)));
            }
            if s.base_weight != s.weight {
                facts.push(fact(t.x_base_weight, short(s.base_weight, 4)));
            }
            facts.push(fact(
                t.x_weight,
                format!(
                    "{} / {}",
                    short(s.weight, 4),
                    short(s.sibling_weight_total, 4)
                ),
            ));
            facts.push(fact(t.x_share, percent(s.share * Decimal::from(100))));
            if s.even_fallback {
                facts.push(fact(t.x_share, t.x_even_fallback));
            }
        }
    }
    if let Some(cause) = m.zero {
        facts.push(fact(t.x_zero, cause_text(t, cause, &grouped(m.unit))));
    }
    if x.even_months {
        let n = m.months.len().to_string();
        facts.push(fact(t.x_months_even, fill(t.season_even, &[&n])));
    }
    respread_facts(t, m, &mut facts);
    collections_facts(t, x, &mut facts);
    facts.push(fact(t.x_exact, short(m.exact, 4)));
    facts.push(fact(t.x_rounded, grouped(m.rounded)));
    let sign = if m.rounding > Decimal::ZERO { "+" } else { "" };
    facts.push(fact(
        t.x_rounding,
        format!(
            "{sign}{} · {}",
            short(m.rounding, 4),
            fill(t.x_unit, &[&grouped(m.unit)])
        ),
    ));

    let factors = (!x.factors.is_empty()).then(|| ExplainTable {
        title: t.x_factors.to_string(),
        columns: [t.x_value, t.x_total, t.x_weight, t.x_contribution]
            .map(str::to_string)
            .to_vec(),
        rows: x
            .factors
            .iter()
            .map(|f| ExplainRow {
                heading: t.factor(f.factor).to_string(),
                cells: vec![
                    short(f.value, 2),
                    short(f.sibling_total, 2),
                    short(f.weight, 2),
                    short(f.contribution, 4),
                ],
            })
            .collect(),
    });
    let months = ExplainTable {
        title: t.x_months.to_string(),
        columns: [
            t.x_season,
            t.x_parent_short,
            t.x_exact_short,
            t.x_rounded,
            t.x_rounding_short,
        ]
        .map(str::to_string)
        .to_vec(),
        rows: m
            .months
            .iter()
            .map(|mo| {
                let (exact, rounding) = if mo.respreads.is_empty() {
                    (short(mo.exact, 2), short(mo.rounding, 2))
                } else {
                    // A re-spread month: what was planned, and what the re-spread changed.
                    let change: Decimal = mo.respreads.iter().map(|r| r.change).sum();
                    let sign = if change > Decimal::ZERO { "+" } else { "" };
                    (
                        fill(t.x_respread_planned, &[&grouped(mo.rounded - change)]),
                        fill(
                            t.x_respread_change,
                            &[&format!("{sign}{}", grouped(change))],
                        ),
                    )
                };
                ExplainRow {
                    heading: t.month_of_year(mo.month),
                    cells: vec![
                        percent(mo.seasonality),
                        mo.parent_value.map(grouped).unwrap_or_default(),
                        exact,
                        grouped(mo.rounded),
                        rounding,
                    ],
                }
            })
            .collect(),
    };
    ExplainView {
        title: t.node(&x.node),
        facts,
        factors,
        months,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::breakdown::explain;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;
    use crate::i18n::{EN, ZH};

    /// Every text of the view, to look for words in.
    fn words(v: &ExplainView) -> String {
        let mut out = vec![v.title.clone()];
        for f in &v.facts {
            out.push(format!("{}: {}", f.label, f.value));
        }
        for table in v.factors.iter().chain([&v.months]) {
            out.push(table.title.clone());
            out.extend(table.columns.iter().cloned());
            for r in &table.rows {
                out.push(r.heading.clone());
                out.extend(r.cells.iter().cloned());
            }
        }
        out.join("\n")
    }

    /// A region's collections re-spread as of March: its explanation says what was collected,
    /// the uncollected balance, the months after as they now are and the reason; the company's
    /// names the region. In both languages.
    #[test]
    fn a_collections_re_spread_is_explained_on_the_node_and_above() {
        use crate::core::breakdown::collections;
        use crate::core::execution::Figure;
        use crate::core::period::YearMonth;
        use crate::core::respread::{Respread, Spread};
        let plan = sample_plan(Lang::Zh);
        let mut s = plan.adopted().unwrap().clone();
        let region = plan.regions[0].clone();
        let b = crate::core::breakdown::compute(&plan, &s).unwrap();
        let c0 = collections(&s, &b).unwrap().unwrap();
        let i = b.find(&region.id).unwrap();
        // Half of each month's collections target collected through March (whole thousands,
        // so the units are exact): half of the due to date is uncollected.
        let half: Vec<Decimal> = (0..3)
            .map(|k| {
                (c0.month_value(i, k) / Decimal::TWO / Decimal::ONE_THOUSAND).floor()
                    * Decimal::ONE_THOUSAND
            })
            .collect();
        let collected: Decimal = half.iter().sum();
        let due: Decimal = (0..3).map(|k| c0.month_value(i, k)).sum();
        s.respreads.push(Respread {
            node: region.id.clone(),
            measure: Figure::Collections,
            as_of: YearMonth::new(2027, 3).unwrap(),
            how: Spread::Even,
            reason: "回款滞后".into(),
            achieved: half,
        });
        let c = collections(&s, &b).unwrap().unwrap();
        let x = explain(&plan, &s, &region.id).unwrap();
        let zh = words(&explain_view(&ZH, &x, Measure::Amount));
        assert!(
            zh.contains(&format!(
                "回款纠偏: 截至 2027-03，平均分摊：2027-03 及以前各月回款指标为实际回款（合计 {}），未回款 {} 由之后各月承担（2027-04 {}",
                grouped(collected),
                grouped(due - collected),
                grouped(c.month_value(i, 3))
            )),
            "{zh}"
        );
        assert!(zh.contains("原因：回款滞后"), "{zh}");
        let en = words(&explain_view(&EN, &x, Measure::Quantity));
        assert!(
            en.contains("Collections correction: As of 2027-03, evenly"),
            "{en}"
        );
        let company = explain(&plan, &s, &plan.id).unwrap();
        let zh = words(&explain_view(&ZH, &company, Measure::Amount));
        assert!(
            zh.contains(&format!(
                "{}截至 2027-03 已做回款纠偏：本级各月回款指标随之调整（2027-04 {}",
                region.name,
                grouped(c.month_value(0, 3))
            )),
            "{zh}"
        );
        // Another region is untouched: no collections fact.
        let other = explain(&plan, &s, &plan.regions[1].id).unwrap();
        assert!(other.collections.is_empty());
    }

    /// A region re-spread as of March: its own months say what was planned and what changed,
    /// with the reason; the company's say which region moved them. In both languages.
    #[test]
    fn a_re_spread_month_says_what_was_planned_and_why_in_both_languages() {
        use crate::core::period::YearMonth;
        use crate::core::respread::{Respread, Spread};
        let plan = sample_plan(Lang::Zh);
        let mut s = plan.adopted().unwrap().clone();
        let region = plan.regions[0].clone();
        let b0 = crate::core::breakdown::compute(&plan, &s).unwrap();
        let i = b0.find(&region.id).unwrap();
        let march = b0.month_value(i, Measure::Amount, 2);
        s.respreads.push(Respread {
            node: region.id.clone(),
            measure: Measure::Amount.into(),
            as_of: YearMonth::new(2027, 3).unwrap(),
            how: Spread::Even,
            reason: "经销商调整".into(),
            achieved: (0..3)
                .map(|k| b0.month_value(i, Measure::Amount, k) / Decimal::TWO)
                .collect(),
        });
        let x = explain(&plan, &s, &region.id).unwrap();
        let zh = words(&explain_view(&ZH, &x, Measure::Amount));
        assert!(zh.contains("纠偏: 截至 2027-03，平均分摊"), "{zh}");
        assert!(zh.contains("原因：经销商调整"), "{zh}");
        assert!(zh.contains(&format!("原计划 {}", grouped(march))), "{zh}");
        let en = words(&explain_view(&EN, &x, Measure::Amount));
        assert!(
            en.contains("Correction (re-spread): As of 2027-03, evenly"),
            "{en}"
        );
        assert!(en.contains("(re-spread)"), "{en}");
        let company = explain(&plan, &s, &plan.id).unwrap();
        let zh = words(&explain_view(&ZH, &company, Measure::Amount));
        assert!(
            zh.contains(&format!("{}截至 2027-03 已纠偏", region.name)),
            "{zh}"
        );
    }

    #[test]
    fn a_subdistrict_explains_its_factors_share_and_rounding() {
        let plan = sample_plan(Lang::En);
        let scenario = plan.adopted().unwrap();
        let sub = &plan.regions[0].subdistricts[1];
        let x = explain(&plan, scenario, &sub.id).unwrap();
        let v = explain_view(&EN, &x, Measure::Amount);
        assert!(v.title.contains("Yuelu District"), "{}", v.title);
        let method = v.facts.iter().find(|f| f.label == EN.x_method).unwrap();
        assert_eq!(method.value, "Weighted index");
        assert!(
            v.facts.iter().any(|f| f.label == "Share among siblings"),
            "{v:#?}"
        );
        assert!(
            v.facts.iter().any(|f| f.label == "Moved by rounding"),
            "{v:#?}"
        );
        let factors = v
            .factors
            .as_ref()
            .expect("a weighted sub-district has factors");
        assert_eq!(factors.rows.len(), 6, "six factors");
        assert!(factors.rows.iter().any(|r| r.heading == "Population"));
        assert!(factors.columns.iter().any(|c| c == "Contribution"));
        assert!(
            factors
                .rows
                .iter()
                .all(|r| r.cells.len() == factors.columns.len())
        );
        assert_eq!(v.months.rows.len(), 12, "twelve months");
        assert!(v.months.rows.iter().all(|r| r.cells.len() == 5));
        let zh = words(&explain_view(&ZH, &x, Measure::Quantity));
        assert!(zh.contains("人口数量") && zh.contains("加权指数"), "{zh}");
    }

    #[test]
    fn a_locked_region_says_it_is_locked() {
        let plan = sample_plan(Lang::En);
        let mut scenario = plan.adopted().unwrap().clone();
        let rid = plan.regions[2].id.clone();
        scenario.locks.entry(rid.clone()).or_default().amount = Some(Decimal::from(20_000_000));
        let x = explain(&plan, &scenario, &rid).unwrap();
        let v = explain_view(&EN, &x, Measure::Amount);
        assert!(
            v.facts.iter().any(|f| f.value == "Locked at 20,000,000."),
            "{:#?}",
            v.facts
        );
        assert_eq!(v.factors, None, "regions split by history have no factors");
    }

    #[test]
    fn a_zero_target_says_why_it_is_zero() {
        let plan = sample_plan(Lang::Zh);
        let scenario = plan.adopted().unwrap();
        let huaihua = plan.regions.iter().find(|r| r.name == "怀化").unwrap();
        let x = explain(&plan, scenario, &huaihua.id).unwrap();
        let v = explain_view(&ZH, &x, Measure::Amount);
        let why = v.facts.iter().find(|f| f.label == "为何为 0");
        assert_eq!(
            why.map(|f| f.value.as_str()),
            Some("上期没有销售，按历史比例分不到指标；请选择其他分解方法"),
            "{:#?}",
            v.facts
        );
        let other = explain(&plan, scenario, &plan.regions[0].id).unwrap();
        let v = explain_view(&ZH, &other, Measure::Amount);
        assert!(v.facts.iter().all(|f| f.label != "为何为 0"));
    }
}
