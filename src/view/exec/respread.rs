//! The re-spread dialog (纠偏): what a new scenario would do for a node behind pace, with the
//! name and reason it starts from.

use rust_decimal::Decimal;

use super::tracking::level_name;
use crate::core::breakdown::{Breakdown, node_name};
use crate::core::execution::Tracking;
use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::core::respread::{Respread, Spread};
use crate::core::scenario::Measure;
use crate::i18n::exec::ExecText;
use crate::i18n::fill;
use crate::view::numbers::amount;

/// What the dialog shows before the scenario is made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RespreadForm {
    pub title: String,
    /// What the new scenario does, with the node's figures.
    pub explain: String,
    /// Said when the node is ahead of pace (the months after go down).
    pub ahead: Option<String>,
    /// The new scenario's name to start from (`纠偏：株洲 2027-04`).
    pub name: String,
    /// The reason to start from.
    pub reason: String,
}

/// The form for re-spreading `node` on `measure`; `None` when nothing is recorded yet or the
/// node is not in the breakdown.
pub fn respread_form(
    t: &ExecText,
    lang: Lang,
    plan: &Plan,
    b: &Breakdown,
    tr: &Tracking,
    node: &str,
    measure: Measure,
) -> Option<RespreadForm> {
    let i = b.find(node)?;
    let as_of = tr.as_of()?.to_string();
    let status = tr.total(b, i, measure);
    let name = node_name(plan, b.nodes()[i].pos).to_string();
    let gap = status.target_to_date - status.actual;
    let measure_word = match measure {
        Measure::Amount => t.amount,
        Measure::Quantity => t.quantity,
    };
    let title_name = format!("{name}（{}）", level_name(t, b.nodes()[i].level));
    let title_name = if lang == Lang::Zh {
        title_name
    } else {
        format!("{name} ({})", level_name(t, b.nodes()[i].level))
    };
    Some(RespreadForm {
        title: fill(t.respread_title, &[&title_name]),
        explain: fill(
            t.respread_explain,
            &[
                &name,
                &measure_word.to_lowercase(),
                &as_of,
                &amount(status.actual, lang),
                &amount(gap, lang),
                &amount(status.target, lang),
            ],
        ),
        ahead: (gap < Decimal::ZERO).then(|| t.respread_ahead.to_string()),
        name: fill(t.respread_name, &[&name, &as_of]),
        reason: fill(
            t.respread_reason_default,
            &[&name, &as_of, &amount(gap, lang)],
        ),
    })
}

/// The change-log text of a re-spread scenario.
pub fn respread_log(
    t: &ExecText,
    lang: Lang,
    scenario: &str,
    node: &str,
    r: &Respread,
    gap: Decimal,
) -> String {
    let measure_word = match r.measure {
        Measure::Amount => t.amount,
        Measure::Quantity => t.quantity,
    };
    let how = match r.how {
        Spread::Even => t.respread_even_short,
        Spread::Seasonal => t.respread_seasonal_short,
    };
    fill(
        t.log_respread,
        &[
            scenario,
            node,
            &measure_word.to_lowercase(),
            &r.as_of.to_string(),
            &amount(gap, lang),
            how,
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::breakdown::compute;
    use crate::core::execution::sample_execution;
    use crate::core::sample::sample_plan;
    use crate::i18n::exec::{EXEC_EN, EXEC_ZH};

    #[test]
    fn the_form_names_the_node_its_gap_and_a_scenario_name_in_both_languages() {
        let mut plan = sample_plan(Lang::Zh);
        plan.execution = sample_execution(&plan, 3);
        let b = compute(&plan, plan.adopted().unwrap()).unwrap();
        let tr = Tracking::new(&plan, &b, None);
        let region = &plan.regions[0];
        let i = b.find(&region.id).unwrap();
        let s = tr.total(&b, i, Measure::Amount);
        let as_of = tr.as_of().unwrap().to_string();
        let zh = respread_form(
            &EXEC_ZH,
            Lang::Zh,
            &plan,
            &b,
            &tr,
            &region.id,
            Measure::Amount,
        )
        .unwrap();
        assert_eq!(zh.name, format!("纠偏：{} {as_of}", region.name));
        let gap = amount(s.target_to_date - s.actual, Lang::Zh);
        assert!(zh.explain.contains(&gap), "{} has {gap}", zh.explain);
        assert!(zh.explain.contains(&amount(s.target, Lang::Zh)));
        assert!(zh.reason.contains(&as_of));
        let en = respread_form(
            &EXEC_EN,
            Lang::En,
            &plan,
            &b,
            &tr,
            &region.id,
            Measure::Amount,
        )
        .unwrap();
        assert_eq!(en.name, format!("Correction: {} {as_of}", region.name));
        assert!(
            en.explain.contains("monthly amount targets"),
            "{}",
            en.explain
        );
    }
}
