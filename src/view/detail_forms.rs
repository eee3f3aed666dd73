//! The editor beside the tree, as view models: the values of the plan, a region, a sub-district
//! or a salesperson as their fields show them, with the headings and choices around them.
//! Values are the stored text (`64.5`, `2027-03-31`); the field shows numbers grouped.

use crate::core::model::{Factor, Plan};
use crate::core::period::PeriodKind;
use crate::core::tier::Tier;
use crate::i18n::{Catalogue, fill};

/// A choice of a select: (value, label).
pub type Choice = (String, String);

/// The plan's own fields and the targets of the scenario on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanDetail {
    /// `4 Regions · 19 Sub-districts · 40 Salespeople`.
    pub summary: String,
    pub name: String,
    pub company: String,
    pub currency: String,
    /// The period kind's key (`year`).
    pub period_kind: String,
    pub period_choices: Vec<Choice>,
    /// The first month, `2027-01`.
    pub start: String,
    /// `None` when the scenario on screen is gone.
    pub targets: Option<ScenarioTargets>,
}

/// The headline targets of one scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioTargets {
    pub scenario: String,
    /// `Targets of scenario “Baseline”`.
    pub heading: String,
    /// The amount's label with the plan's currency: `Amount target (CNY)`.
    pub amount_label: String,
    pub amount: String,
    pub quantity: String,
    /// Empty when the scenario sets no collections target.
    pub collections: String,
}

/// A region's fields.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionDetail {
    pub id: String,
    /// `Region · Changsha`.
    pub heading: String,
    /// The region's tier in the scenario on screen, with its name.
    pub tier: Option<(Tier, String)>,
    pub name: String,
    pub manager: String,
    pub market_share: String,
    pub active_customers: String,
    pub last_amount: String,
    pub last_quantity: String,
    pub notes: String,
}

/// One of a sub-district's six factors.
#[derive(Clone, Debug, PartialEq)]
pub struct FactorValue {
    pub factor: Factor,
    pub label: String,
    pub value: String,
    /// The scale to type it on and what its ends mean ("1–5: 1 = township, 5 = capital").
    pub scale: String,
}

/// One dated step of a sub-district's development and promotion schedule.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MilestoneRow {
    /// `2027-03-31`.
    pub date: String,
    pub title: String,
    pub done: bool,
    /// The day it was done, `YYYY-MM-DD`, or empty.
    pub done_on: String,
    /// Its date, for judging it overdue ([`MilestoneRow::overdue_days`]).
    pub due: chrono::NaiveDate,
    /// The corrective action written while overdue.
    pub note: String,
}

impl MilestoneRow {
    /// Days past its date on `today` when not done (as the deviation list counts them).
    pub fn overdue_days(&self, today: chrono::NaiveDate) -> Option<i64> {
        (!self.done && self.due < today).then(|| (today - self.due).num_days())
    }
}

/// A sub-district's fields, schedule and named targets.
#[derive(Clone, Debug, PartialEq)]
pub struct SubdistrictDetail {
    pub id: String,
    /// `Sub-district · Furong District`.
    pub heading: String,
    pub name: String,
    pub target_share: String,
    pub last_amount: String,
    pub last_quantity: String,
    /// The region it belongs to, and every region it can move to.
    pub region: String,
    pub region_choices: Vec<Choice>,
    pub factors: Vec<FactorValue>,
    pub milestones: Vec<MilestoneRow>,
    pub distributors: Vec<String>,
    pub terminals: Vec<String>,
}

/// A salesperson's fields.
#[derive(Clone, Debug, PartialEq)]
pub struct SalespersonDetail {
    pub id: String,
    /// `Salesperson · Wang Wei`.
    pub heading: String,
    pub name: String,
    pub role: String,
    pub last_amount: String,
    pub last_quantity: String,
    /// The sub-district it belongs to.
    pub subdistrict: String,
}

fn heading(kind: &str, name: &str) -> String {
    if name.is_empty() {
        kind.to_string()
    } else {
        format!("{kind} · {name}")
    }
}

