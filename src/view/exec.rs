//! The execution routes' view models (计划执行): what each screen shows, computed from the plan,
//! and the pieces they share (rates, the measure choice, month choices, an import's preview,
//! paging and "show all").

pub mod actuals;
pub mod competition;
pub mod customers;
pub mod expense_trend;
pub mod expenses;
pub mod respread;
pub mod scorecard;
pub mod shares;
pub mod tracking;

use rust_decimal::Decimal;

use super::numbers::percent;
use crate::core::period::YearMonth;
use crate::core::scenario::Measure;
use crate::i18n::exec::ExecText;
use crate::i18n::fill;

/// A ratio as a percentage (0.975 → `97.5%`), or "—" when there is none (a zero target).
pub fn rate(t: &ExecText, value: Option<Decimal>) -> String {
    match value.and_then(|v| v.checked_mul(Decimal::ONE_HUNDRED)) {
        Some(p) => percent(p),
        None => t.none_dash.to_string(),
    }
}

/// One of the measures a page can show, as a button that is pressed when it is shown.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MeasureChoice {
    pub measure: Measure,
    pub label: &'static str,
    pub pressed: bool,
}

/// The two measures (amount, quantity), the one shown pressed.
pub fn measure_choices(t: &ExecText, shown: Measure) -> [MeasureChoice; 2] {
    [
        (Measure::Amount, t.measure_amount),
        (Measure::Quantity, t.measure_quantity),
    ]
    .map(|(measure, label)| MeasureChoice {
        measure,
        label,
        pressed: measure == shown,
    })
}

/// An option of a choice: the value it stands for and what it reads.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

impl Choice {
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Self {
        Choice {
            value: value.into(),
            label: label.into(),
        }
    }
}

/// The months of a period as choices, each named as it is written (`2027-03`).
pub fn month_choices(months: &[YearMonth]) -> Vec<Choice> {
    months
        .iter()
        .map(|m| Choice::new(m.to_string(), m.to_string()))
        .collect()
}

/// How many problems an import preview lists; the rest are counted and offered as a file.
pub const PROBLEMS_SHOWN: usize = 200;

/// What an import would store, its problems, and the choices it offers. Nothing is stored
/// before a choice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportPreview {
    /// "Import preview: march.csv".
    pub title: String,
    /// What would be stored.
    pub summary: String,
    /// How many problems on how many lines, when there are any.
    pub problems_note: Option<String>,
    /// The first [`PROBLEMS_SHOWN`] problems, each naming its line.
    pub problems: Vec<String>,
    /// "… and 50 more", when there are more than are listed.
    pub more: Option<String>,
    /// The button offering every problem as a file, when not all are listed.
    pub download_all: Option<String>,
    /// The button that imports every row: only for a file without problems.
    pub apply: Option<String>,
    /// The button that imports the good rows: only when there are problems and good rows.
    pub skip: Option<String>,
    pub cancel: &'static str,
}

/// The preview of file `file`: `summary` says what would be stored, `problems` are all of the
/// file's problems in words (only the first [`PROBLEMS_SHOWN`] are read), `bad_lines` the lines
/// they are on, `rows` the rows that can be stored.
pub fn import_preview(
    t: &ExecText,
    file: &str,
    summary: String,
    problems: impl ExactSizeIterator<Item = String>,
    bad_lines: usize,
    rows: usize,
) -> ImportPreview {
    let count = problems.len();
    let listed = problems.take(PROBLEMS_SHOWN).collect();
    let more = count.saturating_sub(PROBLEMS_SHOWN);
    ImportPreview {
        title: fill(t.preview_title, &[file]),
        summary,
        problems_note: (count > 0).then(|| {
            fill(
                t.preview_problems,
                &[&count.to_string(), &bad_lines.to_string()],
            )
        }),
        problems: listed,
        more: (more > 0).then(|| fill(t.preview_more, &[&more.to_string()])),
        download_all: (more > 0).then(|| fill(t.download_problems, &[&count.to_string()])),
        apply: (count == 0).then(|| fill(t.import_rows, &[&rows.to_string()])),
        skip: (count > 0 && rows > 0).then(|| fill(t.import_skipping, &[&bad_lines.to_string()])),
        cancel: t.cancel,
    }
}

