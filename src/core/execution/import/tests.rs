//! Importing actuals: the file's every flaw reported by line, nothing stored until asked.

use super::*;
use crate::core::execution::set_actual;
use crate::core::lang::Lang;
use crate::core::sample::sample_plan;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn ym(m: u32) -> YearMonth {
    YearMonth::new(2027, m).unwrap()
}

/// The sample plan and the ids of its first three salespeople.
fn plan() -> (Plan, [String; 3]) {
    let plan = sample_plan(Lang::En);
    let ids: Vec<String> = plan
        .regions
        .iter()
        .flat_map(|r| &r.subdistricts)
        .flat_map(|d| &d.salespeople)
        .take(3)
        .map(|p| p.id.clone())
        .collect();
    (plan, [ids[0].clone(), ids[1].clone(), ids[2].clone()])
}

fn problems(preview: &ActualsPreview) -> Vec<(usize, Option<&'static str>, String)> {
    preview
        .problems
        .iter()
        .map(|p| (p.line, p.column.map(Column::key), p.kind.to_string()))
        .collect()
}

#[test]
fn a_clean_file_is_read_with_bom_crlf_names_and_separators() {
    let (plan, [a, b, _]) = plan();
    let text = format!(
        "\u{feff}salesperson_id,month,amount,quantity,collections,name\r\n\
         {a},2027-01,120000,4800,100000,Zhang Wei\r\n\
         {a},2027/2/1,\"1,250.50\",50,0,\"Zhang, Wei\"\r\n\
         \r\n\
         ,,,,,\r\n\
         {b},2027年3月, 7 ,0.5,7,\r\n"
    );
    let preview = parse_actuals(&plan, text.as_bytes());
    assert_eq!(problems(&preview), []);
    let rows: Vec<(usize, &str, YearMonth, [Decimal; 3])> = preview
        .rows
        .iter()
        .map(|r| (r.line, r.salesperson.as_str(), r.month, r.actual.into()))
        .collect();
    assert_eq!(
        rows,
        [
            (2, a.as_str(), ym(1), [d("120000"), d("4800"), d("100000")]),
            (3, a.as_str(), ym(2), [d("1250.5"), d("50"), d("0")]),
            (6, b.as_str(), ym(3), [d("7"), d("0.5"), d("7")]),
        ]
    );
    assert_eq!(preview.months(), [ym(1), ym(2), ym(3)]);
}

#[test]
fn every_bad_line_is_reported_with_its_column() {
    let (plan, [a, b, c]) = plan();
    let text = format!(
        "salesperson_id,month,amount,quantity,collections\n\
         {a},2027-01,100,1,1\n\
         ghost,2027-01,100,1,1\n\
         {b},2026-12,100,1,1\n\
         {b},2027-13,abc,1,1\n\
         {c},2027-02,-5,1,\n\
         {a},2027-01,999,9,9\n\
         {b},2027-02,100,1\n\
         ,2027-02,1e3,1,99999999999999999999\n\
         {c},2027-03,100,1,1\n"
    );
    let preview = parse_actuals(&plan, text.as_bytes());
    let no = |s: &str| s.to_string();
    assert_eq!(
        problems(&preview),
        [
            (
                3,
                Some("salesperson_id"),
                no("no salesperson with id 'ghost' in the plan")
            ),
            (4, Some("month"), no("2026-12 is outside the plan's period")),
            (5, Some("month"), no("'2027-13' is not a month (YYYY-MM)")),
            (5, Some("amount"), no("'abc' is not a number")),
            (6, Some("amount"), no("'-5' is negative")),
            (6, Some("collections"), no("is empty")),
            (7, None, no("repeats the salesperson and month of line 2")),
            (8, None, no("has 4 fields; the header has 5")),
            (9, Some("salesperson_id"), no("is empty")),
            (9, Some("amount"), no("'1e3' is not a number")),
            (
                9,
                Some("collections"),
                no("'99999999999999999999' is too large")
            ),
        ]
    );
    let lines: Vec<usize> = preview.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, [2, 10], "the first of a duplicated pair is kept");
    assert_eq!(preview.bad_lines(), 7);
    assert_eq!(
        preview.problems[0].to_string(),
        "line 3, salesperson_id: no salesperson with id 'ghost' in the plan"
    );
}

