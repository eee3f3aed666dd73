//! A region's slide: its sub-districts and every salesperson's number (指标责任到人), the
//! moment each person sees their target. It reads that region's part of the breakdown only.

use crate::core::breakdown::{Breakdown, node_name};
use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::core::scenario::{Measure, Scenario};
use crate::core::tier::Tier;
use crate::i18n::{Catalogue, fill};
use crate::view::charts::WARN_MARK;
use crate::view::numbers::{amount, grouped, percent};

/// Up to this many salespeople a region's slide uses its largest type.
const ROOMY: usize = 16;
/// Up to this many, a smaller type; beyond, the smallest that still reads at the back.
const DENSE: usize = 48;

/// A region with its sub-districts and salespeople.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RegionSlide {
    pub name: String,
    pub tier: Tier,
    pub tier_name: &'static str,
    /// The region's market share (`64.5%`).
    pub share: String,
    pub amount: String,
    /// `None` when the plan has no quantity target (no column of zeros).
    pub quantity: Option<String>,
    /// The region's own target is zero: why this slide has nothing to hand out.
    pub warn: Option<String>,
    /// How many of its salespeople have a target of zero, when any do.
    pub zero_people: Option<String>,
    pub subdistricts: Vec<SubdistrictCard>,
    /// The labels of the figures (amount, quantity).
    pub labels: (&'static str, &'static str),
    /// The headings of the people's columns (amount, quantity), shown with a quantity column.
    pub columns: (&'static str, &'static str),
    /// The CSS class that sizes the type for the number of people on the slide.
    pub density: &'static str,
}

impl RegionSlide {
    /// The CSS class of the tier's colour.
    pub fn tier_class(&self) -> &'static str {
        match self.tier {
            Tier::BaseCamp => "tier-head tier-base_camp",
            Tier::Stronghold => "tier-head tier-stronghold",
            Tier::Contested => "tier-head tier-contested",
            Tier::Guerrilla => "tier-head tier-guerrilla",
        }
    }
}

/// A sub-district with its target and its salespeople's.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SubdistrictCard {
    pub id: String,
    pub name: String,
    pub amount: String,
    pub quantity: Option<String>,
    /// The sub-district's target is zero.
    pub warn: bool,
    pub people: Vec<PersonLine>,
    /// No salespeople: nobody answers for this target.
    pub nobody: Option<&'static str>,
}

/// A salesperson and their targets.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PersonLine {
    pub id: String,
    pub name: String,
    pub amount: String,
    pub quantity: Option<String>,
    /// The person's target is zero while the company's is not.
    pub warn: bool,
}

/// The slide of the region with id `id`; `None` when the breakdown does not hold it.
pub fn region_slide(
    t: &Catalogue,
    lang: Lang,
    plan: &Plan,
    s: &Scenario,
    bd: &Breakdown,
    id: &str,
) -> Option<RegionSlide> {
    let ri = bd.find(id)?;
    let region = plan.region(id)?;
    let with_quantity = !bd.annual(0, Measure::Quantity).is_zero();
    let zero = |i: usize| {
        bd.annual_units(0, Measure::Amount) != 0 && bd.annual_units(i, Measure::Amount) == 0
    };
    let figures = |i: usize| {
        let a = bd.annual(i, Measure::Amount);
        let shown = if zero(i) {
            format!("{WARN_MARK} {}", grouped(a))
        } else {
            amount(a, lang)
        };
        let q = with_quantity.then(|| grouped(bd.annual(i, Measure::Quantity)));
        (shown, q)
    };
    let name = |i: usize| node_name(plan, bd.nodes()[i].pos).to_string();
    let mut people_count = 0;
    let mut zero_count = 0;
    let subdistricts: Vec<SubdistrictCard> = bd
        .children(ri)
        .map(|di| {
            let people: Vec<PersonLine> = bd
                .children(di)
                .map(|pi| {
                    let (amount, quantity) = figures(pi);
                    people_count += 1;
                    zero_count += usize::from(zero(pi));
                    PersonLine {
                        id: bd.nodes()[pi].id.clone(),
                        name: name(pi),
                        amount,
                        quantity,
                        warn: zero(pi),
                    }
                })
                .collect();
            let (amount, quantity) = figures(di);
            SubdistrictCard {
                id: bd.nodes()[di].id.clone(),
                name: name(di),
                amount,
                quantity,
                warn: zero(di),
                nobody: people.is_empty().then_some(t.slide_no_people),
                people,
            }
        })
        .collect();
    let (amount, quantity) = figures(ri);
    let tier = s.tier_of(region);
    Some(RegionSlide {
        name: region.name.clone(),
        tier,
        tier_name: t.tier(tier),
        share: percent(region.market_share),
        amount,
        quantity,
        warn: zero(ri).then(|| t.slide_no_target.to_string()),
        zero_people: (zero_count > 0 && !zero(ri)).then(|| {
            fill(
                t.slide_zero_people,
                &[&zero_count.to_string(), &people_count.to_string()],
            )
        }),
        subdistricts,
        labels: (t.amount_target, t.quantity_target),
        columns: (t.measure(Measure::Amount), t.measure(Measure::Quantity)),
        density: match people_count.max(bd.children(ri).len()) {
            n if n <= ROOMY => "roomy",
            n if n <= DENSE => "dense",
            _ => "denser",
        },
    })
}