/// How many rows a long list shows until the manager asks for all: the worst deviations and the
/// top of a leaderboard are what a meeting looks at.
pub const FIRST_ROWS: usize = 100;

/// A list shown in part: how much of it, and the button that shows the rest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MoreRows {
    /// "The first 100 of 2,400."
    pub shown_of: String,
    /// "Show all 2,400".
    pub show_all: String,
}

/// What to say under a list of `total` rows of which `shown` are on screen; `None` when all are.
pub fn more_rows(t: &ExecText, shown: usize, total: usize) -> Option<MoreRows> {
    (shown < total).then(|| MoreRows {
        shown_of: fill(t.shown_of, &[&shown.to_string(), &total.to_string()]),
        show_all: fill(t.show_all, &[&total.to_string()]),
    })
}

/// The pages of a long table: which one is shown and where the buttons lead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pager {
    /// "Page 2 of 200".
    pub label: String,
    /// The page before, if any (0-based).
    pub previous: Option<usize>,
    /// The page after, if any (0-based).
    pub next: Option<usize>,
    pub previous_label: &'static str,
    pub next_label: &'static str,
}

/// The number of pages `rows` rows fill at `size` a page (at least one, even when empty).
pub fn page_count(rows: usize, size: usize) -> usize {
    rows.div_ceil(size.max(1)).max(1)
}

/// The rows of page `page` (0-based; past the end means the last) at `size` rows a page.
pub fn page_rows<T>(rows: &[T], page: usize, size: usize) -> &[T] {
    let size = size.max(1);
    let page = page.min(page_count(rows.len(), size) - 1);
    let start = (page * size).min(rows.len());
    &rows[start..(start + size).min(rows.len())]
}

/// The pager of page `page` (0-based, past the end means the last) of `pages`; `None` when
/// everything fits on one page.
pub fn pager(t: &ExecText, page: usize, pages: usize) -> Option<Pager> {
    if pages < 2 {
        return None;
    }
    let page = page.min(pages - 1);
    Some(Pager {
        label: fill(t.page_of, &[&(page + 1).to_string(), &pages.to_string()]),
        previous: page.checked_sub(1),
        next: (page + 1 < pages).then_some(page + 1),
        previous_label: t.previous,
        next_label: t.next,
    })
}

