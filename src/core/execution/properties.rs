//! Property tests: for any actuals, thresholds and zero targets, the tracking adds up, ratios
//! never divide by zero, alerts follow the threshold, leaderboards are ordered, scores stay on
//! their scales, and exported actuals and scorecard figures import back to the same values.
//! Nothing panics on any bytes.

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::*;
use crate::core::breakdown::{Breakdown, compute};
use crate::core::model::Plan;
use crate::core::sample::scaled_plan;
use crate::core::scenario::{Level, Measure, NodeValues};

/// 25 people in 3 sub-districts of one region.
const PEOPLE: usize = 25;

struct Case {
    plan: Plan,
    b: Breakdown,
}

/// Actuals as (person, month, amount, quantity, collections) in units of 0.01 to 10^7.
fn actuals() -> impl Strategy<Value = Vec<(usize, u32, i64, i64, i64)>> {
    let figure = || prop_oneof![Just(0i64), 0i64..1_000, 0i64..1_000_000_000];
    prop::collection::vec((0..PEOPLE, 0u32..12, figure(), figure(), figure()), 0..80)
}

fn case(rows: &[(usize, u32, i64, i64, i64)], zero_targets: &[bool], threshold: u32) -> Case {
    let mut plan = scaled_plan(PEOPLE);
    let ids: Vec<String> = people(&plan);
    let s = &mut plan.scenarios[0];
    // Zero targets for anyone but each sub-district's first (a team cannot all be locked to 0).
    let zeroed = ids
        .iter()
        .zip(zero_targets)
        .enumerate()
        .filter(|(k, (_, z))| **z && k % 10 != 0);
    for (_, (id, _)) in zeroed {
        let zero = Some(Decimal::ZERO);
        s.locks.insert(
            id.clone(),
            NodeValues {
                amount: zero,
                quantity: zero,
            },
        );
    }
    plan.execution.settings.deviation_threshold = Decimal::from(threshold);
    for &(p, m, amount, quantity, collections) in rows {
        let a = Actual {
            amount: Decimal::new(amount, 2),
            quantity: Decimal::new(quantity, 2),
            collections: Decimal::new(collections, 2),
        };
        let month = plan.period.start.plus(m);
        set_actual(&mut plan, &ids[p], month, a).expect("a valid actual");
    }
    let b = compute(&plan, &plan.scenarios[0]).expect("the scaled plan breaks down");
    Case { plan, b }
}

/// Scorecard figures as (distributor, month, ten amounts in units of 0.01, two counts,
/// collection days in units of 0.1).
type ScoreRaw = (usize, u32, Vec<i64>, (u32, u32), Option<i64>);

fn score_rows() -> impl Strategy<Value = Vec<ScoreRaw>> {
    let amount = prop_oneof![Just(0i64), 0i64..1_000, 0i64..100_000_000_000_000_000];
    let count = prop_oneof![Just(0u32), 0u32..10, any::<u32>()];
    let row = (
        0..DISTRIBUTORS,
        0u32..12,
        prop::collection::vec(amount, 10),
        (count.clone(), count),
        prop::option::of(0i64..10_000),
    );
    prop::collection::vec(row, 0..40)
}

const DISTRIBUTORS: usize = 4;

/// A small plan with a terminal and distributors whose names need quoting, and the figures.
fn score_plan(rows: &[ScoreRaw]) -> (Plan, Vec<String>) {
    let mut plan = scaled_plan(3);
    add_customer(&mut plan, CustomerKind::Terminal, "Shop", "").expect("a terminal");
    // Names cannot hold a line break (control characters are refused); quotes and commas
    // together still need quoting.
    let names = ["Plain", "Comma, Ltd.", "Say \"hi\"", "名字, \"带引号\""];
    let ids: Vec<String> = names
        .iter()
        .map(|n| add_customer(&mut plan, CustomerKind::Distributor, n, "").expect("a distributor"))
        .collect();
    for (k, month, amounts, counts, days) in rows {
        let a = |i: usize| Decimal::new(amounts[i], 2);
        let f = ScoreFigures {
            contract_volume: a(0),
            completed_volume: a(1),
            our_sales: a(2),
            category_sales: a(3),
            last_month_sales: a(4),
            last_year_sales: a(5),
            revenue: a(6),
            costs: a(7),
            promotions: a(8),
            rebates: a(9),
            price_violations: counts.0,
            cross_territory: counts.1,
            collection_days: days.map(|d| Decimal::new(d, 1)),
            our_volume: a(2),
            category_volume: a(3),
            last_month_volume: a(4),
            last_year_volume: a(5),
        };
        let month = plan.period.start.plus(*month);
        set_score_entry(&mut plan, &ids[*k], month, f).expect("valid figures");
    }
    (plan, ids)
}

