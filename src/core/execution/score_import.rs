//! Importing distributors' scorecard figures from CSV, the same way as actuals: read and check
//! the whole file first ([`parse_score_figures`] gives a preview with every problem by line),
//! store only when asked ([`apply_score_figures`]).
//!
//! The file: UTF-8 (a byte-order mark is allowed), header [`SCORE_HEADER`], one row per
//! distributor and month. The four volume columns (本品销量, 同类产品总销量, last month's and
//! last year's volume) come last; a file written before they existed ([`LEGACY_SCORE_HEADER`])
//! is still read, its volumes zero. A last column `name` may follow; it is for the person filling the
//! file in (the template writes each distributor's name there) and is not read — the id decides
//! whose row it is. The id is a distributor's id in the customer archive; terminals have no
//! scorecard. Months are read as in the actuals file (`2027-03`, `2027/3/1`, `2027年3月`, …) and
//! must be inside the plan's period. Money and volumes are zero or more, thousands separators
//! allowed; `price_violations` and `cross_territory` are whole counts; `collection_days` may be
//! left empty when not known, every other figure is required. A row with an id and a month but
//! no figures at all (a template line not filled in) is one problem, not thirteen. Blank lines
//! are skipped. Importing a distributor's month replaces that month's figures; other months
//! and other distributors keep theirs.

use std::borrow::Cow;
use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::core::period::YearMonth;

use super::archive::CustomerKind;
use super::import::{
    ApplyError, FileColumn, LineProblem, MonthRow, Preview, ProblemKind, Record, drop_duplicates,
    month_in, number, open, quote, record,
};
use super::scorecard::{ScoreEntry, ScoreFigures, check_figures};

/// The header a scorecard file must start with (optionally followed by `,name`).
pub const SCORE_HEADER: &str = "distributor_id,month,contract_volume,completed_volume,\
our_sales,category_sales,last_month_sales,last_year_sales,revenue,costs,promotions,rebates,\
price_violations,cross_territory,collection_days,our_volume,category_volume,last_month_volume,\
last_year_volume";
/// The header of files written before the volume columns: still read, volumes zero.
pub const LEGACY_SCORE_HEADER: &str = "distributor_id,month,contract_volume,completed_volume,\
our_sales,category_sales,last_month_sales,last_year_sales,revenue,costs,promotions,rebates,\
price_violations,cross_territory,collection_days";
/// The columns of [`SCORE_HEADER`] in words, then the name column's, in Chinese and in
/// English: the template's second line; the importer skips a line of either after the header.
pub const SCORE_LABELS: [&str; 2] = [
    "经销商编号,月份,合同销量,完成销量,本品销售额,品类销售额,上月销售额,去年同期销售额,\
     销售收入,成本,促销费用,返利,价格违规次数,窜货次数,回款天数,本品销量,同类产品总销量,\
     上月销量,去年同期销量,名称",
    "Distributor id,Month,Contract volume,Completed volume,Our sales,Category sales,\
     Last month's sales,Last year's sales,Revenue,Costs,Promotions,Rebates,\
     Price violations,Cross-territory cases,Collection days,Our volume,Category volume,\
     Last month's volume,Last year's volume,Name",
];
/// The legacy files' line of column names, skipped like [`SCORE_LABELS`].
const LEGACY_SCORE_LABELS: [&str; 2] = [
    "经销商编号,月份,合同量,完成量,本品销量,品类销量,上月销量,去年同期销量,\
     销售收入,成本,促销费用,返利,价格违规次数,窜货次数,回款天数,名称",
    "Distributor id,Month,Contract volume,Completed volume,Our sales,Category sales,\
     Last month's sales,Last year's sales,Revenue,Costs,Promotions,Rebates,\
     Price violations,Cross-territory cases,Collection days,Name",
];

