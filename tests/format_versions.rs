//! Every released format version keeps importing, and imports to the same plan forever.
//!
//! `tests/fixtures/plan-vN.json` is a plan as version N of the format wrote it (the built-in
//! sample plan in English, `planner sample`, when that version was current). These files are
//! never edited: when the format changes, a new version gets a new fixture and a migration step
//! (see `core::format` and docs/FORMAT.md), and these tests keep checking the old ones.

use std::path::PathBuf;

use region_planner::core::breakdown::compute;
use region_planner::core::format::{OLDEST_VERSION, read_plan, write_plan_pretty};
use region_planner::core::model::{FORMAT_VERSION, Plan};
use rust_decimal::Decimal;

fn fixture(version: u32) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/fixtures/plan-v{version}.json"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{} is missing ({e}): every released format version keeps a fixture",
            path.display()
        )
    })
}

#[test]
fn every_released_version_has_a_fixture_that_imports() {
    for version in OLDEST_VERSION..=FORMAT_VERSION {
        let plan = read_plan(&fixture(version))
            .unwrap_or_else(|e| panic!("plan-v{version}.json no longer imports: {e}"));
        assert_eq!(
            plan.format_version, FORMAT_VERSION,
            "migrated to the current version"
        );
        let again = read_plan(&write_plan_pretty(&plan)).expect("the migrated plan reads back");
        assert_eq!(again, plan, "plan-v{version}.json");
    }
}

/// The facts of the version 1 fixture, pinned: they must come out of every future import.
#[test]
fn version_1_imports_to_the_same_plan_forever() {
    let plan: Plan = read_plan(&fixture(1)).expect("plan-v1.json imports");
    assert_eq!(
        (
            plan.id.as_str(),
            plan.name.as_str(),
            plan.company.as_str(),
            plan.currency.as_str()
        ),
        (
            "sample",
            "Hunan 2027 annual sales plan",
            "Huaxin Beverages Co., Ltd.",
            "CNY"
        )
    );
    assert_eq!(plan.period.start.to_string(), "2027-01");
    assert_eq!(plan.period.month_count(), 12);
    assert_eq!(plan.size(), (8, 18, 40));
    let regions: Vec<(&str, String)> = plan
        .regions
        .iter()
        .map(|r| (r.name.as_str(), r.market_share.to_string()))
        .collect();
    assert_eq!(
        regions,
        [
            ("Changsha", "64.5".to_string()),
            ("Zhuzhou", "47.2".into()),
            ("Xiangtan", "41.0".into()),
            ("Hengyang", "23.6".into()),
            ("Yueyang", "16.8".into()),
            ("Changde", "9.4".into()),
            ("Zhangjiajie", "2.1".into()),
            ("Huaihua", "0".into()),
        ]
    );
    let names: Vec<&str> = plan.scenarios.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Baseline", "Stretch"]);
    let adopted = plan.adopted().expect("an adopted scenario");
    assert_eq!(adopted.name, "Baseline");
    let b = compute(&plan, adopted).expect("the breakdown computes");
    assert_eq!(
        (
            b.annual(0, measure_amount()),
            b.annual(0, measure_quantity())
        ),
        (Decimal::from(118_000_000), Decimal::from(4_720_000))
    );
    let first_person = &plan.regions[0].subdistricts[0].salespeople[0];
    assert_eq!(first_person.id, "p3");
}

fn measure_amount() -> region_planner::core::scenario::Measure {
    region_planner::core::scenario::Measure::Amount
}

fn measure_quantity() -> region_planner::core::scenario::Measure {
    region_planner::core::scenario::Measure::Quantity
}
