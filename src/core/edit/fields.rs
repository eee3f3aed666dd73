//! The editable fields of the plan, its scenarios and its territory, each with its typed value.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{EditError, MAX_NOTES, MAX_SHORT_TEXT, set};
use crate::core::field::{FieldError, parse_name, parse_text};
use crate::core::model::{Factor, Milestone, Plan, Region, Salesperson, SubDistrict};
use crate::core::period::{Period, PeriodKind, YearMonth};
use crate::core::scenario::{Level, Measure, Method, Scenario};
use crate::core::tier::{Tier, TierOverride};

/// Longest currency code, in characters.
const MAX_CURRENCY: usize = 8;

/// A field of the plan itself.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanField {
    Name(String),
    Company(String),
    /// A currency code; stored in capitals.
    Currency(String),
    PeriodKind(PeriodKind),
    /// The first month of the period.
    Start(YearMonth),
}

impl PlanField {
    pub(super) fn apply(&self, plan: &mut Plan) -> Result<bool, EditError> {
        Ok(match self {
            PlanField::Name(name) => set(&mut plan.name, parse_name(name)?),
            PlanField::Company(name) => set(&mut plan.company, parse_name(name)?),
            PlanField::Currency(code) => {
                let code = parse_name(code)?;
                if code.chars().count() > MAX_CURRENCY {
                    return Err(FieldError::TooLong(MAX_CURRENCY).into());
                }
                set(&mut plan.currency, code.to_uppercase())
            }
            PlanField::PeriodKind(kind) => {
                let period = Period {
                    kind: *kind,
                    start: plan.period.start,
                };
                period != plan.period && {
                    plan.set_period(period);
                    true
                }
            }
            PlanField::Start(start) => {
                let period = Period {
                    kind: plan.period.kind,
                    start: *start,
                };
                period != plan.period && {
                    plan.set_period(period);
                    true
                }
            }
        })
    }
}

/// One of a scenario's tier thresholds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Threshold {
    BaseCamp,
    Stronghold,
    /// The share below which a region counts as having no customer base.
    GuerrillaFloor,
}

impl Threshold {
    pub const ALL: [Threshold; 3] = [
        Threshold::BaseCamp,
        Threshold::Stronghold,
        Threshold::GuerrillaFloor,
    ];
}

/// A field of a scenario.
#[derive(Clone, Debug, PartialEq)]
pub enum ScenarioField {
    Name(String),
    AmountTarget(Decimal),
    QuantityTarget(Decimal),
    /// `None`: no collections target.
    CollectionsTarget(Option<Decimal>),
    AmountUnit(Decimal),
    QuantityUnit(Decimal),
    /// The breakdown method of a level.
    Method(Level, Method),
    /// Whether region weights are multiplied by their tier's factor.
    TierMultiplier(bool),
    /// A factor's weight in the sub-district index.
    Weight(Factor, Decimal),
    /// A month's seasonality weight, by position in the period; `None` is a missing month.
    Season(usize, Option<Decimal>),
    /// Every month the same weight.
    FlatSeasonality,
    Threshold(Threshold, Decimal),
    /// A tier's weight multiplier.
    TierFactor(Tier, Decimal),
    /// A tier's distributor share of spend, in percent.
    DistributorSpend(Tier, Decimal),
    /// A tier's market-share aim, in percent.
    ShareGoal(Tier, Option<Decimal>),
    /// A node's value pinned (`Some`) or freed (`None`).
    Lock(Measure, String, Option<Decimal>),
    /// A node's typed number for the manual method.
    Manual(Measure, String, Option<Decimal>),
    /// A region's tier set by hand with a reason, or given back to its share (`None`).
    TierOverride(String, Option<TierOverride>),
}

