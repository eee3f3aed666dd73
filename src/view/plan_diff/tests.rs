use rust_decimal::Decimal;

use super::*;
use crate::core::diff::diff;
use crate::core::edit::{Edit, RegionField, ScenarioField, SubdistrictField};
use crate::core::model::Plan;
use crate::core::sample::sample_plan;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn edited(plan: &Plan, edits: Vec<Edit>) -> Plan {
    let mut p = plan.clone();
    for e in edits {
        e.apply(&mut p).unwrap();
    }
    p
}

fn rows(lang: Lang, a: &Plan, b: &Plan) -> Vec<DiffRow> {
    diff_rows(Words::new(lang), &diff(a, b))
}

#[test]
fn a_changed_field_reads_as_the_app_shows_it() {
    let a = sample_plan(Lang::En);
    let b = edited(
        &a,
        vec![
            Edit::Region {
                region: "r1".into(),
                field: RegionField::MarketShare(d("66")),
            },
            Edit::Scenario {
                scenario: "s67".into(),
                field: ScenarioField::AmountTarget(d("120000000")),
            },
        ],
    );
    let en = rows(Lang::En, &a, &b);
    let lines: Vec<String> = en.iter().map(DiffRow::line).collect();
    assert_eq!(
        lines,
        vec![
            "Changsha (r1) · Market share (%): 64.5% → 66%",
            "Scenario Baseline (s67) · Amount target: 118,000,000 → 120,000,000",
        ],
        "{lines:?}"
    );
    assert_eq!(en[0].kind, ChangeKind::Changed);
    assert_eq!(en[0].region.as_deref(), Some("r1"));
    assert_eq!(en[1].scope, Scope::Scenario);
    let zh_a = sample_plan(Lang::Zh);
    let zh_b = edited(
        &zh_a,
        vec![Edit::Scenario {
            scenario: "s67".into(),
            field: ScenarioField::AmountTarget(d("120000000")),
        }],
    );
    let zh = rows(Lang::Zh, &zh_a, &zh_b);
    assert_eq!(zh[0].old, "1.18亿");
    assert_eq!(zh[0].new, "1.2亿");
}

#[test]
fn moves_renames_additions_and_locks_name_their_nodes() {
    let a = sample_plan(Lang::En);
    let b = edited(
        &a,
        vec![
            Edit::MoveToParent {
                node: "p5".into(),
                parent: "d6".into(),
            },
            Edit::Subdistrict {
                subdistrict: "d2".into(),
                field: SubdistrictField::Name("Furong".into()),
            },
            Edit::AddSalesperson {
                subdistrict: "d2".into(),
                name: "Zhou Min".into(),
            },
            Edit::Scenario {
                scenario: "s67".into(),
                field: ScenarioField::Lock(
                    crate::core::scenario::Measure::Amount,
                    "p3".into(),
                    Some(d("3600000")),
                ),
            },
        ],
    );
    let lines: Vec<String> = rows(Lang::En, &a, &b).iter().map(DiffRow::line).collect();
    for want in [
        "Furong (d2) · Name: Furong District → Furong",
        "Zhang Lei (p5) · Sub-district: Furong District (d2) → Yuelu District (d6)",
        "Zhou Min (p69): added under Furong (d2)",
        "Scenario Baseline (s67) · Locked amount · Wang Wei (p3): — → 3,600,000",
    ] {
        assert!(lines.iter().any(|l| l == want), "{want}\nin {lines:#?}");
    }
}

#[test]
fn filters_keep_the_rows_of_a_kind_or_a_region() {
    let a = sample_plan(Lang::En);
    let b = edited(
        &a,
        vec![
            Edit::Region {
                region: "r16".into(),
                field: RegionField::MarketShare(d("50")),
            },
            Edit::DeleteNode { node: "p3".into() },
        ],
    );
    let diff = diff(&a, &b);
    let all = diff_rows(Words::new(Lang::En), &diff);
    let removed: Vec<&DiffRow> = all
        .iter()
        .filter(|r| KindFilter::Kind(ChangeKind::Removed).keeps(r))
        .collect();
    assert_eq!(removed.len(), 1);
    assert_eq!(removed[0].item, "Wang Wei (p3)");
    assert_eq!(
        region_choices([&diff.old, &diff.new], &all),
        vec![
            ("r1".to_string(), "Changsha".to_string()),
            ("r16".to_string(), "Zhuzhou".to_string())
        ]
    );
}

#[test]
fn target_moves_show_before_after_and_the_change() {
    let a = sample_plan(Lang::En);
    let b = edited(
        &a,
        vec![Edit::Scenario {
            scenario: "s67".into(),
            field: ScenarioField::AmountTarget(d("119000000")),
        }],
    );
    let view = targets_view(Words::new(Lang::En), &diff(&a, &b).targets);
    let company = &view.rows[0];
    assert_eq!(company.item, "Company");
    assert_eq!(
        company.amount,
        [
            "118,000,000".to_string(),
            "119,000,000".into(),
            "+1,000,000".into()
        ]
    );
    assert_eq!(company.quantity[2], "0");
    assert!(view.problems.is_empty() && view.scenario.is_none());
}
