//! Applying what a manager typed to a named field of the plan. Every editable value has a key,
//! `field` or `field|arg|arg`, where the args name the node (by id), a factor, a tier, a month
//! or a list position. The screens name their inputs by these keys, so one function parses and
//! applies every edit, and it is tested without a browser.

use rust_decimal::Decimal;

use super::field::{
    FieldError, parse_count, parse_date, parse_name, parse_non_negative, parse_percent,
    parse_positive, parse_text,
};
use super::model::{Factor, Milestone, Plan, Region, Salesperson, SubDistrict};
use super::period::{Period, PeriodKind, YearMonth};
use super::scenario::{Level, Measure, Method, Scenario};
use super::tier::{Tier, TierOverride};

/// Longest manager, role or note text accepted, in characters.
pub const MAX_SHORT_TEXT: usize = 100;
pub const MAX_NOTES: usize = 2000;

/// Joins the values of a composite field (a tier and its reason) into one text.
pub const GROUP_SEPARATOR: char = '\n';

/// Applies `text` to the field named by `key`; `scenario` is the scenario on screen. Returns
/// whether the plan changed. A refused value changes nothing.
pub fn apply_field(
    plan: &mut Plan,
    scenario: &str,
    key: &str,
    text: &str,
) -> Result<bool, FieldError> {
    let mut parts = key.split('|');
    let field = parts.next().unwrap_or_default();
    let args: Vec<&str> = parts.collect();
    let arg = |i: usize| args.get(i).copied().unwrap_or_default();
    let (group, name) = field.split_once('.').unwrap_or((field, ""));
    // New milestones are dated on the first day of the period.
    let first_day =
        chrono::NaiveDate::from_ymd_opt(plan.period.start.year, plan.period.start.month, 1);
    match group {
        "plan" if name == "note" => set_note(plan, arg(0), text),
        "plan" => plan_field(plan, name, text),
        "sc" => match plan.scenario_mut(scenario) {
            Some(s) => scenario_field(s, name, &args, text),
            None => Ok(false),
        },
        "region" => match plan.region_mut(arg(0)) {
            Some(r) => region_field(r, name, text),
            None => Ok(false),
        },
        "sub" if name == "move" => move_node(plan, arg(0), text),
        "sub" => match plan.subdistrict_mut(arg(0)) {
            Some(d) => sub_field(d, name, arg(1), text),
            None => Ok(false),
        },
        "milestone" | "distributor" | "terminal" => match plan.subdistrict_mut(arg(0)) {
            Some(d) => list_field(d, group, name, arg(1), text, first_day),
            None => Ok(false),
        },
        "person" if name == "move" => move_node(plan, arg(0), text),
        "person" => match plan.salesperson_mut(arg(0)) {
            Some(p) => person_field(p, name, text),
            None => Ok(false),
        },
        _ => Ok(false),
    }
}

fn set<T: PartialEq>(slot: &mut T, value: T) -> Result<bool, FieldError> {
    if *slot == value {
        return Ok(false);
    }
    *slot = value;
    Ok(true)
}

/// Longest text of a written section of the plan document, in characters.
pub const MAX_SECTION: usize = 20_000;

/// A section of the plan document the manager writes (goals, market analysis, strategy, risks).
fn set_note(plan: &mut Plan, key: &str, text: &str) -> Result<bool, FieldError> {
    let text = parse_text(text, MAX_SECTION)?;
    if plan.notes.get(key).map(String::as_str).unwrap_or("") == text {
        return Ok(false);
    }
    if text.is_empty() {
        plan.notes.remove(key);
    } else {
        plan.notes.insert(key.to_string(), text);
    }
    Ok(true)
}

fn plan_field(plan: &mut Plan, name: &str, text: &str) -> Result<bool, FieldError> {
    match name {
        "name" => set(&mut plan.name, parse_name(text)?),
        "company" => set(&mut plan.company, parse_name(text)?),
        "currency" => {
            let c = parse_name(text)?;
            if c.chars().count() > 8 {
                return Err(FieldError::TooLong(8));
            }
            set(&mut plan.currency, c.to_ascii_uppercase())
        }
        "period" => {
            let kind = PeriodKind::from_key(text.trim()).ok_or(FieldError::Empty)?;
            if kind == plan.period.kind {
                return Ok(false);
            }
            plan.set_period(Period {
                kind,
                start: plan.period.start,
            });
            Ok(true)
        }
        "start" => {
            let start: YearMonth = text
                .trim()
                .parse()
                .map_err(|_| FieldError::NotADate(text.trim().to_string()))?;
            if start == plan.period.start {
                return Ok(false);
            }
            plan.set_period(Period {
                kind: plan.period.kind,
                start,
            });
            Ok(true)
        }
        _ => Ok(false),
    }
}

