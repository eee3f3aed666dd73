//! Importing actuals from CSV: read and check the whole file first ([`parse_actuals`] gives a
//! preview with every problem by line), store only when asked ([`apply_actuals`]).
//!
//! The file: UTF-8 (a byte-order mark is allowed), header `salesperson_id,month,amount,
//! quantity,collections`, one row per salesperson and month. A sixth column `name` may follow;
//! it is for the person filling the file in (the template writes each salesperson's name there)
//! and is not read — the id decides whose row it is. Months are `YYYY-MM`; `YYYY/MM`, `YYYY-M`,
//! a full date such as `2027/1/1` (as spreadsheets rewrite months) and `2027年1月` are read as
//! the same month. Numbers may have thousands separators (`"1,200"` quoted). Blank lines
//! (also `,,,,`) are skipped. Importing a month replaces that month's figures for each
//! salesperson in the file; other months and other people keep theirs.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::format::{Item, Numeric, Pad};
use rust_decimal::Decimal;

use crate::core::field::{FieldError, max_value, parse_decimal};
use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::core::period::{YEAR_MONTH, YearMonth};

use super::actuals::Actual;
use super::csv_reader::{CsvError, Reader};
use super::edit_error::EditError;

/// The header an actuals file must start with (optionally followed by `,name`).
pub const ACTUALS_HEADER: &str = "salesperson_id,month,amount,quantity,collections";
/// The columns of [`ACTUALS_HEADER`] in words, then the name column's, in Chinese and in
/// English: the template's second line, for the person filling it in; the importer skips a
/// line of either right after the header.
pub const ACTUALS_LABELS: [&str; 2] = [
    "业务人员编号,月份,销售额,销量,回款,姓名",
    "Salesperson id,Month,Amount,Quantity,Collections,Name",
];
const COLUMNS: [Column; 5] = [
    Column::SalespersonId,
    Column::Month,
    Column::Amount,
    Column::Quantity,
    Column::Collections,
];

/// A column of an imported file: its name in the header.
pub trait FileColumn: Copy {
    fn key(self) -> &'static str;
}

/// A column of the actuals file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    SalespersonId,
    Month,
    Amount,
    Quantity,
    Collections,
}

impl Column {
    /// The column's name in the header.
    pub fn key(self) -> &'static str {
        match self {
            Column::SalespersonId => "salesperson_id",
            Column::Month => "month",
            Column::Amount => "amount",
            Column::Quantity => "quantity",
            Column::Collections => "collections",
        }
    }
}

impl FileColumn for Column {
    fn key(self) -> &'static str {
        Column::key(self)
    }
}

/// What is wrong with a line (or with the whole file, reported on line 1).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProblemKind {
    /// The file has nothing in it.
    #[error("the file is empty")]
    Empty,
    /// The file has a header but no rows.
    #[error("the file has a header but no rows")]
    NoRows,
    /// The bytes are not UTF-8 text (e.g. saved as GBK or UTF-16); the line has the first bad byte.
    #[error("the file is not UTF-8 text; save it as \"CSV UTF-8\"")]
    NotUtf8,
    /// The first line is not the expected header.
    #[error("the header is '{found}'; it must be '{expected}'")]
    WrongHeader {
        found: String,
        expected: &'static str,
    },
    /// A row with more or fewer fields than the header.
    #[error("has {found} fields; the header has {expected}")]
    FieldCount { found: usize, expected: usize },
    /// A quoted field that is never closed (the rest of the file is inside it).
    #[error("a quote is opened and never closed")]
    UnclosedQuote,
    /// Text right after a closing quote.
    #[error("text follows a closing quote")]
    TextAfterQuote,
    /// A required field left empty.
    #[error("is empty")]
    Missing,
    /// No salesperson in the plan has this id.
    #[error("no salesperson with id '{0}' in the plan")]
    UnknownSalesperson(String),
    /// The text is not a month.
    #[error("'{0}' is not a month (YYYY-MM)")]
    NotAMonth(String),
    /// A month outside the plan's period.
    #[error("{0} is outside the plan's period")]
    MonthOutsidePeriod(YearMonth),
    /// Text where a number belongs.
    #[error("'{0}' is not a number")]
    NotANumber(String),
    /// A negative figure.
    #[error("'{0}' is negative")]
    Negative(String),
    /// A figure too large to be meant.
    #[error("'{0}' is too large")]
    TooLarge(String),
    /// The same salesperson and month as an earlier line; the earlier line is kept.
    #[error("repeats the salesperson and month of line {first_line}")]
    Duplicate { first_line: usize },
    /// No customer in the archive has this id.
    #[error("no customer with id '{0}' in the archive")]
    UnknownCustomer(String),
    /// The customer is a terminal; only distributors have scorecard figures.
    #[error("customer '{0}' is a terminal; only distributors are scored")]
    NotADistributor(String),
    /// A count with a fraction.
    #[error("'{0}' is not a whole number")]
    NotAWholeNumber(String),
    /// A row with its id and month but every figure left empty.
    #[error("has no figures; fill them in or delete the line")]
    NoFigures,
    /// The same distributor and month as an earlier line; the earlier line is kept.
    #[error("repeats the distributor and month of line {first_line}")]
    DuplicateDistributor { first_line: usize },
    /// No region in the plan has this id.
    #[error("no region with id '{0}' in the plan")]
    UnknownRegion(String),
    /// A share that is not between 0 and 100 percent.
    #[error("'{0}' is not a share from 0 to 100%")]
    NotAPercent(String),
    /// The same region and month as an earlier line; the earlier line is kept.
    #[error("repeats the region and month of line {first_line}")]
    DuplicateRegion { first_line: usize },
}

