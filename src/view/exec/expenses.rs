//! Expenses (销售费用): a budget per region split distributor/terminal by the region's tier,
//! recorded spend, variance, expense-to-sales ratio, and discounts above the threshold flagged.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::expense_trend::{ExpenseTrend, expense_trend};
use super::{Choice, rate};
use crate::core::execution::{
    BudgetItem, Channel, Expense, ExpenseFigures, ExpenseReport, ExpenseRow, expense_report,
};
use crate::core::field::{FieldError, parse_date, parse_non_negative, parse_percent, parse_text};
use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::core::scenario::Scenario;
use crate::i18n::exec::ExecText;
use crate::i18n::fill;
use crate::view::numbers::{amount, percent};

/// Longest note of a spend, in characters.
const MAX_NOTE: usize = 2000;

pub fn channel_name(t: &ExecText, c: Channel) -> &'static str {
    match c {
        Channel::Distributor => t.ch_distributor,
        Channel::Terminal => t.ch_terminal,
        Channel::Publicity => t.ch_publicity,
    }
}

/// A region's line of the expense board (or the company's total), amounts formatted.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ExpenseLine {
    /// The region's id (the plan's for the total).
    pub region: String,
    pub name: String,
    /// The tier's name; empty for the total.
    pub tier: &'static str,
    /// The tier's split, `30 / 70` (distributors / terminals); empty for the total.
    pub split: String,
    /// The promotion and salaries budgets as typed in their fields (`100000`).
    pub item_values: [String; 2],
    /// The promotion and salaries budgets as shown (`100,000`, `10万`).
    pub items: [String; 2],
    /// The whole budget.
    pub budget: String,
    pub channels: ChannelCells,
    /// Spend ÷ actual sales, or "—" with no sales.
    pub expense_ratio: String,
    /// Above the company's expense-ratio target.
    pub over_target: bool,
}

/// Budget, spend and variance on each side of the split, and the split actually kept.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ChannelCells {
    pub distributor_budget: String,
    pub distributor_spent: String,
    pub distributor_variance: String,
    pub distributor_over: bool,
    pub terminal_budget: String,
    /// Terminals and publicity.
    pub terminal_spent: String,
    pub terminal_variance: String,
    pub terminal_over: bool,
    /// The share of spend that went to distributors, `21% / 79%`; "—" with no spend.
    pub kept: String,
    /// The kept split is off the tier's by more than five points.
    pub off_split: bool,
    pub spent: String,
    /// Budget − spend.
    pub variance: String,
    pub over: bool,
}

/// How far (in percentage points) the kept split may drift from the tier's before it is marked.
const SPLIT_TOLERANCE: i64 = 5;

fn channel_cells(
    t: &ExecText,
    lang: Lang,
    f: &ExpenseFigures,
    tier_pct: Option<Decimal>,
) -> ChannelCells {
    let kept = f.distributor_share.map(|s| s * Decimal::ONE_HUNDRED);
    let neg = |v: Decimal| v < Decimal::ZERO;
    ChannelCells {
        distributor_budget: amount(f.distributor_budget, lang),
        distributor_spent: amount(f.spent[Channel::Distributor.index()], lang),
        distributor_variance: amount(f.distributor_variance, lang),
        distributor_over: neg(f.distributor_variance),
        terminal_budget: amount(f.terminal_budget, lang),
        terminal_spent: amount(f.spent_total.saturating_sub(f.spent[0]), lang),
        terminal_variance: amount(f.terminal_variance, lang),
        terminal_over: neg(f.terminal_variance),
        kept: kept.map_or_else(|| t.none_dash.to_string(), |k| split_text(k.round_dp(0))),
        off_split: matches!((kept, tier_pct), (Some(k), Some(p))
            if (k - p).abs() > Decimal::from(SPLIT_TOLERANCE)),
        spent: amount(f.spent_total, lang),
        variance: amount(f.variance, lang),
        over: neg(f.variance),
    }
}

