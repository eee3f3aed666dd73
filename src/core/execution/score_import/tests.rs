//! Importing scorecard figures: the file's every flaw reported by line, nothing stored until
//! asked.

use super::*;
use crate::core::execution::{
    ACTUALS_HEADER, CustomerKind, add_customer, remove_customer, set_score_entry,
};
use crate::core::lang::Lang;
use crate::core::sample::sample_plan;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn ym(m: u32) -> YearMonth {
    YearMonth::new(2027, m).unwrap()
}

/// The sample plan (2027) with two distributors and a terminal in its archive.
fn plan() -> (Plan, [String; 3]) {
    let mut plan = sample_plan(Lang::En);
    let a = add_customer(&mut plan, CustomerKind::Distributor, "Solid, Ltd.", "").unwrap();
    let b = add_customer(&mut plan, CustomerKind::Distributor, "Weak Co", "").unwrap();
    let t = add_customer(&mut plan, CustomerKind::Terminal, "Corner Shop", "").unwrap();
    (plan, [a, b, t])
}

/// A full row of figures after the id and month: 90% done, 30% share, one violation, 45 days.
const SOLID: &str = "1000,900,300,1000,250,300,300,200,30,25,1,0,45";

fn solid() -> ScoreFigures {
    ScoreFigures {
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
        // A file from before the volume columns: no volumes.
        ..ScoreFigures::default()
    }
}

fn problems(preview: &ScorePreview) -> Vec<(usize, Option<&'static str>, String)> {
    preview
        .problems
        .iter()
        .map(|p| (p.line, p.column.map(ScoreColumn::key), p.kind.to_string()))
        .collect()
}

#[test]
fn the_header_names_the_columns_in_order() {
    let keys: Vec<&str> = ScoreColumn::ALL.iter().map(|c| c.key()).collect();
    assert_eq!(keys.join(","), SCORE_HEADER);
    assert_eq!(ScoreColumn::ALL.len(), END_OF_FIGURES);
    assert!(SCORE_HEADER.starts_with(LEGACY_SCORE_HEADER));
    assert_eq!(
        SCORE_LABELS.map(|l| l.split(',').count()),
        [END_OF_FIGURES + 1; 2],
        "a label per column and the name's"
    );
}

#[test]
fn a_clean_file_is_read_with_bom_crlf_names_and_separators() {
    let (plan, [a, b, _]) = plan();
    let text = format!(
        "\u{feff}{LEGACY_SCORE_HEADER},name\r\n\
         {a},2027-03,{SOLID},\"Solid, Ltd.\"\r\n\
         \r\n\
         ,,,,,,,,,,,,,,,\r\n\
         {b},2027/4/1,\"1,000\",0.5,0,0,0,0,0,0,0,0,3.0, 6 ,,Weak Co\r\n\
         {a},2027年4月,0,0,0,0,0,0,0,0,0,0,0,0, 0 ,\r\n"
    );
    let preview = parse_score_figures(&plan, text.as_bytes());
    assert_eq!(problems(&preview), []);
    let weak = ScoreFigures {
        contract_volume: d("1000"),
        completed_volume: d("0.5"),
        price_violations: 3,
        cross_territory: 6,
        collection_days: None,
        ..ScoreFigures::default()
    };
    let zero_days = ScoreFigures {
        collection_days: Some(Decimal::ZERO),
        ..ScoreFigures::default()
    };
    assert_eq!(
        preview.rows,
        [
            ScoreImportRow {
                line: 2,
                customer: a.clone(),
                month: ym(3),
                figures: solid(),
            },
            ScoreImportRow {
                line: 5,
                customer: b.clone(),
                month: ym(4),
                figures: weak,
            },
            ScoreImportRow {
                line: 6,
                customer: a.clone(),
                month: ym(4),
                figures: zero_days,
            },
        ]
    );
    assert_eq!(preview.months(), [ym(3), ym(4)]);

    // Without the name column, and the header in capitals.
    let text = format!(
        "{}\n{a},2027-03,{SOLID}\n",
        LEGACY_SCORE_HEADER.to_uppercase()
    );
    let preview = parse_score_figures(&plan, text.as_bytes());
    assert_eq!(problems(&preview), []);
    assert_eq!(preview.rows[0].figures, solid());
}

