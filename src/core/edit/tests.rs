use rust_decimal::Decimal;

use super::*;
use crate::core::execution::{Actual, CustomerKind};
use crate::core::lang::Lang;
use crate::core::model::Factor;
use crate::core::period::YearMonth;
use crate::core::sample::sample_plan;
use crate::core::scenario::Measure;
use crate::core::tier::{Tier, TierOverride};

fn plan() -> (Plan, String) {
    let p = sample_plan(Lang::En);
    let s = p.adopted_scenario.clone();
    (p, s)
}

fn dec(n: i64) -> Decimal {
    Decimal::from(n)
}

fn sc(s: &str, field: ScenarioField) -> Edit {
    Edit::Scenario {
        scenario: s.to_string(),
        field,
    }
}

#[test]
fn typed_values_reach_their_fields() {
    let (mut p, s) = plan();
    let r = p.regions[1].id.clone();
    let d = p.regions[0].subdistricts[0].id.clone();
    let who = p.regions[0].subdistricts[0].salespeople[0].id.clone();
    let edits = [
        Edit::Region {
            region: r.clone(),
            field: RegionField::MarketShare("52.5".parse().unwrap()),
        },
        Edit::Region {
            region: r.clone(),
            field: RegionField::ActiveCustomers(1200),
        },
        Edit::Subdistrict {
            subdistrict: d.clone(),
            field: SubdistrictField::Factor(Factor::Population, dec(77)),
        },
        Edit::Salesperson {
            salesperson: who.clone(),
            field: SalespersonField::Role("Key accounts".into()),
        },
        sc(&s, ScenarioField::Weight(Factor::Transport, dec(40))),
        sc(&s, ScenarioField::Season(0, Some(dec(12)))),
        sc(&s, ScenarioField::Threshold(Threshold::BaseCamp, dec(65))),
        Edit::Plan(PlanField::Currency("usd".into())),
    ];
    for edit in &edits {
        assert_eq!(edit.apply(&mut p).map(|a| a.changed), Ok(true), "{edit:?}");
    }
    assert_eq!(p.regions[1].market_share, "52.5".parse().unwrap());
    assert_eq!(p.regions[1].active_customers, 1200);
    assert_eq!(
        p.regions[0].subdistricts[0].factors.population,
        Decimal::from(77)
    );
    assert_eq!(
        p.regions[0].subdistricts[0].salespeople[0].role,
        "Key accounts"
    );
    let scenario = p.scenario(&s).unwrap();
    assert_eq!(scenario.factor_weights.transport, dec(40));
    assert_eq!(scenario.seasonality[0], Some(dec(12)));
    assert_eq!(scenario.thresholds.base_camp, dec(65));
    assert_eq!(p.currency, "USD");
    assert_eq!(
        Edit::Plan(PlanField::Currency("USD".into()))
            .apply(&mut p)
            .map(|a| a.changed),
        Ok(false),
        "the same value again is no change"
    );
}

#[test]
fn refused_edits_change_nothing() {
    let (mut p, s) = plan();
    let before = p.clone();
    let r = p.regions[0].id.clone();
    let d = p.regions[0].subdistricts[0].id.clone();
    let cases = [
        (
            Edit::Region {
                region: r.clone(),
                field: RegionField::Name("  ".into()),
            },
            EditError::Field(FieldError::Empty),
        ),
        (
            Edit::Subdistrict {
                subdistrict: d.clone(),
                field: SubdistrictField::MilestoneTitle(99, "x".into()),
            },
            EditError::NoEntry(99),
        ),
        (
            sc(&s, ScenarioField::AmountUnit(Decimal::ZERO)),
            EditError::Field(FieldError::NotPositive),
        ),
        (
            sc(
                &s,
                ScenarioField::TierOverride(
                    r.clone(),
                    Some(TierOverride {
                        tier: Tier::Guerrilla,
                        reason: " ".into(),
                    }),
                ),
            ),
            EditError::Field(FieldError::ReasonRequired),
        ),
        (
            sc("no-such-scenario", ScenarioField::Name("x".into())),
            EditError::UnknownScenario("no-such-scenario".into()),
        ),
        (
            Edit::DeleteNode {
                node: "nowhere".into(),
            },
            EditError::Tree(crate::core::tree::TreeError::NotFound("nowhere".into())),
        ),
        (
            Edit::Plan(PlanField::Currency("DOLLARS!!".into())),
            EditError::Field(FieldError::TooLong(8)),
        ),
        (
            sc(&s, ScenarioField::Threshold(Threshold::Stronghold, dec(60))),
            EditError::Thresholds(
                crate::core::tier::ThresholdOrder::BaseCampNotAboveStronghold {
                    base_camp: dec(60),
                    stronghold: dec(60),
                },
            ),
        ),
        (
            sc(
                &s,
                ScenarioField::Threshold(Threshold::GuerrillaFloor, dec(45)),
            ),
            EditError::Thresholds(crate::core::tier::ThresholdOrder::StrongholdNotAboveFloor {
                stronghold: dec(40),
                floor: dec(45),
            }),
        ),
    ];
    for (edit, error) in cases {
        assert_eq!(edit.apply(&mut p), Err(error), "{edit:?}");
    }
    assert_eq!(p, before);
}