/// The plan's fields, with the targets of scenario `scenario`.
pub fn plan_detail(t: &Catalogue, plan: &Plan, scenario: &str) -> PlanDetail {
    let (r, d, p) = plan.size();
    PlanDetail {
        summary: format!(
            "{r} {} · {d} {} · {p} {}",
            t.regions, t.subdistricts, t.salespeople
        ),
        name: plan.name.clone(),
        company: plan.company.clone(),
        currency: plan.currency.clone(),
        period_kind: plan.period.kind.key().to_string(),
        period_choices: PeriodKind::ALL
            .iter()
            .map(|k| (k.key().to_string(), t.period_kind(*k).to_string()))
            .collect(),
        start: plan.period.start.to_string(),
        targets: plan.scenario(scenario).map(|s| ScenarioTargets {
            scenario: s.id.clone(),
            heading: fill(t.targets_of_scenario, &[&s.name]),
            amount_label: format!("{} ({})", t.amount_target, plan.currency),
            amount: s.amount_target.to_string(),
            quantity: s.quantity_target.to_string(),
            collections: s
                .collections_target
                .map(|v| v.to_string())
                .unwrap_or_default(),
        }),
    }
}

/// A region's fields, its tier taken from scenario `scenario`.
pub fn region_detail(t: &Catalogue, plan: &Plan, scenario: &str, id: &str) -> Option<RegionDetail> {
    let r = plan.region(id)?;
    Some(RegionDetail {
        id: r.id.clone(),
        heading: heading(t.region, &r.name),
        tier: plan.scenario(scenario).map(|s| {
            let tier = s.tier_of(r);
            (tier, t.tier(tier).to_string())
        }),
        name: r.name.clone(),
        manager: r.manager.clone(),
        market_share: r.market_share.to_string(),
        active_customers: r.active_customers.to_string(),
        last_amount: r.last_sales.amount.to_string(),
        last_quantity: r.last_sales.quantity.to_string(),
        notes: r.notes.clone(),
    })
}

/// A sub-district's fields, schedule and named targets.
pub fn subdistrict_detail(t: &Catalogue, plan: &Plan, id: &str) -> Option<SubdistrictDetail> {
    let d = plan.subdistrict(id)?;
    Some(SubdistrictDetail {
        id: d.id.clone(),
        heading: heading(t.subdistrict, &d.name),
        name: d.name.clone(),
        target_share: d.target_share.to_string(),
        last_amount: d.last_sales.amount.to_string(),
        last_quantity: d.last_sales.quantity.to_string(),
        region: plan.parent_id(id).unwrap_or_default(),
        region_choices: plan
            .regions
            .iter()
            .map(|r| (r.id.clone(), r.name.clone()))
            .collect(),
        factors: Factor::ALL
            .iter()
            .map(|f| FactorValue {
                factor: *f,
                label: t.factor(*f).to_string(),
                value: d.factors.get(*f).to_string(),
                scale: t.factor_scale(*f).to_string(),
            })
            .collect(),
        milestones: d
            .milestones
            .iter()
            .map(|m| MilestoneRow {
                date: m.date.to_string(),
                title: m.title.clone(),
                done: m.done,
                done_on: m.done_on.map(|d| d.to_string()).unwrap_or_default(),
                due: m.date,
                note: m.note.clone(),
            })
            .collect(),
        distributors: d.target_distributors.clone(),
        terminals: d.target_terminals.clone(),
    })
}

/// A salesperson's fields.
pub fn salesperson_detail(t: &Catalogue, plan: &Plan, id: &str) -> Option<SalespersonDetail> {
    let p = plan.salesperson(id)?;
    Some(SalespersonDetail {
        id: p.id.clone(),
        heading: heading(t.salesperson, &p.name),
        name: p.name.clone(),
        role: p.role.clone(),
        last_amount: p.last_sales.amount.to_string(),
        last_quantity: p.last_sales.quantity.to_string(),
        subdistrict: plan.parent_id(id).unwrap_or_default(),
    })
}

