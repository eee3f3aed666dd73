//! The title slide: what the workshop is about, in a few big figures.

use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::core::scenario::Scenario;
use crate::i18n::{Catalogue, fill};
use crate::view::numbers::{amount, grouped};

/// The title slide: the plan, its company and period, the company's targets and the adopted
/// scenario.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TitleSlide {
    pub company: String,
    /// The period as people write it (`2027 年度`, `Year 2027`).
    pub period: String,
    pub figures: Vec<TitleFigure>,
    /// `Adopted scenario: Baseline`.
    pub scenario: String,
    /// `8 regions · 20 sub-districts · 50 salespeople`.
    pub counts: String,
}

/// One headline figure: what it is and its value (with its unit, if any).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TitleFigure {
    pub label: &'static str,
    pub value: String,
    pub unit: String,
    /// No target of this measure: the value says so, as a warning.
    pub warn: bool,
}

/// The title slide of scenario `s` (the adopted one).
pub fn title_slide(t: &Catalogue, lang: Lang, plan: &Plan, s: &Scenario) -> TitleSlide {
    let figure = |label, value: rust_decimal::Decimal, shown: String, unit: &str| {
        let warn = value.is_zero();
        TitleFigure {
            label,
            value: if warn {
                t.slide_no_target.to_string()
            } else {
                shown
            },
            unit: if warn {
                String::new()
            } else {
                unit.to_string()
            },
            warn,
        }
    };
    let mut figures = vec![
        figure(
            t.amount_target,
            s.amount_target,
            amount(s.amount_target, lang),
            &plan.currency,
        ),
        figure(
            t.quantity_target,
            s.quantity_target,
            grouped(s.quantity_target),
            "",
        ),
    ];
    if let Some(c) = s.collections_target {
        figures.push(figure(
            t.collections_target,
            c,
            amount(c, lang),
            &plan.currency,
        ));
    }
    let subdistricts: usize = plan.regions.iter().map(|r| r.subdistricts.len()).sum();
    let people: usize = plan
        .regions
        .iter()
        .flat_map(|r| &r.subdistricts)
        .map(|d| d.salespeople.len())
        .sum();
    TitleSlide {
        company: plan.company.clone(),
        period: crate::view::period_label::period_label(t, &plan.period),
        figures,
        scenario: fill(t.slide_adopted, &[&s.name]),
        counts: fill(
            t.slide_counts,
            &[
                &grouped(plan.regions.len().into()),
                &grouped(subdistricts.into()),
                &grouped(people.into()),
            ],
        ),
    }
}
