//! Sales expenses (销售费用): a budget per region in money — promotion (推广费用) and salaries
//! (人员薪酬) — split between distributors and terminals by the region's tier policy; recorded
//! spend by channel, item and month; variance per channel (is 30/70 kept?); the expense-to-sales
//! ratio against the company's target (费用控制指标, default 8%); and discounts above the plan's
//! threshold flagged for review (审核销售折扣).
//!
//! The split: distributors get the tier's `distributor_spend` percent of the budget, the rest
//! goes to terminals *and publicity* (a guerrilla region's default 0% leaves it all for
//! publicity). So publicity spend counts against the terminal side of the split.
//!
//! Months: a region's budget is spread over the period's months by the scenario's seasonality
//! (sales and spend move together), exactly to the fen (0.01) by the largest remainder, so the
//! months add up to the year; a seasonality that cannot be used (a month missing, a total of
//! zero) spreads it evenly. Spend counts in the month of its date; spend dated outside the period
//! counts in the year only.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::core::breakdown::{integer_weights, split_by_weights};
use crate::core::field::{FieldError, check_percent, max_value};
use crate::core::model::{Plan, Region};
use crate::core::period::YearMonth;
use crate::core::scenario::Scenario;
use crate::core::tier::Tier;

use super::edit_error::EditError;
use super::ratio;

/// What money was spent on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Distributor,
    Terminal,
    Publicity,
}

impl Channel {
    pub const ALL: [Channel; 3] = [Channel::Distributor, Channel::Terminal, Channel::Publicity];

    pub fn key(self) -> &'static str {
        match self {
            Channel::Distributor => "distributor",
            Channel::Terminal => "terminal",
            Channel::Publicity => "publicity",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// The items of a budget (拟定预算: 市场推广费用、销售人员薪酬).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BudgetItem {
    /// 推广费用.
    Promotion,
    /// 人员薪酬.
    Salaries,
}

impl BudgetItem {
    pub const ALL: [BudgetItem; 2] = [BudgetItem::Promotion, BudgetItem::Salaries];

    pub fn key(self) -> &'static str {
        match self {
            BudgetItem::Promotion => "promotion",
            BudgetItem::Salaries => "salaries",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// A region's budget for the period, by item.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Budget {
    /// 推广费用.
    pub promotion: Decimal,
    /// 人员薪酬.
    pub salaries: Decimal,
}

impl Budget {
    pub fn get(&self, item: BudgetItem) -> Decimal {
        match item {
            BudgetItem::Promotion => self.promotion,
            BudgetItem::Salaries => self.salaries,
        }
    }

    pub fn set(&mut self, item: BudgetItem, amount: Decimal) {
        match item {
            BudgetItem::Promotion => self.promotion = amount,
            BudgetItem::Salaries => self.salaries = amount,
        }
    }

    /// Promotion and salaries together.
    pub fn total(&self) -> Decimal {
        self.promotion.saturating_add(self.salaries)
    }

    pub fn is_empty(&self) -> bool {
        self.promotion.is_zero() && self.salaries.is_zero()
    }
}

/// A recorded spend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expense {
    pub date: NaiveDate,
    /// Region id.
    pub region: String,
    pub channel: Channel,
    /// The budget item it is spent from (promotion unless said otherwise).
    pub item: BudgetItem,
    pub amount: Decimal,
    /// A price discount granted, in percent, if the spend is one.
    pub discount_percent: Option<Decimal>,
    pub note: String,
    /// A flagged discount was looked at.
    pub reviewed: bool,
}

/// Budget and spend of one region (or the company) over a window: the period or one month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpenseFigures {
    pub budget: Decimal,
    /// The tier's distributor share of the budget.
    pub distributor_budget: Decimal,
    /// The rest: terminals and publicity.
    pub terminal_budget: Decimal,
    /// Spend per channel, indexed by [`Channel::index`].
    pub spent: [Decimal; 3],
    pub spent_total: Decimal,
    /// budget − spend (negative when over budget).
    pub variance: Decimal,
    pub distributor_variance: Decimal,
    /// Terminal budget − terminal and publicity spend.
    pub terminal_variance: Decimal,
    /// Distributor spend ÷ all spend: the split actually kept; `None` with no spend.
    pub distributor_share: Option<Decimal>,
    /// Actual sales (amount) recorded.
    pub sales: Decimal,
    /// spend ÷ sales; `None` with no sales.
    pub expense_to_sales: Option<Decimal>,
    /// The ratio is above the company's target.
    pub over_target: bool,
}