fn optional(
    text: &str,
    parse: fn(&str) -> Result<Decimal, FieldError>,
) -> Result<Option<Decimal>, FieldError> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse(text).map(Some)
    }
}

fn measure_of(key: &str) -> Option<Measure> {
    Measure::ALL.into_iter().find(|m| m.key() == key)
}

fn scenario_field(
    s: &mut Scenario,
    name: &str,
    args: &[&str],
    text: &str,
) -> Result<bool, FieldError> {
    let arg = |i: usize| args.get(i).copied().unwrap_or_default();
    match name {
        "name" => set(&mut s.name, parse_name(text)?),
        "amount_target" => set(&mut s.amount_target, parse_non_negative(text)?),
        "quantity_target" => set(&mut s.quantity_target, parse_non_negative(text)?),
        "collections_target" => set(
            &mut s.collections_target,
            optional(text, parse_non_negative)?,
        ),
        "amount_unit" => set(&mut s.amount_unit, parse_positive(text)?),
        "quantity_unit" => set(&mut s.quantity_unit, parse_positive(text)?),
        "method" => {
            let level = match arg(0) {
                "region" => Level::Region,
                "subdistrict" => Level::Subdistrict,
                "salesperson" => Level::Salesperson,
                _ => return Ok(false),
            };
            let method = Method::from_key(text.trim())
                .filter(|m| level.methods().contains(m))
                .ok_or(FieldError::Empty)?;
            if s.methods.get(level) == method {
                return Ok(false);
            }
            s.methods.set(level, method);
            Ok(true)
        }
        "tier_multiplier" => set(&mut s.methods.region_tier_multiplier, text == "true"),
        "weight" => match Factor::ALL.into_iter().find(|f| f.key() == arg(0)) {
            Some(f) => set(s.factor_weights.get_mut(f), parse_non_negative(text)?),
            None => Ok(false),
        },
        "season" => {
            let value = optional(text, parse_non_negative)?;
            match arg(0)
                .parse::<usize>()
                .ok()
                .and_then(|i| s.seasonality.get_mut(i))
            {
                Some(slot) => set(slot, value),
                None => Ok(false),
            }
        }
        "flat_season" => {
            let months = s.seasonality.len();
            set(&mut s.seasonality, Scenario::flat_seasonality(months))
        }
        "threshold" => {
            let v = parse_percent(text)?;
            match arg(0) {
                "base_camp" => set(&mut s.thresholds.base_camp, v),
                "stronghold" => set(&mut s.thresholds.stronghold, v),
                "floor" => set(&mut s.thresholds.guerrilla_floor, v),
                _ => Ok(false),
            }
        }
        "policy" => {
            let Some(tier) = Tier::from_key(arg(1)) else {
                return Ok(false);
            };
            let p = s.tier_policies.get_mut(tier);
            match arg(0) {
                "multiplier" => set(&mut p.multiplier, parse_non_negative(text)?),
                "spend" => set(&mut p.distributor_spend, parse_percent(text)?),
                "goal" => set(&mut p.share_goal, optional(text, parse_percent)?),
                _ => Ok(false),
            }
        }
        "lock" | "manual" => {
            let Some(measure) = measure_of(arg(0)) else {
                return Ok(false);
            };
            let id = arg(1).to_string();
            let value = optional(text, parse_non_negative)?;
            let map = if name == "lock" {
                &mut s.locks
            } else {
                &mut s.manual
            };
            let before = map.get(&id).and_then(|v| v.get(measure));
            if before == value {
                return Ok(false);
            }
            let entry = map.entry(id.clone()).or_default();
            entry.set(measure, value);
            if entry.is_empty() {
                map.remove(&id);
            }
            Ok(true)
        }
        "override" => {
            let (tier, reason) = text.split_once(GROUP_SEPARATOR).unwrap_or((text, ""));
            let region = arg(0).to_string();
            match Tier::from_key(tier.trim()) {
                None => Ok(s.tier_overrides.remove(&region).is_some()),
                Some(tier) => {
                    let reason = parse_name(reason).map_err(|_| FieldError::ReasonRequired)?;
                    let new = TierOverride { tier, reason };
                    if s.tier_overrides.get(&region) == Some(&new) {
                        return Ok(false);
                    }
                    s.tier_overrides.insert(region, new);
                    Ok(true)
                }
            }
        }
        _ => Ok(false),
    }
}

