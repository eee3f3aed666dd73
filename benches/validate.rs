//! Validation of the synthetic 10,000-salesperson plan (`planner sample --scale 10000`): the
//! rules alone (`validate_plan`), and the whole import of its JSON text (`read_plan`: size and
//! depth checks, syntax, version, shape and the same rules) as `planner validate` does it.
//! Run: `cargo bench --bench validate`. Figures go in docs/PERFORMANCE.md.

use criterion::{Criterion, criterion_group, criterion_main};
use region_planner::core::format::{read_plan, write_plan_pretty};
use region_planner::core::sample::scaled_plan;
use region_planner::core::validate::validate_plan;

fn validate(c: &mut Criterion) {
    let plan = scaled_plan(10_000);
    assert_eq!(plan.size(), (50, 1000, 10_000));
    c.bench_function("validate_plan scaled_plan(10000)", |b| {
        b.iter(|| {
            let problems = validate_plan(&plan);
            assert!(problems.is_empty());
        })
    });

    let text = write_plan_pretty(&plan);
    c.bench_function("read_plan of scaled_plan(10000) as pretty JSON", |b| {
        b.iter(|| read_plan(&text).expect("the synthetic plan reads"))
    });
}

criterion_group!(benches, validate);
criterion_main!(benches);
