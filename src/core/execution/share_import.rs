//! Importing regions' market share (市场占有率) from CSV, the same way as actuals and the
//! distributors' figures: read and check the whole file first ([`parse_shares`] gives a preview
//! with every problem by line), store only when asked ([`apply_shares`]).
//!
//! The file: UTF-8 (a byte-order mark is allowed), header [`SHARE_HEADER`], one row per region
//! and month. A last column `name` may follow; it is for the person filling the file in (the
//! template writes each region's name there) and is not read — the id decides whose row it is.
//! Months are read as in the actuals file (`2027-03`, `2027/3/1`, `2027年3月`, …); a quarter
//! (`2027-Q1`, `2027Q1`, `2027年第1季度`) is recorded on its last month, where a share measured
//! once a quarter belongs. The month must be inside the plan's period. The share is a percent
//! from 0 to 100 (`38`, `38.5`, `38%`). Blank lines are skipped. Importing a region's month
//! replaces that month's share; other months and other regions keep theirs.

use std::borrow::Cow;
use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::core::field::{FieldError, parse_percent};
use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::core::period::YearMonth;

use super::import::{
    ApplyError, FileColumn, LineProblem, MonthRow, Preview, ProblemKind, Record, drop_duplicates,
    open, parse_month, quote, record,
};

/// The header a market-share file must start with (optionally followed by `,name`).
pub const SHARE_HEADER: &str = "region_id,month,share";
/// The columns of [`SHARE_HEADER`] in words, then the name column's, in Chinese and in English:
/// the template's second line; the importer skips a line of either after the header.
pub const SHARE_LABELS: [&str; 2] = [
    "区域编号,月份,市场占有率（%）,区域名称",
    "Region id,Month,Market share (%),Name",
];

/// A column of the market-share file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ShareColumn {
    RegionId,
    Month,
    Share,
}

impl FileColumn for ShareColumn {
    fn key(self) -> &'static str {
        match self {
            ShareColumn::RegionId => "region_id",
            ShareColumn::Month => "month",
            ShareColumn::Share => "share",
        }
    }
}

/// A row that can be stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareImportRow {
    pub line: usize,
    /// Region id.
    pub region: String,
    pub month: YearMonth,
    /// Percent, 0–100.
    pub share: Decimal,
}

impl MonthRow for ShareImportRow {
    fn month(&self) -> YearMonth {
        self.month
    }
}

/// A problem of a market-share file.
pub type ShareProblem = LineProblem<ShareColumn>;

/// What a market-share file would import: the good rows and every problem, in line order.
pub type SharePreview = Preview<ShareImportRow, ShareColumn>;

/// What a market-share import stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareImportSummary {
    /// Rows stored.
    pub rows: usize,
    /// Lines left out for their problems.
    pub skipped_lines: usize,
    /// Regions with at least one row.
    pub regions: usize,
    /// Months the rows cover, in order.
    pub months: Vec<YearMonth>,
    /// Rows that replaced a share already stored for that region and month.
    pub replaced: usize,
}

/// Reads a market-share file against the plan without storing anything.
pub fn parse_shares(plan: &Plan, bytes: &[u8]) -> SharePreview {
    let mut fields: Vec<Cow<str>> = Vec::with_capacity(4);
    let (mut reader, width) = match open(bytes, SHARE_HEADER, &SHARE_LABELS, &mut fields) {
        Ok(opened) => opened,
        Err(problem) => return SharePreview::file_problem(problem),
    };
    let regions = region_index(plan);
    let months = plan.period.months();
    let mut preview = SharePreview::default();
    let mut keys: Vec<((u32, usize), u32)> = Vec::new();
    let mut found: Vec<(Option<ShareColumn>, ProblemKind)> = Vec::new();
    while let Some((line, result)) = reader.next_record(&mut fields) {
        match record(result, &fields, width) {
            Record::Blank => {}
            Record::Bad(kind) => found.push((None, kind)),
            Record::Fields => {
                let id = fields[0].trim();
                let region = match regions.get(id) {
                    Some(&ord) => Some(ord),
                    None if id.is_empty() => {
                        found.push((Some(ShareColumn::RegionId), ProblemKind::Missing));
                        None
                    }
                    None => {
                        let kind = ProblemKind::UnknownRegion(id.to_string());
                        found.push((Some(ShareColumn::RegionId), kind));
                        None
                    }
                };
                let month = month_or_quarter(&fields[1], &months, &mut found);
                let share = share(&fields[2], &mut found);
                if let (Some(ord), Some(k), Some(share), true) =
                    (region, month, share, found.is_empty())
                {
                    keys.push(((ord, k), preview.rows.len() as u32));
                    preview.rows.push(ShareImportRow {
                        line,
                        region: id.to_string(),
                        month: months[k],
                        share,
                    });
                }
            }
        }
        preview.note(line, &mut found);
    }
    if preview.rows.is_empty() && preview.problems.is_empty() {
        return SharePreview::file_problem((ProblemKind::NoRows, 1));
    }
    drop_duplicates(
        &mut preview.rows,
        &mut preview.problems,
        keys,
        |r| r.line,
        |first_line| ProblemKind::DuplicateRegion { first_line },
    );
    preview
}