/// A column of the scorecard file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ScoreColumn {
    DistributorId,
    Month,
    ContractVolume,
    CompletedVolume,
    OurSales,
    CategorySales,
    LastMonthSales,
    LastYearSales,
    Revenue,
    Costs,
    Promotions,
    Rebates,
    PriceViolations,
    CrossTerritory,
    CollectionDays,
    OurVolume,
    CategoryVolume,
    LastMonthVolume,
    LastYearVolume,
}

impl ScoreColumn {
    /// In the file's order.
    pub const ALL: [ScoreColumn; 19] = [
        ScoreColumn::DistributorId,
        ScoreColumn::Month,
        ScoreColumn::ContractVolume,
        ScoreColumn::CompletedVolume,
        ScoreColumn::OurSales,
        ScoreColumn::CategorySales,
        ScoreColumn::LastMonthSales,
        ScoreColumn::LastYearSales,
        ScoreColumn::Revenue,
        ScoreColumn::Costs,
        ScoreColumn::Promotions,
        ScoreColumn::Rebates,
        ScoreColumn::PriceViolations,
        ScoreColumn::CrossTerritory,
        ScoreColumn::CollectionDays,
        ScoreColumn::OurVolume,
        ScoreColumn::CategoryVolume,
        ScoreColumn::LastMonthVolume,
        ScoreColumn::LastYearVolume,
    ];

    /// The column's name in the header (the figures' names are their JSON keys).
    pub fn key(self) -> &'static str {
        match self {
            ScoreColumn::DistributorId => "distributor_id",
            ScoreColumn::Month => "month",
            ScoreColumn::ContractVolume => "contract_volume",
            ScoreColumn::CompletedVolume => "completed_volume",
            ScoreColumn::OurSales => "our_sales",
            ScoreColumn::CategorySales => "category_sales",
            ScoreColumn::LastMonthSales => "last_month_sales",
            ScoreColumn::LastYearSales => "last_year_sales",
            ScoreColumn::Revenue => "revenue",
            ScoreColumn::Costs => "costs",
            ScoreColumn::Promotions => "promotions",
            ScoreColumn::Rebates => "rebates",
            ScoreColumn::PriceViolations => "price_violations",
            ScoreColumn::CrossTerritory => "cross_territory",
            ScoreColumn::CollectionDays => "collection_days",
            ScoreColumn::OurVolume => "our_volume",
            ScoreColumn::CategoryVolume => "category_volume",
            ScoreColumn::LastMonthVolume => "last_month_volume",
            ScoreColumn::LastYearVolume => "last_year_volume",
        }
    }
}

impl FileColumn for ScoreColumn {
    fn key(self) -> &'static str {
        ScoreColumn::key(self)
    }
}

/// A problem of a scorecard file.
pub type ScoreProblem = LineProblem<ScoreColumn>;

/// The ten money and volume figures, in the file's order (columns 3 to 12).
const AMOUNTS: usize = 10;
/// Where the figures start and end among the fields (the legacy files end at 15).
const FIRST_FIGURE: usize = 2;
const END_OF_FIGURES: usize = 19;
const LEGACY_END_OF_FIGURES: usize = 15;

/// A row that can be stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoreImportRow {
    pub line: usize,
    /// Id of the distributor's archive record.
    pub customer: String,
    pub month: YearMonth,
    pub figures: ScoreFigures,
}

/// What a scorecard file would import: the good rows and every problem, in line order.
pub type ScorePreview = Preview<ScoreImportRow, ScoreColumn>;

impl MonthRow for ScoreImportRow {
    fn month(&self) -> YearMonth {
        self.month
    }
}

/// What a scorecard import stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoreImportSummary {
    /// Rows stored.
    pub rows: usize,
    /// Lines left out for their problems.
    pub skipped_lines: usize,
    /// Distributors with at least one row.
    pub distributors: usize,
    /// Months the rows cover, in order.
    pub months: Vec<YearMonth>,
    /// Rows that replaced figures already stored for that distributor and month.
    pub replaced: usize,
}

