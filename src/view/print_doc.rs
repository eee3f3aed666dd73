//! The plan document (区域销售计划书), printed from the plan's data: goals, market analysis,
//! tiers and strategies, targets by region, sub-district and salesperson and month, the
//! development schedule, budget, team, and risks. Sections the manager writes come from the
//! plan's notes.

use std::fmt::Write;

use super::html::push_element;
use super::numbers::{grouped, percent};
use crate::core::breakdown::{Breakdown, node_name};
use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::core::scenario::{Level, Measure, Scenario};
use crate::i18n::{Catalogue, fill};

/// The sections written by the manager, by note key.
pub const WRITTEN_SECTIONS: [&str; 4] = ["goals", "market", "strategy", "risks"];

fn section(out: &mut String, title: &str, class: &str) {
    let _ = write!(out, "<section class=\"doc-section {class}\">");
    push_element(out, "h2", "", title);
}

/// Opens a document table with its header row.
fn table_start(out: &mut String, headers: &[&str]) {
    out.push_str("<table class=\"doc-table\"><thead><tr>");
    for h in headers {
        push_element(out, "th", "", h);
    }
    out.push_str("</tr></thead><tbody>");
}

/// Paragraphs of a manager's text, or an invitation to write it.
fn written(out: &mut String, t: &Catalogue, plan: &Plan, key: &str) {
    let text = plan.notes.get(key).map(String::as_str).unwrap_or("").trim();
    let _ = write!(out, "<div class=\"doc-written\" data-note=\"{key}\">");
    if text.is_empty() {
        push_element(out, "p", "class=\"doc-empty\"", t.doc_to_write);
    } else {
        for para in text.split('\n').filter(|p| !p.trim().is_empty()) {
            push_element(out, "p", "", para.trim());
        }
    }
    out.push_str("</div>");
}