/// One problem: the line (1-based, where the record starts), the column if one field is at
/// fault, and what. The column is of the actuals file unless said otherwise.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineProblem<C = Column> {
    pub line: usize,
    pub column: Option<C>,
    pub kind: ProblemKind,
}

impl<C: FileColumn> fmt::Display for LineProblem<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}", self.line)?;
        if let Some(c) = self.column {
            write!(f, ", {}", c.key())?;
        }
        write!(f, ": {}", self.kind)
    }
}

/// A row that can be stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActualRow {
    pub line: usize,
    pub salesperson: String,
    pub month: YearMonth,
    pub actual: Actual,
}

/// What a file would import: the good rows and every problem, in line order. `R` is a row of
/// the file, `C` its column type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview<R, C = Column> {
    pub rows: Vec<R>,
    pub problems: Vec<LineProblem<C>>,
}

/// What an actuals file would import.
pub type ActualsPreview = Preview<ActualRow>;

/// A row of an import file, for the month it is about.
pub trait MonthRow {
    fn month(&self) -> YearMonth;
}

impl MonthRow for ActualRow {
    fn month(&self) -> YearMonth {
        self.month
    }
}

impl<R, C> Default for Preview<R, C> {
    fn default() -> Self {
        Self {
            rows: Vec::new(),
            problems: Vec::new(),
        }
    }
}

impl<R, C> Preview<R, C> {
    /// A preview of a file that cannot be read at all: its one problem, no rows.
    pub(super) fn file_problem((kind, line): (ProblemKind, usize)) -> Self {
        Self {
            rows: Vec::new(),
            problems: vec![LineProblem {
                line,
                column: None,
                kind,
            }],
        }
    }

    /// Records the problems found on `line` (and empties `found` for the next line).
    pub(super) fn note(&mut self, line: usize, found: &mut Vec<(Option<C>, ProblemKind)>) {
        self.problems
            .extend(
                found
                    .drain(..)
                    .map(|(column, kind)| LineProblem { line, column, kind }),
            );
    }
}

impl<R: MonthRow, C> Preview<R, C> {
    /// Lines with at least one problem (what skipping the bad lines leaves out).
    pub fn bad_lines(&self) -> usize {
        bad_lines(&self.problems)
    }

    /// Whether the rows may be stored: not while there are problems, unless the bad lines are
    /// skipped, and not when no row is left.
    pub(super) fn storable(&self, skip_bad_lines: bool) -> Result<(), ApplyError> {
        if !skip_bad_lines && !self.problems.is_empty() {
            return Err(ApplyError::HasProblems {
                problems: self.problems.len(),
                lines: self.bad_lines(),
            });
        }
        if self.rows.is_empty() {
            return Err(ApplyError::NothingToImport);
        }
        Ok(())
    }

