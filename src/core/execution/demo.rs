//! Plausible execution data for demos and tests: actuals around each salesperson's target for
//! the first months of the period, a small customer archive, scorecard figures, budgets and
//! spend. Deterministic: the same plan gives the same data on every machine.

use rust_decimal::Decimal;

use crate::core::breakdown::compute;
use crate::core::field::parse_date;
use crate::core::model::Plan;
use crate::core::scenario::{Level, Measure};

use super::Execution;
use super::actuals::Actual;
use super::archive::{Customer, CustomerKind, CustomerStatus};
use super::expenses::{Budget, BudgetItem, Channel, Expense};
use super::scorecard::{ScoreEntry, ScoreFigures};
use crate::core::sample::Lcg;

const DISTRIBUTORS: [(&str, &str); 5] = [
    ("湘通商贸", "Xiangtong Trading"),
    ("芙蓉批发", "Furong Wholesale"),
    ("岳麓供应链", "Yuelu Supply Chain"),
    ("湘江食品", "Xiangjiang Foods"),
    ("洞庭商行", "Dongting Traders"),
];
const TERMINALS: [(&str, &str); 3] = [
    ("步步高超市", "Bubugao Supermarket"),
    ("友阿百货", "Friendship Department Store"),
    ("家润多", "Jiarunduo"),
];