/// `30 / 70`: distributors' percent, then the rest.
fn split_text(distributor_percent: Decimal) -> String {
    let p = distributor_percent.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
    format!(
        "{} / {}",
        percent_number(p),
        percent_number(Decimal::ONE_HUNDRED - p)
    )
}

fn percent_number(p: Decimal) -> String {
    p.normalize().to_string()
}

fn line(t: &ExecText, lang: Lang, r: &ExpenseRow) -> ExpenseLine {
    ExpenseLine {
        region: r.id.clone(),
        name: r.name.clone(),
        tier: r.tier.map_or("", |tier| t.tier(tier)),
        split: r.distributor_percent.map(split_text).unwrap_or_default(),
        item_values: r.items.map(|v| v.normalize().to_string()),
        items: r.items.map(|v| amount(v, lang)),
        budget: amount(r.year.budget, lang),
        channels: channel_cells(t, lang, &r.year, r.distributor_percent),
        expense_ratio: rate(t, r.year.expense_to_sales),
        over_target: r.year.over_target,
    }
}

/// A month of one region (or the company) on the month-by-month table.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MonthLine {
    /// `2027-03`.
    pub month: String,
    pub budget: String,
    pub channels: ChannelCells,
    pub sales: String,
    pub expense_ratio: String,
    pub over_target: bool,
}

/// Budget and spend of one region, or of the company, month by month, with its trend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthlyExpenses {
    /// The region's id, or the plan's for the company.
    pub of: String,
    /// "Changsha · month by month".
    pub title: String,
    pub months: Vec<MonthLine>,
    pub trend: ExpenseTrend,
}

/// The route: the board per region with the total, the month-by-month view of the region
/// chosen, the company's target, and the spend, newest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpensesView {
    pub lines: Vec<ExpenseLine>,
    pub total: ExpenseLine,
    /// The company's expense-ratio target as typed (`8`).
    pub target_value: String,
    /// "Expense-ratio target (费用控制指标): at most 8% of sales · now 6.2%".
    pub target_line: String,
    pub target_over: bool,
    pub monthly: MonthlyExpenses,
    pub spend: Vec<SpendRow>,
}

/// A recorded spend on the list.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SpendRow {
    /// Position in the plan's expenses (what a removal or a review names).
    pub index: usize,
    pub date: String,
    pub region: String,
    pub channel: &'static str,
    /// The budget item it is spent from.
    pub item: &'static str,
    pub amount: String,
    /// `15%`, or empty without a discount.
    pub discount: String,
    pub note: String,
    /// For a discount above the threshold: whether it was reviewed.
    pub review: Option<bool>,
}

/// Budgets and spend measured with the tiers and seasonality of `scenario` (the adopted one);
/// the months of region `month_by_month` (the company when `None` or not a region).
pub fn expenses_view(
    t: &ExecText,
    lang: Lang,
    plan: &Plan,
    scenario: &Scenario,
    month_by_month: Option<&str>,
) -> ExpensesView {
    let report = expense_report(plan, scenario);
    let mut total = line(t, lang, &report.total);
    total.name = t.total.to_string();
    let chosen = month_by_month
        .and_then(|id| report.rows.iter().find(|r| r.id == id))
        .unwrap_or(&report.total);
    let monthly = monthly(t, lang, &report, chosen);
    let target = report.target_percent;
    let target_line = fill(
        t.expense_target_line,
        &[
            &percent(target),
            &rate(t, report.total.year.expense_to_sales),
        ],
    );
    let expenses = &plan.execution.expenses;
    let mut order: Vec<usize> = (0..expenses.len()).collect();
    order.sort_by(|a, b| expenses[*b].date.cmp(&expenses[*a].date).then(b.cmp(a)));
    let spend = order
        .into_iter()
        .map(|index| {
            let x = &expenses[index];
            SpendRow {
                index,
                date: x.date.to_string(),
                region: plan
                    .region(&x.region)
                    .map_or_else(|| x.region.clone(), |r| r.name.clone()),
                channel: channel_name(t, x.channel),
                item: item_name(t, x.item),
                amount: amount(x.amount, lang),
                discount: x
                    .discount_percent
                    .map_or_else(String::new, |d| format!("{}%", d.normalize())),
                note: x.note.clone(),
                review: report.flagged.contains(&index).then_some(x.reviewed),
            }
        })
        .collect();
    ExpensesView {
        lines: report.rows.iter().map(|r| line(t, lang, r)).collect(),
        target_value: target.normalize().to_string(),
        target_line,
        target_over: report.total.year.over_target,
        total,
        monthly,
        spend,
    }
}