    /// The months the good rows cover, in order.
    pub fn months(&self) -> Vec<YearMonth> {
        let mut months: Vec<YearMonth> = self.rows.iter().map(MonthRow::month).collect();
        months.sort_unstable();
        months.dedup();
        months
    }
}

/// Why a preview was not stored.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ApplyError {
    /// The file has problems and skipping bad lines was not asked for.
    #[error("the file has {problems} problem(s) on {lines} line(s); fix them or skip those lines")]
    HasProblems { problems: usize, lines: usize },
    /// No row can be imported.
    #[error("the file has no row that can be imported")]
    NothingToImport,
    /// The plan changed since the file was read: a salesperson or customer is gone or the
    /// period moved.
    #[error("the plan changed since the file was read (line {line}); read the file again")]
    PlanChanged { line: usize },
    /// A row of the preview holds a value the plan does not take.
    #[error("line {line}: {error}")]
    Refused { line: usize, error: EditError },
}

/// What an import stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportSummary {
    /// Rows stored.
    pub rows: usize,
    /// Lines left out because they had problems.
    pub skipped_lines: usize,
    /// Salespeople with at least one row.
    pub people: usize,
    /// Months the rows cover, in order.
    pub months: Vec<YearMonth>,
    /// Rows that replaced figures already stored for that salesperson and month.
    pub replaced: usize,
}

/// Reads an actuals file against the plan without storing anything.
pub fn parse_actuals(plan: &Plan, bytes: &[u8]) -> ActualsPreview {
    let mut preview = ActualsPreview::default();
    let mut fields: Vec<Cow<str>> = Vec::with_capacity(6);
    let (mut reader, width) = match open(bytes, ACTUALS_HEADER, &ACTUALS_LABELS, &mut fields) {
        Ok(opened) => opened,
        Err(problem) => return ActualsPreview::file_problem(problem),
    };

    let people = people_index(plan);
    let months = plan.period.months();
    let mut keys: Vec<(u64, u32)> = Vec::new();
    let mut last_person: Option<(&str, u32)> = None;
    let mut found = Vec::new();
    while let Some((line, result)) = reader.next_record(&mut fields) {
        match record(result, &fields, width) {
            Record::Blank => {}
            Record::Bad(kind) => found.push((None, kind)),
            Record::Fields => {
                let id = fields[0].trim();
                let person = match last_person {
                    Some((last, ord)) if last == id => Some(ord),
                    _ => match people.get_key_value(id) {
                        Some((&key, &ord)) => {
                            last_person = Some((key, ord));
                            Some(ord)
                        }
                        None if id.is_empty() => {
                            found.push((Some(Column::SalespersonId), ProblemKind::Missing));
                            None
                        }
                        None => {
                            let kind = ProblemKind::UnknownSalesperson(id.to_string());
                            found.push((Some(Column::SalespersonId), kind));
                            None
                        }
                    },
                };
                let month = month_in(&fields[1], &months, Column::Month, &mut found);
                let mut figures = [Decimal::ZERO; 3];
                for (k, column) in COLUMNS[2..].iter().enumerate() {
                    match number(&fields[2 + k]) {
                        Ok(v) => figures[k] = v,
                        Err(kind) => found.push((Some(*column), kind)),
                    }
                }
                if let (Some(ord), Some(k), true) = (person, month, found.is_empty()) {
                    keys.push(((u64::from(ord) << 8) | k as u64, preview.rows.len() as u32));
                    preview.rows.push(ActualRow {
                        line,
                        salesperson: id.to_string(),
                        month: months[k],
                        actual: figures.into(),
                    });
                }
            }
        }
        preview.note(line, &mut found);
    }
    if preview.rows.is_empty() && preview.problems.is_empty() {
        return ActualsPreview::file_problem((ProblemKind::NoRows, 1));
    }
    drop_duplicates(
        &mut preview.rows,
        &mut preview.problems,
        keys,
        |r| r.line,
        |first_line| ProblemKind::Duplicate { first_line },
    );
    preview
}

/// Lines with at least one problem, given the problems in line order.
pub(super) fn bad_lines<C>(problems: &[LineProblem<C>]) -> usize {
    let mut lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
    lines.dedup();
    lines.len()
}