#[test]
fn a_file_that_cannot_be_read_gives_one_clear_error() {
    let (plan, [a, _, _]) = plan();
    let gbk_name = b"salesperson_id,month,amount,quantity,collections,name\np1,2027-01,1,1,1,\xd5\xc5\xce\xb0\n";
    let mut utf16 = vec![0xff, 0xfe];
    for unit in ACTUALS_HEADER.encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    let utf16_no_bom: Vec<u8> = utf16[2..].to_vec();
    let header_only = format!("{ACTUALS_HEADER}\n\n");
    let wrong_header = format!("id,month,amount,quantity,collections\n{a},2027-01,1,1,1\n");
    let reordered =
        format!("salesperson_id,month,quantity,amount,collections\n{a},2027-01,1,1,1\n");
    let quote = format!("{ACTUALS_HEADER}\n{a},2027-01,\"1,1,1\n{a},2027-02,1,1,1\n");
    let cases: [(&str, &[u8], usize, ProblemKind); 9] = [
        ("empty", b"", 1, ProblemKind::Empty),
        (
            "only a BOM and blanks",
            b"\xEF\xBB\xBF \r\n\n",
            1,
            ProblemKind::Empty,
        ),
        ("GBK", gbk_name, 2, ProblemKind::NotUtf8),
        ("UTF-16 with BOM", &utf16, 1, ProblemKind::NotUtf8),
        ("UTF-16 without BOM", &utf16_no_bom, 1, ProblemKind::NotUtf8),
        (
            "header only",
            header_only.as_bytes(),
            1,
            ProblemKind::NoRows,
        ),
        (
            "wrong header",
            wrong_header.as_bytes(),
            1,
            ProblemKind::WrongHeader {
                found: "id,month,amount,quantity,collections".into(),
                expected: ACTUALS_HEADER,
            },
        ),
        (
            "columns swapped",
            reordered.as_bytes(),
            1,
            ProblemKind::WrongHeader {
                found: "salesperson_id,month,quantity,amount,collections".into(),
                expected: ACTUALS_HEADER,
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
        let preview = parse_actuals(&plan, bytes);
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
}

#[test]
fn months_are_read_as_spreadsheets_write_them() {
    let cases = [
        ("2027-01", Some(ym(1))),
        ("2027-1", Some(ym(1))),
        ("2027/01", Some(ym(1))),
        ("2027.11", Some(ym(11))),
        ("2027/1/1", Some(ym(1))),
        ("2027-03-31", Some(ym(3))),
        ("2027年3月", Some(ym(3))),
        (" 2027-12 ", Some(ym(12))),
        ("27-01", None),
        ("2027-01-", None),
        ("2027-01-32", None),
        ("2027-00", None),
        ("2027", None),
        ("Jan-27", None),
        ("2027-01-01-01", None),
        ("2027年1", Some(ym(1))),
        ("2027-01/05", Some(ym(1))),
        ("2027- 1", None),
        ("+2027-01", None),
        ("2027-1-", None),
        ("2027/1/0", None),
    ];
    for (text, want) in cases {
        assert_eq!(parse_month(text).ok(), want, "{text:?}");
    }
}

#[test]
fn nothing_is_stored_until_asked_and_a_month_is_replaced_not_added() {
    let (mut plan, [a, b, c]) = plan();
    let before = Actual {
        amount: d("5"),
        quantity: d("5"),
        collections: d("5"),
    };
    set_actual(&mut plan, &a, ym(1), before).unwrap();
    set_actual(&mut plan, &a, ym(2), before).unwrap();
    set_actual(&mut plan, &c, ym(1), before).unwrap();
    let text = format!(
        "{ACTUALS_HEADER}\n{a},2027-01,100,10,90\n{b},2027-01,200,20,180\nghost,2027-01,1,1,1\n"
    );
    let preview = parse_actuals(&plan, text.as_bytes());
    let kept = plan.clone();
    assert_eq!(
        apply_actuals(&mut plan, &preview, false),
        Err(ApplyError::HasProblems {
            problems: 1,
            lines: 1
        })
    );
    assert_eq!(plan, kept, "nothing stored");
    let summary = apply_actuals(&mut plan, &preview, true).unwrap();
    assert_eq!(
        summary,
        ImportSummary {
            rows: 2,
            skipped_lines: 1,
            people: 2,
            months: vec![ym(1)],
            replaced: 1,
        }
    );
    let got = |id: &str, m| plan.execution.actuals[id][&ym(m)];
    assert_eq!(got(&a, 1).amount, d("100"), "January replaced");
    assert_eq!(got(&a, 2), before, "February untouched");
    assert_eq!(got(&b, 1).collections, d("180"));
    assert_eq!(got(&c, 1), before, "people not in the file keep January");
    // Importing the same file again changes nothing.
    let again = plan.clone();
    apply_actuals(&mut plan, &preview, true).unwrap();
    assert_eq!(plan, again);

    // A preview read before the salesperson was removed is not applied.
    let stale_preview = parse_actuals(
        &plan,
        format!("{ACTUALS_HEADER}\n{b},2027-03,1,1,1\n").as_bytes(),
    );
    plan.regions[0].subdistricts[0]
        .salespeople
        .retain(|p| p.id != b);
    assert_eq!(
        apply_actuals(&mut plan, &stale_preview, false),
        Err(ApplyError::PlanChanged { line: 2 })
    );
    let empty = parse_actuals(&plan, b"");
    assert_eq!(
        apply_actuals(&mut plan, &empty, true),
        Err(ApplyError::NothingToImport)
    );
}

#[test]
fn the_template_lists_everyone_and_reads_back_clean() {
    let (plan, [a, _, _]) = plan();
    let template = actuals_template(&plan, Lang::Zh);
    let lines: Vec<&str> = template.lines().collect();
    assert_eq!(
        lines[0],
        "salesperson_id,month,amount,quantity,collections,name"
    );
    // The columns in words for the person filling it in; the importer skips the line.
    assert_eq!(lines[1], "业务人员编号,月份,销售额,销量,回款,姓名");
    let name = &plan.salesperson(&a).unwrap().name;
    assert_eq!(lines[2], format!("{a},2027-01,0,0,0,{name}"));
    assert_eq!(lines.len(), 2 + plan.size().2);
    for lang in [Lang::Zh, Lang::En] {
        let preview = parse_actuals(&plan, actuals_template(&plan, lang).as_bytes());
        assert_eq!(preview.problems, [], "{lang:?}");
        assert_eq!(preview.rows.len(), plan.size().2);
    }
    // Without its name column, and without the line at all, the file reads the same.
    let short = template.replacen(",姓名\n", "\n", 1);
    assert_eq!(
        parse_actuals(&plan, short.as_bytes()).rows.len(),
        plan.size().2
    );
    // A line of words anywhere else is a problem like any other.
    let moved = format!(
        "{}\n业务人员编号,月份,销售额,销量,回款,姓名\n",
        template.trim_end()
    );
    let last = moved.lines().count();
    let problems = parse_actuals(&plan, moved.as_bytes()).problems;
    assert!(
        !problems.is_empty() && problems.iter().all(|p| p.line == last),
        "{problems:?}"
    );

    // With January reported, the template asks for February; with December, December again.
    let mut plan = plan;
    let jan = YearMonth::new(2027, 1).unwrap();
    let dec = YearMonth::new(2027, 12).unwrap();
    set_actual(&mut plan, &a, jan, Actual::default()).unwrap();
    assert!(
        actuals_template(&plan, Lang::En)
            .lines()
            .nth(2)
            .unwrap()
            .contains(",2027-02,")
    );
    set_actual(&mut plan, &a, dec, Actual::default()).unwrap();
    assert!(
        actuals_template(&plan, Lang::En)
            .lines()
            .nth(2)
            .unwrap()
            .contains(",2027-12,")
    );
}

#[test]
fn exported_actuals_import_to_the_same_values() {
    let (mut plan, _) = plan();
    plan.execution = crate::core::execution::sample_execution(&plan, 3);
    let csv = actuals_csv(&plan);
    let mut fresh = plan.clone();
    fresh.execution.actuals.clear();
    let preview = parse_actuals(&fresh, csv.as_bytes());
    assert_eq!(preview.problems, []);
    apply_actuals(&mut fresh, &preview, false).unwrap();
    assert_eq!(fresh.execution.actuals, plan.execution.actuals);
}