#[test]
fn every_bad_line_is_reported_with_its_column() {
    let (plan, [a, b, t]) = plan();
    let text = format!(
        "{LEGACY_SCORE_HEADER}\n\
         {a},2027-03,{SOLID}\n\
         ghost,2027-03,{SOLID}\n\
         {t},2027-03,{SOLID}\n\
         {b},2028-01,{SOLID}\n\
         {b},2027-13,lots,900,300,1000,250,300,300,200,30,25,1,0,45\n\
         {b},2027-04,1000,-9,300,1000,250,300,300,,30,25,1,0,45\n\
         {b},2027-05,1000,900,300,1000,250,300,300,200,30,25,1.5,-1,soon\n\
         {b},2027-06,1000,900,300,1000,250,300,300,200,30,25,4294967296,0,99999999999999999999\n\
         {b},2027-07,,,,,,,,,,,,,\n\
         {a},2027-03,{SOLID}\n\
         {b},2027-08,1000\n\
         ,2027-09,{SOLID}\n\
         {b},2027-10,{SOLID}\n"
    );
    let preview = parse_score_figures(&plan, text.as_bytes());
    let no = |s: &str| s.to_string();
    assert_eq!(
        problems(&preview),
        [
            (
                3,
                Some("distributor_id"),
                no("no customer with id 'ghost' in the archive")
            ),
            (
                4,
                Some("distributor_id"),
                no(&format!(
                    "customer '{t}' is a terminal; only distributors are scored"
                ))
            ),
            (5, Some("month"), no("2028-01 is outside the plan's period")),
            (6, Some("month"), no("'2027-13' is not a month (YYYY-MM)")),
            (6, Some("contract_volume"), no("'lots' is not a number")),
            (7, Some("completed_volume"), no("'-9' is negative")),
            (7, Some("costs"), no("is empty")),
            (
                8,
                Some("price_violations"),
                no("'1.5' is not a whole number")
            ),
            (8, Some("cross_territory"), no("'-1' is negative")),
            (8, Some("collection_days"), no("'soon' is not a number")),
            (9, Some("price_violations"), no("'4294967296' is too large")),
            (
                9,
                Some("collection_days"),
                no("'99999999999999999999' is too large")
            ),
            (
                10,
                None,
                no("has no figures; fill them in or delete the line")
            ),
            (11, None, no("repeats the distributor and month of line 2")),
            (12, None, no("has 3 fields; the header has 15")),
            (13, Some("distributor_id"), no("is empty")),
        ]
    );
    let lines: Vec<usize> = preview.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, [2, 14], "the first of a duplicated pair is kept");
    assert_eq!(preview.bad_lines(), 11);
    assert_eq!(
        preview.problems[6].to_string(),
        "line 7, costs: is empty",
        "the column is named by its key"
    );
    assert_eq!(
        preview.problems[12].to_string(),
        "line 10: has no figures; fill them in or delete the line"
    );
}

#[test]
fn a_file_that_cannot_be_read_gives_one_clear_error() {
    let (plan, [a, _, _]) = plan();
    let mut gbk_name = format!("{LEGACY_SCORE_HEADER},name\n{a},2027-03,{SOLID},").into_bytes();
    gbk_name.extend(b"\xd5\xc5\xce\xb0\n");
    let mut utf16 = vec![0xff, 0xfe];
    for unit in LEGACY_SCORE_HEADER.encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    let utf16_no_bom: Vec<u8> = utf16[2..].to_vec();
    let header_only = format!("\n{LEGACY_SCORE_HEADER},name\n\n");
    let actuals = format!("{ACTUALS_HEADER}\n{a},2027-03,1,1,1\n");
    let swapped = LEGACY_SCORE_HEADER.replace("costs,promotions", "promotions,costs");
    let swapped_file = format!("{swapped}\n{a},2027-03,{SOLID}\n");
    let quote = format!("{LEGACY_SCORE_HEADER}\n{a},2027-03,\"1000,{SOLID}\n{a},2027-04,{SOLID}\n");
    let cases: [(&str, &[u8], usize, ProblemKind); 9] = [
        ("empty", b"", 1, ProblemKind::Empty),
        (
            "only a BOM and blanks",
            b"\xEF\xBB\xBF \r\n\n",
            1,
            ProblemKind::Empty,
        ),
        ("GBK", &gbk_name, 2, ProblemKind::NotUtf8),
        ("UTF-16 with BOM", &utf16, 1, ProblemKind::NotUtf8),
        ("UTF-16 without BOM", &utf16_no_bom, 1, ProblemKind::NotUtf8),
        (
            "header only",
            header_only.as_bytes(),
            1,
            ProblemKind::NoRows,
        ),
        (
            "an actuals file",
            actuals.as_bytes(),
            1,
            ProblemKind::WrongHeader {
                found: ACTUALS_HEADER.into(),
                expected: SCORE_HEADER,
            },
        ),
        (
            "columns swapped",
            swapped_file.as_bytes(),
            1,
            ProblemKind::WrongHeader {
                found: swapped.clone(),
                expected: SCORE_HEADER,
            },
        ),
        (
            "unclosed quote",
            quote.as_bytes(),
            2,
            ProblemKind::UnclosedQuote,
        ),
    ];
    for (name, bytes, line, kind) in cases {
        let preview = parse_score_figures(&plan, bytes);
        assert_eq!(preview.rows, [], "{name}");
        assert_eq!(
            preview.problems,
            [LineProblem {
                line,
                column: None,
                kind
            }],
            "{name}"
        );
    }
    let wrong = parse_score_figures(&plan, actuals.as_bytes());
    assert_eq!(
        wrong.problems[0].to_string(),
        format!("line 1: the header is '{ACTUALS_HEADER}'; it must be '{SCORE_HEADER}'")
    );
}

