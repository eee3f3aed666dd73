//! Full breakdown of the synthetic 10,000-salesperson plan (`planner sample --scale 10000`):
//! 50 regions, 1,000 sub-districts, 10,000 salespeople, 12 months, both measures.
//! Run: `cargo bench --bench breakdown`. Figures go in docs/PERFORMANCE.md.

use criterion::{Criterion, criterion_group, criterion_main};
use region_planner::core::breakdown::{compute, explain_in};
use region_planner::core::sample::scaled_plan;

fn breakdown(c: &mut Criterion) {
    let plan = scaled_plan(10_000);
    let scenario = plan
        .adopted()
        .expect("the synthetic plan has an adopted scenario");
    assert_eq!(plan.size(), (50, 1000, 10_000));
    c.bench_function("compute scaled_plan(10000)", |b| {
        b.iter(|| compute(&plan, scenario).expect("breakdown"))
    });

    let mut tiered = plan.clone();
    let s = tiered.scenarios.first_mut().expect("a scenario");
    s.methods.region_tier_multiplier = true;
    s.methods.salesperson = region_planner::core::scenario::Method::History;
    let scenario = &tiered.scenarios[0];
    c.bench_function(
        "compute scaled_plan(10000), tier multiplier, history per person",
        |b| b.iter(|| compute(&tiered, scenario).expect("breakdown")),
    );

    let computed = compute(&tiered, scenario).expect("breakdown");
    let person = &computed.nodes().last().expect("nodes").id;
    c.bench_function("explain one salesperson of scaled_plan(10000)", |b| {
        b.iter(|| explain_in(&computed, &tiered, scenario, person).expect("explanation"))
    });
}

criterion_group!(benches, breakdown);
criterion_main!(benches);
