use rust_decimal::Decimal;

use super::*;
use crate::core::breakdown::compute;
use crate::core::execution::sample_execution;
use crate::core::sample::{sample_plan, scaled_plan};
use crate::i18n::exec::{EXEC_EN, EXEC_ZH};
use crate::i18n::{EN, ZH};
use crate::view::compare::compare;

fn input<'a>(lang: Lang, s: &'a Scenario, bd: Option<&'a Breakdown>) -> SlideInput<'a> {
    let (t, x) = match lang {
        Lang::En => (&EN, &EXEC_EN),
        Lang::Zh => (&ZH, &EXEC_ZH),
    };
    SlideInput {
        t,
        x,
        lang,
        scenario: s,
        breakdown: bd,
        as_of: None,
        on_screen: None,
    }
}

fn body(plan: &Plan, lang: Lang, key: SlideKey) -> SlideBody {
    let s = plan.adopted().unwrap();
    let bd = compute(plan, s).unwrap();
    slide(&input(lang, s, Some(&bd)), plan, &key, 0, 1).body
}

#[test]
fn the_deck_walks_through_the_workshop_in_order() {
    let mut plan = sample_plan(Lang::En);
    let keys = |plan: &Plan| -> Vec<SlideKey> {
        deck(&EN, plan, None).into_iter().map(|e| e.key).collect()
    };
    let mut expected = vec![SlideKey::Title, SlideKey::Tiers, SlideKey::Regions];
    expected.extend(plan.regions.iter().map(|r| SlideKey::Region(r.id.clone())));
    expected.extend([SlideKey::Monthly, SlideKey::Compare]);
    assert_eq!(keys(&plan), expected, "no actuals yet: no results slides");
    let entries = deck(&EN, &plan, None);
    assert_eq!(
        entries[3].title,
        format!("Region · {}", plan.regions[0].name)
    );
    assert!(entries.iter().all(|e| !e.warn), "no breakdown, no marks");
    // With the breakdown, the region left at zero (Huaihua) is marked in the list.
    let bd = compute(&plan, plan.adopted().unwrap()).unwrap();
    let warned: Vec<&str> = deck(&EN, &plan, Some(&bd))
        .into_iter()
        .filter(|e| e.warn)
        .map(|e| e.key.class())
        .collect();
    assert_eq!(warned, ["kind-region"]);
    assert!(deck(&EN, &plan, Some(&bd))[3 + 7].warn, "the eighth region");
    plan.execution = sample_execution(&plan, 3);
    expected.extend([SlideKey::Completion, SlideKey::Leaderboard]);
    assert_eq!(keys(&plan), expected, "once there are actuals");
}

#[test]
fn every_slide_draws_with_its_title_and_place_among_those_shown() {
    let mut plan = sample_plan(Lang::En);
    plan.execution = sample_execution(&plan, 3);
    let s = plan.adopted().unwrap();
    let bd = compute(&plan, s).unwrap();
    let entries = deck(&EN, &plan, Some(&bd));
    for (i, e) in entries.iter().enumerate() {
        let view = slide(
            &input(Lang::En, s, Some(&bd)),
            &plan,
            &e.key,
            i,
            entries.len(),
        );
        assert_eq!(view.key, e.key);
        assert_eq!(view.count, format!("{} / {}", i + 1, entries.len()));
        if e.key == SlideKey::Title {
            assert_eq!(view.plan_line, "", "the title slide names the plan once");
        } else {
            assert_eq!(view.plan_line, format!("{} · {}", plan.name, s.name));
        }
        assert!(!view.title.is_empty());
        assert!(
            !matches!(view.body, SlideBody::Unavailable(_)),
            "{:?} draws",
            e.key
        );
    }
    let region = &plan.regions[1];
    let view = slide(
        &input(Lang::En, s, Some(&bd)),
        &plan,
        &SlideKey::Region(region.id.clone()),
        3,
        9,
    );
    assert_eq!(
        view.title,
        format!("{}: sub-districts and salespeople", region.name)
    );
}