fn monthly(t: &ExecText, lang: Lang, report: &ExpenseReport, row: &ExpenseRow) -> MonthlyExpenses {
    let name = if row.tier.is_none() {
        t.total
    } else {
        row.name.as_str()
    };
    let months = report
        .months
        .iter()
        .zip(&row.months)
        .map(|(m, f)| MonthLine {
            month: m.to_string(),
            budget: amount(f.budget, lang),
            channels: channel_cells(t, lang, f, row.distributor_percent),
            sales: amount(f.sales, lang),
            expense_ratio: rate(t, f.expense_to_sales),
            over_target: f.over_target,
        })
        .collect();
    MonthlyExpenses {
        of: row.id.clone(),
        title: fill(t.month_by_month_of, &[name]),
        months,
        trend: expense_trend(t, &report.months, &row.months, report.target_percent),
    }
}

/// The company and its regions, for the month-by-month view (the company's value is empty).
pub fn month_by_month_choices(t: &ExecText, plan: &Plan) -> Vec<Choice> {
    std::iter::once(Choice::new("", t.total))
        .chain(region_choices(plan))
        .collect()
}

/// The items of a budget, by key.
pub fn item_choices(t: &ExecText) -> Vec<Choice> {
    BudgetItem::ALL
        .map(|i| Choice::new(i.key(), item_name(t, i)))
        .to_vec()
}

pub fn item_name(t: &ExecText, item: BudgetItem) -> &'static str {
    match item {
        BudgetItem::Promotion => t.budget_promotion,
        BudgetItem::Salaries => t.budget_salaries,
    }
}

/// The regions a spend can be recorded for (or a sub-district picked in), by id.
pub fn region_choices(plan: &Plan) -> Vec<Choice> {
    plan.regions
        .iter()
        .map(|r| Choice::new(r.id.clone(), r.name.clone()))
        .collect()
}

/// The channels of a spend, by key.
pub fn channel_choices(t: &ExecText) -> Vec<Choice> {
    Channel::ALL
        .map(|c| Choice::new(c.key(), channel_name(t, c)))
        .to_vec()
}

/// What is typed in the form that records a spend.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpendDraft {
    pub date: String,
    /// Region id.
    pub region: String,
    /// Channel key.
    pub channel: String,
    /// Budget item key (`promotion` when empty).
    pub item: String,
    pub amount: String,
    pub discount: String,
    pub note: String,
}

/// An input of the spend form that can be refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SpendInput {
    Date,
    Amount,
    Discount,
    Note,
}

impl SpendDraft {
    /// A fresh form: dated `today`, for the given region and channel.
    pub fn new(today: NaiveDate, region: &str, channel: Channel) -> Self {
        SpendDraft {
            date: today.to_string(),
            region: region.to_string(),
            channel: channel.key().to_string(),
            item: BudgetItem::Promotion.key().to_string(),
            ..SpendDraft::default()
        }
    }

    /// The form after a spend was recorded: the same date, region and channel (the next entry
    /// is often the same day's), everything typed about the last spend gone.
    pub fn after_adding(&self) -> Self {
        SpendDraft {
            date: self.date.clone(),
            region: self.region.clone(),
            channel: self.channel.clone(),
            item: self.item.clone(),
            ..SpendDraft::default()
        }
    }

