//! The slides of a plan under way: completion by region and the leaderboard, from the actuals
//! recorded against the adopted scenario.

use std::collections::HashSet;

use crate::core::breakdown::Breakdown;
use crate::core::execution::{Goal, Scope, Tracking, Window, leaderboard};
use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::core::period::YearMonth;
use crate::core::scenario::Measure;
use crate::i18n::exec::ExecText;
use crate::i18n::{Catalogue, fill};
use crate::view::exec::competition::{self, StandingRow, standing_rows};
use crate::view::exec::tracking::{LevelRow, level_columns, level_rows};
use crate::view::numbers::grouped;

/// How many salespeople the leaderboard slide ranks.
pub const TOP: usize = 10;

/// The company and each region: target, target and actual to date, completion, pace, status.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CompletionSlide {
    /// `Actuals through 2027-03`.
    pub as_of: String,
    pub columns: [&'static str; 7],
    pub rows: Vec<CompletionRow>,
}

/// One row of the completion slide.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CompletionRow {
    pub row: LevelRow,
    /// The region has no target while the company has: its completion cannot be measured.
    pub warn: bool,
}

/// The salespeople with the highest completion over the period, company-wide.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LeaderboardSlide {
    /// `Leaderboard · Year · Company-wide`.
    pub title: String,
    /// `Actuals through 2027-03 · Top 10 of 50 salespeople`.
    pub note: String,
    pub columns: [&'static str; 7],
    pub rows: Vec<StandingRow>,
}

fn as_of_text(t: &Catalogue, tr: &Tracking) -> String {
    fill(
        t.slide_as_of,
        &[&tr.as_of().map(|m| m.to_string()).unwrap_or_default()],
    )
}

/// Completion by region of the amount, actuals through `as_of` (default: the latest month
/// with any).
pub fn completion_slide(
    t: &Catalogue,
    x: &ExecText,
    lang: Lang,
    plan: &Plan,
    bd: &Breakdown,
    as_of: Option<YearMonth>,
) -> CompletionSlide {
    let tr = Tracking::new(plan, bd, as_of);
    let company = bd.annual_units(0, Measure::Amount);
    let amount = Goal::Measure(Measure::Amount);
    let rows = level_rows(x, lang, plan, bd, &tr, amount, &HashSet::new())
        .into_iter()
        .map(|row| {
            let warn = bd.find(&row.id).is_some_and(|i| {
                i != 0 && company != 0 && bd.annual_units(i, Measure::Amount) == 0
            });
            CompletionRow { row, warn }
        })
        .collect();
    CompletionSlide {
        as_of: as_of_text(t, &tr),
        columns: level_columns(x),
        rows,
    }
}

/// The first [`TOP`] of the company-wide leaderboard over the whole period.
pub fn leaderboard_slide(
    t: &Catalogue,
    x: &ExecText,
    lang: Lang,
    plan: &Plan,
    bd: &Breakdown,
    as_of: Option<YearMonth>,
) -> LeaderboardSlide {
    let tr = Tracking::new(plan, bd, as_of);
    let list = leaderboard(
        plan,
        bd,
        &tr,
        Measure::Amount,
        Window::Period,
        &Scope::Company,
    );
    let top = fill(
        t.slide_top,
        &[
            &TOP.min(list.len()).to_string(),
            &grouped(list.len().into()),
        ],
    );
    LeaderboardSlide {
        title: competition::title(x, plan, Window::Period, &Scope::Company),
        note: format!("{} · {top}", as_of_text(t, &tr)),
        columns: competition::columns(x),
        rows: standing_rows(x, lang, &list, TOP),
    }
}