#[test]
fn the_title_slide_names_the_plan_its_targets_and_the_adopted_scenario() {
    let plan = sample_plan(Lang::Zh);
    let s = plan.adopted().unwrap();
    let view = slide(&input(Lang::Zh, s, None), &plan, &SlideKey::Title, 0, 9);
    assert_eq!(view.title, plan.name);
    let SlideBody::Title(title) = view.body else {
        panic!("the title slide");
    };
    assert_eq!(title.company, plan.company);
    assert_eq!(title.period, "2027 年度");
    assert_eq!(title.scenario, format!("采用方案：{}", s.name));
    assert_eq!(title.figures[0].label, "销售额目标");
    assert_eq!(title.figures[0].value, "1.18亿");
    assert_eq!(title.figures[0].unit, plan.currency);
    assert_eq!(title.figures[1].label, "销量目标");
    assert!(!title.figures[1].warn);
    let people: usize = plan
        .regions
        .iter()
        .flat_map(|r| &r.subdistricts)
        .map(|d| d.salespeople.len())
        .sum();
    assert!(
        title.counts.contains(&format!("{people} 名业务人员")),
        "{}",
        title.counts
    );

    let mut no_quantity = plan.clone();
    no_quantity.scenarios[0].quantity_target = Decimal::ZERO;
    no_quantity.adopted_scenario = no_quantity.scenarios[0].id.clone();
    let s = no_quantity.adopted().unwrap();
    let SlideBody::Title(title) = slide(
        &input(Lang::Zh, s, None),
        &no_quantity,
        &SlideKey::Title,
        0,
        9,
    )
    .body
    else {
        panic!("the title slide");
    };
    assert!(
        title.figures[1].warn,
        "no quantity target is said, not shown as 0"
    );
    assert_eq!(title.figures[1].value, "0 — 无指标");
}

#[test]
fn the_tier_board_lists_each_region_with_its_share() {
    let plan = sample_plan(Lang::En);
    let SlideBody::Tiers {
        columns,
        distribution,
    } = body(&plan, Lang::En, SlideKey::Tiers)
    else {
        panic!("the tier board");
    };
    let tiers: Vec<Tier> = columns.iter().map(|c| c.tier).collect();
    assert_eq!(tiers, Tier::ALL);
    assert_eq!(columns[0].name, "Base camp");
    assert_eq!(columns[0].head_class(), "tier-head tier-base_camp");
    assert_eq!(
        columns[0].regions,
        [TierRegion {
            name: "Changsha".into(),
            share: "64.5%".into(),
            warn: false
        }]
    );
    // Huaihua has no market share: a warning, not a quiet 0%.
    let warned: Vec<(&str, &str)> = columns
        .iter()
        .flat_map(|c| &c.regions)
        .filter(|r| r.warn)
        .map(|r| (r.name.as_str(), r.share.as_str()))
        .collect();
    assert_eq!(warned, [("Huaihua", "⚠ 0%")]);
    let listed: usize = columns.iter().map(|c| c.regions.len()).sum();
    assert_eq!(listed, plan.regions.len(), "every region once");
    let chart = distribution.expect("the distribution of the target by tier");
    let texts: Vec<&str> = chart.rows.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "47,291,000 · 1 region",
            "39,864,000 · 2 regions",
            "30,012,000 · 3 regions",
            "833,000 · 2 regions"
        ],
        "each tier's target and its number of regions"
    );
    assert!(chart.rows.iter().all(|r| !r.warn));
}

#[test]
fn a_tier_whose_regions_have_no_target_is_a_warning() {
    let mut plan = sample_plan(Lang::En);
    let s = plan.adopted().unwrap().clone();
    let bd = compute(&plan, &s).unwrap();
    let guerrilla: Vec<String> = plan
        .regions
        .iter()
        .filter(|r| s.tier_of(r) == Tier::Guerrilla)
        .map(|r| r.id.clone())
        .collect();
    // Every guerrilla region locked at zero: the tier keeps its regions and loses its target.
    let sid = s.id.clone();
    let scenario = plan.scenarios.iter_mut().find(|x| x.id == sid).unwrap();
    for id in &guerrilla {
        scenario.locks.insert(
            id.clone(),
            crate::core::scenario::NodeValues {
                amount: Some(Decimal::ZERO),
                quantity: None,
            },
        );
    }
    let s = plan.adopted().unwrap();
    let bd2 = compute(&plan, s).unwrap();
    assert_ne!(bd.annual(0, Measure::Amount), Decimal::ZERO);
    let chart = tier_distribution(&EN, Lang::En, &plan, s, &bd2);
    let last = chart.rows.last().unwrap();
    assert!(last.warn, "{last:?}");
    assert_eq!(last.text, "⚠ 0 — no target · 2 regions");
}