/// The file's text: UTF-8 without its byte-order mark, not blank. Otherwise the problem with
/// the whole file and the line it shows on.
pub(super) fn decode(bytes: &[u8]) -> Result<&str, (ProblemKind, usize)> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let line_of = |at: usize| 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
    let text = match std::str::from_utf8(bytes) {
        // UTF-16 text is valid UTF-8 byte by byte, but full of NULs.
        Ok(text) => match bytes.iter().position(|&b| b == 0) {
            Some(at) => return Err((ProblemKind::NotUtf8, line_of(at))),
            None => text,
        },
        Err(e) => return Err((ProblemKind::NotUtf8, line_of(e.valid_up_to()))),
    };
    if text.trim().is_empty() {
        return Err((ProblemKind::Empty, 1));
    }
    Ok(text)
}

/// Opens an import file: its text checked ([`decode`]), a reader past its header
/// ([`read_header`]), and the number of fields each row must have.
pub(super) fn open<'a>(
    bytes: &'a [u8],
    header: &'static str,
    labels: &[&str],
    fields: &mut Vec<Cow<'a, str>>,
) -> Result<(Reader<'a>, usize), (ProblemKind, usize)> {
    let text = decode(bytes)?;
    let mut reader = Reader::new(text);
    let width = read_header(text, &mut reader, fields, header)?;
    // The template's line of column names in words, if the next line is one.
    let mut peek = reader.clone();
    if let Some((_, Ok(()))) = peek.next_record(fields)
        && labels.iter().any(|l| is_label_line(fields, l))
    {
        reader = peek;
    }
    Ok((reader, width))
}

/// Whether `fields` are the column names of `labels` (the name column's optional).
fn is_label_line(fields: &[Cow<str>], labels: &str) -> bool {
    let names: Vec<&str> = labels.split(',').collect();
    (fields.len() == names.len() || fields.len() + 1 == names.len())
        && fields.iter().zip(&names).all(|(f, n)| f.trim() == *n)
}

/// The index in `months` (the plan's period) of the month in `text`; a problem with it goes to
/// `found` under `column`.
pub(super) fn month_in<C>(
    text: &str,
    months: &[YearMonth],
    column: C,
    found: &mut Vec<(Option<C>, ProblemKind)>,
) -> Option<usize> {
    let kind = match parse_month(text) {
        Ok(m) => match months.iter().position(|&x| x == m) {
            Some(k) => return Some(k),
            None => ProblemKind::MonthOutsidePeriod(m),
        },
        Err(kind) => kind,
    };
    found.push((Some(column), kind));
    None
}

/// Reads the header, the first line that is not blank: the columns of `header` in order
/// (any case), optionally followed by `name`. Returns how many fields each row must have.
pub(super) fn read_header<'a>(
    text: &'a str,
    reader: &mut Reader<'a>,
    fields: &mut Vec<Cow<'a, str>>,
    header: &'static str,
) -> Result<usize, (ProblemKind, usize)> {
    let width = header.split(',').count();
    loop {
        let Some((line, result)) = reader.next_record(fields) else {
            return Err((ProblemKind::Empty, 1));
        };
        if result.is_ok() && is_blank(fields) {
            continue;
        }
        let names: Vec<&str> = fields.iter().map(|f| f.trim()).collect();
        let fits = |n: usize| {
            names.len() == n
                && names[..width]
                    .iter()
                    .zip(header.split(','))
                    .all(|(name, key)| name.eq_ignore_ascii_case(key))
                && (n == width || names[width].eq_ignore_ascii_case("name"))
        };
        if result.is_ok() && (fits(width) || fits(width + 1)) {
            return Ok(names.len());
        }
        let found = text.lines().nth(line - 1).unwrap_or("").trim().to_string();
        return Err((
            ProblemKind::WrongHeader {
                found,
                expected: header,
            },
            line,
        ));
    }
}

/// What a record after the header is.
pub(super) enum Record {
    /// Nothing in it: skipped.
    Blank,
    /// Not a row at all.
    Bad(ProblemKind),
    /// As many fields as the header.
    Fields,
}

pub(super) fn record(result: Result<(), CsvError>, fields: &[Cow<str>], width: usize) -> Record {
    match result {
        Err(CsvError::UnclosedQuote) => Record::Bad(ProblemKind::UnclosedQuote),
        Err(CsvError::TextAfterQuote) => Record::Bad(ProblemKind::TextAfterQuote),
        Ok(()) if is_blank(fields) => Record::Blank,
        Ok(()) if fields.len() != width => Record::Bad(ProblemKind::FieldCount {
            found: fields.len(),
            expected: width,
        }),
        Ok(()) => Record::Fields,
    }
}

