//! Sales expenses (销售费用): a budget per region, split between distributors and terminals by
//! the region's tier policy; recorded spend, variance, the expense-to-sales ratio, and
//! discounts above the plan's threshold flagged for review.
//!
//! The split: distributors get the tier's `distributor_spend` percent of the budget, the rest
//! goes to terminals *and publicity* (a guerrilla region's default 0% leaves it all for
//! publicity). So publicity spend counts against the terminal side of the split.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::core::field::{FieldError, check_percent, max_value};
use crate::core::model::{Plan, Region};
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

/// A recorded spend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expense {
    pub date: NaiveDate,
    /// Region id.
    pub region: String,
    pub channel: Channel,
    pub amount: Decimal,
    /// A price discount granted, in percent, if the spend is one.
    pub discount_percent: Option<Decimal>,
    pub note: String,
    /// A flagged discount was looked at.
    pub reviewed: bool,
}

/// One region's budget and spend (or the company's, summed, in [`ExpenseReport::total`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpenseRow {
    /// Region id (the plan's id for the total).
    pub id: String,
    pub name: String,
    /// `None` for the total.
    pub tier: Option<Tier>,
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
    /// Actual sales (amount) recorded for the region.
    pub sales: Decimal,
    /// spend ÷ sales; `None` with no sales.
    pub expense_to_sales: Option<Decimal>,
}

/// The expense board.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpenseReport {
    /// One row per region, in the plan's order.
    pub rows: Vec<ExpenseRow>,
    pub total: ExpenseRow,
    /// Indices into the plan's expenses whose discount is above the threshold.
    pub flagged: Vec<usize>,
}

fn row(id: &str, name: &str, tier: Option<Tier>, budget: Decimal, dist_pct: Decimal) -> ExpenseRow {
    let pct = dist_pct.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
    let distributor_budget = (budget.checked_mul(pct)).map_or_else(
        || budget / Decimal::ONE_HUNDRED * pct,
        |x| x / Decimal::ONE_HUNDRED,
    );
    ExpenseRow {
        id: id.into(),
        name: name.into(),
        tier,
        budget,
        distributor_budget,
        terminal_budget: budget.saturating_sub(distributor_budget),
        spent: [Decimal::ZERO; 3],
        spent_total: Decimal::ZERO,
        variance: Decimal::ZERO,
        distributor_variance: Decimal::ZERO,
        terminal_variance: Decimal::ZERO,
        sales: Decimal::ZERO,
        expense_to_sales: None,
    }
}

impl ExpenseRow {
    fn finish(&mut self) {
        // Saturating: absurd figures in a plan file must not crash the app.
        let sum = |v: &[Decimal]| v.iter().fold(Decimal::ZERO, |a, b| a.saturating_add(*b));
        self.spent_total = sum(&self.spent);
        self.variance = self.budget.saturating_sub(self.spent_total);
        self.distributor_variance = self.distributor_budget.saturating_sub(self.spent[0]);
        self.terminal_variance = self.terminal_budget.saturating_sub(sum(&self.spent[1..]));
        self.expense_to_sales = ratio(self.spent_total, self.sales);
    }
}

/// Budgets, spend and ratios per region with the scenario's tiers (normally the adopted one).
pub fn expense_report(plan: &Plan, scenario: &Scenario) -> ExpenseReport {
    let e = &plan.execution;
    let mut total = row(&plan.id, &plan.company, None, Decimal::ZERO, Decimal::ZERO);
    let mut rows: Vec<ExpenseRow> = plan
        .regions
        .iter()
        .map(|r| {
            let tier = scenario.tier_of(r);
            let budget = e.budgets.get(&r.id).copied().unwrap_or_default();
            let pct = scenario.tier_policies.get(tier).distributor_spend;
            let mut x = row(&r.id, &r.name, Some(tier), budget, pct);
            x.sales = region_sales(plan, r);
            x
        })
        .collect();
    for x in &e.expenses {
        if let Some(r) = rows.iter_mut().find(|r| r.id == x.region) {
            let spent = &mut r.spent[x.channel.index()];
            *spent = spent.saturating_add(x.amount);
        }
    }
    for r in &mut rows {
        r.finish();
        let add = |to: &mut Decimal, x: Decimal| *to = to.saturating_add(x);
        add(&mut total.budget, r.budget);
        add(&mut total.distributor_budget, r.distributor_budget);
        add(&mut total.terminal_budget, r.terminal_budget);
        add(&mut total.sales, r.sales);
        for c in Channel::ALL {
            add(&mut total.spent[c.index()], r.spent[c.index()]);
        }
    }
    total.finish();
    let threshold = e.settings.discount_threshold;
    let flagged = e
        .expenses
        .iter()
        .enumerate()
        .filter(|(_, x)| x.discount_percent.is_some_and(|d| d > threshold))
        .map(|(i, _)| i)
        .collect();
    ExpenseReport {
        rows,
        total,
        flagged,
    }
}