/// Execution data for `plan` covering its first `months` months (at most the period): each
/// salesperson sells 70–115% of the adopted breakdown's monthly target (units rounded), and
/// collects 80–100% of it; five distributors and three terminals in the archive (names in
/// Chinese when the plan's company name is), scorecard figures for the last of those months,
/// the plan's own budgets (or, without any, a budget for every region of 2% of its target) and
/// a few spend entries, one with a 15% discount. The plan's settings are kept. Actuals are left
/// out if the breakdown cannot be computed.
pub fn sample_execution(plan: &Plan, months: usize) -> Execution {
    let mut rng = Lcg(0xac7_0a15);
    let mut e = Execution {
        settings: plan.execution.settings,
        budgets: plan.execution.budgets.clone(),
        ..Execution::default()
    };
    let planned_budgets = !e.budgets.is_empty();
    let zh = !plan.company.is_ascii();
    let pick = |pair: (&str, &str)| if zh { pair.0 } else { pair.1 }.to_string();
    let period = plan.period.months();
    let months = months.min(period.len());
    let Some(b) = plan.adopted().and_then(|s| compute(plan, s).ok()) else {
        return e;
    };

    for i in b.at_level(Level::Salesperson) {
        let id = &b.nodes()[i].id;
        let mut recorded = std::collections::BTreeMap::new();
        for (k, month) in period.iter().enumerate().take(months) {
            let target = b.month_value(i, Measure::Amount, k);
            let qty = b.month_value(i, Measure::Quantity, k);
            let factor = rng.percent(70, 115);
            let amount = (target * factor).round_dp(0);
            recorded.insert(
                *month,
                Actual {
                    amount,
                    quantity: (qty * factor).round_dp(0),
                    collections: (amount * rng.percent(80, 100)).round_dp(0),
                },
            );
        }
        if !recorded.is_empty() {
            e.actuals.insert(id.clone(), recorded);
        }
    }

    let subs: Vec<&str> = plan
        .regions
        .iter()
        .flat_map(|r| &r.subdistricts)
        .map(|d| d.id.as_str())
        .collect();
    let sub = |k: usize| subs.get(k % subs.len().max(1)).unwrap_or(&"").to_string();
    let first_visit = parse_date(&format!("{}-01-15", plan.period.start.year)).ok();
    let mut seq = 0;
    let mut customer = |kind, name: String, subdistrict: String, k: usize| {
        seq += 1;
        // Owned by one of the sub-district's people, in turn.
        let owner = plan
            .subdistrict(&subdistrict)
            .map(|d| &d.salespeople)
            .filter(|people| !people.is_empty())
            .map(|people| people[k % people.len()].id.clone())
            .unwrap_or_default();
        Customer {
            id: format!("c{seq}"),
            kind,
            name,
            address: String::new(),
            contact: String::new(),
            phone: format!("0731-8{:07}", 1_234_567 + k * 1111),
            characteristics: String::new(),
            standing: ["A", "B", "C"][k % 3].into(),
            distribution_capacity: ["A", "B", "B"][k % 3].into(),
            capital_strength: ["A", "A", "C"][k % 3].into(),
            credit: ["A", "B", "A"][k % 3].into(),
            cooperation_intent: ["A", "A", "B"][k % 3].into(),
            subdistrict,
            owner,
            status: [
                CustomerStatus::Partner,
                CustomerStatus::Partner,
                CustomerStatus::Developing,
                CustomerStatus::Partner,
                CustomerStatus::Prospect,
            ][k % 5],
            // Every other record visited in mid-January; the rest never (stale).
            last_visit: first_visit.filter(|_| k.is_multiple_of(2)),
            history: Vec::new(),
        }
    };
    for (k, &name) in DISTRIBUTORS.iter().enumerate() {
        let c = customer(CustomerKind::Distributor, pick(name), sub(k), k);
        e.customers.push(c);
    }
    for (k, &name) in TERMINALS.iter().enumerate() {
        let c = customer(CustomerKind::Terminal, pick(name), sub(0), k + 1);
        e.customers.push(c);
    }

    if let Some(&month) = period.get(months.max(1) - 1) {
        for (k, c) in e.customers.iter().take(DISTRIBUTORS.len()).enumerate() {
            let our = Decimal::from(200_000 + rng.next(400_000));
            let pct = |rng: &mut Lcg, lo, hi| (our * rng.percent(lo, hi)).round_dp(0);
            let revenue = our;
            e.scorecard.push(ScoreEntry {
                customer: c.id.clone(),
                month,
                figures: ScoreFigures {
                    contract_volume: Decimal::from(10_000),
                    completed_volume: Decimal::from(7_000 + rng.next(4_500)),
                    our_sales: our,
                    category_sales: (our * Decimal::from(2 + rng.next(4))).round_dp(0),
                    last_month_sales: pct(&mut rng, 80, 110),
                    last_year_sales: pct(&mut rng, 70, 105),
                    revenue,
                    costs: pct(&mut rng, 60, 75),
                    promotions: pct(&mut rng, 3, 8),
                    rebates: pct(&mut rng, 2, 5),
                    price_violations: (rng.next(5) as u32).saturating_sub(2),
                    cross_territory: u32::from(k == 3),
                    collection_days: Some(Decimal::from(25 + rng.next(50))),
                    ..ScoreFigures::default()
                },
            });
            // Volumes in cases: 60 yuan a case this month and last, 57 a year ago (the price
            // has risen 5%, so volume grows less than amount year on year).
            if let Some(entry) = e.scorecard.last_mut() {
                let f = &mut entry.figures;
                let cases =
                    |amount: Decimal, price: i64| (amount / Decimal::from(price)).round_dp(0);
                f.our_volume = cases(f.our_sales, 60);
                f.category_volume = cases(f.category_sales, 60);
                f.last_month_volume = cases(f.last_month_sales, 60);
                f.last_year_volume = cases(f.last_year_sales, 57);
            }
        }
    }

    if let Some(s) = plan.adopted() {
        let n = plan.regions.len().max(1) as i64;
        let first = plan.period.start;
        for (k, r) in plan.regions.iter().enumerate() {
            let i = b.find(&r.id).unwrap_or(0);
            let budget = (b.annual(i, Measure::Amount) / Decimal::from(50_000)).round()
                * Decimal::ONE_THOUSAND;
            let budget = if budget.is_zero() {
                s.amount_target / Decimal::from(50 * n)
            } else {
                budget
            };
            if !planned_budgets {
                e.budgets.insert(
                    r.id.clone(),
                    Budget {
                        promotion: budget.round_dp(0),
                        salaries: Decimal::ZERO,
                    },
                );
            }
            if k < 3 {
                let date = parse_date(&format!("{}-{:02}-20", first.year, first.month));
                let Ok(date) = date else { continue };
                let entry = |channel, share: i64, discount: Option<i64>| Expense {
                    date,
                    region: r.id.clone(),
                    channel,
                    item: BudgetItem::Promotion,
                    amount: (budget * Decimal::new(share, 2)).round_dp(0),
                    discount_percent: discount.map(Decimal::from),
                    note: String::new(),
                    reviewed: false,
                };
                e.expenses.push(entry(Channel::Distributor, 8, None));
                e.expenses
                    .push(entry(Channel::Terminal, 12, (k == 1).then_some(15)));
                e.expenses
                    .push(entry(Channel::Publicity, 3, (k == 2).then_some(5)));
            }
        }
    }
    e.shares = sample_shares(plan, &period[..months]);
    e
}

