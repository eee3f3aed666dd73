//! Comparing and merging plans of 10,000 salespeople (`planner sample --scale 10000`): the
//! semantic diff of two copies (with the target moves of both adopted breakdowns), and the
//! three-way merge of a returned copy into the open plan, collisions settled and the result
//! read and checked as a plan. Run: `cargo bench --bench merge`. Figures go in
//! docs/PERFORMANCE.md.

use criterion::{Criterion, criterion_group, criterion_main};
use region_planner::core::diff::diff;
use region_planner::core::edit::{Edit, RegionField, SalespersonField, ScenarioField};
use region_planner::core::merge::{Choice, merge3};
use region_planner::core::model::Plan;
use region_planner::core::sample::scaled_plan;
use region_planner::core::scenario::Measure;
use rust_decimal::Decimal;

/// A copy with a region's worth of work: roles and last sales of 200 people, a move, a new
/// person, a lock and a changed share.
fn edited(base: &Plan, salt: u32, share: i64) -> Plan {
    let mut plan = base.clone();
    let people: Vec<String> = plan.salespeople().map(|p| p.id.clone()).collect();
    let subs: Vec<String> = plan
        .regions
        .iter()
        .flat_map(|r| r.subdistricts.iter().map(|d| d.id.clone()))
        .collect();
    let mut edits = Vec::new();
    for (i, id) in people
        .iter()
        .enumerate()
        .skip(salt as usize)
        .step_by(50)
        .take(200)
    {
        edits.push(Edit::Salesperson {
            salesperson: id.clone(),
            field: SalespersonField::Role(format!("Role {salt}")),
        });
        edits.push(Edit::Salesperson {
            salesperson: id.clone(),
            field: SalespersonField::LastAmount(Decimal::from(100_000 + i as i64 + salt as i64)),
        });
    }
    edits.push(Edit::MoveToParent {
        node: people[salt as usize * 7].clone(),
        parent: subs[salt as usize * 3 + 1].clone(),
    });
    edits.push(Edit::AddSalesperson {
        subdistrict: subs[salt as usize].clone(),
        name: format!("New {salt}"),
    });
    edits.push(Edit::Region {
        region: plan.regions[0].id.clone(),
        field: RegionField::MarketShare(Decimal::from(share)),
    });
    let scenario = plan.adopted_scenario.clone();
    edits.push(Edit::Scenario {
        scenario,
        field: ScenarioField::Lock(Measure::Amount, people[salt as usize * 11].clone(), None),
    });
    for e in edits {
        e.apply(&mut plan).expect("the edit applies");
    }
    plan
}

fn bench(c: &mut Criterion) {
    let base = scaled_plan(10_000);
    assert_eq!(base.size(), (50, 1000, 10_000));
    let mine = edited(&base, 1, 40);
    let theirs = edited(&base, 2, 45);
    c.bench_function("diff of two 10,000-salesperson plans", |b| {
        b.iter(|| {
            let d = diff(&mine, &theirs);
            assert!(!d.is_empty());
        })
    });
    c.bench_function(
        "merge of a 10,000-salesperson copy (merge3 + resolve)",
        |b| {
            b.iter(|| {
                let m = merge3(&base, &mine, &theirs);
                assert!(!m.collisions.is_empty());
                let choices = vec![Choice::Theirs; m.collisions.len()];
                m.resolve(&choices).expect("the merge resolves")
            })
        },
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