#[test]
fn lists_locks_overrides_and_moves() {
    let (mut p, s) = plan();
    let d = p.regions[0].subdistricts[0].id.clone();
    let r = p.regions[6].id.clone();
    let other = p.regions[1].id.clone();
    let sub = |field| Edit::Subdistrict {
        subdistrict: d.clone(),
        field,
    };
    sub(SubdistrictField::AddDistributor("Hexin Trading".into()))
        .apply(&mut p)
        .unwrap();
    assert_eq!(
        p.regions[0].subdistricts[0]
            .target_distributors
            .last()
            .unwrap(),
        "Hexin Trading"
    );
    sub(SubdistrictField::AddMilestone("Open the depot".into()))
        .apply(&mut p)
        .unwrap();
    let m = p.regions[0].subdistricts[0].milestones.last().unwrap();
    assert_eq!(
        (m.title.as_str(), m.date.to_string().as_str()),
        ("Open the depot", "2027-01-01"),
        "a new milestone is dated on the first day of the period"
    );
    let lock = |v| sc(&s, ScenarioField::Lock(Measure::Amount, r.clone(), v));
    lock(Some(dec(1_000_000))).apply(&mut p).unwrap();
    assert_eq!(
        p.scenario(&s).unwrap().locks[&r].amount,
        Some(dec(1_000_000))
    );
    lock(None).apply(&mut p).unwrap();
    assert!(
        p.scenario(&s).unwrap().locks.is_empty(),
        "a freed lock is gone"
    );
    let tier = |o| sc(&s, ScenarioField::TierOverride(r.clone(), o));
    tier(Some(TierOverride {
        tier: Tier::Contested,
        reason: "New dealer signed".into(),
    }))
    .apply(&mut p)
    .unwrap();
    assert_eq!(
        p.scenario(&s).unwrap().tier_of(&p.regions[6]),
        Tier::Contested
    );
    tier(None).apply(&mut p).unwrap();
    assert!(p.scenario(&s).unwrap().tier_overrides.is_empty());
    let moved = Edit::MoveToParent {
        node: d.clone(),
        parent: other.clone(),
    };
    assert_eq!(moved.apply(&mut p).map(|a| a.changed), Ok(true));
    assert_eq!(p.parent_id(&d).as_deref(), Some(other.as_str()));
    assert_eq!(
        moved.apply(&mut p).map(|a| a.changed),
        Ok(false),
        "already there"
    );
}

/// Ids are values of the edit, never split out of a text: an id holding separators, quotes,
/// backslashes or any Unicode reaches exactly its node.
#[test]
fn ids_with_any_characters_edit_the_right_node() {
    let (mut p, _) = plan();
    let awkward = [
        "r|1",
        "sc.lock|amount|r1",
        "say \"hi\"",
        r"back\slash",
        "长沙|区域",
        "\u{202e}rtl",
        "",
    ];
    for (i, id) in awkward.iter().enumerate() {
        p.regions[i].id = id.to_string();
    }
    for (i, id) in awkward.iter().enumerate() {
        let edit = Edit::Region {
            region: id.to_string(),
            field: RegionField::Manager(format!("manager {i}")),
        };
        edit.apply(&mut p).unwrap();
    }
    for (i, _) in awkward.iter().enumerate() {
        assert_eq!(p.regions[i].manager, format!("manager {i}"), "region {i}");
    }
}