/// Market shares for `months`: each region within a point of its share at planning, except
/// the second region, which loses three points a month (in the sample, 株洲 falls below the
/// stronghold threshold by the third month: a tier drift to review).
fn sample_shares(
    plan: &Plan,
    months: &[crate::core::period::YearMonth],
) -> std::collections::BTreeMap<
    String,
    std::collections::BTreeMap<crate::core::period::YearMonth, Decimal>,
> {
    let mut rng = Lcg(0x5_4a7e);
    let mut shares = std::collections::BTreeMap::new();
    for (k, r) in plan.regions.iter().enumerate() {
        let mut by_month = std::collections::BTreeMap::new();
        for (n, month) in months.iter().enumerate() {
            let step = if k == 1 {
                Decimal::from(-3 * (n as i64 + 1))
            } else {
                Decimal::new(rng.next(21) as i64 - 10, 1)
            };
            let share = (r.market_share + step).clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
            by_month.insert(*month, share);
        }
        if !by_month.is_empty() {
            shares.insert(r.id.clone(), by_month);
        }
    }
    shares
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::execution::{Tracking, expense_report, scorecard, stale};
    use crate::core::lang::Lang;
    use crate::core::period::YearMonth;
    use crate::core::sample::{sample_plan, scaled_plan};

    #[test]
    fn the_sample_execution_fills_every_screen() {
        let mut plan = sample_plan(Lang::Zh);
        plan.execution = sample_execution(&plan, 4);
        let e = &plan.execution;
        let (_, _, people) = plan.size();
        assert_eq!(e.actuals.len(), people);
        assert!(e.actuals.values().all(|m| m.len() == 4));
        assert_eq!(e.customers[0].name, "湘通商贸");
        let b = compute(&plan, plan.adopted().unwrap()).unwrap();
        let t = Tracking::new(&plan, &b, None);
        assert_eq!(t.as_of(), YearMonth::new(2027, 4));
        let company = t.total(&b, 0, Measure::Amount);
        let pace = company.pace.unwrap();
        assert!(
            pace > Decimal::new(8, 1) && pace < Decimal::new(11, 1),
            "{pace}"
        );
        let april = YearMonth::new(2027, 4).unwrap();
        let rows = scorecard(&plan, april);
        assert_eq!(rows.len(), 5);
        assert!(rows.iter().all(|r| r.composite.is_some()));
        let report = expense_report(&plan, plan.adopted().unwrap());
        assert_eq!(report.flagged.len(), 1);
        assert!(report.rows.iter().all(|r| !r.year.budget.is_zero()));
        let today = parse_date("2027-05-01").unwrap();
        assert_eq!(stale(&plan, today, 30).len(), e.customers.len());
        // Shares for every region and month; 株洲 falls from 47.2% to 35.2%: would be contested.
        let shares = super::super::share_report(&plan, plan.adopted().unwrap());
        assert!(
            shares
                .iter()
                .all(|r| r.months[..4].iter().all(Option::is_some))
        );
        assert_eq!(shares[1].name, "株洲");
        assert_eq!(shares[1].latest, Some((april, Decimal::new(352, 1))));
        assert_eq!(shares[1].drift, Some(crate::core::tier::Tier::Contested));
        let drifting = shares.iter().filter(|r| r.drift.is_some()).count();
        assert_eq!(drifting, 1, "only 株洲 crosses a threshold");
        assert_eq!(sample_execution(&plan, 4), plan.execution, "deterministic");
        let en = sample_plan(Lang::En);
        assert_eq!(
            sample_execution(&en, 1).customers[0].name,
            "Xiangtong Trading"
        );
    }

    #[test]
    fn a_year_for_ten_thousand_people_is_generated() {
        let plan = scaled_plan(10_000);
        let e = sample_execution(&plan, 12);
        let rows: usize = e.actuals.values().map(|m| m.len()).sum();
        assert_eq!(rows, 120_000);
    }
}
