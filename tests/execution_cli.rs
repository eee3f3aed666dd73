//! `planner track` and `planner scorecard`, run as a user would: on the sample plan with actuals
//! files good and bad, on a plan with distributor figures or a file of them, and on a year for
//! 10,000 people.

use std::path::PathBuf;

use region_planner::core::breakdown::compute;
use region_planner::core::execution::{
    CustomerKind, LEGACY_SCORE_HEADER, SCORE_HEADER, ScoreFigures, actuals_csv, add_customer,
    sample_execution, set_score_entry,
};
use region_planner::core::model::Plan;
use region_planner::core::period::YearMonth;
use region_planner::core::sample::scaled_plan;
use region_planner::core::scenario::Measure;
use rust_decimal::Decimal;

#[path = "common/planner_cli.rs"]
mod planner_cli;

use planner_cli::{planner, stderr, stdout};

/// A file in the temp dir, unique to this test process and name.
fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    planner_cli::temp_file("planner-exec", name, contents)
}

fn path(p: &std::path::Path) -> &str {
    p.to_str().expect("UTF-8 temp path")
}

/// The sample plan as `planner sample` prints it: the file, and the plan read back.
fn sample(name: &str) -> (PathBuf, Plan) {
    let out = planner(&["sample"]);
    assert!(out.status.success(), "planner sample: {}", stderr(&out));
    let plan: Plan = serde_json::from_str(&stdout(&out)).expect("a plan");
    (temp_file(name, &out.stdout), plan)
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn track_prints_every_node_with_completion_and_alerts() {
    let (plan_file, plan) = sample("track-plan.json");
    let b = compute(&plan, plan.adopted().unwrap()).unwrap();
    let sub = &plan.regions[0].subdistricts[0];
    let (p, q) = (&sub.salespeople[0], &sub.salespeople[1]);
    let p_target = b.month_value(b.find(&p.id).unwrap(), Measure::Amount, 0);
    // p sells exactly their January target; q the rest of 1,298,000, a tenth of the company's
    // January target of 12,980,000.
    let q_actual = d("1298000") - p_target;
    let csv = format!(
        "salesperson_id,month,amount,quantity,collections\n{},2027-01,{p_target},0,0\n{},2027-01,{q_actual},0,0\n",
        p.id, q.id
    );
    let actuals = temp_file("track-actuals.csv", csv.as_bytes());
    let out = planner(&["track", path(&plan_file), path(&actuals)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "level,id,name,period,target,actual,completion,alert"
    );
    assert_eq!(
        lines.len(),
        1 + b.nodes().len() * 2,
        "a total and January per node"
    );
    // The company: 1,298,000 of 118,000,000 for the year (0.011), of 12,980,000 in January
    // (0.1): behind pace either way.
    assert_eq!(
        lines[1],
        "company,sample,\"Huaxin Beverages Co., Ltd.\",total,118000000,1298000,0.011,behind"
    );
    assert_eq!(
        lines[2],
        "company,sample,\"Huaxin Beverages Co., Ltd.\",2027-01,12980000,1298000,0.1,behind"
    );
    let row = |id: &str, period: &str| -> Vec<String> {
        let line = lines
            .iter()
            .find(|l| l.split(',').nth(1) == Some(id) && l.split(',').nth(3) == Some(period))
            .unwrap_or_else(|| panic!("a row for {id} {period}"));
        line.split(',').map(str::to_string).collect()
    };
    let p_jan = row(&p.id, "2027-01");
    assert_eq!(
        p_jan[..4],
        ["salesperson", p.id.as_str(), p.name.as_str(), "2027-01"]
    );
    assert_eq!(
        p_jan[4..],
        [
            p_target.to_string(),
            p_target.to_string(),
            "1".into(),
            "".into()
        ]
    );
    // A region with no sales is behind; the guerrilla region without a target has no rate.
    let last = plan.regions.last().unwrap();
    assert_eq!(
        b.annual(b.find(&last.id).unwrap(), Measure::Amount),
        Decimal::ZERO
    );
    assert_eq!(row(&last.id, "total")[4..], ["0", "0", "", ""]);
    let second = &plan.regions[1];
    let r2 = row(&second.id, "2027-01");
    assert_eq!(r2[5..], ["0", "0", "behind"]);
}

#[test]
fn a_bad_actuals_file_prints_nothing_and_lists_every_problem() {
    let (plan_file, plan) = sample("bad-plan.json");
    let p = &plan.regions[0].subdistricts[0].salespeople[0].id;
    let csv = format!(
        "salesperson_id,month,amount,quantity,collections\n\
         {p},2027-01,100,1,1\n\
         nobody,2027-01,100,1,1\n\
         {p},2028-01,100,1,1\n\
         {p},2027-02,lots,1,1\n\
         {p},2027-03,-1,1,1\n\
         {p},2027-01,100,1,1\n"
    );
    let cases: [(&str, Vec<u8>, &[&str]); 4] = [
        (
            "problems.csv",
            csv.into_bytes(),
            &[
                "line 3, salesperson_id: no salesperson with id 'nobody' in the plan",
                "line 4, month: 2028-01 is outside the plan's period",
                "line 5, amount: 'lots' is not a number",
                "line 6, amount: '-1' is negative",
                "line 7: repeats the salesperson and month of line 2",
                "has 5 problem(s); nothing was tracked",
            ],
        ),
        (
            "header.csv",
            b"person,month,amount\np1,2027-01,1\n".to_vec(),
            &[
                "line 1: the header is 'person,month,amount'; it must be 'salesperson_id,month,amount,quantity,collections'",
                "has 1 problem(s); nothing was tracked",
            ],
        ),
        (
            "gbk.csv",
            b"salesperson_id,month,amount,quantity,collections,name\np1,2027-01,1,1,1,\xd5\xc5\xce\xb0\n".to_vec(),
            &[
                "line 2: the file is not UTF-8 text; save it as \"CSV UTF-8\"",
                "has 1 problem(s); nothing was tracked",
            ],
        ),
        (
            "empty.csv",
            Vec::new(),
            &["line 1: the file is empty", "has 1 problem(s); nothing was tracked"],
        ),
    ];
    for (name, bytes, want) in cases {
        let file = temp_file(name, &bytes);
        let out = planner(&["track", path(&plan_file), path(&file)]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert_eq!(stdout(&out), "", "{name}: nothing on stdout");
        let err = stderr(&out);
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), want.len(), "{name}: {err}");
        for (line, want) in lines.iter().zip(want) {
            assert!(
                line.starts_with("planner: ") && line.ends_with(want),
                "{name}: {line:?}"
            );
        }
    }
}

#[test]
fn the_plans_own_actuals_count_and_the_file_replaces_their_months() {
    let (_, mut plan) = sample("own-plan.json");
    let p = plan.regions[0].subdistricts[0].salespeople[0].id.clone();
    let mut e = sample_execution(&plan, 2);
    e.actuals.retain(|id, _| *id == p);
    plan.execution.actuals = e.actuals;
    let stored_feb = plan.execution.actuals[&p][&YearMonth::new(2027, 2).unwrap()].amount;
    let plan_file = temp_file("own-plan-with.json", &serde_json::to_vec(&plan).unwrap());
    let file = temp_file(
        "own.csv",
        format!("salesperson_id,month,amount,quantity,collections\n{p},2027-01,7,0,0\n").as_bytes(),
    );
    let out = planner(&["track", path(&plan_file), path(&file)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let actual = |period: &str| {
        text.lines()
            .find(|l| {
                l.starts_with(&format!("salesperson,{p},")) && l.contains(&format!(",{period},"))
            })
            .and_then(|l| l.split(',').nth(5))
            .unwrap()
            .to_string()
    };
    assert_eq!(actual("2027-01"), "7", "the file replaces January");
    assert_eq!(
        actual("2027-02"),
        stored_feb.to_string(),
        "February from the plan"
    );
    assert_eq!(d(&actual("total")), d("7") + stored_feb);

    // --as-of January leaves February out; --measure quantity tracks units.
    let out = planner(&[
        "track",
        path(&plan_file),
        path(&file),
        "--as-of",
        "2027-01",
        "--measure=quantity",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(!text.contains(",2027-02,"));
    let total = text
        .lines()
        .find(|l| l.starts_with(&format!("salesperson,{p},")))
        .unwrap();
    assert!(
        total.contains(",total,") && total.split(',').nth(5) == Some("0"),
        "{total}"
    );
}

/// Collections (回款) are tracked against their own broken-down targets with the same header;
/// `planner breakdown --collections` prints those targets after the quantity.
#[test]
fn collections_are_broken_down_and_tracked() {
    let (plan_file, plan) = sample("collect-plan.json");
    let s = plan.adopted().unwrap();
    let target = s
        .collections_target
        .expect("the sample has a collections target");
    let b = compute(&plan, s).unwrap();
    let c = region_planner::core::breakdown::collections(s, &b)
        .unwrap()
        .unwrap();

    let out = planner(&["breakdown", path(&plan_file), "--collections"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "level,id,name,parent_id,period,amount,quantity,collections"
    );
    assert!(
        lines[1].ends_with(&format!(",total,118000000,4720000,{target}")),
        "{}",
        lines[1]
    );
    // Without the flag the output is unchanged: the same rows without the last column.
    let plain = stdout(&planner(&["breakdown", path(&plan_file)]));
    let cut: Vec<&str> = lines
        .iter()
        .map(|l| l.rsplit_once(',').unwrap().0)
        .collect();
    assert_eq!(cut, plain.lines().collect::<Vec<_>>());

    let sub = &plan.regions[0].subdistricts[0];
    let p = &sub.salespeople[0];
    let i = b.find(&p.id).unwrap();
    let due = c.month_value(i, 0);
    // p collects exactly January's collections target; nobody else collects anything.
    let csv = format!(
        "salesperson_id,month,amount,quantity,collections\n{},2027-01,0,0,{due}\n",
        p.id
    );
    let actuals = temp_file("collect-actuals.csv", csv.as_bytes());
    let out = planner(&[
        "track",
        path(&plan_file),
        path(&actuals),
        "--measure",
        "collections",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "level,id,name,period,target,actual,completion,alert"
    );
    assert!(
        lines[1].starts_with(&format!(
            "company,sample,\"Huaxin Beverages Co., Ltd.\",total,{target},{due},"
        )),
        "{}",
        lines[1]
    );
    let p_jan = lines
        .iter()
        .find(|l| l.starts_with(&format!("salesperson,{},", p.id)) && l.contains(",2027-01,"))
        .unwrap();
    assert!(
        p_jan.ends_with(&format!(",2027-01,{due},{due},1,")),
        "on target, no alert: {p_jan}"
    );

    // A scenario without a collections target has nothing to track or print.
    let mut bare = plan.clone();
    bare.scenarios
        .iter_mut()
        .for_each(|s| s.collections_target = None);
    let bare_file = temp_file("collect-bare.json", &serde_json::to_vec(&bare).unwrap());
    let out = planner(&[
        "track",
        path(&bare_file),
        path(&actuals),
        "--measure=collections",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("has no collections target to track against"),
        "{}",
        stderr(&out)
    );
    let out = planner(&["breakdown", path(&bare_file), "--collections"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("has no collections target"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn wrong_words_are_usage_errors() {
    let cases: [(&[&str], &str); 7] = [
        (
            &["track"],
            "track needs a plan file (and, optionally, an actuals file)",
        ),
        (&["track", "a", "b", "c"], "unexpected argument 'c'"),
        (
            &["track", "a", "b", "--as-of", "2027-13"],
            "--as-of: '2027-13' is not a month written YYYY-MM",
        ),
        (
            &["track", "a", "b", "--measure", "profit"],
            "--measure takes amount, quantity or collections, not 'profit'",
        ),
        (&["scorecard"], "scorecard needs a plan file"),
        (
            &["scorecard", "a", "--month", "x", "--month", "y"],
            "--month: 'x' is not a month written YYYY-MM",
        ),
        (
            &["scorecard", "a", "--figures", "x", "--figures=y"],
            "--figures is given twice",
        ),
    ];
    for (args, want) in cases {
        let out = planner(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(
            err.starts_with(&format!("planner: {want}\n")),
            "{args:?}: {err}"
        );
        let command = format!("  planner {} PLAN.json", args[0]);
        assert!(
            err.contains("usage:") && err.contains(&command),
            "usage is shown: {err}"
        );
    }
    let help = stdout(&planner(&["help"]));
    assert!(
        help.contains("planner track") && help.contains("planner scorecard"),
        "{help}"
    );
}

#[test]
fn scorecard_ranks_distributors_with_each_measure_and_score() {
    let (_, mut plan) = sample("score-plan.json");
    let march = YearMonth::new(2027, 3).unwrap();
    let solid = ScoreFigures {
        contract_volume: d("1000"),
        completed_volume: d("900"),
        our_sales: d("300"),
        category_sales: d("1000"),
        last_month_sales: d("250"),
        last_year_sales: d("300"),
        revenue: d("300"),
        costs: d("200"),
        promotions: d("30"),
        rebates: d("25"),
        price_violations: 1,
        cross_territory: 0,
        collection_days: Some(d("45")),
        our_volume: d("300"),
        category_volume: d("1000"),
        last_month_volume: d("250"),
        last_year_volume: d("300"),
    };
    let weak = ScoreFigures {
        price_violations: 3,
        cross_territory: 6,
        ..ScoreFigures::default()
    };
    for (name, figures) in [("Weak Co", weak), ("Solid, Ltd.", solid)] {
        let id = add_customer(&mut plan, CustomerKind::Distributor, name, "").unwrap();
        set_score_entry(&mut plan, &id, march, figures).unwrap();
    }
    let ids: Vec<String> = plan
        .execution
        .customers
        .iter()
        .map(|c| c.id.clone())
        .collect();
    let file = temp_file("score.json", &serde_json::to_vec(&plan).unwrap());
    let out = planner(&["scorecard", path(&file)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "rank,distributor_id,name,month,completion,share,growth_mom,growth_yoy,profit_rate,price_violations,cross_territory,collection_days,completion_score,share_score,growth_score,profit_score,price_score,cross_territory_score,collection_score,composite",
            // Growth year on year (the default): flat, 50.
            // 90 30 50 75 80 100 75 → 500 / 7 = 71.43
            &format!(
                "1,{},\"Solid, Ltd.\",2027-03,0.9,0.3,0.2,0,0.15,1,0,45,90,30,50,75,80,100,75,71.43",
                ids[1]
            ),
            // Only the counts are defined: (40 + 0) / 2 = 20
            &format!("2,{},Weak Co,2027-03,,,,,,3,6,,,,,,40,0,,20", ids[0]),
        ]
    );
    let other = planner(&["scorecard", path(&file), "--month", "2027-04"]);
    assert!(other.status.success());
    assert_eq!(
        stdout(&other).lines().count(),
        1,
        "a month without figures: the header only"
    );

    let (bare, _) = sample("score-bare.json");
    let out = planner(&["scorecard", path(&bare)]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "planner: the plan has no distributor figures to score\n"
    );
}

#[test]
fn scorecard_applies_a_figures_file_or_lists_its_problems() {
    let (_, mut plan) = sample("figures-plan.json");
    let solid = add_customer(&mut plan, CustomerKind::Distributor, "Solid, Ltd.", "").unwrap();
    let weak = add_customer(&mut plan, CustomerKind::Distributor, "Weak Co", "").unwrap();
    let shop = add_customer(&mut plan, CustomerKind::Terminal, "Corner Shop", "").unwrap();
    // Figures the plan already holds for February stay; the file's month is scored.
    let february = YearMonth::new(2027, 2).unwrap();
    set_score_entry(&mut plan, &weak, february, ScoreFigures::default()).unwrap();
    let plan_file = temp_file(
        "figures-plan-with.json",
        &serde_json::to_vec(&plan).unwrap(),
    );
    let csv = format!(
        "\u{feff}{LEGACY_SCORE_HEADER},name\r\n\
         {weak},2027-03,0,0,0,0,0,0,0,0,0,0,3,6,,Weak Co\r\n\
         {solid},2027-03,\"1,000\",900,300,1000,250,300,300,200,30,25,1,0,45,\"Solid, Ltd.\"\r\n"
    );
    let figures = temp_file("figures.csv", csv.as_bytes());
    // A file from before the volume columns, scored on amount.
    let out = planner(&[
        "scorecard",
        path(&plan_file),
        "--figures",
        path(&figures),
        "--on",
        "amount",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert_eq!(
        lines[1],
        format!(
            "1,{solid},\"Solid, Ltd.\",2027-03,0.9,0.3,0.2,0,0.15,1,0,45,90,30,50,75,80,100,75,71.43"
        )
    );
    // Zero contract, sales and revenue leave only the counts: (40 + 0) / 2 = 20.
    assert_eq!(
        lines[2],
        format!("2,{weak},Weak Co,2027-03,,,,,,3,6,,,,,,40,0,,20")
    );
    // On the plan's volume basis the file's amounts still score share and growth (no volume is
    // typed), the same as on amount, and stderr names the distributor.
    let on_volume = planner(&["scorecard", path(&plan_file), "--figures", path(&figures)]);
    assert!(on_volume.status.success(), "{}", stderr(&on_volume));
    assert_eq!(stdout(&on_volume), text);
    assert!(
        stderr(&on_volume).contains(&format!(
            "planner: note: no volume typed for Solid, Ltd. ({solid}) in 2027-03: sales share and growth on amount"
        )),
        "{}",
        stderr(&on_volume)
    );
    let feb = planner(&[
        "scorecard",
        path(&plan_file),
        "--figures",
        path(&figures),
        "--month=2027-02",
    ]);
    assert!(feb.status.success(), "{}", stderr(&feb));
    let text = stdout(&feb);
    assert_eq!(text.lines().count(), 2, "February from the plan: {text}");
    assert!(text.contains(&format!(",{weak},Weak Co,2027-02,")));

    let bad = format!(
        "{LEGACY_SCORE_HEADER}\n\
         {solid},2027-03,1000,900,300,1000,250,300,300,200,30,25,1,0,45\n\
         nobody,2027-03,1,1,1,1,1,1,1,1,1,1,0,0,\n\
         {shop},2027-03,1,1,1,1,1,1,1,1,1,1,0,0,\n\
         {weak},2028-01,1,1,1,1,1,1,1,1,1,1,0,0,\n\
         {weak},2027-04,1,many,1,1,1,1,1,1,1,1,0.5,0,\n\
         {solid},2027-03,1000,900,300,1000,250,300,300,200,30,25,1,0,45\n"
    );
    let cases: [(&str, Vec<u8>, Vec<String>); 3] = [
        (
            "figures-problems.csv",
            bad.into_bytes(),
            vec![
                "line 3, distributor_id: no customer with id 'nobody' in the archive".into(),
                format!(
                    "line 4, distributor_id: customer '{shop}' is a terminal; only distributors are scored"
                ),
                "line 5, month: 2028-01 is outside the plan's period".into(),
                "line 6, completed_volume: 'many' is not a number".into(),
                "line 6, price_violations: '0.5' is not a whole number".into(),
                "line 7: repeats the distributor and month of line 2".into(),
                "has 6 problem(s); nothing was scored".into(),
            ],
        ),
        (
            "figures-actuals.csv",
            b"salesperson_id,month,amount,quantity,collections\np1,2027-01,1,1,1\n".to_vec(),
            vec![
                format!(
                    "line 1: the header is 'salesperson_id,month,amount,quantity,collections'; it must be '{SCORE_HEADER}'"
                ),
                "has 1 problem(s); nothing was scored".into(),
            ],
        ),
        (
            "figures-gbk.csv",
            format!("{LEGACY_SCORE_HEADER},name\n{weak},2027-03,0,0,0,0,0,0,0,0,0,0,0,0,,")
                .into_bytes()
                .into_iter()
                .chain(*b"\xd5\xc5\xce\xb0\n")
                .collect(),
            vec![
                "line 2: the file is not UTF-8 text; save it as \"CSV UTF-8\"".into(),
                "has 1 problem(s); nothing was scored".into(),
            ],
        ),
    ];
    for (name, bytes, want) in cases {
        let file = temp_file(name, &bytes);
        let out = planner(&["scorecard", path(&plan_file), "--figures", path(&file)]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert_eq!(stdout(&out), "", "{name}: nothing on stdout");
        let err = stderr(&out);
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), want.len(), "{name}: {err}");
        for (line, want) in lines.iter().zip(&want) {
            assert!(
                line.starts_with("planner: ") && line.ends_with(want.as_str()),
                "{name}: {line:?}"
            );
        }
    }
    let missing = planner(&["scorecard", path(&plan_file), "--figures", "no-such.csv"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).starts_with("planner: cannot read no-such.csv: "));
}

#[test]
fn a_year_for_ten_thousand_salespeople_is_tracked() {
    let mut plan = scaled_plan(10_000);
    plan.execution = sample_execution(&plan, 12);
    let csv = actuals_csv(&plan);
    let total: Decimal = plan
        .execution
        .actuals
        .values()
        .flat_map(|m| m.values())
        .map(|a| a.amount)
        .sum();
    plan.execution = Default::default();
    let plan_file = temp_file("10k.json", &serde_json::to_vec(&plan).unwrap());
    let actuals = temp_file("10k.csv", csv.as_bytes());
    let out = planner(&["track", path(&plan_file), path(&actuals)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let (r, s, p) = plan.size();
    assert_eq!(text.lines().count(), 1 + (1 + r + s + p) * 13);
    let company = text.lines().nth(1).unwrap();
    let fields: Vec<&str> = company.split(',').collect();
    assert_eq!(fields[3], "total");
    assert_eq!(d(fields[5]), total, "every row counted once");
}

/// `planner sample --with-execution` holds a quarter of everything the execution routes show,
/// so `track` (without a file: the actuals the plan holds) and `scorecard` run on it as is.
#[test]
fn the_sample_with_execution_can_be_tracked_and_scored_as_printed() {
    let out = planner(&["sample", "--lang", "zh", "--with-execution"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let plan: Plan = serde_json::from_str(&stdout(&out)).expect("a plan");
    let e = &plan.execution;
    let (_, _, people) = plan.size();
    assert_eq!(e.actuals.len(), people);
    assert!(e.actuals.values().all(|m| m.len() == 3), "a quarter");
    assert!(!e.customers.is_empty() && !e.scorecard.is_empty());
    assert_eq!(e.budgets.len(), plan.regions.len());
    assert!(!e.expenses.is_empty());
    assert_eq!(
        e.shares.len(),
        plan.regions.len(),
        "market shares for every region"
    );
    let file = temp_file("with-execution.json", &out.stdout);

    let out = planner(&["track", path(&file)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = stdout(&out);
    let company: Vec<&str> = csv
        .lines()
        .filter(|l| l.starts_with("company,"))
        .map(|l| l.split(',').nth(3).unwrap())
        .collect();
    assert_eq!(
        company,
        ["total", "2027-01", "2027-02", "2027-03"],
        "tracked to March"
    );
    let out = planner(&["track", path(&file), "--measure", "collections"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = planner(&["scorecard", path(&file)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).lines().count(),
        1 + 5,
        "a header and five distributors"
    );
}

/// `planner shares`: every region's share under the adopted scenario; a file of shares is
/// applied first, and a bad file prints only its problems, by line and column.
#[test]
fn shares_prints_each_region_and_applies_a_file_of_shares() {
    let (plan_file, plan) = sample("shares-plan.json");
    let (changsha, zhuzhou) = (&plan.regions[0].id, &plan.regions[1].id);
    let out = planner(&["shares", path(&plan_file)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "region_id,name,tier,planned_share,target_share,latest_month,latest_share,completion,drift"
    );
    assert_eq!(lines.len(), 1 + plan.regions.len());
    // Nothing recorded yet: Changsha's target is the mean of its sub-districts' (68, 66, 62, 58).
    assert_eq!(
        lines[1],
        format!("{changsha},Changsha,base_camp,64.5,63.5,,,,")
    );
    // Zhuzhou at 38% in the first quarter: 38 ÷ 45.67 (the mean of 52, 45 and 40) = 0.8321, and
    // below the 40% stronghold threshold: contested.
    let csv = format!("region_id,month,share\n{zhuzhou},2027-Q1,38\n");
    let file = temp_file("shares-q1.csv", csv.as_bytes());
    let out = planner(&["shares", path(&plan_file), "--file", path(&file)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(
        text.lines().nth(2).unwrap(),
        format!("{zhuzhou},Zhuzhou,stronghold,47.2,45.67,2027-03,38,0.8321,contested")
    );
    let bad = temp_file(
        "shares-bad.csv",
        format!("region_id,month,share\n{zhuzhou},2027-03,120\n").as_bytes(),
    );
    let out = planner(&["shares", path(&plan_file), "--file", path(&bad)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    assert!(
        stderr(&out).contains("line 2, share: '120' is not a share from 0 to 100%"),
        "{}",
        stderr(&out)
    );
}

/// The scorecard on volume (the source's 销售比重 and 销量增长率) or on amount, chosen per run:
/// 600 of 3,000 cases is a 20% share and +20% on 500 cases a year ago; in money 36,000 of
/// 90,000 is 40% and flat on last year's 36,000.
#[test]
fn scorecard_is_on_volume_unless_amount_is_asked_for() {
    let (_, mut plan) = sample("volume-plan.json");
    let id = add_customer(&mut plan, CustomerKind::Distributor, "Volume Co", "").unwrap();
    let file = temp_file("volume-plan-with.json", &serde_json::to_vec(&plan).unwrap());
    let csv = format!(
        "{SCORE_HEADER}\n{id},2027-03,0,0,36000,90000,45000,36000,0,0,0,0,0,0,,600,3000,750,500\n"
    );
    let figures = temp_file("volume.csv", csv.as_bytes());
    let run = |extra: &[&str]| {
        let mut args = vec!["scorecard", path(&file), "--figures", path(&figures)];
        args.extend_from_slice(extra);
        let out = planner(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out).lines().nth(1).unwrap().to_string()
    };
    // share, growth_mom, growth_yoy … share_score, growth_score (同比) … composite.
    assert_eq!(
        run(&[]),
        format!("1,{id},Volume Co,2027-03,,0.2,-0.2,0.2,,0,0,,,20,100,,100,100,,80")
    );
    assert_eq!(
        run(&["--on", "amount"]),
        format!("1,{id},Volume Co,2027-03,,0.4,-0.2,0,,0,0,,,40,50,,100,100,,72.5")
    );
    let bad = planner(&["scorecard", path(&file), "--on", "weight"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("--on takes volume or amount, not 'weight'"));
}

/// A collections re-spread (回款纠偏) in the adopted scenario is what `planner breakdown
/// --collections` prints and `planner track --measure collections` tracks against: the
/// region's January becomes what it collected, its year unchanged; the plan reader refuses one
/// in a scenario without a collections target.
#[test]
fn a_collections_re_spread_is_printed_and_checked() {
    use region_planner::core::execution::Figure;
    use region_planner::core::respread::{Respread, Spread};
    let (_, mut plan) = sample("collect-respread.json");
    let region = plan.regions[0].id.clone();
    let s = plan.adopted().unwrap().clone();
    let b = compute(&plan, &s).unwrap();
    let c = region_planner::core::breakdown::collections(&s, &b)
        .unwrap()
        .unwrap();
    let r = b.find(&region).unwrap();
    let (year, january) = (c.annual(r), c.month_value(r, 0));
    // Half of January collected, in whole thousands (the amount's unit).
    let collected = (january / d("2000")).floor() * d("1000");
    let january_month = plan.period.start;
    let adopted = plan.adopted_scenario.clone();
    plan.scenario_mut(&adopted)
        .unwrap()
        .respreads
        .push(Respread {
            node: region.clone(),
            measure: Figure::Collections,
            as_of: january_month,
            how: Spread::Even,
            reason: "slow payers".into(),
            achieved: vec![collected],
        });
    let file = temp_file(
        "collect-respread-plan.json",
        &serde_json::to_vec(&plan).unwrap(),
    );
    let out = planner(&["breakdown", path(&file), "--collections"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let row = |period: &str| {
        text.lines()
            .find(|l| {
                l.starts_with(&format!("region,{region},")) && l.contains(&format!(",{period},"))
            })
            .unwrap()
            .to_string()
    };
    assert!(
        row("2027-01").ends_with(&format!(",{collected}")),
        "{}",
        row("2027-01")
    );
    assert!(
        row("total").ends_with(&format!(",{year}")),
        "{}",
        row("total")
    );
    // Without a collections target the plan is refused, naming the re-spread.
    for s in &mut plan.scenarios {
        s.collections_target = None;
    }
    let bare = temp_file(
        "collect-respread-bare.json",
        &serde_json::to_vec(&plan).unwrap(),
    );
    let out = planner(&["validate", path(&bare)]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("no collections target")
            || stdout(&out).contains("no collections target"),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
}
