//! The expense trend over the months: each month's budget beside its spend (distributors, then
//! terminals and publicity, stacked), and the expense-to-sales ratio as a line against the
//! company's target (a dashed line). Geometry in whole view-box units.

use std::fmt::Write;

use rust_decimal::Decimal;

use crate::core::execution::{Channel, ExpenseFigures};
use crate::core::period::YearMonth;
use crate::i18n::exec::ExecText;
use crate::view::charts::scale;
use crate::view::numbers::percent;

/// The chart's view box and texts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpenseTrend {
    pub title: String,
    pub width: i64,
    pub height: i64,
    pub months: Vec<TrendMonth>,
    /// The ratio line through the months with sales, as SVG `points`.
    pub ratio_points: String,
    /// Where the target line is drawn, and its label (`Target 8%`).
    pub target_y: i64,
    pub target_label: String,
    /// The legend: (CSS class of the swatch, label).
    pub legend: Vec<(&'static str, &'static str)>,
    pub legend_y: i64,
}

/// One month: its name, budget bar, stacked spend bars and ratio point.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TrendMonth {
    /// `03` (the month's number; the year is in the title).
    pub label: String,
    pub label_x: i64,
    pub label_y: i64,
    pub bar_width: i64,
    pub budget: Bar,
    pub distributor: Bar,
    pub terminal: Bar,
    /// The month's ratio as a point with its text; `None` with no sales.
    pub ratio: Option<RatioPoint>,
}

/// A bar: its left, top and height.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Bar {
    pub x: i64,
    pub y: i64,
    pub height: i64,
}

/// A point of the ratio line.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RatioPoint {
    pub x: i64,
    pub y: i64,
    pub text: String,
    /// Above the target: drawn in the warning colour.
    pub over: bool,
}

const HEIGHT: i64 = 280;
const LEFT: i64 = 20;
const SLOT: i64 = 64;
const TOP: i64 = 30;
const BOTTOM: i64 = 64;

/// The trend of `figures` (one per month of `months`) against `target_percent`.
pub fn expense_trend(
    t: &ExecText,
    months: &[YearMonth],
    figures: &[ExpenseFigures],
    target_percent: Decimal,
) -> ExpenseTrend {
    let plot = HEIGHT - TOP - BOTTOM;
    let base = HEIGHT - BOTTOM;
    let money_top = figures
        .iter()
        .map(|f| f.budget.max(f.spent_total))
        .max()
        .unwrap_or(Decimal::ZERO);
    let target = target_percent / Decimal::ONE_HUNDRED;
    let ratio_top = figures
        .iter()
        .filter_map(|f| f.expense_to_sales)
        .fold(target, Decimal::max)
        * Decimal::new(125, 2);
    let ratio_y = |r: Decimal| base - scale(r, ratio_top, plot);
    let bar_width = SLOT * 3 / 10;
    let mut points = String::new();
    let marks: Vec<TrendMonth> = months
        .iter()
        .zip(figures)
        .enumerate()
        .map(|(i, (m, f))| {
            let x = LEFT + SLOT * i as i64;
            let budget_h = scale(f.budget, money_top, plot);
            let dist_h = scale(f.spent[Channel::Distributor.index()], money_top, plot);
            let spend_h = scale(f.spent_total, money_top, plot);
            let spend_x = x + SLOT / 2;
            let ratio = f.expense_to_sales.map(|r| {
                let (cx, cy) = (x + SLOT / 2, ratio_y(r));
                if !points.is_empty() {
                    points.push(' ');
                }
                let _ = write!(points, "{cx},{cy}");
                RatioPoint {
                    x: cx,
                    y: cy,
                    text: percent((r * Decimal::ONE_HUNDRED).round_dp(1)),
                    over: f.over_target,
                }
            });
            TrendMonth {
                label: format!("{:02}", m.month),
                label_x: x + SLOT / 2,
                label_y: base + 22,
                bar_width,
                budget: Bar {
                    x: spend_x - bar_width - 2,
                    y: base - budget_h,
                    height: budget_h,
                },
                distributor: Bar {
                    x: spend_x + 2,
                    y: base - dist_h,
                    height: dist_h,
                },
                terminal: Bar {
                    x: spend_x + 2,
                    y: base - spend_h,
                    height: spend_h - dist_h,
                },
                ratio,
            }
        })
        .collect();
    let n = marks.len().max(1) as i64;
    ExpenseTrend {
        title: t.expense_trend.to_string(),
        width: LEFT * 2 + SLOT * n,
        height: HEIGHT,
        months: marks,
        ratio_points: points,
        target_y: ratio_y(target),
        target_label: crate::i18n::fill(t.expense_target_short, &[&percent(target_percent)]),
        legend: vec![
            ("trend-budget", t.budget),
            ("trend-distributor", t.ch_distributor),
            ("trend-terminal", t.terminal_and_publicity),
            ("trend-ratio", t.expense_ratio),
        ],
        legend_y: HEIGHT - 12,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::execution::{Actual, set_actual};
    use crate::core::execution::{BudgetItem, Expense, add_expense, expense_report, set_budget};
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;
    use crate::i18n::exec::EXEC_EN;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn bars_and_the_ratio_line_follow_the_months() {
        let mut plan = sample_plan(Lang::En);
        // Only the budgets set here, not the sample's.
        plan.execution.budgets.clear();
        let r = plan.regions[0].id.clone();
        set_budget(&mut plan, &r, BudgetItem::Promotion, d("120000")).unwrap();
        let spend = |channel, amount: &str| Expense {
            date: "2027-01-20".parse().unwrap(),
            region: r.clone(),
            channel,
            item: BudgetItem::Promotion,
            amount: d(amount),
            discount_percent: None,
            note: String::new(),
            reviewed: false,
        };
        add_expense(&mut plan, spend(Channel::Distributor, "4000")).unwrap();
        add_expense(&mut plan, spend(Channel::Terminal, "9200")).unwrap();
        let p = plan.regions[0].subdistricts[0].salespeople[0].id.clone();
        let a = Actual {
            amount: d("132000"),
            ..Actual::default()
        };
        set_actual(&mut plan, &p, "2027-01".parse().unwrap(), a).unwrap();
        let report = expense_report(&plan, plan.adopted().unwrap());
        let row = &report.rows[0];
        let chart = expense_trend(&EXEC_EN, &report.months, &row.months, d("8"));
        assert_eq!(chart.months.len(), 12);
        let jan = &chart.months[0];
        // January's budget (11% of 120,000 = 13,200) equals its spend (4,000 + 9,200): the
        // tallest bars of the chart, the whole plot high (186 units).
        assert_eq!(jan.budget.height, HEIGHT - TOP - BOTTOM);
        assert_eq!(
            jan.distributor.height + jan.terminal.height,
            jan.budget.height
        );
        assert_eq!(jan.terminal.y + jan.terminal.height, jan.distributor.y);
        // 13,200 / 132,000 = 10%, above the 8% target; the line has one point.
        let ratio = jan.ratio.as_ref().unwrap();
        assert_eq!((ratio.text.as_str(), ratio.over), ("10%", true));
        assert!(ratio.y < chart.target_y, "drawn above the target line");
        assert_eq!(chart.ratio_points, format!("{},{}", ratio.x, ratio.y));
        assert!(chart.months[1].ratio.is_none(), "no sales in February");
        assert_eq!(chart.target_label, "Target 8%");
    }
}
