//! Scenarios side by side: for every region, sub-district and salesperson, each scenario's
//! target and the difference from the first, with the biggest movers highlighted and tier
//! changes marked.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use rust_decimal::Decimal;

use super::breakdown_table::visible_nodes;
use super::html::{push_element, push_escaped};
use super::numbers::grouped;
use crate::core::breakdown::{Breakdown, compute, node_name};
use crate::core::model::Plan;
use crate::core::scenario::{Level, Measure};
use crate::core::tier::Tier;
use crate::i18n::{Catalogue, fill};

/// How many of the largest absolute differences are highlighted at each level.
pub const MOVERS: usize = 3;

/// The computed scenarios and what is worth marking.
pub struct Comparison {
    pub names: Vec<String>,
    pub breakdowns: Vec<Breakdown>,
    /// Scenarios that could not be computed, with the first reason.
    pub errors: Vec<(String, String)>,
    /// Node ids of the biggest movers (first scenario against each other).
    pub movers: HashSet<String>,
    /// Regions whose tier is not the same in every scenario.
    pub tier_changes: HashMap<String, Vec<Tier>>,
}

/// Computes the chosen scenarios (by id, in the order given).
pub fn compare(t: &Catalogue, plan: &Plan, ids: &[String], measure: Measure) -> Comparison {
    let mut names = Vec::new();
    let mut breakdowns = Vec::new();
    let mut errors = Vec::new();
    let mut scenarios = Vec::new();
    for id in ids {
        let Some(s) = plan.scenario(id) else { continue };
        match compute(plan, s) {
            Ok(bd) => {
                names.push(s.name.clone());
                breakdowns.push(bd);
                scenarios.push(s);
            }
            Err(e) => errors.push((
                s.name.clone(),
                e.0.first()
                    .map(|e| t.breakdown_error(e))
                    .unwrap_or_default(),
            )),
        }
    }
    let mut movers = HashSet::new();
    if let Some(base) = breakdowns.first() {
        // The largest differences at each level, kept by a running selection (no sorting).
        let mut top: HashMap<Level, Vec<(i128, usize)>> = HashMap::new();
        for other in &breakdowns[1..] {
            for (i, n) in base.nodes().iter().enumerate().skip(1) {
                if let Some(j) = other.find(&n.id) {
                    let d = (other.annual_units(j, measure) as i128
                        - base.annual_units(i, measure) as i128)
                        .abs();
                    if d > 0 {
                        let best = top.entry(n.level).or_default();
                        // A node compared against two scenarios counts once, by its larger change.
                        match best.iter().position(|&(_, bi)| bi == i) {
                            Some(k) if best[k].0 >= d => continue,
                            Some(k) => {
                                best.remove(k);
                            }
                            None => {}
                        }
                        let at = best
                            .iter()
                            .position(|&(bd, bi)| d > bd || (d == bd && i < bi))
                            .unwrap_or(best.len());
                        if at < MOVERS {
                            best.insert(at, (d, i));
                            best.truncate(MOVERS);
                        }
                    }
                }
            }
        }
        for best in top.values() {
            movers.extend(best.iter().map(|&(_, i)| base.nodes()[i].id.clone()));
        }
    }
    let mut tier_changes = HashMap::new();
    for r in &plan.regions {
        let tiers: Vec<Tier> = scenarios.iter().map(|s| s.tier_of(r)).collect();
        if tiers.windows(2).any(|w| w[0] != w[1]) {
            tier_changes.insert(r.id.clone(), tiers);
        }
    }
    Comparison {
        names,
        breakdowns,
        errors,
        movers,
        tier_changes,
    }
}

/// The choice of scenarios and measure above the table.
pub fn picker_html(t: &Catalogue, plan: &Plan, chosen: &[String], measure: Measure) -> String {
    let mut out = String::from("<div class=\"compare-picker\">");
    push_element(&mut out, "span", "class=\"compare-label\"", t.compare_pick);
    for s in &plan.scenarios {
        let on = chosen.contains(&s.id);
        out.push_str("<label class=\"check\"><input type=\"checkbox\" data-action=\"pick|");
        push_escaped(&mut out, &s.id);
        out.push('"');
        if on {
            out.push_str(" checked");
        }
        out.push('>');
        push_escaped(&mut out, &s.name);
        out.push_str("</label>");
    }
    for (m, label) in [
        (Measure::Amount, t.amount_target),
        (Measure::Quantity, t.quantity_target),
    ] {
        let _ = write!(
            out,
            "<button type=\"button\" class=\"btn{}\" data-action=\"measure|{}\" aria-pressed=\"{}\">{label}</button>",
            if m == measure { " primary" } else { "" },
            m.key(),
            m == measure
        );
    }
    out.push_str("</div>");
    out
}

