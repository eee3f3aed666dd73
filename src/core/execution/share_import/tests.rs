use rust_decimal::Decimal;

use super::*;
use crate::core::lang::Lang;
use crate::core::sample::sample_plan;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn ym(y: i32, m: u32) -> YearMonth {
    YearMonth::new(y, m).unwrap()
}

/// `@1`, `@2`… in `text` as the sample's first, second… region's id.
fn ids(plan: &Plan, text: &str) -> String {
    let mut out = text.to_string();
    for (k, r) in plan.regions.iter().enumerate().rev() {
        out = out.replace(&format!("@{}", k + 1), &r.id);
    }
    out
}

/// The sample with a file of `body` (region ids written `@1`, `@2`…) after the header.
fn read(body: &str) -> (Plan, SharePreview) {
    let plan = sample_plan(Lang::Zh);
    let file = format!("{SHARE_HEADER},name\n{}", ids(&plan, body));
    let preview = parse_shares(&plan, file.as_bytes());
    (plan, preview)
}

#[test]
fn months_quarters_and_percent_signs_are_read_and_stored() {
    let (mut plan, preview) = read(
        "@1,2027-01,64.5,长沙\n\
         @1,2027/2/1,65%,长沙\n\
         @2,2027-Q1,38,株洲\n\
         @3,2027年第2季度,41.25,湘潭\n",
    );
    assert_eq!(preview.problems, []);
    let rows: Vec<(&str, YearMonth, Decimal)> = preview
        .rows
        .iter()
        .map(|r| (r.region.as_str(), r.month, r.share))
        .collect();
    let id = |k: usize| plan.regions[k].id.as_str();
    // A quarter is recorded on its last month: Q1 on March, Q2 on June.
    assert_eq!(
        rows,
        [
            (id(0), ym(2027, 1), d("64.5")),
            (id(0), ym(2027, 2), d("65")),
            (id(1), ym(2027, 3), d("38")),
            (id(2), ym(2027, 6), d("41.25")),
        ]
    );
    let summary = apply_shares(&mut plan, &preview, false).unwrap();
    assert_eq!(summary.rows, 4);
    assert_eq!(summary.regions, 3);
    assert_eq!(
        summary.months,
        [ym(2027, 1), ym(2027, 2), ym(2027, 3), ym(2027, 6)]
    );
    assert_eq!(summary.replaced, 0);
    assert_eq!(
        plan.execution.shares[&plan.regions[1].id][&ym(2027, 3)],
        d("38")
    );
    // Again: every row replaces the share it stored.
    let again = apply_shares(&mut plan, &preview, false).unwrap();
    assert_eq!(again.replaced, 4);
}

#[test]
fn each_bad_field_is_named_by_line_and_column() {
    let (mut plan, preview) = read(
        "@1,2027-01,64.5,长沙\n\
         r99,2027-01,10,?\n\
         @2,2027-13,40,株洲\n\
         @2,2026-12,40,株洲\n\
         @3,2027-02,120,湘潭\n\
         @4,2027-02,abc,衡阳\n\
         @5,2027-02,,岳阳\n\
         ,2027-02,5,\n\
         @1,2027-01,66,长沙\n\
         @6,2027Q5,9,常德\n",
    );
    let got: Vec<(usize, Option<ShareColumn>, ProblemKind)> = preview
        .problems
        .iter()
        .map(|p| (p.line, p.column, p.kind.clone()))
        .collect();
    use ProblemKind as K;
    use ShareColumn as C;
    assert_eq!(
        got,
        [
            (3, Some(C::RegionId), K::UnknownRegion("r99".into())),
            (4, Some(C::Month), K::NotAMonth("2027-13".into())),
            (5, Some(C::Month), K::MonthOutsidePeriod(ym(2026, 12))),
            (6, Some(C::Share), K::NotAPercent("120".into())),
            (7, Some(C::Share), K::NotANumber("abc".into())),
            (8, Some(C::Share), K::Missing),
            (9, Some(C::RegionId), K::Missing),
            (10, None, K::DuplicateRegion { first_line: 2 }),
            (11, Some(C::Month), K::NotAMonth("2027Q5".into())),
        ]
    );
    assert_eq!(preview.rows.len(), 1, "only line 2 is good");
    // Nothing is stored while there are problems, unless the bad lines are skipped.
    assert_eq!(
        apply_shares(&mut plan, &preview, false),
        Err(ApplyError::HasProblems {
            problems: 9,
            lines: 9
        })
    );
    assert!(plan.execution.shares.is_empty());
    let summary = apply_shares(&mut plan, &preview, true).unwrap();
    assert_eq!((summary.rows, summary.skipped_lines), (1, 9));
    assert_eq!(
        plan.execution.shares[&plan.regions[0].id][&ym(2027, 1)],
        d("64.5")
    );
}