#[test]
fn nothing_is_stored_until_asked_and_a_month_is_replaced_not_added() {
    let (mut plan, [a, b, _]) = plan();
    let before = ScoreFigures {
        price_violations: 9,
        ..ScoreFigures::default()
    };
    set_score_entry(&mut plan, &a, ym(3), before.clone()).unwrap();
    set_score_entry(&mut plan, &a, ym(4), before.clone()).unwrap();
    set_score_entry(&mut plan, &b, ym(3), before.clone()).unwrap();
    let text = format!(
        "{LEGACY_SCORE_HEADER}\n{a},2027-03,{SOLID}\n{b},2027-05,{SOLID}\nghost,2027-03,{SOLID}\n"
    );
    let preview = parse_score_figures(&plan, text.as_bytes());
    let kept = plan.clone();
    assert_eq!(
        apply_score_figures(&mut plan, &preview, false),
        Err(ApplyError::HasProblems {
            problems: 1,
            lines: 1
        })
    );
    assert_eq!(plan, kept, "nothing stored");
    let summary = apply_score_figures(&mut plan, &preview, true).unwrap();
    assert_eq!(
        summary,
        ScoreImportSummary {
            rows: 2,
            skipped_lines: 1,
            distributors: 2,
            months: vec![ym(3), ym(5)],
            replaced: 1,
        }
    );
    let stored: Vec<(&str, YearMonth, &ScoreFigures)> = plan
        .execution
        .scorecard
        .iter()
        .map(|e| (e.customer.as_str(), e.month, &e.figures))
        .collect();
    assert_eq!(
        stored,
        [
            (a.as_str(), ym(3), &solid()),
            (a.as_str(), ym(4), &before),
            (b.as_str(), ym(3), &before),
            (b.as_str(), ym(5), &solid()),
        ],
        "March replaced in place, May added, other months and distributors untouched"
    );
    // Importing the same file again changes nothing.
    let again = plan.clone();
    let summary = apply_score_figures(&mut plan, &preview, true).unwrap();
    assert_eq!(summary.replaced, 2);
    assert_eq!(plan, again);

    // A preview read before the distributor was removed is not applied.
    let stale = parse_score_figures(
        &plan,
        format!("{LEGACY_SCORE_HEADER}\n{a},2027-06,{SOLID}\n{b},2027-06,{SOLID}\n").as_bytes(),
    );
    remove_customer(&mut plan, &b);
    let kept = plan.clone();
    assert_eq!(
        apply_score_figures(&mut plan, &stale, false),
        Err(ApplyError::PlanChanged { line: 3 })
    );
    assert_eq!(plan, kept, "not even the first row is stored");

    // A row changed by hand in the preview is checked like a typed entry.
    let mut edited = parse_score_figures(
        &plan,
        format!("{LEGACY_SCORE_HEADER}\n{a},2027-06,{SOLID}\n").as_bytes(),
    );
    edited.rows[0].figures.costs = d("-1");
    let refused = apply_score_figures(&mut plan, &edited, false).unwrap_err();
    assert_eq!(refused.to_string(), "line 2: costs: must not be negative");
    assert_eq!(plan, kept);

    let empty = parse_score_figures(&plan, b"");
    assert_eq!(
        apply_score_figures(&mut plan, &empty, true),
        Err(ApplyError::NothingToImport)
    );
}