/// A table of nodes at one level: name, parent, year and months, for one measure.
fn targets_table(
    out: &mut String,
    t: &Catalogue,
    plan: &Plan,
    bd: &Breakdown,
    level: Level,
    measure: Measure,
) {
    out.push_str("<table class=\"doc-table\"><thead><tr>");
    push_element(out, "th", "", t.level(level));
    if level != Level::Region {
        push_element(
            out,
            "th",
            "",
            t.level(if level == Level::Salesperson {
                Level::Subdistrict
            } else {
                Level::Region
            }),
        );
    }
    push_element(out, "th", "", t.col_year);
    for m in bd.months() {
        push_element(out, "th", "", t.month_name(m.month));
    }
    out.push_str("</tr></thead><tbody>");
    for (i, n) in bd
        .nodes()
        .iter()
        .enumerate()
        .filter(|(_, n)| n.level == level)
    {
        out.push_str("<tr>");
        push_element(out, "th", "", node_name(plan, n.pos));
        if level != Level::Region
            && let Some(p) = n.parent
        {
            push_element(
                out,
                "td",
                "class=\"doc-parent\"",
                node_name(plan, bd.nodes()[p].pos),
            );
        }
        push_element(
            out,
            "td",
            "class=\"doc-year\"",
            &grouped(bd.annual(i, measure)),
        );
        for v in bd.monthly(i, measure) {
            push_element(out, "td", "", &grouped(v));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
}

/// The whole document for the adopted (or given) scenario.
pub fn plan_document_html(
    t: &Catalogue,
    lang: Lang,
    plan: &Plan,
    s: &Scenario,
    bd: Option<&Breakdown>,
) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str("<article class=\"plan-doc\" id=\"plan-doc\"><header class=\"doc-head\">");
    push_element(&mut out, "h1", "", t.doc_title);
    push_element(&mut out, "p", "class=\"doc-plan-name\"", &plan.name);
    let period = format!("{} {}", t.period_kind(plan.period.kind), plan.period.start);
    push_element(
        &mut out,
        "p",
        "",
        &fill(t.doc_headline, &[&plan.company, &period, &s.name]),
    );
    out.push_str("</header>");

    section(&mut out, t.doc_goals, "doc-goals");
    let amount = super::numbers::amount(s.amount_target, lang);
    push_element(
        &mut out,
        "p",
        "class=\"doc-targets\"",
        &fill(
            t.doc_targets_line,
            &[&amount, &plan.currency, &grouped(s.quantity_target)],
        ),
    );
    if let Some(c) = s.collections_target {
        push_element(
            &mut out,
            "p",
            "",
            &fill(t.doc_collections, &[&grouped(c), &plan.currency]),
        );
    }
    written(&mut out, t, plan, "goals");
    out.push_str("</section>");

    section(&mut out, t.doc_market, "doc-market");
    written(&mut out, t, plan, "market");
    out.push_str("</section>");

    section(&mut out, t.doc_tiers, "doc-tiers");
    table_start(
        &mut out,
        &[
            t.region,
            t.market_share,
            t.active_customers,
            t.x_tier,
            t.doc_strategy,
        ],
    );
    for r in &plan.regions {
        let tier = s.tier_of(r);
        out.push_str("<tr>");
        push_element(&mut out, "th", "", &r.name);
        push_element(&mut out, "td", "", &percent(r.market_share));
        push_element(&mut out, "td", "", &r.active_customers.to_string());
        let tier_text = match s.tier_overrides.get(&r.id) {
            Some(o) => format!("{} ({}: {})", t.tier(tier), t.overridden, o.reason),
            None => t.tier(tier).to_string(),
        };
        push_element(&mut out, "td", "", &tier_text);
        push_element(&mut out, "td", "class=\"doc-strategy\"", t.strategy(tier));
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    written(&mut out, t, plan, "strategy");
    out.push_str("</section>");

    match bd {
        Some(bd) => {
            for (title, level, class) in [
                (t.doc_targets_region, Level::Region, "doc-regions"),
                (t.doc_targets_sub, Level::Subdistrict, "doc-subs page-break"),
                (
                    t.doc_targets_people,
                    Level::Salesperson,
                    "doc-people page-break",
                ),
            ] {
                section(&mut out, title, class);
                if level == Level::Region {
                    out.push_str(&super::slides::region_bars_svg(t, lang, plan, s, bd, title));
                }
                for (measure, label) in [
                    (Measure::Amount, t.amount_target),
                    (Measure::Quantity, t.quantity_target),
                ] {
                    push_element(&mut out, "h3", "", label);
                    targets_table(&mut out, t, plan, bd, level, measure);
                }
                out.push_str("</section>");
            }
        }
        None => {
            section(&mut out, t.doc_targets_region, "doc-regions");
            push_element(&mut out, "p", "class=\"doc-empty\"", t.doc_no_breakdown);
            out.push_str("</section>");
        }
    }

    section(&mut out, t.doc_schedule, "doc-schedule page-break");
    table_start(
        &mut out,
        &[
            t.subdistrict,
            t.milestone_date,
            t.milestone_title,
            t.milestone_done,
            t.target_distributors,
            t.target_terminals,
        ],
    );
    for r in &plan.regions {
        for d in &r.subdistricts {
            let rows = d.milestones.len().max(1);
            for i in 0..rows {
                out.push_str("<tr>");
                push_element(&mut out, "th", "", if i == 0 { &d.name } else { "" });
                match d.milestones.get(i) {
                    Some(m) => {
                        push_element(&mut out, "td", "", &m.date.to_string());
                        push_element(&mut out, "td", "", &m.title);
                        push_element(&mut out, "td", "", if m.done { "✓" } else { "" });
                    }
                    None => out.push_str("<td></td><td></td><td></td>"),
                }
                let names = |v: &Vec<String>| if i == 0 { v.join("、") } else { String::new() };
                push_element(&mut out, "td", "", &names(&d.target_distributors));
                push_element(&mut out, "td", "", &names(&d.target_terminals));
                out.push_str("</tr>");
            }
        }
    }
    out.push_str("</tbody></table></section>");

    section(&mut out, t.doc_budget, "doc-budget");
    push_element(&mut out, "p", "", t.doc_spend_note);
    table_start(&mut out, &[t.region, t.x_tier, t.distributor_spend]);
    for r in &plan.regions {
        let tier = s.tier_of(r);
        out.push_str("<tr>");
        push_element(&mut out, "th", "", &r.name);
        push_element(&mut out, "td", "", t.tier(tier));
        push_element(
            &mut out,
            "td",
            "",
            &percent(s.tier_policies.get(tier).distributor_spend),
        );
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></section>");

    section(&mut out, t.doc_team, "doc-team");
    table_start(
        &mut out,
        &[t.region, t.manager, t.subdistrict, t.salespeople],
    );
    for r in &plan.regions {
        for (i, d) in r.subdistricts.iter().enumerate() {
            out.push_str("<tr>");
            push_element(&mut out, "th", "", if i == 0 { &r.name } else { "" });
            push_element(&mut out, "td", "", if i == 0 { &r.manager } else { "" });
            push_element(&mut out, "td", "", &d.name);
            let people: Vec<String> = d
                .salespeople
                .iter()
                .map(|p| {
                    if p.role.is_empty() {
                        p.name.clone()
                    } else {
                        format!("{}（{}）", p.name, p.role)
                    }
                })
                .collect();
            push_element(&mut out, "td", "", &people.join("、"));
            out.push_str("</tr>");
        }
    }
    out.push_str("</tbody></table></section>");

    section(&mut out, t.doc_risks, "doc-risks");
    written(&mut out, t, plan, "risks");
    out.push_str("</section></article>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::breakdown::compute;
    use crate::core::sample::sample_plan;
    use crate::i18n::{EN, ZH};

    #[test]
    fn the_document_holds_every_region_and_salesperson_and_the_written_sections() {
        let mut plan = sample_plan(Lang::Zh);
        plan.notes
            .insert("risks".into(), "竞品降价\n经销商资金紧张".into());
        let s = plan.adopted().unwrap().clone();
        let bd = compute(&plan, &s).unwrap();
        let html = plan_document_html(&ZH, Lang::Zh, &plan, &s, Some(&bd));
        for r in &plan.regions {
            assert!(html.contains(&r.name), "missing region {}", r.name);
            for d in &r.subdistricts {
                for p in &d.salespeople {
                    assert!(html.contains(&p.name), "missing salesperson {}", p.name);
                }
            }
        }
        for part in [
            "区域销售计划书",
            "十、风险与对策",
            "<p>竞品降价</p>",
            "大本营",
            "1.18亿",
            "待填写",
        ] {
            assert!(html.contains(part), "missing {part}");
        }
        let en = plan_document_html(&EN, Lang::En, &plan, &s, None);
        assert!(en.contains("cannot be computed") && en.contains("Regional Sales Plan"));
    }
}