fn region_field(r: &mut Region, name: &str, text: &str) -> Result<bool, FieldError> {
    match name {
        "name" => set(&mut r.name, parse_name(text)?),
        "manager" => set(&mut r.manager, parse_text(text, MAX_SHORT_TEXT)?),
        "share" => set(&mut r.market_share, parse_percent(text)?),
        "customers" => set(&mut r.active_customers, parse_count(text)?),
        "last_amount" => set(&mut r.last_sales.amount, parse_non_negative(text)?),
        "last_quantity" => set(&mut r.last_sales.quantity, parse_non_negative(text)?),
        "notes" => set(&mut r.notes, parse_text(text, MAX_NOTES)?),
        _ => Ok(false),
    }
}

fn sub_field(d: &mut SubDistrict, name: &str, arg: &str, text: &str) -> Result<bool, FieldError> {
    match name {
        "name" => set(&mut d.name, parse_name(text)?),
        "target_share" => set(&mut d.target_share, parse_percent(text)?),
        "last_amount" => set(&mut d.last_sales.amount, parse_non_negative(text)?),
        "last_quantity" => set(&mut d.last_sales.quantity, parse_non_negative(text)?),
        "factor" => match Factor::ALL.into_iter().find(|f| f.key() == arg) {
            Some(f) => set(d.factors.get_mut(f), parse_non_negative(text)?),
            None => Ok(false),
        },
        _ => Ok(false),
    }
}

fn list_field(
    d: &mut SubDistrict,
    list: &str,
    action: &str,
    index: &str,
    text: &str,
    first_day: Option<chrono::NaiveDate>,
) -> Result<bool, FieldError> {
    let i = index.parse::<usize>().ok();
    if list == "milestone" {
        let m = i.and_then(|i| d.milestones.get_mut(i));
        return match (action, m) {
            ("add", _) => {
                let title = parse_name(text)?;
                d.milestones.push(Milestone {
                    date: first_day.unwrap_or_default(),
                    title,
                    done: false,
                });
                Ok(true)
            }
            ("date", Some(m)) => set(&mut m.date, parse_date(text)?),
            ("title", Some(m)) => set(&mut m.title, parse_name(text)?),
            ("done", Some(m)) => set(&mut m.done, text == "true"),
            ("remove", Some(_)) => {
                d.milestones.remove(i.unwrap_or_default());
                Ok(true)
            }
            _ => Ok(false),
        };
    }
    let names = if list == "terminal" {
        &mut d.target_terminals
    } else {
        &mut d.target_distributors
    };
    match action {
        "add" => {
            names.push(parse_name(text)?);
            Ok(true)
        }
        "remove" => match i.filter(|&i| i < names.len()) {
            Some(i) => {
                names.remove(i);
                Ok(true)
            }
            None => Ok(false),
        },
        _ => Ok(false),
    }
}

fn person_field(p: &mut Salesperson, name: &str, text: &str) -> Result<bool, FieldError> {
    match name {
        "name" => set(&mut p.name, parse_name(text)?),
        "role" => set(&mut p.role, parse_text(text, MAX_SHORT_TEXT)?),
        "last_amount" => set(&mut p.last_sales.amount, parse_non_negative(text)?),
        "last_quantity" => set(&mut p.last_sales.quantity, parse_non_negative(text)?),
        _ => Ok(false),
    }
}

