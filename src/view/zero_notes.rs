//! Zero targets in words: which node, how many salespeople, why, and the one-click fix. The
//! breakdown shows them in a banner; slides and the printed plan mark the same nodes.

use crate::core::breakdown::{Breakdown, ZeroCause, ZeroTarget, zero_targets};
use crate::core::model::Plan;
use crate::core::scenario::{Level, Measure, Method, Scenario};
use crate::i18n::{Catalogue, fill};

use super::numbers::grouped;

/// A change that gives a zero node a share.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ZeroFix {
    /// Switch the level's method (to even, which works on any data).
    Method { level: Level, method: Method },
    /// Remove the node's lock of a measure.
    Unlock { node: String, measure: Measure },
}

/// One node whose target is zero while its parent's is not.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ZeroNote {
    /// The node's id (to select it and show "why this number").
    pub id: String,
    /// The node's name.
    pub name: String,
    /// The whole sentence: who, how many salespeople, which measures, why.
    pub text: String,
    /// Why, alone (for a mark on a slide or in "why this number").
    pub cause: String,
    /// The fix button's label and what it does; `None` when no single change fixes it.
    pub fix: Option<(String, ZeroFix)>,
}

/// Why a node's target is zero, in the catalogue's words (`unit` of the measure, for the
/// below-one-unit case).
pub fn cause_text(t: &Catalogue, cause: ZeroCause, unit: &str) -> String {
    match cause {
        ZeroCause::NoHistory => t.zero_cause_history.to_string(),
        ZeroCause::ZeroIndex => t.zero_cause_index.to_string(),
        ZeroCause::NoManual => t.zero_cause_manual.to_string(),
        ZeroCause::ZeroMultiplier => t.zero_cause_multiplier.to_string(),
        ZeroCause::LockedAtZero => t.zero_cause_locked.to_string(),
        ZeroCause::SiblingsLocked => t.zero_cause_siblings_locked.to_string(),
        ZeroCause::BelowOneUnit => fill(t.zero_cause_below_unit, &[unit]),
    }
}

/// The zero targets of a breakdown, in words.
pub fn zero_notes(t: &Catalogue, plan: &Plan, scenario: &Scenario, b: &Breakdown) -> Vec<ZeroNote> {
    zero_targets(plan, scenario, b)
        .into_iter()
        .map(|z| note(t, b, z))
        .collect()
}

fn note(t: &Catalogue, b: &Breakdown, z: ZeroTarget) -> ZeroNote {
    let measures = if z.measures.len() == Measure::ALL.len() {
        t.zero_both.to_string()
    } else {
        z.measures
            .iter()
            .map(|&m| t.measure(m))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let first = z.measures[0];
    let cause = cause_text(t, z.cause, &grouped(b.unit(first)));
    let text = if z.people.is_empty() {
        fill(t.zero_alone, &[&z.node.name, &measures, &cause])
    } else {
        fill(
            t.zero_with_people,
            &[&z.node.name, &z.people.len().to_string(), &measures, &cause],
        )
    };
    let fix = match (z.cause, z.cause.method_fix()) {
        (_, Some(method)) => Some((
            fill(
                t.zero_fix_even,
                &[&t.children_of(z.parent.level).to_lowercase()],
            ),
            ZeroFix::Method {
                level: z.node.level,
                method,
            },
        )),
        (ZeroCause::LockedAtZero, None) => Some((
            t.zero_fix_unlock.to_string(),
            ZeroFix::Unlock {
                node: z.node.id.clone(),
                measure: first,
            },
        )),
        _ => None,
    };
    ZeroNote {
        id: z.node.id,
        name: z.node.name,
        text,
        cause,
        fix,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::breakdown::compute;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;
    use crate::i18n::{EN, ZH};

    #[test]
    fn the_sample_names_huaihua_and_its_two_salespeople() {
        let plan = sample_plan(Lang::Zh);
        let scenario = plan.adopted().unwrap();
        let b = compute(&plan, scenario).unwrap();
        let notes = zero_notes(&ZH, &plan, scenario, &b);
        assert_eq!(notes.len(), 1, "{notes:#?}");
        let n = &notes[0];
        assert_eq!(n.name, "怀化");
        assert_eq!(
            n.text,
            "怀化及其 2 名业务人员的销售额和销量指标为 0 — 上期没有销售，按历史比例分不到指标；请选择其他分解方法"
        );
        let (label, fix) = n.fix.clone().expect("a fix");
        assert_eq!(label, "区域改为平均分配");
        assert_eq!(
            fix,
            ZeroFix::Method {
                level: Level::Region,
                method: Method::Even
            }
        );
        let plan = sample_plan(Lang::En);
        let scenario = plan.adopted().unwrap();
        let b = compute(&plan, scenario).unwrap();
        let en = &zero_notes(&EN, &plan, scenario, &b)[0];
        assert_eq!(
            en.text,
            "Huaihua and its 2 salespeople have a target of 0 in amount and quantity — it sold nothing last period, so the history split gives it nothing; choose a method"
        );
        assert_eq!(en.fix.as_ref().unwrap().0, "Split regions evenly");
    }

    #[test]
    fn a_zero_lock_offers_to_unlock() {
        let plan = sample_plan(Lang::En);
        let mut scenario = plan.adopted().unwrap().clone();
        let id = plan.regions[0].id.clone();
        scenario.locks.entry(id.clone()).or_default().quantity = Some(0.into());
        let b = compute(&plan, &scenario).unwrap();
        let notes = zero_notes(&EN, &plan, &scenario, &b);
        let n = notes
            .iter()
            .find(|n| n.id == id)
            .expect("the locked region");
        assert!(
            n.text
                .ends_with("salespeople have a target of 0 in quantity — it is locked at 0"),
            "{}",
            n.text
        );
        assert_eq!(
            n.fix,
            Some((
                "Unlock".to_string(),
                ZeroFix::Unlock {
                    node: id,
                    measure: Measure::Quantity
                }
            ))
        );
    }
}
