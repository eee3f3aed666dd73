//! Presentation mode's slides, in the order a workshop walks through them: the title slide, the
//! tier board, targets by region, one slide per region with its sub-districts and salespeople
//! (指标责任到人), the monthly plan, the scenarios compared and, once there are actuals,
//! completion by region and the leaderboard. Large type, read-only, drawn from the live plan.
//!
//! The deck lists every slide by [`SlideKey`]; the manager picks which to show. Only the slide
//! on screen is computed, and a region's slide holds that region only, so a plan of ten
//! thousand salespeople presents as quickly as the sample.

mod compare;
mod region;
mod results;
mod title;

use rust_decimal::Decimal;

use super::charts::{Bar, BarChart, MonthlyChart, bar_chart, monthly_chart};
use super::numbers::{amount, compact, percent};
use crate::core::breakdown::Breakdown;
use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::core::period::YearMonth;
use crate::core::scenario::{Measure, Scenario};
use crate::core::tier::Tier;
use crate::i18n::exec::ExecText;
use crate::i18n::{Catalogue, fill};

pub use compare::{COMPARED, CompareSlide, compare_ids, compare_slide, slide_amount};
pub use region::{PersonLine, RegionSlide, SubdistrictCard};
pub use results::{CompletionRow, CompletionSlide, LeaderboardSlide};
pub use title::{TitleFigure, TitleSlide};

/// Which slide: the deck is a list of these, and the manager hides or shows each.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SlideKey {
    Title,
    Tiers,
    Regions,
    /// The slide of the region with this id.
    Region(String),
    Monthly,
    Compare,
    /// Only once the plan has actuals.
    Completion,
    /// Only once the plan has actuals.
    Leaderboard,
}

impl SlideKey {
    /// The CSS class of a slide of this kind (`kind-region`).
    pub fn class(&self) -> &'static str {
        match self {
            SlideKey::Title => "kind-title",
            SlideKey::Tiers => "kind-tiers",
            SlideKey::Regions => "kind-regions",
            SlideKey::Region(_) => "kind-region",
            SlideKey::Monthly => "kind-monthly",
            SlideKey::Compare => "kind-compare",
            SlideKey::Completion => "kind-completion",
            SlideKey::Leaderboard => "kind-leaderboard",
        }
    }
}

/// A slide of the deck as the list of slides names it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DeckEntry {
    pub key: SlideKey,
    pub title: String,
    /// A region left at a target of zero (in `bd`, the adopted scenario's breakdown): the list
    /// marks it, so the manager sees it before the room does.
    pub warn: bool,
}

/// Every slide of the plan's deck, in workshop order. Completion and the leaderboard join once
/// the plan has actuals.
pub fn deck(t: &Catalogue, plan: &Plan, bd: Option<&Breakdown>) -> Vec<DeckEntry> {
    let entry = |key, title: &str| DeckEntry {
        key,
        title: title.to_string(),
        warn: false,
    };
    let zeros = bd.map(|bd| zero_marks(bd, Measure::Amount));
    let zero = |id: &str| {
        bd.zip(zeros.as_ref())
            .and_then(|(bd, z)| bd.find(id).map(|i| z[i]))
            .unwrap_or(false)
    };
    let mut out = vec![
        entry(SlideKey::Title, t.slide_cover),
        entry(SlideKey::Tiers, t.slide_tiers),
        entry(SlideKey::Regions, t.slide_regions),
    ];
    out.extend(plan.regions.iter().map(|r| DeckEntry {
        key: SlideKey::Region(r.id.clone()),
        title: fill(t.slide_region_entry, &[&r.name]),
        warn: zero(&r.id),
    }));
    out.push(entry(SlideKey::Monthly, t.slide_monthly));
    out.push(entry(SlideKey::Compare, t.slide_compare));
    if has_actuals(plan) {
        out.push(entry(SlideKey::Completion, t.slide_completion));
        out.push(entry(SlideKey::Leaderboard, t.slide_leaderboard));
    }
    out
}

/// The slide a key leads to from slide `at` of the `len` shown; `None` for a key that does not
/// move. (← ↑ PageUp back, → ↓ PageDown Space on, Home the first, End the last.)
pub fn step(at: usize, key: &str, len: usize) -> Option<usize> {
    let last = len.saturating_sub(1);
    match key {
        "ArrowRight" | "ArrowDown" | "PageDown" | " " => Some((at + 1).min(last)),
        "ArrowLeft" | "ArrowUp" | "PageUp" => Some(at.saturating_sub(1).min(last)),
        "Home" => Some(0),
        "End" => Some(last),
        _ => None,
    }
}

