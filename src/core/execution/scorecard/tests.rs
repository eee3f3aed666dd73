//! Scorecard numbers checked by hand.

use super::*;
use crate::core::execution::Settings;
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
        // The same volumes as amounts: the measures read the same on either basis.
        our_volume: d(r.2),
        category_volume: d(r.3),
        last_month_volume: d(r.4),
        last_year_volume: d(r.5),
    }
}

/// The settings with these weights and growth basis, the rest as default.
fn with(weights: &ScoreWeights, growth: GrowthBasis) -> Settings {
    Settings {
        score_weights: *weights,
        growth_basis: growth,
        ..Settings::default()
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
            &with(&ScoreWeights::default(), GrowthBasis::YearOnYear),
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
    let (measures, composite) = score_figures(&figures(SOLID), &with(&w, GrowthBasis::YearOnYear));
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
        score_figures(&empty, &with(&only_share, GrowthBasis::YearOnYear)).1,
        None
    );
}

#[test]
fn distributors_are_ranked_by_composite_and_equal_ones_share_a_rank_listed_by_name() {
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
    // Alpha and Zeta have the same figures: first together, listed by name.
    let rows = scorecard(&plan, month);
    let order: Vec<(Option<usize>, &str)> =
        rows.iter().map(|r| (r.rank, r.name.as_str())).collect();
    assert_eq!(
        order,
        [(Some(1), "Alpha"), (Some(1), "Zeta"), (Some(3), "Weak")]
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
    let (yoy, _) = score_figures(&solid, &with(&w, GrowthBasis::YearOnYear));
    let (mom, composite) = score_figures(&solid, &with(&w, GrowthBasis::MonthOnMonth));
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
    new.last_year_volume = Decimal::ZERO;
    let (scores, _) = score_figures(&new, &with(&w, GrowthBasis::YearOnYear));
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

/// 600 of the distributor's 3,000 cases are ours: 销售比重 20%; 500 cases a year ago: 销量增长率
/// +20% (100 points). In money the same month reads 36,000 of 90,000 (40%) and flat on last
/// year's 36,000 (50 points): the price rose. No contract, revenue or collection days, no
/// violations: completion, profit and collection are left out.
#[test]
fn share_and_growth_are_on_volume_as_the_source_defines_with_amount_as_a_choice() {
    let f = ScoreFigures {
        our_volume: d("600"),
        category_volume: d("3000"),
        last_month_volume: d("750"),
        last_year_volume: d("500"),
        our_sales: d("36000"),
        category_sales: d("90000"),
        last_month_sales: d("45000"),
        last_year_sales: d("36000"),
        ..ScoreFigures::default()
    };
    let (share, growth) = (ScoreMeasure::Share.index(), ScoreMeasure::Growth.index());
    let volume = Settings::default();
    assert_eq!(
        volume.score_basis,
        ScoreBasis::Volume,
        "the source's basis by default"
    );
    let (m, composite) = score_figures(&f, &volume);
    assert_eq!(
        (m[share].value, m[share].score),
        (Some(d("0.2")), Some(d("20")))
    );
    assert_eq!(
        (m[growth].value, m[growth].score),
        (Some(d("0.2")), Some(d("100")))
    );
    // (20 + 100 + 100 + 100) / 4: share, growth, price and cross-territory.
    assert_eq!(composite, Some(d("80")));
    let amount = Settings {
        score_basis: ScoreBasis::Amount,
        ..Settings::default()
    };
    let (m, composite) = score_figures(&f, &amount);
    assert_eq!(
        (m[share].value, m[share].score),
        (Some(d("0.4")), Some(d("40")))
    );
    assert_eq!(
        (m[growth].value, m[growth].score),
        (Some(d("0")), Some(d("50")))
    );
    // (40 + 50 + 100 + 100) / 4
    assert_eq!(composite, Some(d("72.5")));
    // 环比 on volume: 600 against 750 is −20%, 0 points.
    let mom = Settings {
        growth_basis: GrowthBasis::MonthOnMonth,
        ..Settings::default()
    };
    let (m, _) = score_figures(&f, &mom);
    assert_eq!(
        (m[growth].value, m[growth].score),
        (Some(d("-0.2")), Some(d("0")))
    );
    // Amounts alone (no volume typed at all): share and growth on the amounts, as if amount
    // were chosen — 36,000 of 90,000 is 40%, flat against last year: 50 points.
    let amounts_only = ScoreFigures {
        our_volume: Decimal::ZERO,
        category_volume: Decimal::ZERO,
        last_month_volume: Decimal::ZERO,
        last_year_volume: Decimal::ZERO,
        ..f.clone()
    };
    assert_eq!(
        ScoreBasis::Volume.for_figures(&amounts_only),
        ScoreBasis::Amount
    );
    let (m, composite) = score_figures(&amounts_only, &volume);
    assert_eq!(
        (m[share].score, m[growth].score),
        (Some(d("40")), Some(d("50")))
    );
    assert_eq!(composite, Some(d("72.5")));
    // One volume typed is enough to stay on volume (the category's missing: no share score).
    let one_volume = ScoreFigures {
        our_volume: d("600"),
        ..amounts_only.clone()
    };
    assert_eq!(
        ScoreBasis::Volume.for_figures(&one_volume),
        ScoreBasis::Volume
    );
    let (m, _) = score_figures(&one_volume, &volume);
    assert_eq!(m[share].score, None);
    // Nothing typed at all: nothing to fall back on, the basis stays as chosen.
    assert_eq!(
        ScoreBasis::Volume.for_figures(&ScoreFigures::default()),
        ScoreBasis::Volume
    );
}

/// On the ranking, a distributor with only amounts typed is scored on amount and says so; one
/// with volumes stays on volume.
#[test]
fn the_ranking_names_the_basis_each_distributor_was_scored_on() {
    let mut plan = sample_plan(Lang::En);
    let month = YearMonth::new(2027, 3).unwrap();
    let money = add_customer(&mut plan, CustomerKind::Distributor, "Money only", "").unwrap();
    let units = add_customer(&mut plan, CustomerKind::Distributor, "Units", "").unwrap();
    let amounts = ScoreFigures {
        our_sales: d("30000"),
        category_sales: d("100000"),
        last_year_sales: d("30000"),
        ..ScoreFigures::default()
    };
    let volumes = ScoreFigures {
        our_volume: d("300"),
        category_volume: d("600"),
        last_year_volume: d("300"),
        ..ScoreFigures::default()
    };
    set_score_entry(&mut plan, &money, month, amounts).unwrap();
    set_score_entry(&mut plan, &units, month, volumes).unwrap();
    let rows = scorecard(&plan, month);
    let by = |id: &str| rows.iter().find(|r| r.customer == id).unwrap();
    let share = ScoreMeasure::Share.index();
    assert_eq!(by(&money).on, ScoreBasis::Amount);
    assert_eq!(by(&money).measures[share].value, Some(d("0.3")));
    assert_eq!(by(&units).on, ScoreBasis::Volume);
    assert_eq!(by(&units).measures[share].value, Some(d("0.5")));
}

/// Each plan edits its scales: share 10% → 0 points, 50% → 100 (20% scores 25); collection
/// 60 days → 0, 15 → 100 (45 days scores 33⅓). A scale that does not rise towards its better
/// end is refused, naming the measure, and nothing changes.
#[test]
fn scales_are_edited_per_plan_and_refused_when_they_do_not_rise() {
    let mut plan = sample_plan(Lang::En);
    let id = add_customer(&mut plan, CustomerKind::Distributor, "Solid", "").unwrap();
    let month = YearMonth::new(2027, 3).unwrap();
    let f = ScoreFigures {
        our_volume: d("200"),
        category_volume: d("1000"),
        collection_days: Some(d("45")),
        ..ScoreFigures::default()
    };
    set_score_entry(&mut plan, &id, month, f).unwrap();
    let scale = |zero: &str, full: &str| ScoreScale {
        zero: d(zero),
        full: d(full),
    };
    let scores = |plan: &Plan| scorecard(plan, month)[0].measures.map(|m| m.score);
    let (share, collection) = (
        ScoreMeasure::Share.index(),
        ScoreMeasure::Collection.index(),
    );
    assert_eq!(scores(&plan)[share], Some(d("20")));
    assert_eq!(scores(&plan)[collection], Some(d("75")));
    assert_eq!(
        set_score_scale(&mut plan, ScoreMeasure::Share, scale("10", "50")),
        Ok(true)
    );
    assert_eq!(
        set_score_scale(&mut plan, ScoreMeasure::Collection, scale("60", "15")),
        Ok(true)
    );
    assert_eq!(scores(&plan)[share], Some(d("25")));
    assert_eq!(
        scores(&plan)[collection].map(|s| s.round_dp(4)),
        Some(d("33.3333"))
    );
    let before = plan.execution.settings;
    let refused = [
        (
            ScoreMeasure::Share,
            scale("50", "50"),
            ScaleError::NotRising {
                zero: d("50"),
                full: d("50"),
            },
        ),
        (
            ScoreMeasure::Growth,
            scale("20", "-20"),
            ScaleError::NotRising {
                zero: d("20"),
                full: d("-20"),
            },
        ),
        (
            ScoreMeasure::Collection,
            scale("30", "90"),
            ScaleError::NotFalling {
                zero: d("30"),
                full: d("90"),
            },
        ),
        (ScoreMeasure::Price, scale("5", "-1"), ScaleError::Negative),
    ];
    for (measure, s, error) in refused {
        assert_eq!(
            set_score_scale(&mut plan, measure, s),
            Err(EditError::Scale { measure, error }),
            "{}",
            measure.key()
        );
    }
    assert_eq!(plan.execution.settings, before, "nothing changed");
    assert_eq!(
        EditError::Scale {
            measure: ScoreMeasure::Share,
            error: ScaleError::NotRising {
                zero: d("50"),
                full: d("40")
            }
        }
        .to_string(),
        "scale.share: the value for 100 points (40) must be above the value for 0 points (50)"
    );
    // The plan keeps its scales and basis; a plan written before them reads the defaults.
    plan.execution.settings.score_basis = ScoreBasis::Amount;
    plan.execution.settings.stale_days = 7;
    let json = serde_json::to_string(&plan).unwrap();
    assert!(json.contains(r#""scale.share":"10 50""#), "{json}");
    assert!(json.contains(r#""scale.collection":"60 15""#));
    assert!(json.contains(r#""score_basis":"amount""#));
    let back: Plan = serde_json::from_str(&json).unwrap();
    assert_eq!(back.execution.settings, plan.execution.settings);
    assert_eq!(back.execution.scorecard, plan.execution.scorecard);
    let old = json
        .replace(r#""scale.share":"10 50","#, "")
        .replace(r#""scale.collection":"60 15","#, "")
        .replace(r#""score_basis":"amount","#, "");
    let old: Plan = serde_json::from_str(&old).unwrap();
    assert_eq!(old.execution.settings.score_scales, ScoreScales::default());
    assert_eq!(old.execution.settings.score_basis, ScoreBasis::Volume);
}