/// Later rows with a key already seen become problems (`duplicate` of the first one's line);
/// the first is kept. `keys` pairs each row's key with its index in `rows`.
pub(super) fn drop_duplicates<R, C, K: Ord + Copy>(
    rows: &mut Vec<R>,
    problems: &mut Vec<LineProblem<C>>,
    mut keys: Vec<(K, u32)>,
    line: impl Fn(&R) -> usize,
    duplicate: impl Fn(usize) -> ProblemKind,
) {
    keys.sort_unstable();
    let mut dropped = vec![false; rows.len()];
    let mut any = false;
    for group in keys.chunk_by(|a, b| a.0 == b.0) {
        let first_line = line(&rows[group[0].1 as usize]);
        for &(_, row) in &group[1..] {
            dropped[row as usize] = true;
            any = true;
            problems.push(LineProblem {
                line: line(&rows[row as usize]),
                column: None,
                kind: duplicate(first_line),
            });
        }
    }
    if any {
        let mut i = 0;
        rows.retain(|_| {
            i += 1;
            !dropped[i - 1]
        });
        // Stable: a line's own problems keep their column order.
        problems.sort_by_key(|p| p.line);
    }
}

/// Stores a preview's rows: each replaces the salesperson's figures for that month. Refused
/// when the file has problems, unless `skip_bad_lines`; nothing is stored on any error.
pub fn apply_actuals(
    plan: &mut Plan,
    preview: &ActualsPreview,
    skip_bad_lines: bool,
) -> Result<ImportSummary, ApplyError> {
    preview.storable(skip_bad_lines)?;
    // Check every row against the plan as it is now, before storing any.
    let people = people_index(plan);
    let months = plan.period.months();
    let mut seen = vec![false; people.len()];
    let mut last: Option<(&str, usize)> = None;
    for row in &preview.rows {
        let id = row.salesperson.as_str();
        let ord = match last {
            Some((l, ord)) if l == id => ord,
            _ => match people.get(id) {
                Some(&ord) => {
                    last = Some((id, ord as usize));
                    ord as usize
                }
                None => return Err(ApplyError::PlanChanged { line: row.line }),
            },
        };
        if !months.contains(&row.month) {
            return Err(ApplyError::PlanChanged { line: row.line });
        }
        seen[ord] = true;
    }
    let actuals = &mut plan.execution.actuals;
    let mut replaced = 0;
    // Rows of one person are usually together: one map lookup per run of rows.
    for run in preview.rows.chunk_by(|a, b| a.salesperson == b.salesperson) {
        let id = run[0].salesperson.as_str();
        let months = match actuals.get_mut(id) {
            Some(m) => m,
            None => actuals.entry(id.to_string()).or_default(),
        };
        for row in run {
            replaced += usize::from(months.insert(row.month, row.actual).is_some());
        }
    }
    Ok(ImportSummary {
        rows: preview.rows.len(),
        skipped_lines: preview.bad_lines(),
        people: seen.iter().filter(|&&s| s).count(),
        months: preview.months(),
        replaced,
    })
}

/// A file to fill in: the header, the columns in words in `lang`, then each salesperson (in
/// the plan's order) with the month to report and zeros, and their name for the reader.
pub fn actuals_template(plan: &Plan, lang: Lang) -> String {
    // The month to report next: the one after the latest with actuals (the first at the start).
    let months = plan.period.months();
    let first = match super::latest_actual_month(plan) {
        None => plan.period.start,
        Some(m) => months.iter().copied().find(|&x| x > m).unwrap_or(m),
    };
    let mut out = String::with_capacity(64 + plan.size().2 * 48);
    out.push_str(ACTUALS_HEADER);
    out.push_str(",name\n");
    out.push_str(ACTUALS_LABELS[usize::from(lang == Lang::En)]);
    out.push('\n');
    for p in plan.salespeople() {
        push_row(&mut out, &p.id, first, &Actual::default(), &p.name);
    }
    out
}