/// Every sub-district a salesperson can move to, named with its region
/// (`Changsha / Furong District`).
pub fn subdistrict_choices(plan: &Plan) -> Vec<Choice> {
    plan.regions
        .iter()
        .flat_map(|r| {
            r.subdistricts
                .iter()
                .map(move |d| (d.id.clone(), format!("{} / {}", r.name, d.name)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;
    use crate::i18n::{EN, ZH};

    #[test]
    fn a_region_shows_its_tier_and_stored_values() {
        let plan = sample_plan(Lang::En);
        let r = region_detail(&EN, &plan, &plan.adopted_scenario, &plan.regions[0].id).unwrap();
        assert_eq!(r.heading, "Region · Changsha");
        assert_eq!(r.tier, Some((Tier::BaseCamp, "Base camp".to_string())));
        assert_eq!(r.market_share, "64.5");
        assert!(
            region_detail(&EN, &plan, "gone", &plan.regions[0].id)
                .unwrap()
                .tier
                .is_none()
        );
        assert!(region_detail(&EN, &plan, &plan.adopted_scenario, "nobody").is_none());
    }

    #[test]
    fn a_subdistrict_shows_factors_schedule_and_named_targets_in_chinese() {
        let plan = sample_plan(Lang::Zh);
        let d = &plan.regions[0].subdistricts[0];
        let sub = subdistrict_detail(&ZH, &plan, &d.id).unwrap();
        assert_eq!(sub.factors.len(), 6);
        assert_eq!(sub.factors[1].label, "人口数量");
        assert_eq!(sub.factors[1].factor, Factor::Population);
        // Each says what to type: a score's scale and what its ends mean, or a figure's unit.
        assert_eq!(sub.factors[0].scale, "评分 1–5：1 = 乡镇，5 = 省会城区");
        assert_eq!(sub.factors[1].scale, "万人");
        assert!(sub.factors.iter().all(|f| !f.scale.is_empty()));
        assert!(
            sub.milestones.iter().any(|m| m.date == "2027-03-31"),
            "{:?}",
            sub.milestones
        );
        assert!(
            sub.distributors.iter().any(|n| n == "湘通商贸"),
            "{:?}",
            sub.distributors
        );
        assert!(
            sub.terminals.iter().any(|n| n == "步步高超市"),
            "{:?}",
            sub.terminals
        );
        assert_eq!(sub.region, plan.regions[0].id);
        assert_eq!(sub.region_choices.len(), plan.regions.len());
        assert_eq!(
            sub.region_choices[1],
            (plan.regions[1].id.clone(), plan.regions[1].name.clone())
        );
    }

    #[test]
    fn a_salesperson_can_move_to_any_subdistrict_named_with_its_region() {
        let plan = sample_plan(Lang::En);
        let p = &plan.regions[0].subdistricts[0].salespeople[0];
        let person = salesperson_detail(&EN, &plan, &p.id).unwrap();
        assert_eq!(person.role, "Team lead");
        assert_eq!(person.heading, format!("Salesperson · {}", p.name));
        assert_eq!(person.subdistrict, plan.regions[0].subdistricts[0].id);
        let choices = subdistrict_choices(&plan);
        let (_, subs, _) = plan.size();
        assert_eq!(choices.len(), subs);
        assert_eq!(
            choices[0],
            (
                person.subdistrict.clone(),
                "Changsha / Furong District".into()
            )
        );
    }

    #[test]
    fn the_plan_shows_its_size_period_and_the_targets_of_the_scenario_on_screen() {
        let plan = sample_plan(Lang::En);
        let company = plan_detail(&EN, &plan, &plan.adopted_scenario);
        assert_eq!(company.name, "Hunan 2027 annual sales plan");
        let (r, d, p) = plan.size();
        assert_eq!(
            company.summary,
            format!("{r} Regions · {d} Sub-districts · {p} Salespeople")
        );
        assert_eq!(company.period_kind, "year");
        assert_eq!(company.period_choices.len(), 3);
        assert_eq!(company.start, "2027-01");
        let targets = company.targets.unwrap();
        assert_eq!(targets.amount, "118000000");
        assert_eq!(
            crate::view::numbers::grouped(targets.amount.parse().unwrap()),
            "118,000,000"
        );
        assert_eq!(targets.amount_label, "Amount target (CNY)");
        assert!(plan_detail(&EN, &plan, "gone").targets.is_none());
    }
}
