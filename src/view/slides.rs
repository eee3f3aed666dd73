//! Presentation mode's views, in workshop order: the tier board, targets by region, the monthly
//! curve and the scenario comparison. Large type, read-only, drawn from the live plan.

use std::fmt::Write;

use rust_decimal::Decimal;

use super::charts::{Bar, bars_svg, monthly_svg};
use super::html::{push_element, push_escaped};
use super::numbers::{amount, percent};
use crate::core::breakdown::Breakdown;
use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::core::scenario::{Measure, Scenario};
use crate::core::tier::Tier;
use crate::i18n::{Catalogue, fill};

/// How many views presentation mode steps through.
pub const SLIDES: usize = 4;

/// The title of each view, in order.
pub fn slide_titles(t: &Catalogue) -> [&'static str; SLIDES] {
    [
        t.slide_tiers,
        t.slide_regions,
        t.slide_monthly,
        t.slide_compare,
    ]
}

/// One view of presentation mode (`index` counts from 0).
pub fn slide_html(
    t: &Catalogue,
    lang: Lang,
    plan: &Plan,
    s: &Scenario,
    bd: Option<&Breakdown>,
    index: usize,
) -> String {
    let index = index.min(SLIDES - 1);
    let title = slide_titles(t)[index];
    let mut out = format!("<section class=\"slide slide-{index}\" aria-roledescription=\"slide\">");
    out.push_str("<header class=\"slide-head\">");
    push_element(&mut out, "h1", "", title);
    push_element(
        &mut out,
        "span",
        "class=\"slide-plan\"",
        &format!("{} · {}", plan.name, s.name),
    );
    push_element(
        &mut out,
        "span",
        "class=\"slide-count\"",
        &fill(t.slide_of, &[&(index + 1).to_string(), &SLIDES.to_string()]),
    );
    out.push_str("</header><div class=\"slide-body\">");
    match index {
        0 => {
            tiers(&mut out, t, plan, s);
            if let Some(bd) = bd {
                out.push_str(&tier_distribution_svg(t, lang, plan, s, bd));
            }
        }
        1 => match bd {
            Some(bd) => out.push_str(&region_bars_svg(t, lang, plan, s, bd, title)),
            None => push_element(&mut out, "p", "class=\"doc-empty\"", t.doc_no_breakdown),
        },
        2 => match bd {
            Some(bd) => {
                let months: Vec<&str> = bd.months().iter().map(|m| t.month_name(m.month)).collect();
                let shares: Vec<_> = s
                    .seasonality
                    .iter()
                    .map(|v| v.unwrap_or_default())
                    .collect();
                let values: Vec<_> = bd
                    .monthly(0, Measure::Amount)
                    .map(|v| (v, amount(v, lang)))
                    .collect();
                out.push_str(&monthly_svg(title, &months, &shares, &values));
            }
            None => push_element(&mut out, "p", "class=\"doc-empty\"", t.doc_no_breakdown),
        },
        // The comparison's table and chart are components of their own
        // (`ui::compare_page::{CompareTable, DiffChartView}` over `view::compare`).
        _ => {}
    }
    out.push_str("</div></section>");
    out
}

/// Targets by region as bars coloured by tier, each labelled with its amount and tier.
pub fn region_bars_svg(
    t: &Catalogue,
    lang: Lang,
    plan: &Plan,
    s: &Scenario,
    bd: &Breakdown,
    title: &str,
) -> String {
    let bars: Vec<Bar> = bd
        .children(0)
        .map(|i| {
            let region = plan.region(&bd.nodes()[i].id);
            Bar {
                label: region.map(|r| r.name.as_str()).unwrap_or(""),
                value: bd.annual(i, Measure::Amount),
                text: amount(bd.annual(i, Measure::Amount), lang),
                tier: region.map(|r| s.tier_of(r)),
            }
        })
        .collect();
    bars_svg(title, &bars, |x| t.tier(x))
}

/// The tier distribution: each tier's share of the company's amount target, with its number of
/// regions.
pub fn tier_distribution_svg(
    t: &Catalogue,
    lang: Lang,
    plan: &Plan,
    s: &Scenario,
    bd: &Breakdown,
) -> String {
    let bars: Vec<Bar> = Tier::ALL
        .iter()
        .map(|&tier| {
            let (count, total) = bd
                .children(0)
                .filter(|&i| {
                    plan.regions
                        .iter()
                        .any(|r| r.id == bd.nodes()[i].id && s.tier_of(r) == tier)
                })
                .fold((0usize, Decimal::ZERO), |(c, sum), i| {
                    (c + 1, sum + bd.annual(i, Measure::Amount))
                });
            Bar {
                label: t.tier(tier),
                value: total,
                text: format!("{} · {} {}", amount(total, lang), count, t.regions),
                tier: Some(tier),
            }
        })
        .collect();
    bars_svg(t.slide_tiers, &bars, |_| "")
}

fn tiers(out: &mut String, t: &Catalogue, plan: &Plan, s: &Scenario) {
    out.push_str("<div class=\"slide-tiers\">");
    for tier in Tier::ALL {
        let _ = write!(
            out,
            "<div class=\"slide-tier\"><h2 class=\"tier-head tier-{}\">{}</h2><ul>",
            tier.key(),
            t.tier(tier)
        );
        for r in plan.regions.iter().filter(|r| s.tier_of(r) == tier) {
            out.push_str("<li>");
            push_escaped(out, &r.name);
            out.push_str(" <b>");
            push_escaped(out, &percent(r.market_share));
            out.push_str("</b></li>");
        }
        out.push_str("</ul>");
        push_element(out, "p", "class=\"tier-text\"", t.strategy(tier));
        out.push_str("</div>");
    }
    out.push_str("</div>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::breakdown::compute;
    use crate::core::sample::sample_plan;
    use crate::i18n::{EN, ZH};

    #[test]
    fn every_slide_draws_with_its_title() {
        let plan = sample_plan(Lang::En);
        let s = plan.adopted().unwrap();
        let bd = compute(&plan, s).unwrap();
        for (i, title) in slide_titles(&EN).iter().enumerate() {
            let html = slide_html(&EN, Lang::En, &plan, s, Some(&bd), i);
            assert!(
                html.contains(title) && html.contains(&format!("{} / 4", i + 1)),
                "slide {i}"
            );
        }
        assert!(
            slide_html(&EN, Lang::En, &plan, s, Some(&bd), 0).contains("Changsha <b>64.5%</b>")
        );
        assert!(slide_html(&EN, Lang::En, &plan, s, Some(&bd), 1).contains("<svg"));
        let zh = slide_html(&ZH, Lang::Zh, &plan, s, Some(&bd), 1);
        assert!(
            zh.contains("4729.1万") || zh.contains("万"),
            "amounts in 万: {zh}"
        );
    }
}