impl ScenarioField {
    /// Applies the field to `s`, a scenario of a period of `months` months.
    pub(super) fn apply(&self, s: &mut Scenario, months: usize) -> Result<bool, EditError> {
        Ok(match self {
            ScenarioField::Name(name) => set(&mut s.name, parse_name(name)?),
            ScenarioField::AmountTarget(v) => set(&mut s.amount_target, *v),
            ScenarioField::QuantityTarget(v) => set(&mut s.quantity_target, *v),
            ScenarioField::CollectionsTarget(v) => set(&mut s.collections_target, *v),
            ScenarioField::AmountUnit(v) => set(&mut s.amount_unit, positive(*v)?),
            ScenarioField::QuantityUnit(v) => set(&mut s.quantity_unit, positive(*v)?),
            ScenarioField::Method(level, method) => {
                if !level.methods().contains(method) {
                    return Err(FieldError::Empty.into());
                }
                s.methods.get(*level) != *method && {
                    s.methods.set(*level, *method);
                    true
                }
            }
            ScenarioField::TierMultiplier(on) => set(&mut s.methods.region_tier_multiplier, *on),
            ScenarioField::Weight(f, v) => set(s.factor_weights.get_mut(*f), *v),
            ScenarioField::Season(month, v) => {
                if s.even_months() {
                    // Leaving equal months: start from rounded percentages that total 100.
                    if *month >= months {
                        return Err(EditError::NoEntry(*month));
                    }
                    s.seasonality = Scenario::flat_seasonality(months);
                }
                match s.seasonality.get_mut(*month) {
                    Some(slot) => set(slot, *v),
                    None => return Err(EditError::NoEntry(*month)),
                }
            }
            ScenarioField::FlatSeasonality => set(&mut s.seasonality, Vec::new()),
            ScenarioField::Threshold(which, v) => {
                // Checked on a copy: thresholds out of order are refused with the reason.
                let mut t = s.thresholds;
                let slot = match which {
                    Threshold::BaseCamp => &mut t.base_camp,
                    Threshold::Stronghold => &mut t.stronghold,
                    Threshold::GuerrillaFloor => &mut t.guerrilla_floor,
                };
                *slot = *v;
                t.check_order()?;
                set(&mut s.thresholds, t)
            }
            ScenarioField::TierFactor(tier, v) => {
                set(&mut s.tier_policies.get_mut(*tier).multiplier, *v)
            }
            ScenarioField::DistributorSpend(tier, v) => {
                set(&mut s.tier_policies.get_mut(*tier).distributor_spend, *v)
            }
            ScenarioField::ShareGoal(tier, v) => {
                set(&mut s.tier_policies.get_mut(*tier).share_goal, *v)
            }
            ScenarioField::Lock(measure, node, v) => {
                set_node_value(&mut s.locks, *measure, node, *v)
            }
            ScenarioField::Manual(measure, node, v) => {
                set_node_value(&mut s.manual, *measure, node, *v)
            }
            ScenarioField::TierOverride(region, None) => s.tier_overrides.remove(region).is_some(),
            ScenarioField::TierOverride(region, Some(o)) => {
                let reason = parse_name(&o.reason).map_err(|_| FieldError::ReasonRequired)?;
                let new = TierOverride {
                    tier: o.tier,
                    reason,
                };
                s.tier_overrides.get(region) != Some(&new) && {
                    s.tier_overrides.insert(region.clone(), new);
                    true
                }
            }
        })
    }
}

fn positive(v: Decimal) -> Result<Decimal, FieldError> {
    if v <= Decimal::ZERO {
        return Err(FieldError::NotPositive);
    }
    Ok(v)
}

fn set_node_value(
    map: &mut std::collections::BTreeMap<String, crate::core::scenario::NodeValues>,
    measure: Measure,
    node: &str,
    value: Option<Decimal>,
) -> bool {
    if map.get(node).and_then(|v| v.get(measure)) == value {
        return false;
    }
    let entry = map.entry(node.to_string()).or_default();
    entry.set(measure, value);
    if entry.is_empty() {
        map.remove(node);
    }
    true
}

/// A field of a region.
#[derive(Clone, Debug, PartialEq)]
pub enum RegionField {
    Name(String),
    Manager(String),
    MarketShare(Decimal),
    ActiveCustomers(u32),
    LastAmount(Decimal),
    LastQuantity(Decimal),
    Notes(String),
}

impl RegionField {
    pub(super) fn apply(&self, r: &mut Region) -> Result<bool, EditError> {
        Ok(match self {
            RegionField::Name(name) => set(&mut r.name, parse_name(name)?),
            RegionField::Manager(text) => set(&mut r.manager, parse_text(text, MAX_SHORT_TEXT)?),
            RegionField::MarketShare(v) => set(&mut r.market_share, *v),
            RegionField::ActiveCustomers(n) => set(&mut r.active_customers, *n),
            RegionField::LastAmount(v) => set(&mut r.last_sales.amount, *v),
            RegionField::LastQuantity(v) => set(&mut r.last_sales.quantity, *v),
            RegionField::Notes(text) => set(&mut r.notes, parse_text(text, MAX_NOTES)?),
        })
    }
}

