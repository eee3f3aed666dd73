//! The re-spread dialog (纠偏): what a new scenario would do for a node behind pace, with the
//! name and reason it starts from.

use rust_decimal::Decimal;

use super::tracking::level_name;
use crate::core::breakdown::{Breakdown, node_name};
use crate::core::execution::{Figure, Goal, Tracking};
use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::core::respread::{Respread, Spread};
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

/// The word for a figure re-spread, as the explanation and the log use it.
fn figure_word(t: &ExecText, figure: Figure) -> &'static str {
    match figure {
        Figure::Amount => t.amount,
        Figure::Quantity => t.quantity,
        Figure::Collections => t.collections,
    }
}

/// The form for re-spreading `node` against `goal` (a measure or the collections targets);
/// `None` when nothing is recorded yet or the node is not in the breakdown.
pub fn respread_form(
    t: &ExecText,
    lang: Lang,
    plan: &Plan,
    b: &Breakdown,
    tr: &Tracking,
    node: &str,
    goal: Goal,
) -> Option<RespreadForm> {
    let i = b.find(node)?;
    let as_of = tr.as_of()?.to_string();
    let status = tr.total_of(b, i, goal);
    let name = node_name(plan, b.nodes()[i].pos).to_string();
    let gap = status.target_to_date - status.actual;
    let measure_word = figure_word(t, goal.figure());
    let title_name = format!("{name}（{}）", level_name(t, b.nodes()[i].level));
    let title_name = if lang == Lang::Zh {
        title_name
    } else {
        format!("{name} ({})", level_name(t, b.nodes()[i].level))
    };
    // Collections say so in the title, the scenario's name and the reason: a manager may
    // re-spread a node's sales and its collections both.
    let (title, scenario_name, reason) = if goal.figure() == Figure::Collections {
        (
            t.respread_title_collections,
            t.respread_name_collections,
            t.respread_reason_collections,
        )
    } else {
        (t.respread_title, t.respread_name, t.respread_reason_default)
    };
    Some(RespreadForm {
        title: fill(title, &[&title_name]),
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
        name: fill(scenario_name, &[&name, &as_of]),
        reason: fill(reason, &[&name, &as_of, &amount(gap, lang)]),
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
    let measure_word = figure_word(t, r.measure);
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
    use crate::core::scenario::Measure;
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
            Goal::Measure(Measure::Amount),
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
            Goal::Measure(Measure::Amount),
        )
        .unwrap();
        assert_eq!(en.name, format!("Correction: {} {as_of}", region.name));
        assert!(
            en.explain.contains("monthly amount targets"),
            "{}",
            en.explain
        );
        // Collections: the region's collected total and uncollected balance, named as such.
        let s0 = plan.adopted().unwrap();
        let c = crate::core::breakdown::collections(s0, &b)
            .unwrap()
            .unwrap();
        let trc = Tracking::of_figures(&plan, &b, None, &[Figure::Collections]);
        let goal = Goal::Collections(&c);
        let sc = trc.total_of(&b, i, goal);
        let zh_c = respread_form(&EXEC_ZH, Lang::Zh, &plan, &b, &trc, &region.id, goal).unwrap();
        assert_eq!(
            zh_c.title,
            format!("重新分摊{}（区域）的回款缺口", region.name)
        );
        assert_eq!(zh_c.name, format!("回款纠偏：{} {as_of}", region.name));
        let balance = amount(sc.target_to_date - sc.actual, Lang::Zh);
        assert!(
            zh_c.explain
                .contains(&format!("{}的回款月度指标", region.name))
        );
        assert!(zh_c.explain.contains(&amount(sc.actual, Lang::Zh)));
        assert!(
            zh_c.reason.contains(&balance),
            "{} has {balance}",
            zh_c.reason
        );
        let en_c = respread_form(&EXEC_EN, Lang::En, &plan, &b, &trc, &region.id, goal).unwrap();
        assert!(
            en_c.explain.contains("monthly collections targets"),
            "{}",
            en_c.explain
        );
        assert!(en_c.title.contains("uncollected balance"), "{}", en_c.title);
    }
}