#[test]
fn structure_edits_report_what_they_created() {
    let (mut p, s) = plan();
    let added = Edit::AddRegion {
        name: "Hengyang".into(),
    }
    .apply(&mut p)
    .unwrap();
    let r = added.created.expect("the new region's id");
    assert_eq!(p.region(&r).unwrap().name, "Hengyang");
    let d = Edit::AddSubdistrict {
        region: r.clone(),
        name: "Leiyang".into(),
    }
    .apply(&mut p)
    .unwrap()
    .created
    .unwrap();
    let who = Edit::AddSalesperson {
        subdistrict: d.clone(),
        name: "Zhou Min".into(),
    }
    .apply(&mut p)
    .unwrap()
    .created
    .unwrap();
    assert_eq!(p.parent_id(&who).as_deref(), Some(d.as_str()));
    let copy = Edit::DuplicateScenario {
        scenario: s.clone(),
        name: "Stretch".into(),
    }
    .apply(&mut p)
    .unwrap()
    .created
    .unwrap();
    Edit::AdoptScenario {
        scenario: copy.clone(),
    }
    .apply(&mut p)
    .unwrap();
    assert_eq!(p.adopted_scenario, copy);
    Edit::DeleteNode { node: r.clone() }.apply(&mut p).unwrap();
    assert!(p.locate(&who).is_none(), "deleted with its region");
}

#[test]
fn execution_edits_reach_the_records() {
    let (mut p, _) = plan();
    let who = p.regions[0].subdistricts[0].salespeople[0].id.clone();
    let month = YearMonth {
        year: 2027,
        month: 2,
    };
    let actual = Actual {
        amount: dec(120_000),
        quantity: dec(4800),
        collections: dec(100_000),
    };
    let set = |a| {
        Edit::Execution(ExecutionEdit::Actual {
            salesperson: who.clone(),
            month,
            actual: a,
        })
    };
    assert_eq!(set(Some(actual)).apply(&mut p).map(|a| a.changed), Ok(true));
    assert_eq!(p.execution.actuals[&who][&month], actual);
    assert_eq!(
        set(Some(actual)).apply(&mut p).map(|a| a.changed),
        Ok(false),
        "the same figures again are no change"
    );
    assert_eq!(set(None).apply(&mut p).map(|a| a.changed), Ok(true));
    assert!(p.execution.actuals.is_empty());
    let outside = Edit::Execution(ExecutionEdit::Actual {
        salesperson: who.clone(),
        month: YearMonth {
            year: 2030,
            month: 1,
        },
        actual: Some(actual),
    });
    assert!(outside.apply(&mut p).is_err(), "a month outside the period");
    let added = Edit::Execution(ExecutionEdit::AddCustomer {
        kind: CustomerKind::Distributor,
        name: "湘通商贸".into(),
        subdistrict: String::new(),
    })
    .apply(&mut p)
    .unwrap();
    let id = added.created.unwrap();
    assert_eq!(p.execution.customer(&id).unwrap().name, "湘通商贸");
    assert_eq!(
        Edit::Execution(ExecutionEdit::StaleDays(7))
            .apply(&mut p)
            .map(|a| a.changed),
        Ok(true)
    );
    assert_eq!(p.execution.settings.stale_days, 7);
}

#[test]
fn sample_execution_data_fills_only_an_empty_record() {
    let (mut p, _) = plan();
    let fill = Edit::Execution(ExecutionEdit::FillSample { months: 3 });
    assert_eq!(fill.apply(&mut p).map(|a| a.changed), Ok(true));
    let months: std::collections::BTreeSet<YearMonth> = p
        .execution
        .actuals
        .values()
        .flat_map(|m| m.keys().copied())
        .collect();
    assert_eq!(months.len(), 3);
    assert!(!p.execution.customers.is_empty());
    let filled = p.execution.clone();
    assert_eq!(
        fill.apply(&mut p).map(|a| a.changed),
        Ok(false),
        "recorded data is never replaced"
    );
    assert_eq!(p.execution, filled);
    assert_eq!(fill.part(), Part::Execution);
}

#[test]
fn each_edit_names_the_part_it_changes() {
    let (p, s) = plan();
    let r = p.regions[0].id.clone();
    assert_eq!(
        sc(&s, ScenarioField::AmountTarget(dec(1))).part(),
        Part::Planning
    );
    assert_eq!(
        Edit::Note {
            section: "goals".into(),
            text: "x".into()
        }
        .part(),
        Part::Document
    );
    assert_eq!(
        Edit::Execution(ExecutionEdit::StaleDays(3)).part(),
        Part::Execution
    );
    assert_eq!(Edit::DeleteNode { node: r }.part(), Part::All);
}

