//! Presentation mode's views, in workshop order: the tier board, targets by region, the monthly
//! curve and the scenario comparison. Large type, read-only, drawn from the live plan. Each view
//! is computed on its own, and none lists more than the regions, so a plan of ten thousand
//! salespeople presents as quickly as the sample.

use rust_decimal::Decimal;

use super::charts::{Bar, BarChart, MonthlyChart, bar_chart, monthly_chart};
use super::numbers::{amount, compact, percent};
use crate::core::breakdown::Breakdown;
use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::core::scenario::{Measure, Scenario};
use crate::core::tier::Tier;
use crate::i18n::{Catalogue, fill};

/// How many views presentation mode steps through.
pub const SLIDES: usize = 4;

/// The most scenarios the comparison view shows side by side.
pub const COMPARED: usize = 3;

/// The title of each view, in order.
pub fn slide_titles(t: &Catalogue) -> [&'static str; SLIDES] {
    [
        t.slide_tiers,
        t.slide_regions,
        t.slide_monthly,
        t.slide_compare,
    ]
}

/// One view of presentation mode.
#[derive(Clone, Debug, PartialEq)]
pub struct Slide {
    /// Which view (from 0); also its CSS class `slide-{index}`.
    pub index: usize,
    pub title: &'static str,
    /// The plan and the scenario presented: `Hunan 2027 · Baseline`.
    pub plan_line: String,
    /// Where the view is in the deck: `2 / 4`.
    pub count: String,
    pub body: SlideBody,
}

/// What a view shows under its heading.
#[derive(Clone, Debug, PartialEq)]
pub enum SlideBody {
    /// The four tiers with their regions and strategy, and each tier's share of the target.
    Tiers {
        columns: Vec<TierColumn>,
        /// `None` when the breakdown cannot be computed.
        distribution: Option<BarChart>,
    },
    /// The amount target of each region, coloured and named by tier.
    Regions(BarChart),
    /// The company's monthly amounts over the seasonality profile.
    Monthly(MonthlyChart),
    /// The plan's first scenarios (by id, at most [`COMPARED`]) side by side.
    Compare(Vec<String>),
    /// The breakdown cannot be computed: what to do about it.
    NoBreakdown(&'static str),
}

/// One tier on the tier board.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TierColumn {
    pub tier: Tier,
    pub name: &'static str,
    /// The tier's regions with their market share as shown (`Changsha`, `64.5%`).
    pub regions: Vec<(String, String)>,
    pub strategy: &'static str,
}

impl TierColumn {
    /// The CSS class of the tier's heading colour.
    pub fn head_class(&self) -> &'static str {
        match self.tier {
            Tier::BaseCamp => "tier-head tier-base_camp",
            Tier::Stronghold => "tier-head tier-stronghold",
            Tier::Contested => "tier-head tier-contested",
            Tier::Guerrilla => "tier-head tier-guerrilla",
        }
    }
}

/// View `index` (counted from 0; past the last is the last) of scenario `s`, with its breakdown
/// when it can be computed.
pub fn slide(
    t: &Catalogue,
    lang: Lang,
    plan: &Plan,
    s: &Scenario,
    bd: Option<&Breakdown>,
    index: usize,
) -> Slide {
    let index = index.min(SLIDES - 1);
    let title = slide_titles(t)[index];
    let no_breakdown = SlideBody::NoBreakdown(t.doc_no_breakdown);
    let body = match (index, bd) {
        (0, bd) => SlideBody::Tiers {
            columns: tier_columns(t, plan, s),
            distribution: bd.map(|bd| tier_distribution(t, lang, plan, s, bd)),
        },
        (1, Some(bd)) => SlideBody::Regions(region_bars(t, lang, plan, s, bd, title)),
        (2, Some(bd)) => SlideBody::Monthly(monthly_curve(t, lang, s, bd, title)),
        (1 | 2, None) => no_breakdown,
        _ => SlideBody::Compare(
            plan.scenarios
                .iter()
                .take(COMPARED)
                .map(|x| x.id.clone())
                .collect(),
        ),
    };
    Slide {
        index,
        title,
        plan_line: format!("{} · {}", plan.name, s.name),
        count: fill(t.slide_of, &[&(index + 1).to_string(), &SLIDES.to_string()]),
        body,
    }
}