#[test]
fn the_template_lists_each_distributor_for_the_next_month_and_must_be_filled_in() {
    let (mut plan, [a, b, _]) = plan();
    let template = score_template(&plan, Lang::Zh);
    let lines: Vec<&str> = template.lines().collect();
    let empty = ",".repeat(17);
    assert_eq!(
        lines,
        [
            format!("{SCORE_HEADER},name"),
            SCORE_LABELS[0].to_string(),
            format!("{a},2027-01{empty},\"Solid, Ltd.\""),
            format!("{b},2027-01{empty},Weak Co"),
        ],
        "distributors only, the period's first month while there are no figures"
    );
    let untouched = parse_score_figures(&plan, template.as_bytes());
    assert_eq!(untouched.rows, []);
    assert_eq!(
        problems(&untouched),
        [
            (
                3,
                None,
                "has no figures; fill them in or delete the line".into()
            ),
            (
                4,
                None,
                "has no figures; fill them in or delete the line".into()
            ),
        ]
    );
    let filled = template.replacen(&empty, &format!(",{SOLID},0,0,0,0"), 1);
    let preview = parse_score_figures(&plan, filled.as_bytes());
    assert_eq!(preview.rows.len(), 1);
    assert_eq!(preview.bad_lines(), 1, "the line left empty");
    apply_score_figures(&mut plan, &preview, true).unwrap();
    assert_eq!(plan.execution.scorecard[0].figures, solid());

    set_score_entry(&mut plan, &b, ym(4), solid()).unwrap();
    assert!(score_template(&plan, Lang::En).contains(&format!("{a},2027-05,")));
    set_score_entry(&mut plan, &b, ym(12), solid()).unwrap();
    assert!(
        score_template(&plan, Lang::En).contains(&format!("{a},2027-12,")),
        "the period's last month once the figures reach it"
    );
}

#[test]
fn exported_figures_import_to_the_same_entries() {
    let (mut plan, _) = plan();
    plan.execution = crate::core::execution::sample_execution(&plan, 4);
    assert!(!plan.execution.scorecard.is_empty());
    let id = plan.execution.scorecard[0].customer.clone();
    let with_fraction = ScoreFigures {
        collection_days: Some(d("12.5")),
        our_sales: d("1234567.89"),
        ..solid()
    };
    set_score_entry(&mut plan, &id, ym(2), with_fraction).unwrap();
    let csv = score_csv(&plan);
    let mut fresh = plan.clone();
    fresh.execution.scorecard.clear();
    let preview = parse_score_figures(&fresh, csv.as_bytes());
    assert_eq!(preview.problems, []);
    apply_score_figures(&mut fresh, &preview, false).unwrap();
    assert_eq!(fresh.execution.scorecard, plan.execution.scorecard);

    // Figures the import would refuse are not exported.
    plan.execution.scorecard.push(ScoreEntry {
        customer: "gone".into(),
        month: ym(1),
        figures: solid(),
    });
    plan.execution.scorecard.push(ScoreEntry {
        customer: id,
        month: YearMonth::new(2030, 1).unwrap(),
        figures: solid(),
    });
    assert_eq!(score_csv(&plan), csv);
}

/// The volume columns (本品销量, 同类产品总销量, last month's and last year's) follow the other
/// figures; a file written before them is read with volumes of zero, and the current file of
/// the same figures stores the same entry plus its volumes.
#[test]
fn volumes_are_read_after_the_figures_and_an_old_file_still_imports() {
    let (plan, [a, _, _]) = plan();
    let new = format!("{SCORE_HEADER},name\n{a},2027-03,{SOLID},600,3000,750,500,Solid\n");
    let preview = parse_score_figures(&plan, new.as_bytes());
    assert_eq!(preview.problems, []);
    let f = &preview.rows[0].figures;
    assert_eq!(
        [
            f.our_volume,
            f.category_volume,
            f.last_month_volume,
            f.last_year_volume
        ],
        [d("600"), d("3000"), d("750"), d("500")]
    );
    assert_eq!(f.our_sales, d("300"));
    let old = format!("{LEGACY_SCORE_HEADER}\n{a},2027-03,{SOLID}\n");
    let preview = parse_score_figures(&plan, old.as_bytes());
    assert_eq!(preview.problems, []);
    assert_eq!(preview.rows[0].figures, solid(), "volumes zero");
    // A volume that is not a number is named by its column.
    let bad = format!("{SCORE_HEADER}\n{a},2027-03,{SOLID},600,lots,750,500\n");
    assert_eq!(
        problems(&parse_score_figures(&plan, bad.as_bytes())),
        [(2, Some("category_volume"), "'lots' is not a number".into())]
    );
}
