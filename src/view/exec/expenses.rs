//! Expenses (销售费用): a budget per region split distributor/terminal by the region's tier,
//! recorded spend, variance, expense-to-sales ratio, and discounts above the threshold flagged.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{Choice, rate};
use crate::core::execution::{Channel, Expense, ExpenseRow, expense_report};
use crate::core::field::{FieldError, parse_date, parse_non_negative, parse_percent, parse_text};
use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::core::scenario::Scenario;
use crate::i18n::exec::ExecText;
use crate::view::numbers::amount;

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
    /// The budget as typed in its field (`100000`).
    pub budget_value: String,
    /// The budget as shown (`100,000`, `10万`).
    pub budget: String,
    pub distributor_budget: String,
    pub terminal_budget: String,
    pub spent: String,
    /// Budget − spend.
    pub variance: String,
    /// Spent more than the budget.
    pub over: bool,
    /// Spend ÷ actual sales, or "—" with no sales.
    pub expense_ratio: String,
}

fn line(t: &ExecText, lang: Lang, r: &ExpenseRow) -> ExpenseLine {
    ExpenseLine {
        region: r.id.clone(),
        name: r.name.clone(),
        tier: r.tier.map_or("", |tier| t.tier(tier)),
        budget_value: r.budget.normalize().to_string(),
        budget: amount(r.budget, lang),
        distributor_budget: amount(r.distributor_budget, lang),
        terminal_budget: amount(r.terminal_budget, lang),
        spent: amount(r.spent_total, lang),
        variance: amount(r.variance, lang),
        over: r.variance < Decimal::ZERO,
        expense_ratio: rate(t, r.expense_to_sales),
    }
}

/// A recorded spend on the list.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SpendRow {
    /// Position in the plan's expenses (what a removal or a review names).
    pub index: usize,
    pub date: String,
    pub region: String,
    pub channel: &'static str,
    pub amount: String,
    /// `15%`, or empty without a discount.
    pub discount: String,
    pub note: String,
    /// For a discount above the threshold: whether it was reviewed.
    pub review: Option<bool>,
}

/// The expenses route: the board per region with the total, and the spend, newest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpensesView {
    pub lines: Vec<ExpenseLine>,
    pub total: ExpenseLine,
    pub spend: Vec<SpendRow>,
}

/// Budgets and spend measured with the tiers of `scenario` (the adopted one).
pub fn expenses_view(t: &ExecText, lang: Lang, plan: &Plan, scenario: &Scenario) -> ExpensesView {
    let report = expense_report(plan, scenario);
    let mut total = line(t, lang, &report.total);
    total.name = t.total.to_string();
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
        total,
        spend,
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
        let region = plan.regions[0].id.clone();
        set_budget(&mut plan, &region, "100000".parse().unwrap()).unwrap();
        let expense = spring_push(&region).parse(&EXEC_EN).unwrap();
        add_expense(&mut plan, expense).unwrap();
        let small = SpendDraft {
            discount: "5".into(),
            date: "2027-02-01".into(),
            ..spring_push(&region)
        };
        add_expense(&mut plan, small.parse(&EXEC_EN).unwrap()).unwrap();

        let view = expenses_view(&EXEC_EN, Lang::En, &plan, plan.adopted().unwrap());
        let row = &view.lines[0];
        assert_eq!(row.region, region);
        assert_eq!(row.budget_value, "100000");
        assert_eq!(row.spent, "240,000");
        assert_eq!(row.variance, "-140,000");
        assert!(row.over);
        assert!(!view.lines[1].over, "no spend, no budget: not over");
        assert_eq!(view.total.name, "Total");
        assert_eq!(view.total.tier, "");
        assert_eq!(view.total.variance, "-140,000");

        assert_eq!(view.spend.len(), 2);
        let newest = &view.spend[0];
        assert_eq!((newest.index, newest.date.as_str()), (0, "2027-02-03"));
        assert_eq!(newest.discount, "15%");
        assert_eq!(newest.channel, "Terminal");
        assert_eq!(newest.review, Some(false), "15% is above the 10% threshold");
        assert_eq!(view.spend[1].review, None, "5% is not");

        set_expense_reviewed(&mut plan, 0, true).unwrap();
        let view = expenses_view(&EXEC_EN, Lang::En, &plan, plan.adopted().unwrap());
        assert_eq!(view.spend[0].review, Some(true));
    }

    #[test]
    fn amounts_read_in_wan_in_chinese() {
        let mut plan = sample_plan(Lang::Zh);
        let region = plan.regions[0].id.clone();
        set_budget(&mut plan, &region, "100000".parse().unwrap()).unwrap();
        let view = expenses_view(&EXEC_ZH, Lang::Zh, &plan, plan.adopted().unwrap());
        assert_eq!(view.lines[0].budget, "10万");
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
