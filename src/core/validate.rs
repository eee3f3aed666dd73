//! Whole-plan validation: every problem with the JSON path of the field it concerns.

use foldhash::{HashSet, HashSetExt};
use std::fmt;

use rust_decimal::Decimal;

use super::field::{FieldError, MAX_NAME_CHARS, check_no_control, check_percent, max_value};
use super::model::{FORMAT_VERSION, Plan, Sales};

/// What is wrong at one place of a plan.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Issue {
    /// A field's value is refused for the reason given.
    #[error("{0}")]
    Field(#[from] FieldError),
    /// An id used by two nodes or scenarios.
    #[error("id '{0}' is used more than once")]
    DuplicateId(String),
    /// A reference to an id that is not in the plan.
    #[error("refers to '{0}', which is not in the plan")]
    UnknownId(String),
    /// A plan with no scenario.
    #[error("a plan needs at least one scenario")]
    NoScenario,
    /// The seasonality profile has the wrong number of months.
    #[error("has {found} months; the period has {expected}")]
    MonthCount { expected: usize, found: usize },
    /// Tier thresholds out of order (base camp > stronghold > guerrilla floor).
    #[error("{0}")]
    Thresholds(#[from] super::tier::ThresholdOrder),
    /// A re-spread (纠偏) that does not fit the plan.
    #[error("{0}")]
    Respread(super::respread::RespreadError),
    /// A scorecard scale that does not rise towards its measure's better end.
    #[error("{0}")]
    Scale(super::execution::ScaleError),
    /// A format version this program does not know.
    #[error(
        "format version {0} is not supported (this program reads versions up to {FORMAT_VERSION})"
    )]
    Version(u32),
}

/// One problem: where, and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// JSON path of the field, e.g. `$.regions[2].market_share`.
    pub path: String,
    pub issue: Issue,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.issue)
    }
}

/// Largest id counter accepted: far more ids than any plan makes, far from overflowing.
const MAX_ID_SEQ: u64 = 1 << 53;

struct Checker {
    problems: Vec<Problem>,
}

/// A field's JSON path, written out only when a problem is found there: a valid plan of
/// 10,000 salespeople has some 100,000 checked fields and no path to write.
trait LazyPath {
    fn text(self) -> String;
}

impl LazyPath for &str {
    fn text(self) -> String {
        self.to_string()
    }
}

impl LazyPath for String {
    fn text(self) -> String {
        self
    }
}

impl<F: FnOnce() -> String> LazyPath for F {
    fn text(self) -> String {
        self()
    }
}

impl Checker {
    fn push(&mut self, path: impl LazyPath, issue: impl Into<Issue>) {
        self.problems.push(Problem {
            path: path.text(),
            issue: issue.into(),
        });
    }

    fn name(&mut self, path: impl LazyPath, name: &str) {
        if name.trim().is_empty() {
            self.push(path, FieldError::Empty);
        } else if let Err(e) = check_no_control(name) {
            self.push(path, e);
        } else if name.chars().count() > MAX_NAME_CHARS {
            self.push(path, FieldError::TooLong(MAX_NAME_CHARS));
        }
    }

    fn non_negative(&mut self, path: impl LazyPath, v: Decimal) {
        if v < Decimal::ZERO {
            self.push(path, FieldError::Negative);
        } else if v > max_value() {
            self.push(path, FieldError::TooLarge);
        }
    }

    fn percent(&mut self, path: impl LazyPath, v: Decimal) {
        if let Err(e) = check_percent(v) {
            self.push(path, e);
        }
    }

    fn sales(&mut self, path: impl Fn() -> String, s: &Sales) {
        self.non_negative(|| format!("{}.amount", path()), s.amount);
        self.non_negative(|| format!("{}.quantity", path()), s.quantity);
    }

    /// An id that is present, printable and not used before.
    fn unique<'a>(&mut self, ids: &mut HashSet<&'a str>, path: impl LazyPath, id: &'a str) {
        if id.trim().is_empty() {
            self.push(path, FieldError::Empty);
        } else if let Err(e) = check_no_control(id) {
            self.push(path, e);
        } else if !ids.insert(id) {
            self.push(path, Issue::DuplicateId(id.to_string()));
        }
    }
}