/// A field of a sub-district, or a change to its milestones and named targets.
#[derive(Clone, Debug, PartialEq)]
pub enum SubdistrictField {
    Name(String),
    TargetShare(Decimal),
    LastAmount(Decimal),
    LastQuantity(Decimal),
    Factor(Factor, Decimal),
    /// A new milestone, dated on the first day of the period.
    AddMilestone(String),
    MilestoneDate(usize, NaiveDate),
    MilestoneTitle(usize, String),
    /// Ticked or unticked; unticking forgets the day it was done.
    MilestoneDone(usize, bool),
    /// The day it was done (which ticks it), or none.
    MilestoneDoneOn(usize, Option<NaiveDate>),
    /// The corrective action on an overdue milestone.
    MilestoneNote(usize, String),
    RemoveMilestone(usize),
    AddDistributor(String),
    RemoveDistributor(usize),
    AddTerminal(String),
    RemoveTerminal(usize),
}

impl SubdistrictField {
    pub(super) fn apply(
        &self,
        d: &mut SubDistrict,
        first_day: Option<NaiveDate>,
    ) -> Result<bool, EditError> {
        Ok(match self {
            SubdistrictField::Name(name) => set(&mut d.name, parse_name(name)?),
            SubdistrictField::TargetShare(v) => set(&mut d.target_share, *v),
            SubdistrictField::LastAmount(v) => set(&mut d.last_sales.amount, *v),
            SubdistrictField::LastQuantity(v) => set(&mut d.last_sales.quantity, *v),
            SubdistrictField::Factor(f, v) => set(d.factors.get_mut(*f), f.check(*v)?),
            SubdistrictField::AddMilestone(title) => {
                d.milestones.push(Milestone {
                    date: first_day.unwrap_or_default(),
                    title: parse_name(title)?,
                    done: false,
                    done_on: None,
                    note: String::new(),
                });
                true
            }
            SubdistrictField::MilestoneDate(i, date) => set(&mut milestone(d, *i)?.date, *date),
            SubdistrictField::MilestoneTitle(i, title) => {
                let title = parse_name(title)?;
                set(&mut milestone(d, *i)?.title, title)
            }
            SubdistrictField::MilestoneDone(i, done) => {
                let m = milestone(d, *i)?;
                let on = if *done { m.done_on } else { None };
                set(&mut m.done_on, on) | set(&mut m.done, *done)
            }
            SubdistrictField::MilestoneDoneOn(i, on) => {
                let m = milestone(d, *i)?;
                let done = on.is_some() || m.done;
                set(&mut m.done_on, *on) | set(&mut m.done, done)
            }
            SubdistrictField::MilestoneNote(i, note) => {
                let note = parse_text(note, MAX_NOTES)?;
                set(&mut milestone(d, *i)?.note, note)
            }
            SubdistrictField::RemoveMilestone(i) => remove(&mut d.milestones, *i)?,
            SubdistrictField::AddDistributor(name) => {
                d.target_distributors.push(parse_name(name)?);
                true
            }
            SubdistrictField::RemoveDistributor(i) => remove(&mut d.target_distributors, *i)?,
            SubdistrictField::AddTerminal(name) => {
                d.target_terminals.push(parse_name(name)?);
                true
            }
            SubdistrictField::RemoveTerminal(i) => remove(&mut d.target_terminals, *i)?,
        })
    }
}

fn milestone(d: &mut SubDistrict, i: usize) -> Result<&mut Milestone, EditError> {
    d.milestones.get_mut(i).ok_or(EditError::NoEntry(i))
}

fn remove<T>(list: &mut Vec<T>, i: usize) -> Result<bool, EditError> {
    if i >= list.len() {
        return Err(EditError::NoEntry(i));
    }
    list.remove(i);
    Ok(true)
}

/// A field of a salesperson.
#[derive(Clone, Debug, PartialEq)]
pub enum SalespersonField {
    Name(String),
    Role(String),
    LastAmount(Decimal),
    LastQuantity(Decimal),
}

impl SalespersonField {
    pub(super) fn apply(&self, p: &mut Salesperson) -> Result<bool, EditError> {
        Ok(match self {
            SalespersonField::Name(name) => set(&mut p.name, parse_name(name)?),
            SalespersonField::Role(text) => set(&mut p.role, parse_text(text, MAX_SHORT_TEXT)?),
            SalespersonField::LastAmount(v) => set(&mut p.last_sales.amount, *v),
            SalespersonField::LastQuantity(v) => set(&mut p.last_sales.quantity, *v),
        })
    }
}