impl ExpenseFigures {
    fn new(budget: Decimal, dist_pct: Decimal) -> Self {
        let pct = dist_pct.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
        let distributor_budget = (budget.checked_mul(pct)).map_or_else(
            || budget / Decimal::ONE_HUNDRED * pct,
            |x| x / Decimal::ONE_HUNDRED,
        );
        ExpenseFigures {
            budget,
            distributor_budget,
            terminal_budget: budget.saturating_sub(distributor_budget),
            spent: [Decimal::ZERO; 3],
            spent_total: Decimal::ZERO,
            variance: Decimal::ZERO,
            distributor_variance: Decimal::ZERO,
            terminal_variance: Decimal::ZERO,
            distributor_share: None,
            sales: Decimal::ZERO,
            expense_to_sales: None,
            over_target: false,
        }
    }

    fn add_spend(&mut self, channel: Channel, amount: Decimal) {
        let spent = &mut self.spent[channel.index()];
        *spent = spent.saturating_add(amount);
    }

    /// Adds another window's or region's budget, spend and sales (for totals).
    fn add(&mut self, other: &ExpenseFigures) {
        let add = |to: &mut Decimal, x: Decimal| *to = to.saturating_add(x);
        add(&mut self.budget, other.budget);
        add(&mut self.distributor_budget, other.distributor_budget);
        add(&mut self.terminal_budget, other.terminal_budget);
        add(&mut self.sales, other.sales);
        for c in Channel::ALL {
            add(&mut self.spent[c.index()], other.spent[c.index()]);
        }
    }

    /// Totals, variances and ratios from the budgets, spend and sales; `target` is the company's
    /// expense-ratio target as a fraction.
    fn finish(&mut self, target: Decimal) {
        // Saturating: absurd figures in a plan file must not crash the app.
        let sum = |v: &[Decimal]| v.iter().fold(Decimal::ZERO, |a, b| a.saturating_add(*b));
        self.spent_total = sum(&self.spent);
        self.variance = self.budget.saturating_sub(self.spent_total);
        self.distributor_variance = self.distributor_budget.saturating_sub(self.spent[0]);
        self.terminal_variance = self.terminal_budget.saturating_sub(sum(&self.spent[1..]));
        self.distributor_share = ratio(self.spent[0], self.spent_total);
        self.expense_to_sales = ratio(self.spent_total, self.sales);
        self.over_target = self.expense_to_sales.is_some_and(|r| r > target)
            || (self.sales.is_zero() && !self.spent_total.is_zero());
    }
}

/// One region's budget and spend (or the company's, summed, in [`ExpenseReport::total`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpenseRow {
    /// Region id (the plan's id for the total).
    pub id: String,
    pub name: String,
    /// `None` for the total.
    pub tier: Option<Tier>,
    /// The tier's distributor share of spend, in percent (`None` for the total).
    pub distributor_percent: Option<Decimal>,
    /// The budget by item, indexed by [`BudgetItem::index`].
    pub items: [Decimal; 2],
    /// Spend by item, indexed by [`BudgetItem::index`].
    pub spent_items: [Decimal; 2],
    /// The whole period.
    pub year: ExpenseFigures,
    /// Each month of the period, in order.
    pub months: Vec<ExpenseFigures>,
}

/// The expense board.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpenseReport {
    /// The months of the period.
    pub months: Vec<YearMonth>,
    /// One row per region, in the plan's order.
    pub rows: Vec<ExpenseRow>,
    pub total: ExpenseRow,
    /// The company's expense-ratio target (费用控制指标), in percent.
    pub target_percent: Decimal,
    /// Indices into the plan's expenses whose discount is above the threshold.
    pub flagged: Vec<usize>,
}