/// Each tier's regions (in the plan's order) with their shares, and its strategy.
fn tier_columns(t: &Catalogue, plan: &Plan, s: &Scenario) -> Vec<TierColumn> {
    Tier::ALL
        .iter()
        .map(|&tier| TierColumn {
            tier,
            name: t.tier(tier),
            regions: plan
                .regions
                .iter()
                .filter(|r| s.tier_of(r) == tier)
                .map(|r| (r.name.clone(), percent(r.market_share)))
                .collect(),
            strategy: t.strategy(tier),
        })
        .collect()
}

/// Targets by region as bars coloured by tier, each labelled with its amount and tier.
pub fn region_bars(
    t: &Catalogue,
    lang: Lang,
    plan: &Plan,
    s: &Scenario,
    bd: &Breakdown,
    title: &str,
) -> BarChart {
    let bars: Vec<Bar> = bd
        .children(0)
        .map(|i| {
            let region = plan.region(&bd.nodes()[i].id);
            let value = bd.annual(i, Measure::Amount);
            Bar {
                label: region.map(|r| r.name.as_str()).unwrap_or(""),
                value,
                text: amount(value, lang),
                tier: region.map(|r| s.tier_of(r)),
            }
        })
        .collect();
    bar_chart(title, &bars, |x| t.tier(x))
}

/// The tier distribution: each tier's share of the company's amount target, with its number of
/// regions.
pub fn tier_distribution(
    t: &Catalogue,
    lang: Lang,
    plan: &Plan,
    s: &Scenario,
    bd: &Breakdown,
) -> BarChart {
    let mut totals = [(0usize, Decimal::ZERO); 4];
    for i in bd.children(0) {
        if let Some(r) = plan.region(&bd.nodes()[i].id) {
            let (count, sum) = &mut totals[s.tier_of(r).index()];
            *count += 1;
            *sum += bd.annual(i, Measure::Amount);
        }
    }
    let bars: Vec<Bar> = Tier::ALL
        .iter()
        .map(|&tier| {
            let (count, total) = totals[tier.index()];
            let regions = if count == 1 {
                t.slide_tier_region
            } else {
                t.slide_tier_regions
            };
            Bar {
                label: t.tier(tier),
                value: total,
                text: format!(
                    "{} · {}",
                    amount(total, lang),
                    fill(regions, &[&count.to_string()])
                ),
                tier: Some(tier),
            }
        })
        .collect();
    bar_chart(t.slide_tiers, &bars, |_| "")
}