/// Reads a scorecard file against the plan without storing anything.
pub fn parse_score_figures(plan: &Plan, bytes: &[u8]) -> ScorePreview {
    let mut fields: Vec<Cow<str>> = Vec::with_capacity(20);
    let (mut reader, width, end) = match open(bytes, SCORE_HEADER, &SCORE_LABELS, &mut fields) {
        Ok((reader, width)) => (reader, width, END_OF_FIGURES),
        // A file from before the volume columns; a header that is neither names the current.
        Err(problem @ (ProblemKind::WrongHeader { .. }, _)) => {
            match open(
                bytes,
                LEGACY_SCORE_HEADER,
                &LEGACY_SCORE_LABELS,
                &mut fields,
            ) {
                Ok((reader, width)) => (reader, width, LEGACY_END_OF_FIGURES),
                Err(_) => return ScorePreview::file_problem(problem),
            }
        }
        Err(problem) => return ScorePreview::file_problem(problem),
    };

    let customers = customer_index(plan);
    let months = plan.period.months();
    let mut preview = ScorePreview::default();
    let mut keys: Vec<((u32, usize), u32)> = Vec::new();
    let mut found: Vec<(Option<ScoreColumn>, ProblemKind)> = Vec::new();
    while let Some((line, result)) = reader.next_record(&mut fields) {
        match record(result, &fields, width) {
            Record::Blank => {}
            Record::Bad(kind) => found.push((None, kind)),
            Record::Fields => {
                let id = fields[0].trim();
                let customer = match customers.get(id) {
                    Some(&(ord, CustomerKind::Distributor)) => Some(ord),
                    Some(_) => {
                        let kind = ProblemKind::NotADistributor(id.to_string());
                        found.push((Some(ScoreColumn::DistributorId), kind));
                        None
                    }
                    None if id.is_empty() => {
                        found.push((Some(ScoreColumn::DistributorId), ProblemKind::Missing));
                        None
                    }
                    None => {
                        let kind = ProblemKind::UnknownCustomer(id.to_string());
                        found.push((Some(ScoreColumn::DistributorId), kind));
                        None
                    }
                };
                let month = month_in(&fields[1], &months, ScoreColumn::Month, &mut found);
                let figures = &fields[FIRST_FIGURE..end];
                let figures = if figures.iter().all(|f| f.trim().is_empty()) {
                    found.push((None, ProblemKind::NoFigures));
                    None
                } else {
                    read_figures(figures, &mut found)
                };
                if let (Some(ord), Some(k), Some(figures), true) =
                    (customer, month, figures, found.is_empty())
                {
                    keys.push(((ord, k), preview.rows.len() as u32));
                    preview.rows.push(ScoreImportRow {
                        line,
                        customer: id.to_string(),
                        month: months[k],
                        figures,
                    });
                }
            }
        }
        preview.note(line, &mut found);
    }
    if preview.rows.is_empty() && preview.problems.is_empty() {
        return ScorePreview::file_problem((ProblemKind::NoRows, 1));
    }
    drop_duplicates(
        &mut preview.rows,
        &mut preview.problems,
        keys,
        |r| r.line,
        |first_line| ProblemKind::DuplicateDistributor { first_line },
    );
    preview
}