#[test]
fn targets_by_region_and_the_monthly_plan_come_from_the_breakdown() {
    let plan = sample_plan(Lang::Zh);
    let SlideBody::Regions(bars) = body(&plan, Lang::Zh, SlideKey::Regions) else {
        panic!("targets by region");
    };
    assert_eq!(bars.rows.len(), plan.regions.len());
    let changsha = &bars.rows[0];
    assert_eq!(changsha.label, plan.regions[0].name);
    assert!(
        changsha.text.contains('万') && changsha.text.ends_with("· 大本营"),
        "amounts in 万, with the tier named: {}",
        changsha.text
    );
    let SlideBody::Monthly { chart, summary } = body(&plan, Lang::Zh, SlideKey::Monthly) else {
        panic!("the monthly plan");
    };
    assert_eq!(chart.months.len(), 12);
    assert_eq!(
        chart.months[0].text, "1298万",
        "short amounts label the columns"
    );
    assert!(chart.months.iter().all(|m| !m.warn));
    assert!(summary.starts_with("全年 1.18亿"), "{summary}");
}

#[test]
fn a_region_left_at_zero_is_a_warning_on_the_slides() {
    let mut plan = sample_plan(Lang::En);
    let sid = plan.adopted_scenario.clone();
    let region = plan.regions[7].id.clone();
    let scenario = plan.scenarios.iter_mut().find(|x| x.id == sid).unwrap();
    scenario.locks.insert(
        region.clone(),
        crate::core::scenario::NodeValues {
            amount: Some(Decimal::ZERO),
            quantity: None,
        },
    );
    let SlideBody::Regions(bars) = body(&plan, Lang::En, SlideKey::Regions) else {
        panic!("targets by region");
    };
    let zero = &bars.rows[7];
    assert!(
        zero.warn && zero.text.starts_with("⚠ 0 — no target"),
        "{zero:?}"
    );
    assert!(bars.rows[..7].iter().all(|r| !r.warn));
    let SlideBody::Region(slide) = body(&plan, Lang::En, SlideKey::Region(region)) else {
        panic!("the region's slide");
    };
    assert_eq!(slide.warn.as_deref(), Some("0 — no target"));
    assert!(
        slide
            .subdistricts
            .iter()
            .flat_map(|d| &d.people)
            .all(|p| p.warn && p.amount == "⚠ 0"),
        "every person of the region is marked: {slide:?}"
    );
}

#[test]
fn a_region_slide_gives_every_salesperson_their_number() {
    let plan = sample_plan(Lang::En);
    let s = plan.adopted().unwrap();
    let bd = compute(&plan, s).unwrap();
    let region = &plan.regions[0];
    let SlideBody::Region(slide) = body(&plan, Lang::En, SlideKey::Region(region.id.clone()))
    else {
        panic!("the region's slide");
    };
    assert_eq!(slide.name, region.name);
    assert_eq!(slide.tier_name, "Base camp");
    assert_eq!(slide.share, "64.5%");
    let ri = bd.find(&region.id).unwrap();
    assert_eq!(slide.amount, grouped_amount(&bd, ri));
    let names: Vec<&str> = slide.subdistricts.iter().map(|d| d.name.as_str()).collect();
    let expected: Vec<&str> = region
        .subdistricts
        .iter()
        .map(|d| d.name.as_str())
        .collect();
    assert_eq!(names, expected);
    for (card, d) in slide.subdistricts.iter().zip(&region.subdistricts) {
        let people: Vec<&str> = card.people.iter().map(|p| p.name.as_str()).collect();
        let expected: Vec<&str> = d.salespeople.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(people, expected, "every person of {}", d.name);
        for (line, p) in card.people.iter().zip(&d.salespeople) {
            let i = bd.find(&p.id).unwrap();
            assert_eq!(line.amount, grouped_amount(&bd, i));
            assert_eq!(
                line.quantity,
                Some(crate::view::numbers::grouped(
                    bd.annual(i, Measure::Quantity)
                ))
            );
            assert!(!line.warn);
        }
        assert_eq!(card.nobody, None);
    }
    assert_eq!(slide.zero_people, None);
    assert_eq!(slide.density, "roomy");
}

fn grouped_amount(bd: &Breakdown, i: usize) -> String {
    crate::view::numbers::grouped(bd.annual(i, Measure::Amount))
}

