//! Test helpers: small plans built by hand, and a checker of every rule a breakdown must obey,
//! written independently of the engine (its own weights, its own arithmetic).

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::core::model::{
    FORMAT_VERSION, Factor, Factors, Plan, Region, Sales, Salesperson, SubDistrict,
};
use crate::core::period::Period;
use crate::core::scenario::{Level, Measure, Method, NodeValues, Scenario};
use crate::core::tree::NodePos;

use super::result::Breakdown;

pub fn d(s: &str) -> Decimal {
    s.parse()
        .unwrap_or_else(|_| panic!("{s:?} is not a decimal"))
}

fn sales(amount: i64, quantity: i64) -> Sales {
    Sales {
        amount: Decimal::from(amount),
        quantity: Decimal::from(quantity),
    }
}

pub fn person(id: &str, last_amount: i64, last_quantity: i64) -> Salesperson {
    Salesperson {
        id: id.into(),
        name: format!("Person {id}"),
        role: "Rep".into(),
        last_sales: sales(last_amount, last_quantity),
    }
}

pub fn sub(id: &str, factors: [i64; 6], last_amount: i64, people: Vec<Salesperson>) -> SubDistrict {
    let mut f = Factors::default();
    for (k, v) in Factor::ALL.into_iter().zip(factors) {
        *f.get_mut(k) = Decimal::from(v);
    }
    SubDistrict {
        id: id.into(),
        name: format!("District {id}"),
        factors: f,
        target_share: Decimal::ZERO,
        last_sales: sales(last_amount, last_amount / 10),
        milestones: Vec::new(),
        target_distributors: Vec::new(),
        target_terminals: Vec::new(),
        salespeople: people,
    }
}

pub fn region(
    id: &str,
    share: &str,
    customers: u32,
    last_amount: i64,
    subs: Vec<SubDistrict>,
) -> Region {
    Region {
        id: id.into(),
        name: format!("Region {id}"),
        manager: String::new(),
        market_share: d(share),
        active_customers: customers,
        last_sales: sales(last_amount, last_amount / 10),
        notes: String::new(),
        subdistricts: subs,
    }
}

/// A scenario splitting evenly at every level, with a flat seasonality of whole percents where
/// possible (twelve months: 8, 8, 8, 8, 9 ×8 … = 100).
pub fn scenario(amount: &str, amount_unit: &str, quantity: &str, quantity_unit: &str) -> Scenario {
    let mut s = Scenario::with_defaults("s1".into(), "Test".into(), 12);
    s.amount_target = d(amount);
    s.amount_unit = d(amount_unit);
    s.quantity_target = d(quantity);
    s.quantity_unit = d(quantity_unit);
    s.methods.region = Method::Even;
    s.methods.subdistrict = Method::Even;
    s.methods.salesperson = Method::Even;
    s.seasonality = [8, 8, 8, 8, 8, 8, 8, 8, 9, 9, 9, 9]
        .iter()
        .map(|&p| Some(Decimal::from(p)))
        .collect();
    s
}

pub fn plan(regions: Vec<Region>, scenario: Scenario) -> Plan {
    Plan {
        format_version: FORMAT_VERSION,
        id: "plan".into(),
        name: "Test plan".into(),
        company: "Test Co.".into(),
        currency: "CNY".into(),
        period: Period::fiscal_year(2027),
        regions,
        adopted_scenario: scenario.id.clone(),
        scenarios: vec![scenario],
        id_seq: 1000,
        notes: BTreeMap::new(),
        execution: Default::default(),
        recipient_part: None,
        change_log: Vec::new(),
    }
}

pub fn lock(s: &mut Scenario, id: &str, amount: Option<&str>, quantity: Option<&str>) {
    s.locks.insert(
        id.into(),
        NodeValues {
            amount: amount.map(d),
            quantity: quantity.map(d),
        },
    );
}

pub fn manual(s: &mut Scenario, id: &str, amount: &str, quantity: &str) {
    s.manual.insert(
        id.into(),
        NodeValues {
            amount: Some(d(amount)),
            quantity: Some(d(quantity)),
        },
    );
}

/// Annual values of the given nodes, as decimals, by id.
pub fn annual_of(b: &Breakdown, ids: &[&str], measure: Measure) -> Vec<Decimal> {
    ids.iter()
        .map(|id| {
            b.annual(
                b.find(id).unwrap_or_else(|| panic!("no node {id}")),
                measure,
            )
        })
        .collect()
}