/// The figures of a row (thirteen, and the four volumes unless a legacy file); every problem
/// goes to `found`.
fn read_figures(
    fields: &[Cow<str>],
    found: &mut Vec<(Option<ScoreColumn>, ProblemKind)>,
) -> Option<ScoreFigures> {
    let columns = &ScoreColumn::ALL[FIRST_FIGURE..];
    let before = found.len();
    let mut amounts = [Decimal::ZERO; AMOUNTS];
    for (k, amount) in amounts.iter_mut().enumerate() {
        match number(&fields[k]) {
            Ok(v) => *amount = v,
            Err(kind) => found.push((Some(columns[k]), kind)),
        }
    }
    let mut counts = [0u32; 2];
    for (k, c) in counts.iter_mut().enumerate() {
        match count(&fields[AMOUNTS + k]) {
            Ok(v) => *c = v,
            Err(kind) => found.push((Some(columns[AMOUNTS + k]), kind)),
        }
    }
    let days_field = &fields[AMOUNTS + 2];
    let days = if days_field.trim().is_empty() {
        None
    } else {
        match number(days_field) {
            Ok(v) => Some(v),
            Err(kind) => {
                found.push((Some(ScoreColumn::CollectionDays), kind));
                None
            }
        }
    };
    let mut volumes = [Decimal::ZERO; 4];
    for (k, v) in volumes.iter_mut().enumerate() {
        let Some(field) = fields.get(AMOUNTS + 3 + k) else {
            break;
        };
        match number(field) {
            Ok(x) => *v = x,
            Err(kind) => found.push((Some(columns[AMOUNTS + 3 + k]), kind)),
        }
    }
    let [
        our_volume,
        category_volume,
        last_month_volume,
        last_year_volume,
    ] = volumes;
    let [
        contract_volume,
        completed_volume,
        our_sales,
        category_sales,
        last_month_sales,
        last_year_sales,
        revenue,
        costs,
        promotions,
        rebates,
    ] = amounts;
    (found.len() == before).then_some(ScoreFigures {
        contract_volume,
        completed_volume,
        our_sales,
        category_sales,
        last_month_sales,
        last_year_sales,
        our_volume,
        category_volume,
        last_month_volume,
        last_year_volume,
        revenue,
        costs,
        promotions,
        rebates,
        price_violations: counts[0],
        cross_territory: counts[1],
        collection_days: days,
    })
}

/// A whole count of zero or more (`3` or `3.0`).
fn count(text: &str) -> Result<u32, ProblemKind> {
    let value = number(text)?.normalize();
    if value.scale() != 0 {
        return Err(ProblemKind::NotAWholeNumber(text.trim().to_string()));
    }
    u32::try_from(value.mantissa()).map_err(|_| ProblemKind::TooLarge(text.trim().to_string()))
}

/// Stores a preview's rows: each replaces the distributor's figures for that month, or is added
/// after the figures already stored. Refused when the file has problems, unless
/// `skip_bad_lines`; nothing is stored on any error.
pub fn apply_score_figures(
    plan: &mut Plan,
    preview: &ScorePreview,
    skip_bad_lines: bool,
) -> Result<ScoreImportSummary, ApplyError> {
    preview.storable(skip_bad_lines)?;
    // Check every row against the plan as it is now, before storing any.
    let customers = customer_index(plan);
    let months = plan.period.months();
    let mut seen = vec![false; plan.execution.customers.len()];
    for row in &preview.rows {
        match customers.get(row.customer.as_str()) {
            Some(&(ord, CustomerKind::Distributor)) if months.contains(&row.month) => {
                seen[ord as usize] = true;
            }
            _ => return Err(ApplyError::PlanChanged { line: row.line }),
        }
        check_figures(&row.figures).map_err(|error| ApplyError::Refused {
            line: row.line,
            error,
        })?;
    }
    let distributors = seen.iter().filter(|&&s| s).count();

    let entries = &mut plan.execution.scorecard;
    // Where each distributor's month is stored (the first entry, as `set_score_entry` finds it).
    let mut at: BTreeMap<String, BTreeMap<YearMonth, usize>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        at.entry(e.customer.clone())
            .or_default()
            .entry(e.month)
            .or_insert(i);
    }
    let mut replaced = 0;
    for row in &preview.rows {
        match at
            .get(row.customer.as_str())
            .and_then(|m| m.get(&row.month))
        {
            Some(&i) => {
                entries[i].figures = row.figures.clone();
                replaced += 1;
            }
            None => {
                at.entry(row.customer.clone())
                    .or_default()
                    .insert(row.month, entries.len());
                entries.push(ScoreEntry {
                    customer: row.customer.clone(),
                    month: row.month,
                    figures: row.figures.clone(),
                });
            }
        }
    }
    Ok(ScoreImportSummary {
        rows: preview.rows.len(),
        skipped_lines: preview.bad_lines(),
        distributors,
        months: preview.months(),
        replaced,
    })
}