/// Every problem in the plan, in document order. An empty list means the plan is valid.
pub fn validate_plan(plan: &Plan) -> Vec<Problem> {
    let mut c = Checker {
        problems: Vec::new(),
    };
    if plan.format_version != FORMAT_VERSION {
        c.push("$.format_version", Issue::Version(plan.format_version));
    }
    c.name("$.id", &plan.id);
    c.name("$.name", &plan.name);
    c.name("$.currency", &plan.currency);
    // Ids are made by counting up from here; a counter near the end of u64 would overflow.
    if plan.id_seq > MAX_ID_SEQ {
        c.push("$.id_seq", FieldError::TooLarge);
    }

    let (regions, subs, people) = plan.size();
    let mut ids: HashSet<&str> =
        HashSet::with_capacity(regions + subs + people + plan.scenarios.len());
    for (ri, r) in plan.regions.iter().enumerate() {
        let rp = || format!("$.regions[{ri}]");
        c.unique(&mut ids, || format!("{}.id", rp()), &r.id);
        c.name(|| format!("{}.name", rp()), &r.name);
        c.percent(|| format!("{}.market_share", rp()), r.market_share);
        c.sales(|| format!("{}.last_sales", rp()), &r.last_sales);
        for (di, d) in r.subdistricts.iter().enumerate() {
            let dp = || format!("{}.subdistricts[{di}]", rp());
            c.unique(&mut ids, || format!("{}.id", dp()), &d.id);
            c.name(|| format!("{}.name", dp()), &d.name);
            for f in super::model::Factor::ALL {
                c.non_negative(|| format!("{}.factors.{}", dp(), f.key()), d.factors.get(f));
            }
            c.percent(|| format!("{}.target_share", dp()), d.target_share);
            c.sales(|| format!("{}.last_sales", dp()), &d.last_sales);
            for (mi, m) in d.milestones.iter().enumerate() {
                c.name(|| format!("{}.milestones[{mi}].title", dp()), &m.title);
            }
            for (pi, p) in d.salespeople.iter().enumerate() {
                let pp = || format!("{}.salespeople[{pi}]", dp());
                c.unique(&mut ids, || format!("{}.id", pp()), &p.id);
                c.name(|| format!("{}.name", pp()), &p.name);
                c.sales(|| format!("{}.last_sales", pp()), &p.last_sales);
            }
        }
    }
    if plan.scenarios.is_empty() {
        c.push("$.scenarios", Issue::NoScenario);
    }
    let months = plan.period.month_count();
    for (si, s) in plan.scenarios.iter().enumerate() {
        let sp = format!("$.scenarios[{si}]");
        c.unique(&mut ids, format!("{sp}.id"), &s.id);
        c.name(format!("{sp}.name"), &s.name);
        c.non_negative(format!("{sp}.amount_target"), s.amount_target);
        c.non_negative(format!("{sp}.quantity_target"), s.quantity_target);
        if let Some(v) = s.collections_target {
            c.non_negative(format!("{sp}.collections_target"), v);
        }
        for (field, unit) in [
            ("amount_unit", s.amount_unit),
            ("quantity_unit", s.quantity_unit),
        ] {
            if unit <= Decimal::ZERO {
                c.push(format!("{sp}.{field}"), FieldError::NotPositive);
            } else if unit > max_value() {
                c.push(format!("{sp}.{field}"), FieldError::TooLarge);
            }
        }
        c.percent(format!("{sp}.thresholds.base_camp"), s.thresholds.base_camp);
        c.percent(
            format!("{sp}.thresholds.stronghold"),
            s.thresholds.stronghold,
        );
        c.percent(
            format!("{sp}.thresholds.guerrilla_floor"),
            s.thresholds.guerrilla_floor,
        );
        if let Err(e) = s.thresholds.check_order() {
            c.push(format!("{sp}.thresholds"), e);
        }
        for f in super::model::Factor::ALL {
            c.non_negative(
                format!("{sp}.factor_weights.{}", f.key()),
                s.factor_weights.get(f),
            );
        }
        for t in super::tier::Tier::ALL {
            let policy = s.tier_policies.get(t);
            let tp = format!("{sp}.tier_policies.{}", t.key());
            c.non_negative(format!("{tp}.multiplier"), policy.multiplier);
            c.percent(format!("{tp}.distributor_spend"), policy.distributor_spend);
            if let Some(goal) = policy.share_goal {
                c.percent(format!("{tp}.share_goal"), goal);
            }
        }
        if !s.even_months() && s.seasonality.len() != months {
            c.push(
                format!("{sp}.seasonality"),
                Issue::MonthCount {
                    expected: months,
                    found: s.seasonality.len(),
                },
            );
        }
        for (mi, m) in s.seasonality.iter().enumerate() {
            if let Some(v) = m {
                c.non_negative(format!("{sp}.seasonality[{mi}]"), *v);
            }
        }
        for (key, map_name) in [(&s.locks, "locks"), (&s.manual, "manual")] {
            for (id, values) in key {
                let path = format!("{sp}.{map_name}.{id}");
                if plan.locate(id).is_none() {
                    c.push(path.clone(), Issue::UnknownId(id.clone()));
                }
                for (measure, v) in [("amount", values.amount), ("quantity", values.quantity)] {
                    if let Some(v) = v {
                        c.non_negative(format!("{path}.{measure}"), v);
                    }
                }
            }
        }
        for (ri, r) in s.respreads.iter().enumerate() {
            if let Err(e) = r.check_in(plan, s) {
                c.push(format!("{sp}.respreads[{ri}]"), Issue::Respread(e));
            }
        }
        for (id, o) in &s.tier_overrides {
            let path = format!("{sp}.tier_overrides.{id}");
            if !plan.regions.iter().any(|r| &r.id == id) {
                c.push(path.clone(), Issue::UnknownId(id.clone()));
            }
            if o.reason.trim().is_empty() {
                c.push(format!("{path}.reason"), FieldError::Empty);
            }
        }
    }
    if plan.scenario(&plan.adopted_scenario).is_none() && !plan.scenarios.is_empty() {
        c.push(
            "$.adopted_scenario",
            Issue::UnknownId(plan.adopted_scenario.clone()),
        );
    }
    if let Some(part) = &plan.recipient_part
        && plan.region(part).is_none()
    {
        c.push("$.recipient_part", Issue::UnknownId(part.clone()));
    }
    // A scale an edit would refuse is refused in a file too.
    let scales = &plan.execution.settings.score_scales;
    for m in super::execution::ScoreMeasure::ALL {
        if let Err(e) = super::execution::check_scale(m, scales.get(m)) {
            let path = format!("$.execution.settings[0].\"scale.{}\"", m.key());
            c.push(path, Issue::Scale(e));
        }
    }
    c.problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use crate::core::sample::{sample_plan, scaled_plan};

    #[test]
    fn the_sample_and_synthetic_plans_are_valid() {
        assert_eq!(validate_plan(&sample_plan(Lang::Zh)), vec![]);
        assert_eq!(validate_plan(&sample_plan(Lang::En)), vec![]);
        assert_eq!(validate_plan(&scaled_plan(500)), vec![]);
    }

    /// A file can hold a scale no edit would accept (written by hand or by another program):
    /// the reader refuses it, naming the setting.
    #[test]
    fn a_scorecard_scale_that_falls_towards_the_better_end_is_refused() {
        use crate::core::execution::{ScoreMeasure, ScoreScale};
        let mut plan = sample_plan(Lang::En);
        let scale = ScoreScale {
            zero: Decimal::from(100),
            full: Decimal::ZERO,
        };
        plan.execution
            .settings
            .score_scales
            .set(ScoreMeasure::Completion, scale);
        let got: Vec<String> = validate_plan(&plan).iter().map(|p| p.to_string()).collect();
        assert_eq!(
            got,
            vec![
                "$.execution.settings[0].\"scale.completion\": the value for 100 points (0) must \
                 be above the value for 0 points (100)"
                    .to_string()
            ]
        );
        let text = crate::core::format::write_plan(&plan);
        assert!(crate::core::format::read_plan(&text).is_err());
    }

    #[test]
    fn each_problem_names_its_field() {
        let mut plan = sample_plan(Lang::En);
        plan.regions[1].market_share = Decimal::from(120);
        plan.regions[2].subdistricts[0].factors.population = Decimal::from(-5);
        plan.regions[0].subdistricts[1].salespeople[0].name = "  ".into();
        let dup = plan.regions[0].id.clone();
        plan.regions[3].id = dup.clone();
        plan.adopted_scenario = "gone".into();
        let got: Vec<String> = validate_plan(&plan).iter().map(|p| p.to_string()).collect();
        assert_eq!(
            got,
            vec![
                "$.regions[0].subdistricts[1].salespeople[0].name: must not be empty".to_string(),
                "$.regions[1].market_share: must be between 0 and 100".into(),
                "$.regions[2].subdistricts[0].factors.population: must not be negative".into(),
                format!("$.regions[3].id: id '{dup}' is used more than once"),
                "$.adopted_scenario: refers to 'gone', which is not in the plan".into(),
            ]
        );
    }

    #[test]
    fn thresholds_out_of_order_are_refused() {
        let mut plan = sample_plan(Lang::En);
        plan.scenarios[1].thresholds.base_camp = Decimal::from(35);
        let got: Vec<String> = validate_plan(&plan).iter().map(|p| p.to_string()).collect();
        assert_eq!(
            got,
            [
                "$.scenarios[1].thresholds: the base-camp threshold (35%) must be above the \
              stronghold threshold (40%)"
            ]
        );
        let text = crate::core::format::write_plan(&plan);
        let err = crate::core::format::read_plan(&text)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("must be above the stronghold threshold"),
            "{err}"
        );
    }

    #[test]
    fn control_characters_in_names_and_ids_are_reported_with_their_field() {
        let mut plan = sample_plan(Lang::En);
        plan.regions[0].name = "Chang\u{7}sha".into();
        plan.regions[1].id = "r\u{0}2".into();
        let got: Vec<String> = validate_plan(&plan).iter().map(|p| p.to_string()).collect();
        assert!(
            got.contains(&"$.regions[0].name: contains a control character (U+0007)".to_string()),
            "{got:?}"
        );
        assert!(
            got.contains(&"$.regions[1].id: contains a control character (U+0000)".to_string()),
            "{got:?}"
        );
    }

    #[test]
    fn locks_on_unknown_nodes_and_short_seasonality_are_reported() {
        let mut plan = sample_plan(Lang::En);
        plan.scenarios[0]
            .locks
            .insert("ghost".into(), Default::default());
        plan.scenarios[0].seasonality.pop();
        let got: Vec<String> = validate_plan(&plan).iter().map(|p| p.to_string()).collect();
        assert_eq!(
            got,
            vec![
                "$.scenarios[0].seasonality: has 11 months; the period has 12".to_string(),
                "$.scenarios[0].locks.ghost: refers to 'ghost', which is not in the plan".into(),
            ]
        );
    }
}