/// The index in `months` of the month (or the last month of the quarter) in `text`.
fn month_or_quarter(
    text: &str,
    months: &[YearMonth],
    found: &mut Vec<(Option<ShareColumn>, ProblemKind)>,
) -> Option<usize> {
    let kind = match parse_month(text).or_else(|e| parse_quarter(text).ok_or(e)) {
        Ok(m) => match months.iter().position(|&x| x == m) {
            Some(k) => return Some(k),
            None => ProblemKind::MonthOutsidePeriod(m),
        },
        Err(kind) => kind,
    };
    found.push((Some(ShareColumn::Month), kind));
    None
}

/// The last month of a quarter written `2027-Q1`, `2027Q1`, `2027 Q1` or `2027年第1季度`.
fn parse_quarter(text: &str) -> Option<YearMonth> {
    let t = text.trim().to_ascii_uppercase();
    let (year, quarter) = if let Some((y, q)) = t.split_once("年第") {
        (y, q.strip_suffix("季度")?)
    } else {
        let (y, q) = t.split_once('Q')?;
        (y.trim_end_matches(['-', ' ']), q)
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if year.len() != 4 || !all_digits(year) || !all_digits(quarter) {
        return None;
    }
    let quarter: u32 = quarter.parse().ok()?;
    if !(1..=4).contains(&quarter) {
        return None;
    }
    YearMonth::new(year.parse().ok()?, quarter * 3)
}

/// A share in percent, 0–100, read by the app's one number parser.
fn share(text: &str, found: &mut Vec<(Option<ShareColumn>, ProblemKind)>) -> Option<Decimal> {
    let t = text.trim();
    let kind = match parse_percent(t) {
        Ok(v) => return Some(v.normalize()),
        Err(_) if t.is_empty() => ProblemKind::Missing,
        Err(FieldError::PercentRange) => ProblemKind::NotAPercent(t.to_string()),
        Err(_) => ProblemKind::NotANumber(t.to_string()),
    };
    found.push((Some(ShareColumn::Share), kind));
    None
}

/// Stores a preview's rows: each replaces the region's share for that month. Refused when the
/// file has problems, unless `skip_bad_lines`; nothing is stored on any error.
pub fn apply_shares(
    plan: &mut Plan,
    preview: &SharePreview,
    skip_bad_lines: bool,
) -> Result<ShareImportSummary, ApplyError> {
    preview.storable(skip_bad_lines)?;
    let months = plan.period.months();
    let regions = region_index(plan);
    let mut seen = vec![false; plan.regions.len()];
    for row in &preview.rows {
        match regions.get(row.region.as_str()) {
            Some(&ord) if months.contains(&row.month) => seen[ord as usize] = true,
            _ => return Err(ApplyError::PlanChanged { line: row.line }),
        }
    }
    let shares = &mut plan.execution.shares;
    let mut replaced = 0;
    for row in &preview.rows {
        let by_month = shares.entry(row.region.clone()).or_default();
        if by_month.insert(row.month, row.share).is_some() {
            replaced += 1;
        }
    }
    Ok(ShareImportSummary {
        rows: preview.rows.len(),
        skipped_lines: preview.bad_lines(),
        regions: seen.iter().filter(|&&s| s).count(),
        months: preview.months(),
        replaced,
    })
}

/// A file to fill in: the header, the column names in words, then each region (in the plan's
/// order) with the month to enter — the one after the latest share recorded (the period's first
/// when there is none, its last when the records reach it) — the share empty, and its name.
/// A row left empty is refused until filled in or deleted, so an untouched line never stores 0%.
pub fn shares_template(plan: &Plan, lang: Lang) -> String {
    use std::fmt::Write;
    let months = plan.period.months();
    let latest = plan
        .execution
        .shares
        .values()
        .flat_map(BTreeMap::keys)
        .filter(|m| months.contains(m))
        .max();
    let month = match latest {
        None => plan.period.start,
        Some(m) => months.iter().copied().find(|x| x > m).unwrap_or(*m),
    };
    let mut out = format!(
        "{SHARE_HEADER},name\n{}\n",
        SHARE_LABELS[usize::from(lang == Lang::En)]
    );
    for r in &plan.regions {
        let _ = writeln!(out, "{},{month},,{}", quote(&r.id), quote(&r.name));
    }
    out
}

/// The stored shares as a file in the import format (with names), regions in the plan's order,
/// months in order; shares of a region no longer in the plan or a month outside the period are
/// left out. Importing the file into the same plan changes nothing.
pub fn shares_csv(plan: &Plan) -> String {
    use std::fmt::Write;
    let months = plan.period.months();
    let mut out = format!("{SHARE_HEADER},name\n");
    for r in &plan.regions {
        for (month, share) in plan.execution.shares.get(&r.id).into_iter().flatten() {
            if months.contains(month) {
                let _ = writeln!(out, "{},{month},{share},{}", quote(&r.id), quote(&r.name));
            }
        }
    }
    out
}

/// Each region's id and position (the first wins if an id repeats).
fn region_index(plan: &Plan) -> BTreeMap<&str, u32> {
    let mut index = BTreeMap::new();
    for (i, r) in plan.regions.iter().enumerate() {
        index.entry(r.id.as_str()).or_insert(i as u32);
    }
    index
}

#[cfg(test)]
mod tests;