/// The comparison table for the rows shown (regions always; children of expanded nodes).
pub fn compare_html(
    t: &Catalogue,
    plan: &Plan,
    c: &Comparison,
    measure: Measure,
    expanded: &HashSet<String>,
) -> String {
    let mut out = String::new();
    for (name, reason) in &c.errors {
        push_element(
            &mut out,
            "p",
            "class=\"banner error\" role=\"alert\"",
            &fill(t.compare_error, &[name, reason]),
        );
    }
    let Some(base) = c.breakdowns.first() else {
        return out;
    };
    if c.breakdowns.len() < 2 {
        push_element(&mut out, "p", "class=\"note\"", t.compare_need_two);
    }
    push_element(
        &mut out,
        "p",
        "class=\"note\"",
        &fill(t.compare_movers, &[&MOVERS.to_string()]),
    );
    out.push_str("<table class=\"compare-table\" id=\"compare-table\"><thead><tr>");
    push_element(&mut out, "th", "class=\"name\"", t.name);
    for name in &c.names {
        push_element(&mut out, "th", "", name);
    }
    for name in c.names.iter().skip(1) {
        let label = format!("{name} · {}", fill(t.compare_diff, &[&c.names[0]]));
        push_element(&mut out, "th", "", &label);
    }
    out.push_str("</tr></thead><tbody>");
    for i in visible_nodes(base, expanded) {
        let n = &base.nodes()[i];
        let mover = c.movers.contains(&n.id);
        let _ = write!(
            out,
            "<tr class=\"lvl-{}{}\" data-node=\"",
            n.level.key(),
            if mover { " mover" } else { "" }
        );
        push_escaped(&mut out, &n.id);
        out.push_str("\"><th class=\"name\">");
        if n.subtree_end > i + 1 && n.level != Level::Company {
            let open = expanded.contains(&n.id);
            out.push_str("<button class=\"twisty\" tabindex=\"-1\" data-action=\"toggle|");
            push_escaped(&mut out, &n.id);
            let _ = write!(
                out,
                "\" aria-label=\"{}\">{}</button>",
                if open { t.collapse } else { t.expand },
                if open { "▾" } else { "▸" }
            );
        }
        let name = if n.level == Level::Company {
            plan.company.as_str()
        } else {
            node_name(plan, n.pos)
        };
        push_element(&mut out, "span", "class=\"row-name\"", name);
        if let Some(tiers) = c.tier_changes.get(&n.id) {
            let list = tiers
                .iter()
                .map(|x| t.tier(*x))
                .collect::<Vec<_>>()
                .join(" → ");
            let _ = write!(
                out,
                " <span class=\"tier-change\" title=\"{}\">⇄ ",
                t.compare_tier_changed
            );
            push_escaped(&mut out, &list);
            out.push_str("</span>");
        }
        out.push_str("</th>");
        let values: Vec<Option<Decimal>> = c
            .breakdowns
            .iter()
            .map(|bd| bd.find(&n.id).map(|j| bd.annual(j, measure)))
            .collect();
        for v in &values {
            push_element(&mut out, "td", "", &v.map(grouped).unwrap_or_default());
        }
        for v in values.iter().skip(1) {
            let (cell, class) = match (values[0], v) {
                (Some(a), Some(b)) if b > &a => (format!("+{}", grouped(*b - a)), "up"),
                (Some(a), Some(b)) if b < &a => (grouped(*b - a), "down"),
                (Some(_), Some(_)) => ("0".to_string(), "same"),
                _ => (String::new(), "same"),
            };
            let _ = write!(out, "<td class=\"delta {class}\">");
            push_escaped(&mut out, &cell);
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;
    use crate::i18n::EN;

    #[test]
    fn the_stretch_scenario_moves_numbers_and_the_biggest_movers_are_marked() {
        let plan = sample_plan(Lang::En);
        let ids: Vec<String> = plan.scenarios.iter().map(|s| s.id.clone()).collect();
        let c = compare(&EN, &plan, &ids, Measure::Amount);
        assert_eq!(c.names, ["Baseline", "Stretch"]);
        assert_eq!(
            c.movers.len(),
            3 * MOVERS,
            "three at each level below the company"
        );
        let html = compare_html(&EN, &plan, &c, Measure::Amount, &HashSet::new());
        assert!(
            html.contains("118,000,000") && html.contains("130,000,000"),
            "{html}"
        );
        assert!(
            html.contains("+12,000,000"),
            "the company moves by the difference of targets: {html}"
        );
        assert!(
            html.matches(" mover\"").count() <= MOVERS,
            "only rows on screen are marked"
        );
    }

    #[test]
    fn a_tier_that_differs_between_scenarios_is_marked() {
        let mut plan = sample_plan(Lang::En);
        plan.scenarios[1].thresholds.stronghold = Decimal::from(45);
        let ids: Vec<String> = plan.scenarios.iter().map(|s| s.id.clone()).collect();
        let c = compare(&EN, &plan, &ids, Measure::Quantity);
        let xiangtan = plan.regions[2].id.clone();
        assert_eq!(
            c.tier_changes.get(&xiangtan),
            Some(&vec![Tier::Stronghold, Tier::Contested])
        );
        let html = compare_html(&EN, &plan, &c, Measure::Quantity, &HashSet::new());
        assert!(html.contains("⇄ Stronghold → Contested"), "{html}");
    }
}
