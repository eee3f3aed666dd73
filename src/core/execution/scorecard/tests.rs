//! Scorecard numbers checked by hand.

use super::*;
use crate::core::execution::{CustomerKind, add_customer};
use crate::core::lang::Lang;
use crate::core::sample::sample_plan;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// contract, completed, ours, category, last month, last year, revenue, costs, promotions,
/// rebates, price violations, incidents, collection days.
type Raw = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    u32,
    u32,
    Option<&'static str>,
);

fn figures(r: Raw) -> ScoreFigures {
    ScoreFigures {
        contract_volume: d(r.0),
        completed_volume: d(r.1),
        our_sales: d(r.2),
        category_sales: d(r.3),
        last_month_sales: d(r.4),
        last_year_sales: d(r.5),
        revenue: d(r.6),
        costs: d(r.7),
        promotions: d(r.8),
        rebates: d(r.9),
        price_violations: r.10,
        cross_territory: r.11,
        collection_days: r.12.map(d),
    }
}

/// A solid distributor: 90% done, 30% share, +20% on last month (环比) and flat on last year
/// (同比), 15% margin, one price violation, no 窜货, 45 days to collect.
const SOLID: Raw = (
    "1000",
    "900",
    "300",
    "1000",
    "250",
    "300",
    "300",
    "200",
    "30",
    "25",
    1,
    0,
    Some("45"),
);