/// The archive, the scorecard and expenses: records and regions named by ids holding any
/// characters are the ones changed, each change is reported, and the same value again is none.
#[test]
fn archive_scorecard_and_expense_edits_reach_their_records() {
    use crate::core::execution::{
        Budget, BudgetItem, Channel, CustomerField, Expense, ScoreFigures, ScoreMeasure,
    };
    let (mut p, _) = plan();
    let (region, sub) = ("长沙|\"r\"\\1".to_string(), "d|\u{202e}1".to_string());
    p.regions[0].id = region.clone();
    p.regions[0].subdistricts[0].id = sub.clone();
    let run = |p: &mut Plan, e: ExecutionEdit| Edit::Execution(e).apply(p).map(|a| a.changed);
    let add = |p: &mut Plan, kind, name: &str| {
        Edit::Execution(ExecutionEdit::AddCustomer {
            kind,
            name: name.into(),
            subdistrict: sub.clone(),
        })
        .apply(p)
        .unwrap()
        .created
        .unwrap()
    };
    let alpha = add(&mut p, CustomerKind::Distributor, "Alpha");
    let shop = add(&mut p, CustomerKind::Terminal, "Corner Shop");
    assert_eq!(p.execution.customer(&alpha).unwrap().subdistrict, sub);
    let day = chrono::NaiveDate::from_ymd_opt(2027, 2, 1).unwrap();
    let phone = |text: &str| ExecutionEdit::UpdateCustomer {
        customer: alpha.clone(),
        field: CustomerField::Phone,
        text: text.into(),
        today: day,
    };
    assert_eq!(run(&mut p, phone("0731")), Ok(true));
    assert_eq!(
        run(&mut p, phone("0731")),
        Ok(false),
        "the same phone again"
    );
    assert_eq!(p.execution.customer(&alpha).unwrap().history.len(), 1);
    assert_eq!(
        p.execution.customer(&shop).unwrap().phone,
        "",
        "the other record"
    );
    let visit = ExecutionEdit::Visit {
        customer: shop.clone(),
        date: day,
    };
    assert_eq!(run(&mut p, visit), Ok(true));
    assert_eq!(p.execution.customer(&shop).unwrap().last_visit, Some(day));

    let month = YearMonth {
        year: 2027,
        month: 2,
    };
    let figures = ScoreFigures {
        contract_volume: dec(100),
        completed_volume: dec(80),
        ..ScoreFigures::default()
    };
    let score = |customer: &str| ExecutionEdit::ScoreFigures {
        customer: customer.into(),
        month,
        figures: Box::new(figures.clone()),
    };
    assert_eq!(run(&mut p, score(&alpha)), Ok(true));
    assert_eq!(
        run(&mut p, score(&alpha)),
        Ok(false),
        "the same figures again"
    );
    assert!(
        run(&mut p, score(&shop)).is_err(),
        "only distributors are scored"
    );
    assert_eq!(
        run(
            &mut p,
            ExecutionEdit::ScoreWeight(ScoreMeasure::Share, dec(3))
        ),
        Ok(true)
    );
    assert_eq!(p.execution.settings.score_weights.share, dec(3));

    let budget = |item, amount| ExecutionEdit::Budget {
        region: region.clone(),
        item,
        amount,
    };
    assert_eq!(
        run(&mut p, budget(BudgetItem::Promotion, dec(100_000))),
        Ok(true)
    );
    assert_eq!(
        run(&mut p, budget(BudgetItem::Salaries, dec(240_000))),
        Ok(true)
    );
    assert_eq!(
        p.execution.budgets[&region],
        Budget {
            promotion: dec(100_000),
            salaries: dec(240_000)
        }
    );
    assert_eq!(
        run(&mut p, budget(BudgetItem::Promotion, dec(100_000))),
        Ok(false)
    );
    assert_eq!(
        run(&mut p, ExecutionEdit::ExpenseRatioTarget(dec(6))),
        Ok(true)
    );
    assert_eq!(p.execution.settings.expense_ratio_target, dec(6));
    let spend = Expense {
        date: day,
        region: region.clone(),
        channel: Channel::Terminal,
        item: BudgetItem::Promotion,
        amount: dec(120_000),
        discount_percent: Some(dec(15)),
        note: "spring push".into(),
        reviewed: false,
    };
    assert_eq!(run(&mut p, ExecutionEdit::AddExpense(spend)), Ok(true));
    assert_eq!(
        run(&mut p, ExecutionEdit::ExpenseReviewed(0, true)),
        Ok(true)
    );
    assert_eq!(
        run(&mut p, ExecutionEdit::ExpenseReviewed(0, true)),
        Ok(false)
    );
    assert!(p.execution.expenses[0].reviewed);
    assert!(
        run(&mut p, ExecutionEdit::RemoveExpense(1)).is_err(),
        "no such spend"
    );
    assert_eq!(run(&mut p, ExecutionEdit::RemoveExpense(0)), Ok(true));
    assert!(p.execution.expenses.is_empty());

    let remove = ExecutionEdit::RemoveCustomer {
        customer: alpha.clone(),
    };
    assert_eq!(Edit::Execution(remove.clone()).subject(&p), "Alpha");
    assert_eq!(run(&mut p, remove.clone()), Ok(true));
    assert!(p.execution.scorecard.is_empty(), "its figures go with it");
    assert_eq!(run(&mut p, remove), Ok(false), "already gone");
}

