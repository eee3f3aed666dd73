//! The scenarios compared on a slide: by region, amounts in one unit throughout (万 in Chinese,
//! yuan in English), in the table and in the chart alike.

use std::collections::HashSet;

use rust_decimal::Decimal;

use crate::core::execution::Figure;
use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::i18n::{Catalogue, fill};
use crate::view::compare::{CompareTable, Comparison, Span, compare_table_in, region_charts_in};
use crate::view::diff_chart::DiffChart;
use crate::view::numbers::grouped;

/// The most scenarios the comparison slide shows side by side.
pub const COMPARED: usize = 3;

/// The comparison as the slide shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareSlide {
    /// What the slide shows when it is not the amount over the year: the figure and the month,
    /// and why.
    pub caption: Option<String>,
    /// The company and its regions, each scenario's amount and the differences.
    pub table: CompareTable,
    /// The second scenario's difference from the first, by region (one chart fits a slide).
    pub chart: Option<DiffChart>,
}

/// The scenarios compared: the adopted one first (the others are set against it); then, as
/// Compare opens, the scenario on screen when it is another one (say a re-spread just made, to
/// be adopted if the workshop agrees), alone; else the plan's others in order, at most
/// [`COMPARED`] in all.
pub fn compare_ids(plan: &Plan, on_screen: Option<&str>) -> Vec<String> {
    let mut ids = vec![plan.adopted_scenario.clone()];
    if let Some(id) = on_screen.filter(|id| *id != plan.adopted_scenario)
        && plan.scenario(id).is_some()
    {
        ids.push(id.to_string());
        return ids;
    }
    ids.extend(
        plan.scenarios
            .iter()
            .map(|s| s.id.clone())
            .filter(|id| *id != plan.adopted_scenario),
    );
    ids.truncate(COMPARED);
    ids
}

/// An amount on the comparison slide: in Chinese always in 万 (`4,729.1万`, `+120万`), in
/// English always in yuan (`47,291,000`), so no figure on the slide is in another unit.
pub fn slide_amount(value: Decimal, lang: Lang) -> String {
    match lang {
        Lang::En => grouped(value),
        Lang::Zh => {
            let wan = (value / Decimal::from(10_000)).round_dp(2);
            format!("{}万", grouped(wan))
        }
    }
}

/// What the slide compares: the amount over the year, unless that shows no difference. A
/// re-spread (纠偏) keeps every year and moves months, so then the slide shows the first month
/// that differs, and the collections targets (回款) when only they differ. A slide has no
/// controls to choose these with.
pub fn slide_view(c: &Comparison) -> (Figure, Span) {
    let differs = |figure| c.first_month_differing(figure).is_some();
    let figure = if !differs(Figure::Amount) && c.collections_differ && differs(Figure::Collections)
    {
        Figure::Collections
    } else {
        Figure::Amount
    };
    let span = match c.first_month_differing(figure) {
        Some(k) if c.only_months_differ(figure) => Span::Month(k),
        _ => Span::Year,
    };
    (figure, span)
}

/// The slide of comparison `c`: regions only (rows do not open on a projector).
pub fn compare_slide(t: &Catalogue, lang: Lang, plan: &Plan, c: &Comparison) -> CompareSlide {
    let shown = |v: Decimal| slide_amount(v, lang);
    let (figure, span) = slide_view(c);
    let caption = match span {
        Span::Month(k) => {
            let what = match figure {
                Figure::Collections => t.collections_target,
                _ => t.amount_target,
            };
            let month = plan.period.months().get(k).map(|&m| t.month_of_year(m));
            Some(fill(
                t.slide_compare_month,
                &[what, &month.unwrap_or_default()],
            ))
        }
        Span::Year => None,
    };
    CompareSlide {
        caption,
        table: compare_table_in(t, plan, c, figure, span, &HashSet::new(), shown),
        chart: region_charts_in(t, plan, c, figure, span, shown)
            .into_iter()
            .next(),
    }
}