/// Spreads `amount` over months by `weights` exactly to the fen: the months add up to it.
fn spread(amount: Decimal, weights: &[u128]) -> Vec<Decimal> {
    let fen = Decimal::new(1, 2);
    let fens = (amount / fen).trunc();
    // Digits below the fen (a budget typed to the li) stay in the first month.
    let rest = amount.saturating_sub(fens * fen);
    let total: u128 = weights.iter().sum();
    let mut parts = vec![0i64; weights.len()];
    let split = i64::try_from(fens).ok().is_some_and(|units| {
        total > 0 && split_by_weights(units, weights, total, &mut parts, &mut Vec::new())
    });
    if !split {
        // Beyond what whole fens can count: evenly, the remainder in the first month.
        let n = Decimal::from(weights.len().max(1) as u64);
        let each = (amount / n).trunc_with_scale(2);
        let mut out = vec![each; weights.len()];
        if let Some(first) = out.first_mut() {
            *first = amount.saturating_sub(each * (n - Decimal::ONE));
        }
        return out;
    }
    let mut out: Vec<Decimal> = parts
        .iter()
        .map(|&p| (Decimal::from(p) * fen).normalize())
        .collect();
    if let Some(first) = out.first_mut() {
        *first = first.saturating_add(rest);
    }
    out
}

/// Weights of the months: the scenario's seasonality, or equal when it cannot be used.
fn month_weights(scenario: &Scenario, months: usize) -> Vec<u128> {
    let percents: Option<Vec<Decimal>> = scenario.seasonality.iter().copied().collect();
    let mut ints = Vec::new();
    let usable = percents
        .filter(|p| p.len() == months && p.iter().all(|v| !v.is_sign_negative()))
        .and_then(|p| integer_weights(&p, &mut ints))
        .is_some_and(|total| total > 0);
    if usable { ints } else { vec![1; months] }
}

/// Budgets, spend and ratios per region and month with the scenario's tiers and seasonality
/// (normally the adopted scenario's).
pub fn expense_report(plan: &Plan, scenario: &Scenario) -> ExpenseReport {
    let e = &plan.execution;
    let months = plan.period.months();
    let weights = month_weights(scenario, months.len());
    let target_percent = e.settings.expense_ratio_target;
    let target = target_percent / Decimal::ONE_HUNDRED;
    let mut rows: Vec<ExpenseRow> = plan
        .regions
        .iter()
        .map(|r| {
            let tier = scenario.tier_of(r);
            let budget = e.budgets.get(&r.id).copied().unwrap_or_default();
            let pct = scenario.tier_policies.get(tier).distributor_spend;
            let monthly = spread(budget.total(), &weights);
            let sales = region_sales(plan, r, &months);
            let months = monthly
                .iter()
                .zip(&sales)
                .map(|(&b, &s)| {
                    let mut f = ExpenseFigures::new(b, pct);
                    f.sales = s;
                    f
                })
                .collect();
            let mut year = ExpenseFigures::new(budget.total(), pct);
            year.sales = region_total_sales(plan, r);
            ExpenseRow {
                id: r.id.clone(),
                name: r.name.clone(),
                tier: Some(tier),
                distributor_percent: Some(pct),
                items: [budget.promotion, budget.salaries],
                spent_items: [Decimal::ZERO; 2],
                year,
                months,
            }
        })
        .collect();
    for x in &e.expenses {
        if let Some(r) = rows.iter_mut().find(|r| r.id == x.region) {
            r.year.add_spend(x.channel, x.amount);
            let item = &mut r.spent_items[x.item.index()];
            *item = item.saturating_add(x.amount);
            let month = YearMonth::new(x.date.year(), x.date.month());
            if let Some(k) = months.iter().position(|m| Some(*m) == month) {
                r.months[k].add_spend(x.channel, x.amount);
            }
        }
    }
    let mut total = ExpenseRow {
        id: plan.id.clone(),
        name: plan.company.clone(),
        tier: None,
        distributor_percent: None,
        items: [Decimal::ZERO; 2],
        spent_items: [Decimal::ZERO; 2],
        year: ExpenseFigures::new(Decimal::ZERO, Decimal::ZERO),
        months: vec![ExpenseFigures::new(Decimal::ZERO, Decimal::ZERO); months.len()],
    };
    for r in &mut rows {
        r.year.finish(target);
        total.year.add(&r.year);
        for (k, m) in r.months.iter_mut().enumerate() {
            m.finish(target);
            total.months[k].add(m);
        }
        for i in 0..2 {
            total.items[i] = total.items[i].saturating_add(r.items[i]);
            total.spent_items[i] = total.spent_items[i].saturating_add(r.spent_items[i]);
        }
    }
    total.year.finish(target);
    for m in &mut total.months {
        m.finish(target);
    }
    let threshold = e.settings.discount_threshold;
    let flagged = e
        .expenses
        .iter()
        .enumerate()
        .filter(|(_, x)| x.discount_percent.is_some_and(|d| d > threshold))
        .map(|(i, _)| i)
        .collect();
    ExpenseReport {
        months,
        rows,
        total,
        target_percent,
        flagged,
    }
}