/// A file to fill in: the header, then each distributor of the archive (in its order) with
/// the month to enter and every figure empty, and their name for the reader. The month is the
/// one after the latest with figures (the period's first when there are none, its last when
/// the figures reach it). Rows left empty are refused as "no figures" until filled in or
/// deleted, so an untouched line never stores zeros.
pub fn score_template(plan: &Plan, lang: Lang) -> String {
    use std::fmt::Write;
    let months = plan.period.months();
    let latest = plan
        .execution
        .scorecard
        .iter()
        .map(|e| e.month)
        .filter(|m| months.contains(m))
        .max();
    let month = match latest {
        None => plan.period.start,
        Some(m) => months.iter().copied().find(|&x| x > m).unwrap_or(m),
    };
    let empty = ",".repeat(END_OF_FIGURES - FIRST_FIGURE);
    let mut out = String::new();
    out.push_str(SCORE_HEADER);
    out.push_str(",name\n");
    out.push_str(SCORE_LABELS[usize::from(lang == Lang::En)]);
    out.push('\n');
    for c in distributors(plan) {
        let _ = writeln!(out, "{},{month}{empty},{}", quote(&c.id), quote(&c.name));
    }
    out
}

/// The stored figures as a file in the import format (with names), in the order they are
/// stored. Figures the import would refuse — for a customer no longer an archived distributor
/// or a month outside the period — are left out; importing the file into the same plan
/// changes nothing.
pub fn score_csv(plan: &Plan) -> String {
    let months = plan.period.months();
    let customers = customer_index(plan);
    let mut out = String::new();
    out.push_str(SCORE_HEADER);
    out.push_str(",name\n");
    for e in &plan.execution.scorecard {
        let Some(&(ord, CustomerKind::Distributor)) = customers.get(e.customer.as_str()) else {
            continue;
        };
        if months.contains(&e.month) {
            let name = &plan.execution.customers[ord as usize].name;
            push_row(&mut out, &e.customer, e.month, &e.figures, name);
        }
    }
    out
}

fn push_row(out: &mut String, id: &str, month: YearMonth, f: &ScoreFigures, name: &str) {
    use std::fmt::Write;
    let _ = write!(out, "{},{month}", quote(id));
    let amounts = [
        f.contract_volume,
        f.completed_volume,
        f.our_sales,
        f.category_sales,
        f.last_month_sales,
        f.last_year_sales,
        f.revenue,
        f.costs,
        f.promotions,
        f.rebates,
    ];
    for v in amounts {
        let _ = write!(out, ",{v}");
    }
    let _ = write!(out, ",{},{},", f.price_violations, f.cross_territory);
    if let Some(days) = f.collection_days {
        let _ = write!(out, "{days}");
    }
    let volumes = [
        f.our_volume,
        f.category_volume,
        f.last_month_volume,
        f.last_year_volume,
    ];
    for v in volumes {
        let _ = write!(out, ",{v}");
    }
    let _ = writeln!(out, ",{}", quote(name));
}

/// The archive's distributors, in its order.
fn distributors(plan: &Plan) -> impl Iterator<Item = &super::archive::Customer> {
    plan.execution
        .customers
        .iter()
        .filter(|c| c.kind == CustomerKind::Distributor)
}

/// Each customer's id, position in the archive and kind (the first wins if an id repeats).
fn customer_index(plan: &Plan) -> BTreeMap<&str, (u32, CustomerKind)> {
    let mut index = BTreeMap::new();
    for (i, c) in plan.execution.customers.iter().enumerate() {
        index.entry(c.id.as_str()).or_insert((i as u32, c.kind));
    }
    index
}

#[cfg(test)]
mod tests;