fn move_node(plan: &mut Plan, id: &str, new_parent: &str) -> Result<bool, FieldError> {
    if plan.parent_id(id).as_deref() == Some(new_parent.trim()) {
        return Ok(false);
    }
    Ok(plan.move_to_parent(id, new_parent.trim()).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;

    fn plan() -> (Plan, String) {
        let p = sample_plan(Lang::En);
        let s = p.adopted_scenario.clone();
        (p, s)
    }

    #[test]
    fn typed_values_reach_their_fields() {
        let (mut p, s) = plan();
        let r = p.regions[1].id.clone();
        let d = p.regions[0].subdistricts[0].id.clone();
        let who = p.regions[0].subdistricts[0].salespeople[0].id.clone();
        let cases = [
            (format!("region.share|{r}"), "52.5"),
            (format!("region.customers|{r}"), "1,200"),
            (format!("sub.factor|{d}|population"), "77"),
            (format!("person.role|{who}"), "Key accounts"),
            ("sc.weight|transport".to_string(), "40"),
            ("sc.season|0".to_string(), "12"),
            ("sc.threshold|base_camp".to_string(), "65%"),
            ("plan.currency".to_string(), "usd"),
        ];
        for (key, text) in &cases {
            assert_eq!(
                apply_field(&mut p, &s, key, text),
                Ok(true),
                "{key} = {text}"
            );
        }
        assert_eq!(p.regions[1].market_share, "52.5".parse().unwrap());
        assert_eq!(p.regions[1].active_customers, 1200);
        assert_eq!(
            p.regions[0].subdistricts[0].factors.population,
            Decimal::from(77)
        );
        assert_eq!(
            p.regions[0].subdistricts[0].salespeople[0].role,
            "Key accounts"
        );
        let sc = p.scenario(&s).unwrap();
        assert_eq!(sc.factor_weights.transport, Decimal::from(40));
        assert_eq!(sc.seasonality[0], Some(Decimal::from(12)));
        assert_eq!(sc.thresholds.base_camp, Decimal::from(65));
        assert_eq!(p.currency, "USD");
        assert_eq!(
            apply_field(&mut p, &s, "plan.currency", "USD"),
            Ok(false),
            "same value, no change"
        );
    }

    #[test]
    fn refused_values_change_nothing() {
        let (mut p, s) = plan();
        let before = p.clone();
        let r = p.regions[0].id.clone();
        let d = p.regions[0].subdistricts[0].id.clone();
        for (key, text, err) in [
            (format!("region.share|{r}"), "120", FieldError::PercentRange),
            (format!("region.name|{r}"), "  ", FieldError::Empty),
            (
                format!("sub.factor|{d}|population"),
                "-5",
                FieldError::Negative,
            ),
            (
                format!("milestone.date|{d}|0"),
                "2027-02-30",
                FieldError::NotADate("2027-02-30".into()),
            ),
            ("sc.amount_unit".to_string(), "0", FieldError::NotPositive),
            (
                format!("sc.override|{r}"),
                "guerrilla\n ",
                FieldError::ReasonRequired,
            ),
        ] {
            assert_eq!(
                apply_field(&mut p, &s, &key, text),
                Err(err),
                "{key} = {text:?}"
            );
        }
        assert_eq!(p, before);
    }

    #[test]
    fn lists_locks_overrides_and_moves() {
        let (mut p, s) = plan();
        let d = p.regions[0].subdistricts[0].id.clone();
        let r = p.regions[6].id.clone();
        let other = p.regions[1].id.clone();
        assert_eq!(
            apply_field(&mut p, &s, &format!("distributor.add|{d}"), "Hexin Trading"),
            Ok(true)
        );
        assert_eq!(
            p.regions[0].subdistricts[0]
                .target_distributors
                .last()
                .unwrap(),
            "Hexin Trading"
        );
        assert_eq!(
            apply_field(&mut p, &s, &format!("milestone.add|{d}"), "Open the depot"),
            Ok(true)
        );
        let m = p.regions[0].subdistricts[0].milestones.last().unwrap();
        assert_eq!(
            (m.title.as_str(), m.date.to_string().as_str()),
            ("Open the depot", "2027-01-01")
        );
        assert_eq!(
            apply_field(&mut p, &s, &format!("sc.lock|amount|{r}"), "1,000,000"),
            Ok(true)
        );
        assert_eq!(
            p.scenario(&s).unwrap().locks[&r].amount,
            Some(Decimal::from(1_000_000))
        );
        assert_eq!(
            apply_field(&mut p, &s, &format!("sc.lock|amount|{r}"), ""),
            Ok(true)
        );
        assert!(p.scenario(&s).unwrap().locks.is_empty());
        let text = format!("contested{GROUP_SEPARATOR}New dealer signed");
        assert_eq!(
            apply_field(&mut p, &s, &format!("sc.override|{r}"), &text),
            Ok(true)
        );
        assert_eq!(
            p.scenario(&s).unwrap().tier_of(&p.regions[6]),
            Tier::Contested
        );
        assert_eq!(
            apply_field(&mut p, &s, &format!("sc.override|{r}"), "\n"),
            Ok(true)
        );
        assert!(p.scenario(&s).unwrap().tier_overrides.is_empty());
        assert_eq!(
            apply_field(&mut p, &s, &format!("sub.move|{d}"), &other),
            Ok(true)
        );
        assert_eq!(p.parent_id(&d).as_deref(), Some(other.as_str()));
    }
}