/// Every actual amount recorded for the region's salespeople.
fn region_total_sales(plan: &Plan, region: &Region) -> Decimal {
    people(region)
        .filter_map(|p| plan.execution.actuals.get(p))
        .flat_map(|months| months.values())
        .fold(Decimal::ZERO, |s, a| s.saturating_add(a.amount))
}

/// The region's actual amount in each month of `months`.
fn region_sales(plan: &Plan, region: &Region, months: &[YearMonth]) -> Vec<Decimal> {
    let mut out = vec![Decimal::ZERO; months.len()];
    for recorded in people(region).filter_map(|p| plan.execution.actuals.get(p)) {
        for (k, m) in months.iter().enumerate() {
            if let Some(a) = recorded.get(m) {
                out[k] = out[k].saturating_add(a.amount);
            }
        }
    }
    out
}

fn people(region: &Region) -> impl Iterator<Item = &String> {
    region
        .subdistricts
        .iter()
        .flat_map(|d| &d.salespeople)
        .map(|p| &p.id)
}

fn check_money(field: &'static str, v: Decimal) -> Result<(), EditError> {
    if v.is_sign_negative() && !v.is_zero() {
        return Err(EditError::field(field, FieldError::Negative));
    }
    if v > max_value() {
        return Err(EditError::field(field, FieldError::TooLarge));
    }
    Ok(())
}

/// Sets one item of a region's budget (a budget with both items zero is removed).
pub fn set_budget(
    plan: &mut Plan,
    region: &str,
    item: BudgetItem,
    amount: Decimal,
) -> Result<(), EditError> {
    if !plan.regions.iter().any(|r| r.id == region) {
        return Err(EditError::UnknownRegion(region.into()));
    }
    check_money("budget", amount)?;
    let budgets = &mut plan.execution.budgets;
    let mut budget = budgets.get(region).copied().unwrap_or_default();
    budget.set(item, amount);
    if budget.is_empty() {
        budgets.remove(region);
    } else {
        budgets.insert(region.into(), budget);
    }
    Ok(())
}

/// Sets the company's expense-ratio target (费用控制指标), in percent of sales.
pub fn set_expense_ratio_target(plan: &mut Plan, percent: Decimal) -> Result<(), EditError> {
    check_percent(percent).map_err(|e| EditError::field("expense_ratio_target", e))?;
    plan.execution.settings.expense_ratio_target = percent;
    Ok(())
}

/// Records a spend; returns its index.
pub fn add_expense(plan: &mut Plan, expense: Expense) -> Result<usize, EditError> {
    if !plan.regions.iter().any(|r| r.id == expense.region) {
        return Err(EditError::UnknownRegion(expense.region));
    }
    check_money("amount", expense.amount)?;
    if let Some(d) = expense.discount_percent {
        check_percent(d).map_err(|e| EditError::field("discount_percent", e))?;
    }
    plan.execution.expenses.push(expense);
    Ok(plan.execution.expenses.len() - 1)
}

/// Removes the spend at `index`.
pub fn remove_expense(plan: &mut Plan, index: usize) -> Result<Expense, EditError> {
    let list = &mut plan.execution.expenses;
    if index >= list.len() {
        return Err(EditError::UnknownExpense(index));
    }
    Ok(list.remove(index))
}