/// The children's weights as the domain page defines them, computed here without the engine
/// (`None` if they overflow a decimal, which only garbage inputs do).
fn oracle_weights(
    plan: &Plan,
    scenario: &Scenario,
    b: &Breakdown,
    parent: usize,
    measure: Measure,
) -> Option<Vec<Decimal>> {
    let children: Vec<usize> = b.children(parent).collect();
    let level = b.nodes()[children[0]].level;
    let method = scenario.methods.get(level);
    let history = |c: usize| -> Decimal {
        let s = match b.nodes()[c].pos {
            Some(NodePos::Region(r)) => plan.regions[r].last_sales,
            Some(NodePos::Subdistrict(r, k)) => plan.regions[r].subdistricts[k].last_sales,
            Some(NodePos::Salesperson(r, k, p)) => {
                plan.regions[r].subdistricts[k].salespeople[p].last_sales
            }
            None => unreachable!("the company is nobody's child"),
        };
        if measure == Measure::Amount {
            s.amount
        } else {
            s.quantity
        }
    };
    let mut w: Vec<Decimal> = match method {
        Method::Even => vec![Decimal::ONE; children.len()],
        Method::History => children.iter().map(|&c| history(c)).collect(),
        Method::Manual => children
            .iter()
            .map(|&c| {
                scenario
                    .manual
                    .get(&b.nodes()[c].id)
                    .and_then(|v| v.get(measure))
                    .unwrap_or_default()
            })
            .collect(),
        Method::Weighted => {
            let Some(NodePos::Region(r)) = b.nodes()[parent].pos else {
                unreachable!("weighted is for sub-districts")
            };
            let subs = &plan.regions[r].subdistricts;
            let mut scores = Vec::new();
            for sd in subs {
                let mut score = Decimal::ZERO;
                for f in Factor::ALL {
                    let total = subs
                        .iter()
                        .try_fold(Decimal::ZERO, |a, x| a.checked_add(x.factors.get(f)))?;
                    if !total.is_zero() {
                        let part = scenario
                            .factor_weights
                            .get(f)
                            .checked_mul(sd.factors.get(f))?
                            .checked_div(total)?;
                        score = score.checked_add(part)?;
                    }
                }
                scores.push(score);
            }
            scores
        }
    };
    if level == Level::Region && scenario.methods.region_tier_multiplier {
        for (wi, r) in w.iter_mut().zip(&plan.regions) {
            *wi = wi.checked_mul(scenario.tier_policies.get(scenario.tier_of(r)).multiplier)?;
        }
    }
    Some(w)
}

/// Integers proportional to the weights, when they fit (weights of a few decimal places).
fn scaled(weights: &[Decimal]) -> Option<Vec<i128>> {
    let scale = weights.iter().map(|w| w.scale()).max()?;
    weights
        .iter()
        .map(|w| {
            w.mantissa()
                .checked_mul(10i128.checked_pow(scale - w.scale())?)
        })
        .collect()
}

type Check = Result<(), String>;

macro_rules! ensure {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+));
        }
    };
}

/// Every rule of the domain page, for every parent and measure of a computed breakdown.
pub fn check_rules(plan: &Plan, scenario: &Scenario, b: &Breakdown) -> Check {
    for m in Measure::ALL {
        check_company(scenario, b, m)?;
        for p in 0..b.nodes().len() {
            if b.children(p).len() > 0 {
                check_split(plan, scenario, b, p, m)?;
                check_grid(b, p, m)?;
            }
        }
    }
    Ok(())
}

fn check_company(scenario: &Scenario, b: &Breakdown, m: Measure) -> Check {
    ensure!(
        b.total(m) == scenario.target(m),
        "company {} {} ≠ target {}",
        m.key(),
        b.total(m),
        scenario.target(m)
    );
    let year = b.annual(0, m);
    for (j, v) in b.monthly(0, m).enumerate() {
        let share = scenario.month_shares(b.months().len())[j].unwrap_or_default();
        if let Some(exact) = year
            .checked_mul(share)
            .and_then(|x| x.checked_div(Decimal::ONE_HUNDRED))
        {
            ensure!(
                (v - exact).abs() < b.unit(m),
                "company month {j}: {v} vs exact {exact} ({share}% of {year})"
            );
        }
    }
    Ok(())
}