#[test]
fn each_measure_is_scored_on_its_scale() {
    // (figures, values, scores, composite with equal weights)
    type Want = [Option<&'static str>; 7];
    let cases: [(&str, Raw, Want, Want, Option<&str>); 3] = [
        (
            "solid",
            SOLID,
            // Growth year on year (the default basis): flat.
            [
                Some("0.9"),
                Some("0.3"),
                Some("0"),
                Some("0.15"),
                Some("1"),
                Some("0"),
                Some("45"),
            ],
            [
                Some("90"),
                Some("30"),
                Some("50"),
                Some("75"),
                Some("80"),
                Some("100"),
                Some("75"),
            ],
            // (90 + 30 + 50 + 75 + 80 + 100 + 75) / 7 = 500 / 7 = 71.43
            Some("71.428571428571428571428571429"),
        ),
        (
            "nothing to divide by",
            ("0", "0", "0", "0", "0", "0", "0", "0", "0", "0", 3, 6, None),
            [None, None, None, None, Some("3"), Some("6"), None],
            // 100 − 60; 100 − 120 clamped to 0
            [None, None, None, None, Some("40"), Some("0"), None],
            // (40 + 0) / 2: only the scored measures count
            Some("20"),
        ),
        (
            "beyond the scales",
            // 120% done; all of the category; +100% MoM and −50% YoY (the basis); a loss;
            // collected in 20 days.
            (
                "1000",
                "1200",
                "200",
                "200",
                "100",
                "400",
                "100",
                "150",
                "0",
                "0",
                0,
                0,
                Some("20"),
            ),
            [
                Some("1.2"),
                Some("1"),
                Some("-0.5"),
                Some("-0.5"),
                Some("0"),
                Some("0"),
                Some("20"),
            ],
            // 120 → 100; 100; −75 → 0; −250 → 0; 100; 100; 116.7 → 100
            [
                Some("100"),
                Some("100"),
                Some("0"),
                Some("0"),
                Some("100"),
                Some("100"),
                Some("100"),
            ],
            // 500 / 7
            Some("71.428571428571428571428571430"),
        ),
    ];
    for (name, raw, values, scores, composite) in cases {
        let (measures, got) = score_figures(
            &figures(raw),
            &ScoreWeights::default(),
            GrowthBasis::YearOnYear,
        );
        for m in ScoreMeasure::ALL {
            let s = &measures[m.index()];
            assert_eq!(
                s.value,
                values[m.index()].map(d),
                "{name}: value of {}",
                m.key()
            );
            assert_eq!(
                s.score,
                scores[m.index()].map(d),
                "{name}: score of {}",
                m.key()
            );
        }
        assert_eq!(
            got.map(|c| c.round_dp(20)),
            composite.map(|c| d(c).round_dp(20)),
            "{name}"
        );
        let sum: Decimal = measures.iter().filter_map(|s| s.contribution).sum();
        assert_eq!(got, composite.map(|_| sum), "{name}: contributions add up");
    }
}

#[test]
fn weights_change_the_composite_and_each_contribution() {
    let mut w = ScoreWeights::default();
    w.set(ScoreMeasure::Completion, d("3"));
    w.set(ScoreMeasure::Share, d("0"));
    let (measures, composite) = score_figures(&figures(SOLID), &w, GrowthBasis::YearOnYear);
    // (3×90 + 0×30 + 50 + 75 + 80 + 100 + 75) / 8 = 650 / 8
    assert_eq!(composite, Some(d("81.25")));
    assert_eq!(measures[0].contribution, Some(d("33.75")));
    assert_eq!(measures[1].contribution, Some(d("0")));
    assert_eq!(measures[1].weight, d("0"));
    // All weight on measures with no value: no composite.
    let mut only_share = ScoreWeights::default();
    for m in ScoreMeasure::ALL {
        only_share.set(m, Decimal::ZERO);
    }
    only_share.set(ScoreMeasure::Share, Decimal::ONE);
    let empty = figures(("0", "0", "0", "0", "0", "0", "0", "0", "0", "0", 0, 0, None));
    assert_eq!(
        score_figures(&empty, &only_share, GrowthBasis::YearOnYear).1,
        None
    );
}

#[test]
fn distributors_are_ranked_by_composite_then_name() {
    let mut plan = sample_plan(Lang::En);
    let month = YearMonth::new(2027, 3).unwrap();
    let mut add = |name: &str, raw: Raw| {
        let id = add_customer(&mut plan, CustomerKind::Distributor, name, "").unwrap();
        set_score_entry(&mut plan, &id, month, figures(raw)).unwrap();
        id
    };
    let weak = ("0", "0", "0", "0", "0", "0", "0", "0", "0", "0", 3, 6, None);
    add("Zeta", SOLID);
    add("Alpha", SOLID);
    add("Weak", weak);
    let terminal = add_customer(&mut plan, CustomerKind::Terminal, "Shop", "").unwrap();
    assert_eq!(
        set_score_entry(&mut plan, &terminal, month, ScoreFigures::default()),
        Err(EditError::NotADistributor(terminal))
    );
    let rows = scorecard(&plan, month);
    let order: Vec<(Option<usize>, &str)> =
        rows.iter().map(|r| (r.rank, r.name.as_str())).collect();
    assert_eq!(
        order,
        [(Some(1), "Alpha"), (Some(2), "Zeta"), (Some(3), "Weak")]
    );
    assert_eq!(rows[0].growth_mom, Some(d("0.2")));
    assert_eq!(rows[0].growth_yoy, Some(d("0")));
    assert_eq!(score_months(&plan), [month]);
    assert!(scorecard(&plan, YearMonth::new(2027, 4).unwrap()).is_empty());

    // Re-entering a month replaces its figures.
    let alpha = rows[0].customer.clone();
    set_score_entry(&mut plan, &alpha, month, figures(weak)).unwrap();
    assert_eq!(plan.execution.scorecard.len(), 3);
    assert_eq!(scorecard(&plan, month)[0].name, "Zeta");
    let mut bad = figures(SOLID);
    bad.costs = d("-1");
    assert_eq!(
        set_score_entry(&mut plan, &alpha, month, bad),
        Err(EditError::field("costs", FieldError::Negative))
    );
}

#[test]
fn growth_is_year_on_year_or_month_on_month_as_the_manager_chooses_never_their_mean() {
    let w = ScoreWeights::default();
    let solid = figures(SOLID);
    // 300 against 300 a year ago: flat, 50 points; against 250 last month: +20%, 100 points.
    let (yoy, _) = score_figures(&solid, &w, GrowthBasis::YearOnYear);
    let (mom, composite) = score_figures(&solid, &w, GrowthBasis::MonthOnMonth);
    let growth = ScoreMeasure::Growth.index();
    assert_eq!(
        (yoy[growth].value, yoy[growth].score),
        (Some(d("0")), Some(d("50")))
    );
    assert_eq!(
        (mom[growth].value, mom[growth].score),
        (Some(d("0.2")), Some(d("100")))
    );
    // (90 + 30 + 100 + 75 + 80 + 100 + 75) / 7 = 550 / 7
    assert!((composite.unwrap() - d("78.5714285714")).abs() < d("0.0000000001"));
    // No figure a year ago: year-on-year growth is undefined, not the month-on-month one.
    let mut new = solid.clone();
    new.last_year_sales = Decimal::ZERO;
    let (scores, _) = score_figures(&new, &w, GrowthBasis::YearOnYear);
    assert_eq!(scores[growth].value, None);
    // The plan's setting chooses for the whole scorecard.
    let mut plan = sample_plan(Lang::En);
    let id = add_customer(&mut plan, CustomerKind::Distributor, "Solid", "").unwrap();
    let month = YearMonth::new(2027, 3).unwrap();
    set_score_entry(&mut plan, &id, month, solid).unwrap();
    assert_eq!(
        scorecard(&plan, month)[0].measures[growth].score,
        Some(d("50"))
    );
    plan.execution.settings.growth_basis = GrowthBasis::MonthOnMonth;
    assert_eq!(
        scorecard(&plan, month)[0].measures[growth].score,
        Some(d("100"))
    );
}
