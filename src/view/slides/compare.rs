//! The scenarios compared on a slide: by region, amounts in one unit throughout (万 in Chinese,
//! yuan in English), in the table and in the chart alike.

use std::collections::HashSet;

use rust_decimal::Decimal;

use crate::core::execution::Figure;
use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::i18n::Catalogue;
use crate::view::compare::{CompareTable, Comparison, Span, compare_table_in, region_charts_in};
use crate::view::diff_chart::DiffChart;
use crate::view::numbers::grouped;

/// The most scenarios the comparison slide shows side by side.
pub const COMPARED: usize = 3;

/// The comparison as the slide shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareSlide {
    /// The company and its regions, each scenario's amount and the differences.
    pub table: CompareTable,
    /// The second scenario's difference from the first, by region (one chart fits a slide).
    pub chart: Option<DiffChart>,
}

/// The scenarios compared: the adopted one first (the others are set against it), then the
/// plan's others in order, at most [`COMPARED`].
pub fn compare_ids(plan: &Plan) -> Vec<String> {
    let mut ids = vec![plan.adopted_scenario.clone()];
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

/// The slide of comparison `c`: regions only (rows do not open on a projector).
pub fn compare_slide(t: &Catalogue, lang: Lang, plan: &Plan, c: &Comparison) -> CompareSlide {
    let shown = |v: Decimal| slide_amount(v, lang);
    CompareSlide {
        table: compare_table_in(
            t,
            plan,
            c,
            Figure::Amount,
            Span::Year,
            &HashSet::new(),
            shown,
        ),
        chart: region_charts_in(t, plan, c, Figure::Amount, Span::Year, shown)
            .into_iter()
            .next(),
    }
}
