//! The `planner` binary, run as a user would: on the sample plan, on a synthetic plan, and on
//! bad input.

use std::collections::BTreeMap;
use std::path::PathBuf;

use region_planner::core::model::Plan;
use rust_decimal::Decimal;

#[path = "common/planner_cli.rs"]
mod planner_cli;

use planner_cli::{planner, stderr, stdout};

/// A file in the temp dir, unique to this test process and name, with the given contents.
fn temp_file(name: &str, contents: &str) -> PathBuf {
    planner_cli::temp_file("planner-cli", name, contents)
}

/// The sample plan as `planner sample` prints it, saved to a file.
fn sample_file(name: &str, args: &[&str]) -> PathBuf {
    let out = planner(&[&["sample"], args].concat());
    assert!(
        out.status.success(),
        "planner sample {args:?}: {}",
        stderr(&out)
    );
    temp_file(name, &stdout(&out))
}

/// Parses CSV (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field) = (Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        !quoted && field.is_empty() && row.is_empty(),
        "CSV ends inside a record"
    );
    rows
}

/// One row of the breakdown CSV.
struct Row {
    level: String,
    id: String,
    name: String,
    parent: String,
    period: String,
    amount: Decimal,
    quantity: Decimal,
}

fn breakdown_rows(csv: &str) -> Vec<Row> {
    let rows = parse_csv(csv);
    assert_eq!(
        rows[0].join(","),
        "level,id,name,parent_id,period,amount,quantity",
        "the header"
    );
    rows[1..]
        .iter()
        .map(|r| {
            assert_eq!(r.len(), 7, "row {r:?}");
            let number = |s: &str| -> Decimal {
                assert!(
                    !s.contains(['e', 'E', ' ', '_']) && !s.is_empty(),
                    "{s:?} is not a plain decimal"
                );
                s.parse()
                    .unwrap_or_else(|_| panic!("{s:?} is not a decimal"))
            };
            Row {
                level: r[0].clone(),
                id: r[1].clone(),
                name: r[2].clone(),
                parent: r[3].clone(),
                period: r[4].clone(),
                amount: number(&r[5]),
                quantity: number(&r[6]),
            }
        })
        .collect()
}

/// Every parent's value equals its children's, and every node's months add up to its total.
fn assert_everything_adds_up(rows: &[Row]) {
    // (parent id, period) → children's sums; (id, period) → own values.
    let mut children: BTreeMap<(&str, &str), (Decimal, Decimal)> = BTreeMap::new();
    let mut own: BTreeMap<(&str, &str), (Decimal, Decimal)> = BTreeMap::new();
    let mut months: BTreeMap<&str, (Decimal, Decimal)> = BTreeMap::new();
    for r in rows {
        own.insert((&r.id, &r.period), (r.amount, r.quantity));
        if !r.parent.is_empty() {
            let e = children.entry((&r.parent, &r.period)).or_default();
            *e = (e.0 + r.amount, e.1 + r.quantity);
        }
        if r.period != "total" {
            let e = months.entry(&r.id).or_default();
            *e = (e.0 + r.amount, e.1 + r.quantity);
        }
    }
    for ((parent, period), sums) in &children {
        assert_eq!(
            own[&(*parent, *period)],
            *sums,
            "children of {parent} in {period}"
        );
    }
    for (id, sums) in &months {
        assert_eq!(own[&(*id, "total")], *sums, "months of {id}");
    }
}

#[test]
fn sample_prints_a_plan_in_either_language_or_at_any_scale() {
    let en: Plan =
        serde_json::from_str(&stdout(&planner(&["sample"]))).expect("the sample is a plan");
    let zh: Plan =
        serde_json::from_str(&stdout(&planner(&["sample", "--lang", "zh"]))).expect("a plan");
    assert_eq!(
        (en.regions[0].name.as_str(), zh.regions[0].name.as_str()),
        ("Changsha", "长沙")
    );
    let scaled: Plan =
        serde_json::from_str(&stdout(&planner(&["sample", "--scale", "25"]))).expect("a plan");
    assert_eq!(scaled.size(), (1, 3, 25));
}