/// Every actual amount recorded for the region's salespeople.
fn region_sales(plan: &Plan, region: &Region) -> Decimal {
    region
        .subdistricts
        .iter()
        .flat_map(|d| &d.salespeople)
        .filter_map(|p| plan.execution.actuals.get(&p.id))
        .flat_map(|months| months.values())
        .fold(Decimal::ZERO, |s, a| s.saturating_add(a.amount))
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

/// Sets a region's budget (zero removes it).
pub fn set_budget(plan: &mut Plan, region: &str, budget: Decimal) -> Result<(), EditError> {
    if !plan.regions.iter().any(|r| r.id == region) {
        return Err(EditError::UnknownRegion(region.into()));
    }
    check_money("budget", budget)?;
    if budget.is_zero() {
        plan.execution.budgets.remove(region);
    } else {
        plan.execution.budgets.insert(region.into(), budget);
    }
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
    use crate::core::period::YearMonth;
    use crate::core::sample::sample_plan;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn spend(region: &str, channel: Channel, amount: &str, discount: Option<&str>) -> Expense {
        Expense {
            date: parse_date("2027-02-10").unwrap(),
            region: region.into(),
            channel,
            amount: d(amount),
            discount_percent: discount.map(d),
            note: String::new(),
            reviewed: false,
        }
    }

    #[test]
    fn budgets_split_by_tier_and_spend_is_set_against_them() {
        let mut plan = sample_plan(Lang::En);
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
        set_budget(&mut plan, &r1, d("100000")).unwrap();
        set_budget(&mut plan, &contested, d("50000")).unwrap();
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
        let pct = s.tier_policies.get(r.tier.unwrap()).distributor_spend;
        assert_eq!(pct, d("30"), "base camp and stronghold split 30/70");
        assert_eq!(
            (r.distributor_budget, r.terminal_budget),
            (d("30000"), d("70000"))
        );
        assert_eq!(r.spent, [d("20000"), d("60000"), d("15000")]);
        assert_eq!(r.variance, d("5000"));
        assert_eq!(r.distributor_variance, d("10000"));
        assert_eq!(
            r.terminal_variance,
            d("-5000"),
            "terminals and publicity over by 5,000"
        );
        assert_eq!(r.expense_to_sales, Some(d("0.25")), "95,000 / 380,000");

        let c = report.rows.iter().find(|r| r.id == contested).unwrap();
        assert_eq!(
            (c.distributor_budget, c.terminal_budget),
            (d("35000"), d("15000"))
        );
        assert_eq!(c.variance, d("10000"));
        assert_eq!(c.expense_to_sales, None, "no sales recorded: no ratio");

        assert_eq!(report.total.budget, d("150000"));
        assert_eq!(report.total.spent_total, d("135000"));
        assert_eq!(
            report.total.expense_to_sales,
            Some(d("135000") / d("380000"))
        );
        assert_eq!(report.flagged, [1], "12% is above 10%; exactly 10% is not");

        plan.execution.settings.discount_threshold = d("5");
        assert_eq!(expense_report(&plan, &s).flagged, [1, 2]);
        set_expense_reviewed(&mut plan, 1, true).unwrap();
        assert!(plan.execution.expenses[1].reviewed);
    }

    #[test]
    fn bad_spend_is_refused() {
        let mut plan = sample_plan(Lang::En);
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
        set_budget(&mut plan, &r1, d("10")).unwrap();
        set_budget(&mut plan, &r1, Decimal::ZERO).unwrap();
        assert!(plan.execution.is_empty(), "a zero budget is no budget");
    }
}