/// Whether any salesperson has a recorded actual.
pub fn has_actuals(plan: &Plan) -> bool {
    plan.execution.actuals.values().any(|m| !m.is_empty())
}

/// One slide on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Slide {
    pub key: SlideKey,
    pub title: String,
    /// The plan and the scenario presented: `Hunan 2027 · Baseline` (empty on the title slide,
    /// which names both in large type).
    pub plan_line: String,
    /// Where the slide is among those shown: `2 / 14`.
    pub count: String,
    pub body: SlideBody,
}

/// What a slide shows under its heading.
#[derive(Clone, Debug, PartialEq)]
pub enum SlideBody {
    Title(TitleSlide),
    /// The four tiers with their regions and strategy, and each tier's share of the target.
    Tiers {
        columns: Vec<TierColumn>,
        /// `None` when the breakdown cannot be computed.
        distribution: Option<BarChart>,
    },
    /// The amount target of each region, coloured and named by tier.
    Regions(BarChart),
    Region(RegionSlide),
    /// The company's monthly amounts, with the year's total and its highest and lowest months.
    Monthly {
        chart: MonthlyChart,
        summary: String,
    },
    /// The scenarios side by side (by id, the adopted one first; see [`compare_ids`]); the
    /// comparison is computed by the slide itself ([`compare_slide`]).
    Compare(Vec<String>),
    Completion(CompletionSlide),
    Leaderboard(LeaderboardSlide),
    /// The slide cannot be drawn (the breakdown cannot be computed, or its region is gone):
    /// what to do about it.
    Unavailable(&'static str),
}

/// One tier on the tier board.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TierColumn {
    pub tier: Tier,
    pub name: &'static str,
    /// The tier's regions with their market share.
    pub regions: Vec<TierRegion>,
    pub strategy: &'static str,
}

/// A region on the tier board.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TierRegion {
    pub name: String,
    /// As shown: `64.5%`, or `⚠ 0%` when the region has no market share.
    pub share: String,
    /// No market share: the region's target comes out at zero unless someone sets one.
    pub warn: bool,
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

/// What a slide is drawn from besides the plan.
pub struct SlideInput<'a> {
    pub t: &'static Catalogue,
    pub x: &'static ExecText,
    pub lang: Lang,
    /// The adopted scenario.
    pub scenario: &'a Scenario,
    /// Its breakdown, when it can be computed.
    pub breakdown: Option<&'a Breakdown>,
    /// The month actuals are counted through (`None`: the latest with any).
    pub as_of: Option<YearMonth>,
    /// The scenario on screen on the planning routes, which the comparison sets against the
    /// adopted one (as Compare opens).
    pub on_screen: Option<&'a str>,
}

/// The slide `key`, shown as number `place` (from 0) of `shown` slides.
pub fn slide(input: &SlideInput, plan: &Plan, key: &SlideKey, place: usize, shown: usize) -> Slide {
    let SlideInput {
        t,
        x,
        lang,
        scenario: s,
        breakdown: bd,
        as_of,
        on_screen,
    } = *input;
    let no_breakdown = SlideBody::Unavailable(t.doc_no_breakdown);
    let (title, body) = match (key, bd) {
        (SlideKey::Title, _) => (
            plan.name.clone(),
            SlideBody::Title(title::title_slide(t, lang, plan, s)),
        ),
        (SlideKey::Tiers, bd) => (
            t.slide_tiers.to_string(),
            SlideBody::Tiers {
                columns: tier_columns(t, plan, s),
                distribution: bd.map(|bd| tier_distribution(t, lang, plan, s, bd)),
            },
        ),
        (SlideKey::Regions, Some(bd)) => (
            t.slide_regions.to_string(),
            SlideBody::Regions(region_bars(t, lang, plan, s, bd, t.slide_regions)),
        ),
        (SlideKey::Region(id), bd) => {
            let name = plan.region(id).map_or("", |r| r.name.as_str());
            let body = match (bd, plan.region(id)) {
                (Some(bd), Some(_)) => region::region_slide(t, lang, plan, s, bd, id)
                    .map_or(no_breakdown, SlideBody::Region),
                _ => no_breakdown,
            };
            (fill(t.slide_region_title, &[name]), body)
        }
        (SlideKey::Monthly, Some(bd)) => (t.slide_monthly.to_string(), monthly_plan(t, lang, bd)),
        (SlideKey::Compare, _) => (
            t.slide_compare.to_string(),
            SlideBody::Compare(compare_ids(plan, on_screen)),
        ),
        (SlideKey::Completion, Some(bd)) => (
            t.slide_completion.to_string(),
            SlideBody::Completion(results::completion_slide(t, x, lang, plan, bd, as_of)),
        ),
        (SlideKey::Leaderboard, Some(bd)) => {
            let board = results::leaderboard_slide(t, x, lang, plan, bd, as_of);
            (board.title.clone(), SlideBody::Leaderboard(board))
        }
        (SlideKey::Regions, None) => (t.slide_regions.to_string(), no_breakdown),
        (SlideKey::Monthly, None) => (t.slide_monthly.to_string(), no_breakdown),
        (SlideKey::Completion, None) => (t.slide_completion.to_string(), no_breakdown),
        (SlideKey::Leaderboard, None) => (t.slide_leaderboard.to_string(), no_breakdown),
    };
    Slide {
        key: key.clone(),
        title,
        plan_line: if *key == SlideKey::Title {
            String::new()
        } else {
            format!("{} · {}", plan.name, s.name)
        },
        count: fill(t.slide_of, &[&(place + 1).to_string(), &shown.to_string()]),
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
                .map(|r| {
                    let warn = r.market_share.is_zero();
                    let share = percent(r.market_share);
                    TierRegion {
                        name: r.name.clone(),
                        share: if warn { format!("⚠ {share}") } else { share },
                        warn,
                    }
                })
                .collect(),
            strategy: t.strategy(tier),
        })
        .collect()
}