#[test]
fn a_wrong_header_or_an_empty_file_is_one_problem_on_its_line() {
    let plan = sample_plan(Lang::En);
    let wrong = parse_shares(&plan, b"region,month,share\nr1,2027-01,5\n");
    assert_eq!(wrong.problems.len(), 1);
    assert!(matches!(
        wrong.problems[0].kind,
        ProblemKind::WrongHeader { .. }
    ));
    let empty = parse_shares(&plan, b"");
    assert_eq!(empty.problems[0].kind, ProblemKind::Empty);
    let header_only = parse_shares(&plan, format!("{SHARE_HEADER}\n").as_bytes());
    assert_eq!(header_only.problems[0].kind, ProblemKind::NoRows);
}

#[test]
fn the_template_lists_every_region_for_the_next_month_and_stores_nothing_untouched() {
    let mut plan = sample_plan(Lang::Zh);
    let template = shares_template(&plan, Lang::Zh);
    let lines: Vec<&str> = template.lines().collect();
    assert_eq!(lines[0], "region_id,month,share,name");
    assert_eq!(lines[1], SHARE_LABELS[0]);
    assert_eq!(lines[2], format!("{},2027-01,,长沙", plan.regions[0].id));
    assert_eq!(lines.len(), 2 + plan.regions.len());
    // Untouched, every row is refused as missing its share: no 0% is stored.
    let preview = parse_shares(&plan, template.as_bytes());
    assert_eq!(preview.rows.len(), 0);
    assert!(
        preview
            .problems
            .iter()
            .all(|p| p.kind == ProblemKind::Missing && p.column == Some(ShareColumn::Share))
    );
    // With March recorded, the template asks for April.
    let second = plan.regions[1].id.clone();
    plan.execution
        .shares
        .entry(second)
        .or_default()
        .insert(ym(2027, 3), d("40"));
    let first = format!("{},2027-04,,", plan.regions[0].id);
    assert!(
        shares_template(&plan, Lang::En)
            .lines()
            .nth(2)
            .unwrap()
            .starts_with(&first)
    );
    assert_eq!(
        shares_template(&plan, Lang::En).lines().nth(1).unwrap(),
        SHARE_LABELS[1]
    );
}

#[test]
fn the_stored_shares_as_a_file_import_back_to_the_same_plan() {
    let mut plan = sample_plan(Lang::Zh);
    plan.execution = crate::core::execution::sample_execution(&plan, 3);
    let csv = shares_csv(&plan);
    let first = format!(
        "region_id,month,share,name\n{},2027-01,",
        plan.regions[0].id
    );
    assert!(csv.starts_with(&first), "{csv}");
    let before = plan.execution.shares.clone();
    let preview = parse_shares(&plan, csv.as_bytes());
    assert_eq!(preview.problems, []);
    let summary = apply_shares(&mut plan, &preview, false).unwrap();
    assert_eq!(summary.replaced, summary.rows);
    assert_eq!(plan.execution.shares, before);
}

#[test]
fn a_region_removed_after_reading_is_refused_without_storing() {
    let (mut plan, preview) = read("@1,2027-01,60,\n@2,2027-01,40,\n");
    plan.regions.remove(1);
    assert_eq!(
        apply_shares(&mut plan, &preview, false),
        Err(ApplyError::PlanChanged { line: 3 })
    );
    assert!(plan.execution.shares.is_empty());
}