fn check_split(plan: &Plan, scenario: &Scenario, b: &Breakdown, p: usize, m: Measure) -> Check {
    let children: Vec<usize> = b.children(p).collect();
    let parent = b.annual_units(p, m);
    let parts: Vec<i64> = children.iter().map(|&c| b.annual_units(c, m)).collect();
    let name = &b.nodes()[p].id;
    ensure!(
        parts.iter().sum::<i64>() == parent,
        "{name} {}: parts {parts:?} do not sum to {parent}",
        m.key()
    );
    ensure!(
        parts.iter().all(|&v| v >= 0),
        "{name}: negative part in {parts:?}"
    );
    let mut locked_total = 0i64;
    let mut free = Vec::new();
    for (k, &c) in children.iter().enumerate() {
        match scenario.locks.get(&b.nodes()[c].id).and_then(|l| l.get(m)) {
            Some(lock) => {
                ensure!(
                    b.annual(c, m) == lock,
                    "{} locked at {lock} got {}",
                    b.nodes()[c].id,
                    b.annual(c, m)
                );
                locked_total += parts[k];
            }
            None => free.push(k),
        }
    }
    let Some(all_weights) = oracle_weights(plan, scenario, b, p, m) else {
        return Ok(());
    };
    let mut weights: Vec<Decimal> = free.iter().map(|&k| all_weights[k]).collect();
    let free_parts: Vec<i64> = free.iter().map(|&k| parts[k]).collect();
    if weights.iter().all(|w| w.is_zero()) {
        weights = vec![Decimal::ONE; free.len()];
    }
    let rest = i128::from(parent - locked_total);
    let context = format!(
        "{name} {}: {rest} units over weights {weights:?} gave {free_parts:?}",
        m.key()
    );
    // Weighted scores are decimals rounded in the 28th digit, here and in the engine alike: allow
    // that noise. Other weights are exact: check |part·W − rest·w| < W in integers.
    let level = b.nodes()[b.children(p).next().unwrap_or(p)].level;
    let exact_weights = scenario.methods.get(level) != Method::Weighted;
    match scaled(&weights).filter(|_| exact_weights) {
        Some(ints) => {
            let total: i128 = ints.iter().sum();
            for (&part, &w) in free_parts.iter().zip(&ints) {
                let gap = i128::from(part)
                    .checked_mul(total)
                    .zip(rest.checked_mul(w))
                    .map(|(a, b)| (a - b).abs());
                ensure!(
                    gap.is_none_or(|g| g < total),
                    "not within one unit: {context}"
                );
            }
        }
        None => {
            let total = weights
                .iter()
                .try_fold(Decimal::ZERO, |a, w| a.checked_add(*w));
            for (&part, &w) in free_parts.iter().zip(&weights) {
                let exact = total.and_then(|t| w.checked_div(t)).and_then(|share| {
                    Decimal::try_from_i128_with_scale(rest, 0)
                        .ok()?
                        .checked_mul(share)
                });
                if let Some(exact) = exact {
                    ensure!(
                        (Decimal::from(part) - exact).abs() < d("1.000000001"),
                        "not within one unit: {context}"
                    );
                }
            }
        }
    }
    // Monotone: a larger weight never gets less (a margin keeps decimal noise out of it).
    let margin = weights.iter().max().copied().unwrap_or_default() / d("10000000000");
    for i in 0..free.len() {
        for j in 0..free.len() {
            if weights[i]
                .checked_sub(margin)
                .is_some_and(|wi| wi > weights[j])
            {
                ensure!(
                    free_parts[i] >= free_parts[j],
                    "more weight got less: {context}"
                );
            }
        }
    }
    Ok(())
}

fn check_grid(b: &Breakdown, p: usize, m: Measure) -> Check {
    let name = &b.nodes()[p].id;
    let parent_year = i128::from(b.annual_units(p, m));
    let parent_months = b.monthly_units(p, m);
    let mut column_sums = vec![0i64; parent_months.len()];
    for c in b.children(p) {
        let year = b.annual_units(c, m);
        let months = b.monthly_units(c, m);
        let child = &b.nodes()[c].id;
        ensure!(
            months.iter().sum::<i64>() == year,
            "{child} {}: months {months:?} do not sum to its year {year}",
            m.key()
        );
        for (j, &cell) in months.iter().enumerate() {
            column_sums[j] += cell;
            let exact_times_year = i128::from(year) * i128::from(parent_months[j]);
            if parent_year == 0 {
                ensure!(cell == 0, "{child} month {j} is {cell} under a zero parent");
            } else {
                ensure!(
                    (i128::from(cell) * parent_year - exact_times_year).abs() < parent_year,
                    "{child} month {j}: {cell} not within one unit of {year}×{}/{parent_year}",
                    parent_months[j]
                );
            }
        }
    }
    ensure!(
        column_sums == parent_months,
        "{name} {}: children's months {column_sums:?} ≠ its months {parent_months:?}",
        m.key()
    );
    Ok(())
}