/// For each node of the breakdown, whether its target in `measure` is zero while the company's
/// is not: the nodes a slide or a printed table marks.
pub fn zero_marks(b: &Breakdown, measure: Measure) -> Vec<bool> {
    let company = b.annual_units(0, measure);
    (0..b.nodes().len())
        .map(|i| company != 0 && b.annual_units(i, measure) == 0)
        .collect()
}

/// Targets by region as bars coloured by tier, each labelled with its amount and tier; a region
/// left at zero is a warning.
pub fn region_bars(
    t: &Catalogue,
    lang: Lang,
    plan: &Plan,
    s: &Scenario,
    bd: &Breakdown,
    title: &str,
) -> BarChart {
    let zeros = zero_marks(bd, Measure::Amount);
    let bars: Vec<Bar> = bd
        .children(0)
        .map(|i| {
            let region = plan.region(&bd.nodes()[i].id);
            let value = bd.annual(i, Measure::Amount);
            Bar {
                label: region.map(|r| r.name.as_str()).unwrap_or(""),
                value,
                text: if zeros[i] {
                    t.slide_no_target.to_string()
                } else {
                    amount(value, lang)
                },
                tier: region.map(|r| s.tier_of(r)),
                warn: zeros[i],
            }
        })
        .collect();
    bar_chart(title, &bars, |x| t.tier(x))
}

/// The tier distribution: each tier's share of the company's amount target, with its number of
/// regions. A tier with regions and no target is a warning.
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
    let company = bd.annual(0, Measure::Amount);
    let bars: Vec<Bar> = Tier::ALL
        .iter()
        .map(|&tier| {
            let (count, total) = totals[tier.index()];
            let regions = if count == 1 {
                t.slide_tier_region
            } else {
                t.slide_tier_regions
            };
            let warn = count > 0 && total.is_zero() && !company.is_zero();
            let value = if warn {
                t.slide_no_target.to_string()
            } else {
                amount(total, lang)
            };
            Bar {
                label: t.tier(tier),
                value: total,
                text: format!("{value} · {}", fill(regions, &[&count.to_string()])),
                tier: Some(tier),
                warn,
            }
        })
        .collect();
    bar_chart(t.slide_tiers, &bars, |_| "")
}

/// The company's monthly amounts as labelled columns, and the sentence that sums them up.
fn monthly_plan(t: &Catalogue, lang: Lang, bd: &Breakdown) -> SlideBody {
    let months: Vec<&str> = bd.months().iter().map(|m| t.month_name(m.month)).collect();
    let values: Vec<(Decimal, String)> = bd
        .monthly(0, Measure::Amount)
        .map(|v| (v, compact(v, lang)))
        .collect();
    let month = |pick: Option<(usize, &(Decimal, String))>| {
        pick.map(|(i, (v, _))| format!("{} {}", months[i], amount(*v, lang)))
            .unwrap_or_default()
    };
    // The first of equal months, both ways.
    let highest = values.iter().enumerate().rev().max_by_key(|(_, (v, _))| *v);
    let lowest = values.iter().enumerate().min_by_key(|(_, (v, _))| *v);
    let summary = fill(
        t.slide_year_total,
        &[
            &amount(bd.annual(0, Measure::Amount), lang),
            &month(highest),
            &month(lowest),
        ],
    );
    SlideBody::Monthly {
        chart: monthly_chart(t.slide_monthly, &months, &values),
        summary,
    }
}

#[cfg(test)]
mod tests;
