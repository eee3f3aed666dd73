//! Importing a year of actuals for the synthetic 10,000-salesperson plan (`planner sample
//! --scale 10000`): 120,000 CSV rows read, checked and stored; then tracking them.
//! Run: `cargo bench --bench actuals`. Figures go in docs/PERFORMANCE.md.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use region_planner::core::breakdown::compute;
use region_planner::core::execution::{
    Scope, Tracking, Window, actuals_csv, apply_actuals, deviations, leaderboard, parse_actuals,
    sample_execution,
};
use region_planner::core::sample::scaled_plan;
use region_planner::core::scenario::Measure;

fn actuals(c: &mut Criterion) {
    let mut plan = scaled_plan(10_000);
    plan.execution = sample_execution(&plan, 12);
    let csv = actuals_csv(&plan);
    let filled = plan.clone();
    plan.execution.actuals.clear();
    assert_eq!(csv.lines().count(), 1 + 120_000);
    println!("actuals file: {} bytes", csv.len());

    c.bench_function(
        "parse 120,000 actuals rows (10,000 people x 12 months)",
        |b| b.iter(|| parse_actuals(&plan, csv.as_bytes())),
    );
    c.bench_function("parse and apply 120,000 actuals rows", |b| {
        b.iter_batched(
            || plan.clone(),
            |mut p| {
                let preview = parse_actuals(&p, csv.as_bytes());
                assert!(preview.problems.is_empty());
                apply_actuals(&mut p, &preview, false).expect("clean file");
                p
            },
            BatchSize::LargeInput,
        )
    });

    let json = serde_json::to_string(&filled).expect("a plan serialises");
    println!("plan with a year of actuals: {} bytes of JSON", json.len());
    c.bench_function("plan with 120,000 actuals to JSON", |b| {
        b.iter(|| serde_json::to_string(&filled).expect("a plan serialises"))
    });
    c.bench_function("plan with 120,000 actuals from JSON", |b| {
        b.iter(|| serde_json::from_str::<region_planner::core::model::Plan>(&json).expect("reads"))
    });

    let scenario = filled.adopted().expect("an adopted scenario");
    let b = compute(&filled, scenario).expect("breakdown");
    c.bench_function(
        "tracking, deviation list and yearly leaderboard of 10,000 people",
        |bench| {
            bench.iter(|| {
                let t = Tracking::new(&filled, &b, None);
                let d = deviations(&filled, &b, &t, Measure::Amount);
                let l = leaderboard(
                    &filled,
                    &b,
                    &t,
                    Measure::Amount,
                    Window::Period,
                    &Scope::Company,
                );
                (d.len(), l.len())
            })
        },
    );
}

criterion_group!(benches, actuals);
criterion_main!(benches);