    /// The spend typed, or each refused input with its message naming the field.
    pub fn parse(&self, t: &ExecText) -> Result<Expense, Vec<(SpendInput, String)>> {
        let mut refused = Vec::new();
        let mut check = |input, label: &str, e: Option<FieldError>| {
            if let Some(e) = e {
                refused.push((input, format!("{label}: {}", t.field_error(&e))));
            }
        };
        let date = parse_date(&self.date);
        check(SpendInput::Date, t.date, date.clone().err());
        let amount = parse_non_negative(&self.amount);
        check(SpendInput::Amount, t.amount, amount.clone().err());
        let discount = if self.discount.trim().is_empty() {
            Ok(None)
        } else {
            parse_percent(&self.discount).map(Some)
        };
        check(SpendInput::Discount, t.discount, discount.clone().err());
        let note = parse_text(&self.note, MAX_NOTE);
        check(SpendInput::Note, t.note, note.clone().err());
        match (date, amount, discount, note) {
            (Ok(date), Ok(amount), Ok(discount_percent), Ok(note)) => Ok(Expense {
                date,
                region: self.region.clone(),
                channel: Channel::from_key(&self.channel).unwrap_or(Channel::Terminal),
                item: BudgetItem::from_key(&self.item).unwrap_or(BudgetItem::Promotion),
                amount,
                discount_percent,
                note,
                reviewed: false,
            }),
            _ => Err(refused),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::execution::{add_expense, set_budget, set_expense_reviewed};
    use crate::core::sample::sample_plan;
    use crate::i18n::exec::{EXEC_EN, EXEC_ZH};

    fn spring_push(region: &str) -> SpendDraft {
        SpendDraft {
            amount: "120000".into(),
            discount: "15".into(),
            note: "spring push".into(),
            ..SpendDraft::new("2027-02-03".parse().unwrap(), region, Channel::Terminal)
        }
    }

    #[test]
    fn budgets_spend_and_flagged_discounts_show() {
        let mut plan = sample_plan(Lang::En);
        // Only the budgets set here, not the sample's.
        plan.execution.budgets.clear();
        let region = plan.regions[0].id.clone();
        set_budget(
            &mut plan,
            &region,
            BudgetItem::Promotion,
            "60000".parse().unwrap(),
        )
        .unwrap();
        set_budget(
            &mut plan,
            &region,
            BudgetItem::Salaries,
            "40000".parse().unwrap(),
        )
        .unwrap();
        let expense = spring_push(&region).parse(&EXEC_EN).unwrap();
        add_expense(&mut plan, expense).unwrap();
        let small = SpendDraft {
            discount: "5".into(),
            date: "2027-02-01".into(),
            ..spring_push(&region)
        };
        add_expense(&mut plan, small.parse(&EXEC_EN).unwrap()).unwrap();

        let view = expenses_view(&EXEC_EN, Lang::En, &plan, plan.adopted().unwrap(), None);
        let row = &view.lines[0];
        assert_eq!(row.region, region);
        assert_eq!(row.item_values, ["60000", "40000"]);
        assert_eq!(row.budget, "100,000");
        assert_eq!(row.split, "30 / 70");
        let c = &row.channels;
        assert_eq!(c.spent, "240,000");
        assert_eq!(c.variance, "-140,000");
        assert!(c.over);
        // Both spends went to terminals: 30,000 budgeted for distributors, nothing spent.
        assert_eq!(
            (c.distributor_budget.as_str(), c.distributor_spent.as_str()),
            ("30,000", "0")
        );
        assert_eq!(
            (c.terminal_budget.as_str(), c.terminal_spent.as_str()),
            ("70,000", "240,000")
        );
        assert_eq!(c.terminal_variance, "-170,000");
        assert!(c.terminal_over && !c.distributor_over);
        assert_eq!(c.kept, "0 / 100");
        assert!(c.off_split, "0/100 is far from the tier's 30/70");
        assert_eq!(row.expense_ratio, "—", "no sales recorded");
        assert!(row.over_target, "spend without sales is above any target");
        assert!(
            !view.lines[1].channels.over,
            "no spend, no budget: not over"
        );
        assert_eq!(view.total.name, "Total");
        assert_eq!(view.total.tier, "");
        assert_eq!(view.total.channels.variance, "-140,000");
        assert_eq!(view.target_value, "8");
        assert!(
            view.target_line
                .starts_with("Expense-ratio target (费用控制指标): spend at most 8%")
        );
        // Month by month: the company unless a region is asked for; spend lands in February.
        assert_eq!(view.monthly.of, plan.id);
        assert_eq!(view.monthly.title, "Total · month by month");
        let view = expenses_view(
            &EXEC_EN,
            Lang::En,
            &plan,
            plan.adopted().unwrap(),
            Some(&region),
        );
        assert_eq!(view.monthly.title, "Changsha · month by month");
        let feb = &view.monthly.months[1];
        assert_eq!(feb.month, "2027-02");
        assert_eq!(feb.budget, "6,000", "February: 6% of 100,000");
        assert_eq!(feb.channels.spent, "240,000");
        assert_eq!(view.monthly.months[0].channels.spent, "0");

        assert_eq!(view.spend.len(), 2);
        let newest = &view.spend[0];
        assert_eq!((newest.index, newest.date.as_str()), (0, "2027-02-03"));
        assert_eq!(newest.discount, "15%");
        assert_eq!(newest.channel, "Terminal");
        assert_eq!(newest.review, Some(false), "15% is above the 10% threshold");
        assert_eq!(view.spend[1].review, None, "5% is not");

        set_expense_reviewed(&mut plan, 0, true).unwrap();
        let view = expenses_view(&EXEC_EN, Lang::En, &plan, plan.adopted().unwrap(), None);
        assert_eq!(view.spend[0].review, Some(true));
    }

    #[test]
    fn amounts_read_in_wan_in_chinese() {
        let mut plan = sample_plan(Lang::Zh);
        // Only the budgets set here, not the sample's.
        plan.execution.budgets.clear();
        let region = plan.regions[0].id.clone();
        set_budget(
            &mut plan,
            &region,
            BudgetItem::Promotion,
            "100000".parse().unwrap(),
        )
        .unwrap();
        let view = expenses_view(&EXEC_ZH, Lang::Zh, &plan, plan.adopted().unwrap(), None);
        assert_eq!(view.lines[0].budget, "10万");
        assert_eq!(view.lines[0].items[1], "0");
        assert_eq!(view.monthly.title, "合计 · 逐月");
        assert!(
            view.target_line
                .starts_with("费用控制指标：费用不超过销售额的 8% · 目前 —")
        );
        assert_eq!(view.total.name, "合计");
        assert!(!view.lines[0].tier.is_empty());
    }

    #[test]
    fn a_refused_spend_names_each_field_and_the_form_forgets_the_last_spend() {
        let draft = SpendDraft {
            amount: "a lot".into(),
            discount: "150".into(),
            date: "soon".into(),
            ..spring_push("r1")
        };
        let refused = draft.parse(&EXEC_EN).unwrap_err();
        let inputs: Vec<SpendInput> = refused.iter().map(|(i, _)| *i).collect();
        assert_eq!(
            inputs,
            [SpendInput::Date, SpendInput::Amount, SpendInput::Discount]
        );
        assert!(refused[1].1.starts_with("Amount: "), "{:?}", refused[1]);
        assert!(refused[2].1.starts_with("Discount %: "), "{:?}", refused[2]);

        let next = spring_push("r1").after_adding();
        assert_eq!(next.date, "2027-02-03");
        assert_eq!(next.region, "r1");
        assert_eq!(next.channel, "terminal");
        assert_eq!(
            (
                next.amount.as_str(),
                next.discount.as_str(),
                next.note.as_str()
            ),
            ("", "", ""),
            "the next spend inherits no amount, discount or note"
        );
        let no_discount = SpendDraft {
            amount: "10".into(),
            ..next
        };
        assert_eq!(no_discount.parse(&EXEC_EN).unwrap().discount_percent, None);
    }
}