#[test]
fn a_region_slide_says_who_has_nothing_and_where_nobody_answers() {
    let mut plan = sample_plan(Lang::Zh);
    // A sub-district without salespeople, and no quantity target.
    plan.regions[0].subdistricts[0].salespeople.clear();
    let sid = plan.adopted_scenario.clone();
    plan.scenarios
        .iter_mut()
        .find(|x| x.id == sid)
        .unwrap()
        .quantity_target = Decimal::ZERO;
    let SlideBody::Region(slide) = body(
        &plan,
        Lang::Zh,
        SlideKey::Region(plan.regions[0].id.clone()),
    ) else {
        panic!("the region's slide");
    };
    assert_eq!(
        slide.subdistricts[0].nobody,
        Some("没有业务人员：此指标无人负责")
    );
    assert_eq!(
        slide.quantity, None,
        "no quantity target: no column of zeros"
    );
    assert!(
        slide
            .subdistricts
            .iter()
            .flat_map(|d| &d.people)
            .all(|p| p.quantity.is_none())
    );

    // A salesperson without last period's sales gets nothing when people are split by history.
    let mut plan = sample_plan(Lang::En);
    let sid = plan.adopted_scenario.clone();
    plan.regions[0].subdistricts[0].salespeople[0].last_sales = Default::default();
    let scenario = plan.scenarios.iter_mut().find(|x| x.id == sid).unwrap();
    scenario.methods.salesperson = crate::core::scenario::Method::History;
    let region = &plan.regions[0];
    let SlideBody::Region(slide) = body(&plan, Lang::En, SlideKey::Region(region.id.clone()))
    else {
        panic!("the region's slide");
    };
    let people: usize = region
        .subdistricts
        .iter()
        .map(|d| d.salespeople.len())
        .sum();
    let first = &slide.subdistricts[0].people[0];
    assert!(first.warn && first.amount == "⚠ 0", "{first:?}");
    assert_eq!(
        slide
            .subdistricts
            .iter()
            .flat_map(|d| &d.people)
            .filter(|p| p.warn)
            .count(),
        1
    );
    assert_eq!(
        slide.zero_people,
        Some(format!("1 of {people} salespeople have a target of 0"))
    );
}

#[test]
fn a_region_of_a_large_plan_shows_that_region_only() {
    let plan = scaled_plan(10_000);
    let region = plan.regions[3].id.clone();
    let SlideBody::Region(slide) = body(&plan, Lang::En, SlideKey::Region(region)) else {
        panic!("the region's slide");
    };
    let people: usize = slide.subdistricts.iter().map(|d| d.people.len()).sum();
    let expected: usize = plan.regions[3]
        .subdistricts
        .iter()
        .map(|d| d.salespeople.len())
        .sum();
    assert_eq!(people, expected);
    assert!(people < 1_000, "one region, not the plan");
    assert_eq!(slide.density, "denser");
    let SlideBody::Regions(bars) = body(&plan, Lang::En, SlideKey::Regions) else {
        panic!("targets by region");
    };
    assert_eq!(bars.rows.len(), plan.regions.len());
}

#[test]
fn the_comparison_slide_is_in_one_unit_throughout() {
    let mut plan = sample_plan(Lang::Zh);
    // The adopted scenario is compared first, whichever it is.
    plan.adopted_scenario = plan.scenarios[1].id.clone();
    let ids = compare_ids(&plan, None);
    assert_eq!(ids[0], plan.scenarios[1].id);
    assert_eq!(ids.len(), plan.scenarios.len().min(COMPARED));
    // The adopted one on screen: the same; another one on screen: that one against it alone.
    let adopted = plan.adopted_scenario.clone();
    assert_eq!(compare_ids(&plan, Some(&adopted)), ids);
    let mut third = plan.scenarios[0].clone();
    third.id = "s-third".into();
    let mut with_third = plan.clone();
    with_third.scenarios.push(third);
    assert_eq!(compare_ids(&with_third, None).len(), COMPARED.min(3));
    assert_eq!(
        compare_ids(&with_third, Some("s-third")),
        [adopted.clone(), "s-third".to_string()]
    );
    assert_eq!(
        compare_ids(&with_third, Some("no such scenario")),
        compare_ids(&with_third, None)
    );
    assert_eq!(
        body(&plan, Lang::Zh, SlideKey::Compare),
        SlideBody::Compare(ids.clone())
    );
    let c = compare(&plan, &ids);
    let zh = compare_slide(&ZH, Lang::Zh, &plan, &c);
    let values = zh.table.rows.iter().flat_map(|r| r.values.iter());
    let deltas = zh
        .table
        .rows
        .iter()
        .flat_map(|r| r.deltas.iter().map(|d| &d.text));
    let chart = zh.chart.as_ref().expect("a chart of the differences");
    let texts: Vec<&String> = values
        .chain(deltas.filter(|d| d.as_str() != "0"))
        .chain(
            chart
                .bars
                .iter()
                .map(|b| &b.text)
                .filter(|t| t.as_str() != "0万"),
        )
        .collect();
    assert!(texts.len() > 10);
    for text in texts {
        assert!(
            text.ends_with('万') && !text.contains('亿'),
            "every amount in 万: {text}"
        );
    }
    let en = compare_slide(&EN, Lang::En, &plan, &c);
    assert!(
        en.table.rows[0]
            .values
            .iter()
            .all(|v| !v.contains('万') && v.contains(',')),
        "yuan in English: {:?}",
        en.table.rows[0].values
    );
    assert_eq!(
        slide_amount(Decimal::from(47_291_000), Lang::Zh),
        "4,729.1万"
    );
    assert_eq!(slide_amount(Decimal::from(-1_200_000), Lang::Zh), "-120万");
    assert_eq!(
        slide_amount(Decimal::from(47_291_000), Lang::En),
        "47,291,000"
    );
}