/// Marks a spend's discount as reviewed (or not).
pub fn set_expense_reviewed(
    plan: &mut Plan,
    index: usize,
    reviewed: bool,
) -> Result<(), EditError> {
    let x = plan
        .execution
        .expenses
        .get_mut(index)
        .ok_or(EditError::UnknownExpense(index))?;
    x.reviewed = reviewed;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::execution::{Actual, set_actual};
    use crate::core::field::parse_date;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn spend(region: &str, channel: Channel, amount: &str, discount: Option<&str>) -> Expense {
        Expense {
            date: parse_date("2027-02-10").unwrap(),
            region: region.into(),
            channel,
            item: BudgetItem::Promotion,
            amount: d(amount),
            discount_percent: discount.map(d),
            note: String::new(),
            reviewed: false,
        }
    }

    #[test]
    fn budgets_split_by_tier_and_spend_is_set_against_them() {
        let mut plan = sample_plan(Lang::En);
        // Only the budgets set here, not the sample's.
        plan.execution.budgets.clear();
        let s = plan.adopted().unwrap().clone();
        // The sample's first region is a base camp (30/70); find a contested one (70/30).
        let r1 = plan.regions[0].id.clone();
        let contested = plan
            .regions
            .iter()
            .find(|r| s.tier_of(r) == Tier::Contested)
            .unwrap()
            .id
            .clone();
        set_budget(&mut plan, &r1, BudgetItem::Promotion, d("60000")).unwrap();
        set_budget(&mut plan, &r1, BudgetItem::Salaries, d("40000")).unwrap();
        set_budget(&mut plan, &contested, BudgetItem::Promotion, d("50000")).unwrap();
        add_expense(&mut plan, spend(&r1, Channel::Distributor, "20000", None)).unwrap();
        add_expense(
            &mut plan,
            spend(&r1, Channel::Terminal, "60000", Some("12")),
        )
        .unwrap();
        add_expense(
            &mut plan,
            spend(&r1, Channel::Publicity, "15000", Some("10")),
        )
        .unwrap();
        add_expense(
            &mut plan,
            spend(&contested, Channel::Distributor, "40000", None),
        )
        .unwrap();
        let p = plan.regions[0].subdistricts[0].salespeople[0].id.clone();
        let jan = YearMonth::new(2027, 1).unwrap();
        let sold = Actual {
            amount: d("380000"),
            ..Actual::default()
        };
        set_actual(&mut plan, &p, jan, sold).unwrap();

        let report = expense_report(&plan, &s);
        let r = &report.rows[0];
        assert_eq!(r.tier, Some(s.tier_of(&plan.regions[0])));
        assert_eq!(
            r.distributor_percent,
            Some(d("30")),
            "base camps split 30/70"
        );
        assert_eq!(r.items, [d("60000"), d("40000")], "promotion and salaries");
        let y = &r.year;
        assert_eq!(y.budget, d("100000"));
        assert_eq!(
            (y.distributor_budget, y.terminal_budget),
            (d("30000"), d("70000"))
        );
        assert_eq!(y.spent, [d("20000"), d("60000"), d("15000")]);
        assert_eq!(y.variance, d("5000"));
        assert_eq!(y.distributor_variance, d("10000"));
        assert_eq!(
            y.terminal_variance,
            d("-5000"),
            "terminals and publicity over by 5,000"
        );
        // 20,000 of 95,000 went to distributors: 21.05…%, against the 30% the tier asks.
        assert_eq!(y.distributor_share, Some(d("20000") / d("95000")));
        assert_eq!(y.expense_to_sales, Some(d("0.25")), "95,000 / 380,000");
        assert!(y.over_target, "25% is above the 8% target");
        assert_eq!(r.spent_items, [d("95000"), Decimal::ZERO]);

        let c = report.rows.iter().find(|r| r.id == contested).unwrap();
        assert_eq!(
            (c.year.distributor_budget, c.year.terminal_budget),
            (d("35000"), d("15000"))
        );
        assert_eq!(c.year.variance, d("10000"));
        assert_eq!(c.year.expense_to_sales, None, "no sales recorded: no ratio");
        assert!(
            c.year.over_target,
            "spend with no sales at all is over any target"
        );

        assert_eq!(report.total.year.budget, d("150000"));
        assert_eq!(report.total.year.spent_total, d("135000"));
        assert_eq!(
            report.total.year.expense_to_sales,
            Some(d("135000") / d("380000"))
        );
        assert_eq!(report.target_percent, d("8"));
        assert_eq!(report.flagged, [1], "12% is above 10%; exactly 10% is not");

        plan.execution.settings.discount_threshold = d("5");
        assert_eq!(expense_report(&plan, &s).flagged, [1, 2]);
        set_expense_reviewed(&mut plan, 1, true).unwrap();
        assert!(plan.execution.expenses[1].reviewed);
    }

    /// The budget follows the seasonality month by month, to the fen, and each month's spend,
    /// variance and ratio stand on their own; the months add up to the year.
    #[test]
    fn months_carry_their_share_of_the_budget_and_their_own_spend() {
        let mut plan = sample_plan(Lang::En);
        // Only the budgets set here, not the sample's.
        plan.execution.budgets.clear();
        let s = plan.adopted().unwrap().clone();
        let r1 = plan.regions[0].id.clone();
        // 100,000.01 is 10,000,001 fen: each month gets the floor of its share, and the one fen
        // left over goes to the largest remainder — January's, the largest weight (11%).
        set_budget(&mut plan, &r1, BudgetItem::Promotion, d("100000.01")).unwrap();
        add_expense(&mut plan, spend(&r1, Channel::Distributor, "3000", None)).unwrap();
        add_expense(&mut plan, spend(&r1, Channel::Terminal, "6000", None)).unwrap();
        let p = plan.regions[0].subdistricts[0].salespeople[0].id.clone();
        let feb = YearMonth::new(2027, 2).unwrap();
        let sold = Actual {
            amount: d("150000"),
            ..Actual::default()
        };
        set_actual(&mut plan, &p, feb, sold).unwrap();
        plan.execution.settings.expense_ratio_target = d("5");

        let report = expense_report(&plan, &s);
        let r = &report.rows[0];
        assert_eq!(r.months.len(), 12);
        let budgets: Vec<Decimal> = r.months.iter().map(|m| m.budget).collect();
        assert_eq!(budgets.iter().copied().sum::<Decimal>(), d("100000.01"));
        assert_eq!(
            budgets[0],
            d("11000.01"),
            "January: 11% of the year and the odd fen"
        );
        // February: 6% of 10,000,001 fen is 600,000.06 fen: 6,000.00.
        let feb = &r.months[1];
        assert_eq!(feb.budget, d("6000"));
        assert_eq!(
            (feb.distributor_budget, feb.terminal_budget),
            (d("1800"), d("4200"))
        );
        assert_eq!(feb.spent, [d("3000"), d("6000"), Decimal::ZERO]);
        assert_eq!(feb.variance, d("-3000"));
        assert_eq!(feb.distributor_variance, d("-1200"));
        assert_eq!(feb.terminal_variance, d("-1800"));
        assert_eq!(feb.expense_to_sales, Some(d("0.06")), "9,000 / 150,000");
        assert!(feb.over_target, "6% is above the 5% target");
        let march = &r.months[2];
        assert_eq!(
            (march.spent_total, march.expense_to_sales, march.over_target),
            (Decimal::ZERO, None, false)
        );
        // The company's months are the regions' added up.
        assert_eq!(report.total.months[1].spent_total, d("9000"));
        assert_eq!(report.total.months[0].budget, d("11000.01"));
    }

    #[test]
    fn bad_spend_is_refused() {
        let mut plan = sample_plan(Lang::En);
        // Only the budgets set here, not the sample's.
        plan.execution.budgets.clear();
        let r1 = plan.regions[0].id.clone();
        assert_eq!(
            add_expense(&mut plan, spend("r999", Channel::Terminal, "1", None)),
            Err(EditError::UnknownRegion("r999".into()))
        );
        assert_eq!(
            add_expense(&mut plan, spend(&r1, Channel::Terminal, "-1", None)),
            Err(EditError::field("amount", FieldError::Negative))
        );
        assert_eq!(
            add_expense(&mut plan, spend(&r1, Channel::Terminal, "1", Some("120"))),
            Err(EditError::field(
                "discount_percent",
                FieldError::PercentRange
            ))
        );
        assert_eq!(
            remove_expense(&mut plan, 0),
            Err(EditError::UnknownExpense(0))
        );
        assert_eq!(
            set_expense_ratio_target(&mut plan, d("101")),
            Err(EditError::field(
                "expense_ratio_target",
                FieldError::PercentRange
            ))
        );
        set_budget(&mut plan, &r1, BudgetItem::Salaries, d("10")).unwrap();
        set_budget(&mut plan, &r1, BudgetItem::Salaries, Decimal::ZERO).unwrap();
        assert!(plan.execution.is_empty(), "a zero budget is no budget");
    }
}