#[test]
fn breakdown_of_the_sample_has_the_exact_header_and_adds_up_everywhere() {
    let path = sample_file("breakdown.json", &["--lang", "en"]);
    let out = planner(&["breakdown", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = stdout(&out);
    assert!(
        csv.starts_with("level,id,name,parent_id,period,amount,quantity\n"),
        "{}",
        &csv[..80]
    );
    let rows = breakdown_rows(&csv);
    let plan: Plan = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let (r, d, p) = plan.size();
    assert_eq!(
        rows.len(),
        (1 + r + d + p) * 13,
        "a total and 12 months per node"
    );
    let company = &rows[0];
    assert_eq!(
        (
            company.level.as_str(),
            company.id.as_str(),
            company.name.as_str(),
            company.parent.as_str()
        ),
        ("company", "sample", "Huaxin Beverages Co., Ltd.", "")
    );
    assert_eq!(
        (company.amount, company.quantity),
        (Decimal::from(118_000_000), Decimal::from(4_720_000))
    );
    assert_eq!(rows[1].period, "2027-01");
    let levels: Vec<&str> = rows.iter().map(|r| r.level.as_str()).collect();
    for level in ["region", "subdistrict", "salesperson"] {
        assert!(levels.contains(&level), "no {level} rows");
    }
    assert!(
        rows.iter()
            .all(|r| r.amount % Decimal::from(1000) == Decimal::ZERO),
        "amounts are whole thousands"
    );
    assert_everything_adds_up(&rows);
    std::fs::remove_file(path).ok();
}

#[test]
fn a_scenario_is_picked_by_name_or_id_and_an_unknown_one_is_named() {
    let path = sample_file("scenario.json", &[]);
    let path = path.to_str().unwrap();
    let total = |args: &[&str]| {
        let out = planner(&[&["breakdown", path], args].concat());
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        breakdown_rows(&stdout(&out))[0].amount
    };
    assert_eq!(
        total(&["--scenario", "Stretch"]),
        Decimal::from(130_000_000)
    );
    let plan: Plan = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(
        total(&["--scenario", &plan.scenarios[1].id]),
        Decimal::from(130_000_000)
    );
    assert_eq!(total(&[]), Decimal::from(118_000_000));

    let out = planner(&["breakdown", path, "--scenario", "Wishful"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no scenario named 'Wishful' in the plan; it has: Baseline"),
        "{}",
        stderr(&out)
    );
    std::fs::remove_file(path).ok();
}

#[test]
fn tiers_of_the_sample_cover_all_four() {
    let path = sample_file("tiers.json", &[]);
    let out = planner(&["tiers", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = parse_csv(&stdout(&out));
    assert_eq!(
        rows[0].join(","),
        "region_id,name,market_share,tier,overridden"
    );
    let mut tiers: Vec<&str> = rows[1..].iter().map(|r| r[3].as_str()).collect();
    assert_eq!(rows[1][1..].join(","), "Changsha,64.5,base_camp,false");
    tiers.sort_unstable();
    tiers.dedup();
    assert_eq!(tiers, ["base_camp", "contested", "guerrilla", "stronghold"]);
    std::fs::remove_file(path).ok();
}

#[test]
fn a_synthetic_plan_of_a_thousand_people_adds_up_too() {
    let path = sample_file("scaled.json", &["--scale", "1000"]);
    let out = planner(&["breakdown", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = breakdown_rows(&stdout(&out));
    assert_eq!(rows.len(), (1 + 5 + 100 + 1000) * 13);
    assert_everything_adds_up(&rows);
    std::fs::remove_file(path).ok();
}

#[test]
fn bad_input_gets_a_message_and_a_failing_exit_code_never_a_panic() {
    let bad_json = temp_file("bad.json", "{ \"regions\": ");
    let mut plan: Plan = serde_json::from_str(&stdout(&planner(&["sample"]))).unwrap();
    plan.scenarios[0].seasonality[3] = None;
    let unbreakable = temp_file("unbreakable.json", &serde_json::to_string(&plan).unwrap());
    plan.scenarios[0].amount_unit = Decimal::ZERO;
    let invalid = temp_file("invalid.json", &serde_json::to_string(&plan).unwrap());
    let cases: &[(&[&str], i32, &str)] = &[
        (
            &["breakdown", "/nonexistent/plan.json"],
            1,
            "cannot read /nonexistent/plan.json",
        ),
        (
            &["breakdown", bad_json.to_str().unwrap()],
            1,
            "is not a valid plan file:\n  $.regions: not valid JSON: EOF while parsing a value",
        ),
        (
            &["tiers", bad_json.to_str().unwrap()],
            1,
            "is not a valid plan file",
        ),
        (
            &["migrate", bad_json.to_str().unwrap()],
            1,
            "is not a valid plan file",
        ),
        (
            &["breakdown", invalid.to_str().unwrap()],
            1,
            "is not a valid plan file:\n  $.scenarios[0].amount_unit: must be greater than zero",
        ),
        (
            &["breakdown", unbreakable.to_str().unwrap()],
            1,
            "cannot be computed:\n  - the seasonality share of 2027-04 is missing",
        ),
        (&[], 2, "no command given"),
        (&["explode"], 2, "unknown command 'explode'"),
        (&["breakdown"], 2, "breakdown needs a plan file"),
        (
            &["sample", "--scale", "lots"],
            2,
            "--scale takes a number of salespeople",
        ),
        (&["validate", "a.json", "--bom"], 2, "unknown option --bom"),
    ];
    for (args, code, message) in cases {
        let out = planner(args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(*code), "planner {args:?}: {err}");
        assert!(err.contains(message), "planner {args:?} said: {err}");
        assert!(
            !err.contains("panicked"),
            "planner {args:?} panicked: {err}"
        );
        assert!(
            out.stdout.is_empty(),
            "planner {args:?} printed numbers despite failing"
        );
        if *code == 2 {
            assert!(
                err.contains("usage:"),
                "planner {args:?} gave no usage: {err}"
            );
        }
    }
    for path in [bad_json, unbreakable, invalid] {
        std::fs::remove_file(path).ok();
    }
}

/// The committed fixture of format version 1 (the sample plan as version 1 wrote it).
fn fixture_v1() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plan-v1.json")
}

#[test]
fn validate_prints_ok_or_every_problem_as_a_json_path_and_a_reason() {
    let out = planner(&["validate", fixture_v1().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "ok\n");
    assert!(out.stderr.is_empty());

    let good = std::fs::read_to_string(fixture_v1()).unwrap();
    let region = |i: usize| format!("\"id\": \"{}\"", ["r1", "r16", "r27"][i]);
    let broken = good
        .replacen(
            "\"market_share\": \"64.5\"",
            "\"market_share\": \"164.5\"",
            1,
        )
        .replacen(&region(2), &region(1), 1)
        .replacen("\"name\": \"Changsha\"", "\"name\": \" \"", 1);
    let cases: Vec<(String, Vec<&str>)> = vec![
        (
            broken,
            vec![
                "$.regions[0].name: must not be empty",
                "$.regions[0].market_share: must be between 0 and 100",
                "$.regions[2].id: id 'r16' is used more than once",
            ],
        ),
        (
            good.replacen("\"currency\"", "\"currencey\"", 1),
            vec!["$.currencey: unknown field `currencey`, expected one of"],
        ),
        (
            good.replacen("\"format_version\": 1", "\"format_version\": 2", 1),
            vec!["$.format_version: written in format version 2; this version reads up to 1"],
        ),
        (
            good[..good.len() / 2].to_string(),
            vec![
                "$.regions[3].subdistricts[0].target_terminals[0]: not valid JSON: \
                 EOF while parsing a string (line 638, column 31)",
            ],
        ),
        (
            "{\"name\": \"a list\", \"items\": []}".into(),
            vec!["$: it has no \"format_version\"; it was not written by Region Planner"],
        ),
    ];
    for (i, (text, want)) in cases.iter().enumerate() {
        let path = temp_file(&format!("validate-{i}.json"), text);
        let out = planner(&["validate", path.to_str().unwrap()]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "case {i}: {err}");
        assert!(out.stdout.is_empty(), "case {i} printed {}", stdout(&out));
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), want.len(), "case {i}: {err}");
        for (line, want) in lines.iter().zip(want) {
            assert!(
                line.starts_with(want),
                "case {i}: {line} should start with {want}"
            );
        }
        std::fs::remove_file(path).ok();
    }
}

#[test]
fn a_sixty_megabyte_file_is_refused_from_its_size_at_once() {
    let path = std::env::temp_dir().join(format!("planner-cli-{}-huge.json", std::process::id()));
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(60 * 1024 * 1024).unwrap();
    let started = std::time::Instant::now();
    let out = planner(&["validate", path.to_str().unwrap()]);
    let took = started.elapsed();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "$: the text is 60 MB; a plan can be at most 50 MB\n"
    );
    assert!(took.as_secs() < 2, "took {took:?}");
    std::fs::remove_file(path).ok();
}

#[test]
fn migrate_rewrites_a_version_1_file_in_the_current_format() {
    let out = planner(&["migrate", fixture_v1().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let migrated = stdout(&out);
    let fixture = std::fs::read_to_string(fixture_v1()).unwrap();
    assert_eq!(
        migrated, fixture,
        "version 1 is current: a normalising rewrite"
    );

    // Compact, reordered JSON comes out in the one pretty form.
    let compact = serde_json::to_string(&serde_json::from_str::<Plan>(&fixture).unwrap()).unwrap();
    let path = temp_file("compact.json", &compact);
    let out = planner(&["migrate", path.to_str().unwrap()]);
    assert_eq!(stdout(&out), fixture);
    std::fs::remove_file(path).ok();
}

#[test]
fn schema_prints_the_committed_public_schema() {
    let out = planner(&["schema"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let committed = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public/plan.schema.json"),
    )
    .unwrap();
    assert!(
        stdout(&out) == committed,
        "public/plan.schema.json is not the schema of the current types; regenerate it with\n  \
         cargo run --bin planner -- schema > public/plan.schema.json"
    );
    let schema: serde_json::Value = serde_json::from_str(&committed).unwrap();
    assert_eq!(schema["title"], "Plan");
    assert_eq!(
        schema["additionalProperties"], false,
        "unknown fields are refused"
    );
    let amount = &schema["$defs"]["Sales"]["properties"]["amount"];
    assert_eq!(amount["type"], "string", "decimals are strings: {amount}");
    assert_eq!(amount["pattern"], "^-?[0-9]+(\\.[0-9]+)?$");
}

#[test]
fn territory_lists_every_salesperson_and_bom_is_only_on_request() {
    let path = fixture_v1();
    let path = path.to_str().unwrap();
    let plain = planner(&["territory", path]);
    assert_eq!(plain.status.code(), Some(0), "{}", stderr(&plain));
    let rows = parse_csv(&stdout(&plain));
    assert_eq!(rows[0][0], "region_id", "no byte-order mark by default");
    assert_eq!(rows[0].len(), 23);
    let plan: Plan = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(rows.len() - 1, plan.size().2, "one row per salesperson");
    assert_eq!(rows[1][1], "Changsha");

    let excel = planner(&["territory", path, "--bom"]);
    assert_eq!(excel.stdout[..3], [0xEF, 0xBB, 0xBF]);
    assert_eq!(excel.stdout[3..], plain.stdout[..]);
    let breakdown = planner(&["breakdown", path, "--bom"]);
    assert!(stdout(&breakdown).starts_with("\u{feff}level,id,name,"));
}

#[test]
fn share_prints_a_link_fragment_or_says_the_plan_is_too_large() {
    let out = planner(&["share", fixture_v1().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let fragment = stdout(&out);
    let plan = region_planner::core::share_link::decode(fragment.trim_end()).unwrap();
    assert_eq!(plan.regions[0].name, "Changsha");

    let big = sample_file("share-big.json", &["--scale", "10000"]);
    let out = planner(&["share", big.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("share it as a file"),
        "{}",
        stderr(&out)
    );
    std::fs::remove_file(big).ok();
}

#[test]
fn bundle_writes_one_html_file_from_a_dist_directory() {
    let dist = std::env::temp_dir().join(format!("planner-cli-{}-dist", std::process::id()));
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(
        dist.join("index.html"),
        "<html><head><link rel=\"stylesheet\" href=\"/s.css\"></head><body>\
         <script type=\"module\">import init from '/a.js'; await init({ module_or_path: '/a_bg.wasm' });</script>\
         </body></html>",
    )
    .unwrap();
    std::fs::write(dist.join("s.css"), "p{}").unwrap();
    std::fs::write(dist.join("a.js"), "export default async function init() {}").unwrap();
    std::fs::write(dist.join("a_bg.wasm"), [0, 97, 115, 109]).unwrap();
    // The old address of the execution pages, now a redirect into the app: not bundled.
    std::fs::write(
        dist.join("execution.html"),
        "<meta http-equiv=\"refresh\" content=\"0; url=./#/tracking\">",
    )
    .unwrap();
    let html = dist.join("one.html");
    let out = planner(&["bundle", dist.to_str().unwrap(), html.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        !dist.join("one-execution.html").exists(),
        "the app is one file"
    );
    let written = std::fs::read_to_string(&html).unwrap();
    assert_eq!(
        stdout(&out),
        format!("wrote {} ({} bytes)\n", html.display(), written.len())
    );
    assert!(written.contains("<style>\np{}\n</style>"), "{written}");
    assert!(written.contains("Uint8Array.from(atob('AGFzbQ=='), (c) => c.charCodeAt(0))"));

    std::fs::remove_file(dist.join("a.js")).unwrap();
    let out = planner(&["bundle", dist.to_str().unwrap(), html.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("cannot bundle the app: cannot read"),
        "{}",
        stderr(&out)
    );
    std::fs::remove_dir_all(dist).ok();
}