fn people(plan: &Plan) -> Vec<String> {
    plan.salespeople().map(|p| p.id.clone()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_parent_holds_the_sum_of_its_children(
        rows in actuals(),
        zero in prop::collection::vec(any::<bool>(), PEOPLE),
    ) {
        let Case { plan, b } = case(&rows, &zero, 10);
        let t = Tracking::new(&plan, &b, None);
        for i in 0..b.nodes().len() {
            if b.nodes()[i].level == Level::Salesperson {
                continue;
            }
            for f in Figure::ALL {
                for k in 0..b.months().len() {
                    let sum: Decimal = b.children(i).map(|c| t.actual(c, f, k)).sum();
                    prop_assert_eq!(t.actual(i, f, k), sum, "node {} {:?} month {}", i, f, k);
                }
            }
        }
        let recorded: Decimal = plan.execution.actuals.values()
            .flat_map(|m| m.values()).map(|a| a.amount).sum();
        prop_assert_eq!(t.total(&b, 0, Measure::Amount).actual, recorded);
    }

    #[test]
    fn completion_and_pace_are_none_exactly_when_their_target_is_zero(
        rows in actuals(),
        zero in prop::collection::vec(any::<bool>(), PEOPLE),
        threshold in 0u32..60,
        as_of in prop::option::of(0u32..14),
    ) {
        let Case { plan, b } = case(&rows, &zero, threshold);
        let as_of = as_of.map(|m| plan.period.start.plus(m));
        let t = Tracking::new(&plan, &b, as_of);
        let edge = Decimal::ONE - Decimal::from(threshold) / Decimal::ONE_HUNDRED;
        for i in 0..b.nodes().len() {
            for m in Measure::ALL {
                let windows = (0..12).map(|k| k..k + 1).chain([0..3, 0..12]);
                for w in windows {
                    let s = t.window(&b, i, m, w.clone());
                    prop_assert_eq!(s.completion.is_none(), s.target.is_zero());
                    prop_assert_eq!(s.pace.is_none(), s.target_to_date.is_zero());
                    prop_assert!(s.target_to_date <= s.target);
                    if let Some(pace) = s.pace {
                        // Pace is rounded to 28 digits; the alert is decided exactly.
                        let exact = s.actual < edge * s.target_to_date;
                        prop_assert_eq!(s.behind, exact);
                        if pace < edge - Decimal::new(1, 20) {
                            prop_assert!(s.behind, "{:?}", s);
                        }
                    } else {
                        prop_assert!(!s.behind);
                    }
                }
            }
        }
    }

    #[test]
    fn leaderboards_put_higher_completion_first_and_unrated_people_last(
        rows in actuals(),
        zero in prop::collection::vec(any::<bool>(), PEOPLE),
        quarter in 1u32..5,
    ) {
        let Case { plan, b } = case(&rows, &zero, 10);
        let t = Tracking::new(&plan, &b, None);
        for window in [Window::Period, Window::Quarter(quarter), Window::Month(plan.period.start)] {
            let board = leaderboard(&plan, &b, &t, Measure::Amount, window, &Scope::Company);
            prop_assert_eq!(board.len(), PEOPLE);
            let rated = board.iter().take_while(|s| s.completion.is_some()).count();
            prop_assert!(board[rated..].iter().all(|s| s.completion.is_none() && s.rank.is_none()));
            if rated > 0 {
                prop_assert_eq!(board[0].rank, Some(1));
            }
            for (k, pair) in board.windows(2).enumerate() {
                let (a, z) = (&pair[0], &pair[1]);
                if let (Some(x), Some(y)) = (a.completion, z.completion) {
                    prop_assert!(x > y || (x == y && (a.actual > z.actual
                        || (a.actual == z.actual && (a.name.as_str(), a.id.as_str()) < (z.name.as_str(), z.id.as_str())))));
                    // The same rate and actual share a rank; otherwise the next is placed
                    // after everyone before it.
                    let tied = x == y && a.actual == z.actual;
                    prop_assert_eq!(z.rank, if tied { a.rank } else { Some(k + 2) });
                }
            }
        }
    }

    #[test]
    fn scores_stay_between_0_and_100_and_contributions_add_up(
        figures in prop::collection::vec(0i64..2_000_000, 10),
        counts in (0u32..10, 0u32..10),
        days in prop::option::of(0i64..200),
        weights in prop::collection::vec(0i64..5, 7),
    ) {
        let v = |k: usize| Decimal::new(figures[k], 2);
        let f = ScoreFigures {
            contract_volume: v(0), completed_volume: v(1), our_sales: v(2), category_sales: v(3),
            last_month_sales: v(4), last_year_sales: v(5), revenue: v(6), costs: v(7),
            promotions: v(8), rebates: v(9), price_violations: counts.0,
            cross_territory: counts.1, collection_days: days.map(Decimal::from),
            our_volume: v(2), category_volume: v(3), last_month_volume: v(4),
            last_year_volume: v(5),
        };
        let mut w = ScoreWeights::default();
        for m in ScoreMeasure::ALL {
            w.set(m, Decimal::from(weights[m.index()]));
        }
        let (measures, composite) = score_figures(&f, &super::Settings { score_weights: w, ..Default::default() });
        let hundred = Decimal::ONE_HUNDRED;
        for s in &measures {
            prop_assert_eq!(s.score.is_some(), s.value.is_some());
            if let Some(score) = s.score {
                prop_assert!(score >= Decimal::ZERO && score <= hundred, "{:?}", s);
            }
        }
        let weighted: Decimal = measures.iter().filter(|s| s.score.is_some()).map(|s| s.weight).sum();
        prop_assert_eq!(composite.is_some(), !weighted.is_zero());
        if let Some(c) = composite {
            let tolerance = Decimal::new(1, 20);
            prop_assert!(c >= -tolerance && c <= hundred + tolerance, "{}", c);
            let sum: Decimal = measures.iter().filter_map(|s| s.contribution).sum();
            prop_assert_eq!(sum, c);
        }
    }

    #[test]
    fn exported_actuals_import_back_to_the_same_values_and_twice_changes_nothing(
        rows in actuals(),
    ) {
        let Case { plan, .. } = case(&rows, &[], 10);
        let csv = actuals_csv(&plan);
        let mut fresh = plan.clone();
        fresh.execution.actuals.clear();
        let preview = parse_actuals(&fresh, csv.as_bytes());
        if plan.execution.actuals.is_empty() {
            let no_rows = LineProblem { line: 1, column: None, kind: ProblemKind::NoRows };
            prop_assert_eq!(&preview.problems, &vec![no_rows]);
        } else {
            prop_assert_eq!(&preview.problems, &Vec::new());
            apply_actuals(&mut fresh, &preview, false).expect("clean file");
            prop_assert_eq!(&fresh.execution.actuals, &plan.execution.actuals);
            let summary = apply_actuals(&mut fresh, &preview, false).expect("clean file");
            prop_assert_eq!(summary.replaced, summary.rows);
            prop_assert_eq!(&fresh.execution.actuals, &plan.execution.actuals);
        }
    }

    #[test]
    fn exported_score_figures_import_back_to_the_same_entries_and_twice_changes_nothing(
        rows in score_rows(),
    ) {
        let (plan, _) = score_plan(&rows);
        let csv = score_csv(&plan);
        let mut fresh = plan.clone();
        fresh.execution.scorecard.clear();
        let preview = parse_score_figures(&fresh, csv.as_bytes());
        if plan.execution.scorecard.is_empty() {
            let no_rows = LineProblem { line: 1, column: None, kind: ProblemKind::NoRows };
            prop_assert_eq!(&preview.problems, &vec![no_rows]);
        } else {
            prop_assert_eq!(&preview.problems, &Vec::new());
            apply_score_figures(&mut fresh, &preview, false).expect("clean file");
            prop_assert_eq!(&fresh.execution.scorecard, &plan.execution.scorecard);
            let summary = apply_score_figures(&mut fresh, &preview, false).expect("clean file");
            prop_assert_eq!(summary.replaced, summary.rows);
            prop_assert_eq!(&fresh.execution.scorecard, &plan.execution.scorecard);
        }
    }

    #[test]
    fn any_bytes_give_a_score_preview_and_never_a_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..400),
        text in "[a-z0-9,.\"\r\n年月/ -]{0,300}",
        rows in score_rows(),
        cut in any::<prop::sample::Index>(),
    ) {
        let (plan, ids) = score_plan(&rows);
        // A good file cut at any byte, and the ids of real distributors among random fields.
        let csv = score_csv(&plan);
        let cut = cut.index(csv.len() + 1);
        let mixed = format!("{SCORE_HEADER}\n{}\n{text}", ids.join(","));
        for input in [bytes.clone(), text.clone().into_bytes(), csv.as_bytes()[..cut].to_vec(),
                      format!("{SCORE_HEADER}\n{text}").into_bytes(), mixed.into_bytes()] {
            let preview = parse_score_figures(&plan, &input);
            prop_assert!(!preview.rows.is_empty() || !preview.problems.is_empty());
            prop_assert!(preview.rows.windows(2).all(|w| w[0].line < w[1].line));
            for r in &preview.rows {
                prop_assert!(preview.problems.iter().all(|p| p.line != r.line), "line {}", r.line);
            }
            prop_assert!(preview.problems.windows(2).all(|w| w[0].line <= w[1].line));
            let mut applied = plan.clone();
            match apply_score_figures(&mut applied, &preview, true) {
                Ok(summary) => prop_assert_eq!(summary.rows, preview.rows.len()),
                Err(e) => {
                    prop_assert_eq!(e, ApplyError::NothingToImport);
                    prop_assert_eq!(&applied, &plan);
                }
            }
        }
    }

    #[test]
    fn any_bytes_give_a_preview_and_never_a_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..400),
        text in "[a-z0-9,\"\\r\\n年月/. -]{0,300}",
    ) {
        let plan = scaled_plan(3);
        for input in [bytes.clone(), text.clone().into_bytes(),
                      format!("{ACTUALS_HEADER}\n{text}").into_bytes()] {
            let preview = parse_actuals(&plan, &input);
            prop_assert!(!preview.rows.is_empty() || !preview.problems.is_empty());
            prop_assert!(preview.rows.windows(2).all(|w| w[0].line < w[1].line));
            for r in &preview.rows {
                prop_assert!(preview.problems.iter().all(|p| p.line != r.line), "line {}", r.line);
            }
            prop_assert!(preview.problems.windows(2).all(|w| w[0].line <= w[1].line));
        }
    }
}