/// The company's monthly amounts as a line over the seasonality profile.
fn monthly_curve(
    t: &Catalogue,
    lang: Lang,
    s: &Scenario,
    bd: &Breakdown,
    title: &str,
) -> MonthlyChart {
    let months: Vec<&str> = bd.months().iter().map(|m| t.month_name(m.month)).collect();
    let shares: Vec<Decimal> = s
        .month_shares(bd.months().len())
        .iter()
        .map(|v| v.unwrap_or_default())
        .collect();
    let values: Vec<(Decimal, String)> = bd
        .monthly(0, Measure::Amount)
        .map(|v| (v, compact(v, lang)))
        .collect();
    monthly_chart(title, &months, &shares, &values)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::breakdown::compute;
    use crate::core::sample::{sample_plan, scaled_plan};
    use crate::i18n::{EN, ZH};

    #[test]
    fn every_slide_draws_with_its_title_and_place_in_the_deck() {
        let plan = sample_plan(Lang::En);
        let s = plan.adopted().unwrap();
        let bd = compute(&plan, s).unwrap();
        for (i, title) in slide_titles(&EN).iter().enumerate() {
            let view = slide(&EN, Lang::En, &plan, s, Some(&bd), i);
            assert_eq!((view.index, view.title), (i, *title));
            assert_eq!(view.count, format!("{} / 4", i + 1));
            assert_eq!(view.plan_line, format!("{} · {}", plan.name, s.name));
        }
        assert_eq!(
            slide(&EN, Lang::En, &plan, s, Some(&bd), 9).index,
            3,
            "past the last is the last"
        );
    }

    #[test]
    fn the_tier_board_lists_each_region_with_its_share() {
        let plan = sample_plan(Lang::En);
        let s = plan.adopted().unwrap();
        let bd = compute(&plan, s).unwrap();
        let SlideBody::Tiers {
            columns,
            distribution,
        } = slide(&EN, Lang::En, &plan, s, Some(&bd), 0).body
        else {
            panic!("the first view is the tier board");
        };
        let tiers: Vec<Tier> = columns.iter().map(|c| c.tier).collect();
        assert_eq!(tiers, Tier::ALL);
        assert_eq!(columns[0].name, "Base camp");
        assert_eq!(columns[0].head_class(), "tier-head tier-base_camp");
        assert!(
            columns[0]
                .regions
                .contains(&("Changsha".to_string(), "64.5%".to_string())),
            "{columns:?}"
        );
        let listed: usize = columns.iter().map(|c| c.regions.len()).sum();
        assert_eq!(listed, plan.regions.len(), "every region once");
        let chart = distribution.expect("the distribution of the target by tier");
        assert_eq!(chart.rows.len(), 4);
        let texts: Vec<&str> = chart.rows.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "47,291,000 · 1 region",
                "39,864,000 · 2 regions",
                "30,012,000 · 3 regions",
                "833,000 · 2 regions"
            ],
            "each tier's target and its number of regions"
        );
    }

    #[test]
    fn targets_by_region_and_the_monthly_curve_come_from_the_breakdown() {
        let plan = sample_plan(Lang::Zh);
        let s = plan.adopted().unwrap();
        let bd = compute(&plan, s).unwrap();
        let SlideBody::Regions(bars) = slide(&ZH, Lang::Zh, &plan, s, Some(&bd), 1).body else {
            panic!("the second view is targets by region");
        };
        assert_eq!(bars.rows.len(), plan.regions.len());
        let changsha = &bars.rows[0];
        assert_eq!(changsha.label, plan.regions[0].name);
        assert!(
            changsha.text.contains('万') && changsha.text.ends_with("· 大本营"),
            "amounts in 万, with the tier named: {}",
            changsha.text
        );
        let SlideBody::Monthly(curve) = slide(&ZH, Lang::Zh, &plan, s, Some(&bd), 2).body else {
            panic!("the third view is the monthly curve");
        };
        assert_eq!(curve.months.len(), 12);
        assert!(curve.months.iter().all(|m| m.point.is_some()));
        let jan = curve.months[0].point.as_ref().unwrap();
        assert_eq!(jan.text, "1298万", "short amounts label the points");
    }

    #[test]
    fn the_comparison_names_the_first_scenarios() {
        let plan = sample_plan(Lang::En);
        let s = plan.adopted().unwrap();
        let ids: Vec<String> = plan.scenarios.iter().map(|x| x.id.clone()).collect();
        assert_eq!(
            slide(&EN, Lang::En, &plan, s, None, 3).body,
            SlideBody::Compare(ids)
        );
    }

    #[test]
    fn without_a_breakdown_the_charts_say_why() {
        let plan = sample_plan(Lang::En);
        let s = plan.adopted().unwrap();
        for i in [1, 2] {
            assert_eq!(
                slide(&EN, Lang::En, &plan, s, None, i).body,
                SlideBody::NoBreakdown(EN.doc_no_breakdown)
            );
        }
        assert!(matches!(
            slide(&EN, Lang::En, &plan, s, None, 0).body,
            SlideBody::Tiers {
                distribution: None,
                ..
            }
        ));
    }

    #[test]
    fn a_plan_of_ten_thousand_presents_its_regions_only() {
        let plan = scaled_plan(10_000);
        let s = plan.adopted().unwrap();
        let bd = compute(&plan, s).unwrap();
        let SlideBody::Regions(bars) = slide(&EN, Lang::En, &plan, s, Some(&bd), 1).body else {
            panic!("targets by region");
        };
        assert_eq!(bars.rows.len(), plan.regions.len());
        assert!(bars.rows.len() <= 50);
    }
}