#[test]
fn a_merge_replaces_the_plan_and_keeps_its_identity_and_log() {
    let (mut p, _) = plan();
    p.change_log = vec![crate::core::changelog::Change {
        at: "2027-01-05T09:00:00+08:00".into(),
        what: "Changsha · Market share (%): 64.5 → 66".into(),
        reason: "dealer meeting".into(),
        undo: None,
    }];
    let mut merged = p.clone();
    merged.id = "from-the-copy".into();
    merged.change_log.clear();
    merged.id_seq = 1;
    merged.recipient_part = Some(merged.regions[0].id.clone());
    merged.regions[1].name = "Zhuzhou North".into();
    let edit = Edit::Merge(Box::new(merged));
    assert_eq!(edit.part(), Part::All);
    let before = p.clone();
    assert!(edit.apply(&mut p).unwrap().changed);
    assert_eq!(p.regions[1].name, "Zhuzhou North");
    assert_eq!(
        (&p.id, &p.change_log, p.id_seq, &p.recipient_part),
        (
            &before.id,
            &before.change_log,
            before.id_seq,
            &before.recipient_part
        )
    );
    assert!(
        !Edit::Merge(Box::new(p.clone()))
            .apply(&mut p)
            .unwrap()
            .changed,
        "merging in what is already there changes nothing"
    );
}

/// The four rated factors take a score from 1 to 5; the two counted ones any figure of zero
/// or more. A refused score changes nothing.
#[test]
fn a_rated_factor_takes_a_score_from_one_to_five() {
    use crate::core::field::FieldError;
    let (mut p, _) = plan();
    let sub = p.regions[0].subdistricts[0].id.clone();
    let set = |f: Factor, v: &str| Edit::Subdistrict {
        subdistrict: sub.clone(),
        field: SubdistrictField::Factor(f, v.parse().unwrap()),
    };
    let before = p.regions[0].subdistricts[0].factors;
    for (f, v) in [
        (Factor::AdminDivision, "6"),
        (Factor::Consumption, "0"),
        (Factor::Transport, "5.5"),
        (Factor::PolicyInvestment, "-1"),
    ] {
        let refused = set(f, v).apply(&mut p).unwrap_err();
        let expected = if v == "-1" {
            FieldError::Negative
        } else {
            FieldError::ScoreRange(1, 5)
        };
        assert_eq!(refused, EditError::from(expected), "{f:?} = {v}");
    }
    assert_eq!(p.regions[0].subdistricts[0].factors, before);
    set(Factor::AdminDivision, "4.5").apply(&mut p).unwrap();
    set(Factor::Population, "320").apply(&mut p).unwrap();
    set(Factor::CustomerDistribution, "0")
        .apply(&mut p)
        .unwrap();
    let factors = &p.regions[0].subdistricts[0].factors;
    assert_eq!(factors.admin_division, "4.5".parse().unwrap());
    assert_eq!(factors.population, dec(320));
    assert_eq!(factors.customer_distribution, dec(0));
}

/// Every score of the sample is on the 1–5 scale it shows.
#[test]
fn the_samples_scores_are_on_the_scale_shown() {
    for plan in [sample_plan(Lang::Zh), crate::core::sample::scaled_plan(200)] {
        for d in plan.regions.iter().flat_map(|r| &r.subdistricts) {
            for f in Factor::ALL {
                assert_eq!(
                    f.check(d.factors.get(f)),
                    Ok(d.factors.get(f)),
                    "{} {f:?}",
                    d.name
                );
            }
        }
    }
}