/// Why the execution routes have nothing to measure against: no adopted scenario, or one whose
/// breakdown has `problems` problems (the planner's breakdown route explains them).
pub fn untracked_reason(t: &ExecText, adopted: Option<&str>, problems: usize) -> String {
    match adopted {
        None => t.no_adopted.to_string(),
        Some(name) => fill(t.breakdown_failed, &[name, &problems.to_string()]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::exec::{EXEC_EN, EXEC_ZH};

    #[test]
    fn rates_are_percentages_or_a_dash() {
        assert_eq!(rate(&EXEC_EN, Some("0.975".parse().unwrap())), "97.5%");
        assert_eq!(rate(&EXEC_EN, None), "—");
        assert_eq!(rate(&EXEC_EN, Some(Decimal::MAX)), "—");
    }

    #[test]
    fn the_measure_shown_is_the_pressed_one() {
        let [amount, quantity] = measure_choices(&EXEC_ZH, Measure::Quantity);
        assert_eq!((amount.label, amount.pressed), ("销售额", false));
        assert_eq!((quantity.label, quantity.pressed), ("销量", true));
    }

    #[test]
    fn months_are_offered_as_written() {
        let months = [
            YearMonth::new(2027, 1).unwrap(),
            YearMonth::new(2027, 12).unwrap(),
        ];
        let choices = month_choices(&months);
        assert_eq!(choices[1], Choice::new("2027-12", "2027-12"));
        assert_eq!(choices.len(), 2);
    }

    fn problems(n: usize) -> impl ExactSizeIterator<Item = String> {
        (0..n).map(|i| format!("Line {}: bad", i + 2))
    }

    #[test]
    fn a_clean_file_offers_to_import_every_row() {
        let p = import_preview(&EXEC_EN, "march.csv", "12 rows".into(), problems(0), 0, 12);
        assert_eq!(p.title, "Import preview: march.csv");
        assert_eq!(p.apply.as_deref(), Some("Import 12 rows"));
        assert_eq!((p.skip, p.problems_note, p.more), (None, None, None));
        assert!(p.problems.is_empty());
    }

    #[test]
    fn a_file_with_problems_offers_only_to_skip_its_bad_lines() {
        let p = import_preview(&EXEC_EN, "f.csv", String::new(), problems(3), 2, 5);
        assert_eq!(p.apply, None, "no plain import while there are problems");
        assert_eq!(p.skip.as_deref(), Some("Import, skipping 2 bad line(s)"));
        assert_eq!(
            p.problems_note.as_deref(),
            Some(
                "3 problem(s) on 2 line(s). Nothing is stored until the file is fixed or the bad lines are skipped."
            )
        );
        assert_eq!(p.problems.len(), 3);
        assert_eq!(p.download_all, None, "all are listed");
        let none_good = import_preview(&EXEC_EN, "f.csv", String::new(), problems(3), 3, 0);
        assert_eq!((none_good.apply, none_good.skip), (None, None));
    }

    #[test]
    fn many_problems_list_the_first_and_offer_them_all() {
        let p = import_preview(&EXEC_EN, "big.csv", String::new(), problems(250), 250, 0);
        assert_eq!(p.problems.len(), PROBLEMS_SHOWN);
        assert_eq!(p.problems[0], "Line 2: bad");
        assert_eq!(p.more.as_deref(), Some("… and 50 more"));
        assert_eq!(p.download_all.as_deref(), Some("Download all 250 problems"));
    }

    #[test]
    fn a_long_list_says_how_much_is_shown() {
        assert_eq!(more_rows(&EXEC_EN, 100, 100), None);
        let more = more_rows(&EXEC_EN, 100, 2400).unwrap();
        assert_eq!(more.shown_of, "The first 100 of 2400.");
        assert_eq!(more.show_all, "Show all 2400");
    }

    #[test]
    fn pages_lead_to_their_neighbours() {
        assert_eq!(page_count(0, 50), 1);
        assert_eq!(page_count(101, 50), 3);
        assert_eq!(pager(&EXEC_EN, 0, 1), None);
        let first = pager(&EXEC_EN, 0, 3).unwrap();
        assert_eq!((first.previous, first.next), (None, Some(1)));
        assert_eq!(first.label, "Page 1 of 3");
        let past_end = pager(&EXEC_EN, 9, 3).unwrap();
        assert_eq!((past_end.previous, past_end.next), (Some(1), None));
        assert_eq!(past_end.label, "Page 3 of 3");
    }

    #[test]
    fn a_page_holds_its_share_of_the_rows() {
        let rows: Vec<usize> = (0..120).collect();
        assert_eq!(page_rows(&rows, 0, 50), &rows[..50]);
        assert_eq!(page_rows(&rows, 2, 50), &rows[100..]);
        assert_eq!(
            page_rows(&rows, 7, 50),
            &rows[100..],
            "past the end: the last"
        );
        assert!(page_rows(&rows[..0], 3, 50).is_empty());
    }

    #[test]
    fn an_untracked_plan_says_why() {
        assert_eq!(untracked_reason(&EXEC_EN, None, 0), EXEC_EN.no_adopted);
        assert!(
            untracked_reason(&EXEC_EN, Some("Base"), 2)
                .starts_with("The adopted scenario “Base” cannot be broken down (2 problem(s)).")
        );
    }
}