#[test]
fn completion_and_the_leaderboard_come_from_the_actuals() {
    let mut plan = sample_plan(Lang::En);
    plan.execution = sample_execution(&plan, 3);
    let SlideBody::Completion(done) = body(&plan, Lang::En, SlideKey::Completion) else {
        panic!("completion by region");
    };
    assert_eq!(done.as_of, "Actuals through 2027-03");
    assert_eq!(
        done.rows.len(),
        1 + plan.regions.len(),
        "the company and its regions"
    );
    assert_eq!(done.rows[1].row.name, plan.regions[0].name);
    let s = plan.adopted().unwrap();
    let bd = compute(&plan, s).unwrap();
    for r in &done.rows {
        let zero = bd
            .annual(bd.find(&r.row.id).unwrap(), Measure::Amount)
            .is_zero();
        assert_eq!(r.warn, zero, "a region without a target is marked: {r:?}");
        if zero {
            assert_eq!(r.row.cells.completion, "—");
        } else {
            assert!(r.row.cells.completion.ends_with('%'), "{r:?}");
        }
    }
    let SlideBody::Leaderboard(board) = body(&plan, Lang::En, SlideKey::Leaderboard) else {
        panic!("the leaderboard");
    };
    assert_eq!(board.title, "Leaderboard · Year · Company-wide");
    assert_eq!(board.rows.len(), results::TOP);
    assert_eq!(board.rows[0].rank, "1");
    assert_eq!(board.rows[0].podium, Some(1));
    assert!(
        board
            .note
            .starts_with("Actuals through 2027-03 · Top 10 of ")
    );
}

#[test]
fn without_a_breakdown_the_slides_say_why() {
    let plan = sample_plan(Lang::En);
    let s = plan.adopted().unwrap();
    for key in [
        SlideKey::Regions,
        SlideKey::Monthly,
        SlideKey::Region(plan.regions[0].id.clone()),
        SlideKey::Completion,
        SlideKey::Leaderboard,
    ] {
        assert_eq!(
            slide(&input(Lang::En, s, None), &plan, &key, 0, 1).body,
            SlideBody::Unavailable(EN.doc_no_breakdown),
            "{key:?}"
        );
    }
    assert!(matches!(
        slide(&input(Lang::En, s, None), &plan, &SlideKey::Tiers, 0, 1).body,
        SlideBody::Tiers {
            distribution: None,
            ..
        }
    ));
    assert!(matches!(
        slide(&input(Lang::En, s, None), &plan, &SlideKey::Title, 0, 1).body,
        SlideBody::Title(_)
    ));
}

#[test]
fn keys_step_within_the_slides_shown() {
    assert_eq!(step(0, "ArrowRight", 5), Some(1));
    assert_eq!(step(4, "ArrowRight", 5), Some(4), "the last stays");
    assert_eq!(step(4, " ", 5), Some(4));
    assert_eq!(step(0, "ArrowLeft", 5), Some(0));
    assert_eq!(step(3, "PageUp", 5), Some(2));
    assert_eq!(step(2, "End", 5), Some(4));
    assert_eq!(step(2, "Home", 5), Some(0));
    assert_eq!(
        step(7, "ArrowLeft", 5),
        Some(4),
        "past the end after slides were hidden"
    );
    assert_eq!(step(1, "x", 5), None);
}