/// The stored actuals as a file in the import format (with names), salespeople in the plan's
/// order, months in order. Importing it into the same plan changes nothing.
pub fn actuals_csv(plan: &Plan) -> String {
    let mut out = String::new();
    out.push_str(ACTUALS_HEADER);
    out.push_str(",name\n");
    for p in plan.salespeople() {
        for (month, actual) in plan.execution.actuals.get(&p.id).into_iter().flatten() {
            push_row(&mut out, &p.id, *month, actual, &p.name);
        }
    }
    out
}

fn push_row(out: &mut String, id: &str, month: YearMonth, a: &Actual, name: &str) {
    use std::fmt::Write;
    let _ = writeln!(
        out,
        "{},{month},{},{},{},{}",
        quote(id),
        a.amount,
        a.quantity,
        a.collections,
        quote(name)
    );
}

/// A CSV field, quoted when it must be.
pub(super) fn quote(text: &str) -> Cow<'_, str> {
    if text.contains([',', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", text.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(text)
    }
}

pub(super) fn is_blank(fields: &[Cow<str>]) -> bool {
    fields.iter().all(|f| f.trim().is_empty())
}

/// Each salesperson's id and ordinal (first one wins if an id repeats).
fn people_index(plan: &Plan) -> BTreeMap<&str, u32> {
    let mut index = BTreeMap::new();
    for (i, p) in plan.salespeople().enumerate() {
        index.entry(p.id.as_str()).or_insert(i as u32);
    }
    index
}

/// A month as people and spreadsheets write it: `2027-01`, `2027-1`, `2027/01`, `2027.1`,
/// `2027/1/1` (the day is ignored), `2027年1月`. Read by chrono once the separators are one.
pub(super) fn parse_month(text: &str) -> Result<YearMonth, ProblemKind> {
    let t = text.trim();
    if t.is_empty() {
        return Err(ProblemKind::Missing);
    }
    // `2027/1/1`, `2027.1` and `2027年1月` as `2027-1-1`, `2027-1` and `2027-1` (the common
    // form `2027-01` is read as it is).
    let dashed = if t.contains(['/', '.', '年', '月']) {
        Cow::Owned(
            t.strip_suffix('月')
                .unwrap_or(t)
                .replace(['年', '/', '.'], "-"),
        )
    } else {
        Cow::Borrowed(t)
    };
    // chrono also takes a sign before the year and spaces before a number; a month has neither.
    let plain =
        dashed.starts_with(|c: char| c.is_ascii_digit()) && !dashed.contains(char::is_whitespace);
    let items: &[Item] = if dashed.matches('-').count() == 2 {
        &YEAR_MONTH_DAY
    } else {
        &YEAR_MONTH
    };
    plain
        .then(|| YearMonth::parse_with(&dashed, items))
        .flatten()
        .ok_or_else(|| ProblemKind::NotAMonth(t.to_string()))
}

/// `%Y-%m-%d` as chrono's items (the day is read, 1–31, and ignored).
const YEAR_MONTH_DAY: [Item<'static>; 5] = [
    Item::Numeric(Numeric::Year, Pad::Zero),
    Item::Literal("-"),
    Item::Numeric(Numeric::Month, Pad::Zero),
    Item::Literal("-"),
    Item::Numeric(Numeric::Day, Pad::Zero),
];

/// A non-negative figure. Plain digits take a fast path (a year for 10,000 people is 360,000
/// numbers); anything else is read as a person types it (thousands separators allowed).
pub(super) fn number(text: &str) -> Result<Decimal, ProblemKind> {
    let t = text.trim();
    if t.is_empty() {
        return Err(ProblemKind::Missing);
    }
    let plain = t.len() <= 20 && t.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    let value = match plain.then(|| Decimal::from_str(t).ok()).flatten() {
        Some(v) => v.normalize(),
        None => parse_decimal(t).map_err(|e| match e {
            FieldError::TooLarge => ProblemKind::TooLarge(t.to_string()),
            _ => ProblemKind::NotANumber(t.to_string()),
        })?,
    };
    if value.is_sign_negative() && !value.is_zero() {
        return Err(ProblemKind::Negative(t.to_string()));
    }
    if value > max_value() {
        return Err(ProblemKind::TooLarge(t.to_string()));
    }
    Ok(value)
}

#[cfg(test)]
mod tests;
