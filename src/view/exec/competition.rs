//! Sales competition (销售竞赛): salespeople ranked by completion rate over a month, a quarter or
//! the year, within a region or company-wide.

use super::{Choice, rate};
use crate::core::execution::{Scope, Standing, Window};
use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::core::period::YearMonth;
use crate::i18n::exec::ExecText;
use crate::i18n::fill;
use crate::view::numbers::amount;

/// The window as a choice's value (`month-2027-03`, `quarter-2`, `year`).
pub fn window_key(w: Window) -> String {
    match w {
        Window::Month(m) => format!("month-{m}"),
        Window::Quarter(q) => format!("quarter-{q}"),
        Window::Period => "year".into(),
    }
}

/// The window a choice's value stands for.
pub fn window_from_key(key: &str) -> Option<Window> {
    if key == "year" {
        return Some(Window::Period);
    }
    if let Some(m) = key.strip_prefix("month-") {
        return m.parse().ok().map(Window::Month);
    }
    key.strip_prefix("quarter-")?
        .parse()
        .ok()
        .filter(|q| (1..=4).contains(q))
        .map(Window::Quarter)
}

pub fn window_name(t: &ExecText, w: Window) -> String {
    match w {
        Window::Month(m) => m.to_string(),
        Window::Quarter(q) => fill(t.quarter_n, &[&q.to_string()]),
        Window::Period => t.window_year.to_string(),
    }
}

/// The windows a leaderboard can cover: the year, each quarter, each month of the period.
pub fn window_choices(t: &ExecText, months: &[YearMonth]) -> Vec<Choice> {
    let quarters = (1..=months.len().div_ceil(3) as u32).map(|q| {
        let w = Window::Quarter(q);
        Choice::new(
            window_key(w),
            format!("{} · {}", t.window_quarter, window_name(t, w)),
        )
    });
    let months = months.iter().map(|m| {
        Choice::new(
            window_key(Window::Month(*m)),
            format!("{} · {m}", t.window_month),
        )
    });
    std::iter::once(Choice::new("year", t.window_year))
        .chain(quarters)
        .chain(months)
        .collect()
}

/// The scope as a choice's value: empty for the company, else the region's id.
pub fn scope_key(scope: &Scope) -> String {
    match scope {
        Scope::Company => String::new(),
        Scope::Region(id) => id.clone(),
    }
}

pub fn scope_from_key(key: &str) -> Scope {
    if key.is_empty() {
        Scope::Company
    } else {
        Scope::Region(key.to_string())
    }
}

/// Who can compete: the company, or one region.
pub fn scope_choices(t: &ExecText, plan: &Plan) -> Vec<Choice> {
    std::iter::once(Choice::new("", t.company_wide))
        .chain(plan.regions.iter().map(|r| Choice::new(&r.id, &r.name)))
        .collect()
}

pub fn scope_name<'p>(t: &'p ExecText, plan: &'p Plan, scope: &Scope) -> &'p str {
    match scope {
        Scope::Company => t.company_wide,
        Scope::Region(id) => plan.region(id).map_or(t.company_wide, |r| r.name.as_str()),
    }
}

/// The title of a leaderboard: "Leaderboard · Q1 · Company-wide".
pub fn title(t: &ExecText, plan: &Plan, window: Window, scope: &Scope) -> String {
    fill(
        t.leaderboard_title,
        &[&window_name(t, window), scope_name(t, plan, scope)],
    )
}

/// The leaderboard's column headings.
pub fn columns(t: &ExecText) -> [&'static str; 7] {
    [
        t.rank,
        t.salesperson,
        t.region,
        t.subdistrict,
        t.target,
        t.actual,
        t.completion,
    ]
}

/// A salesperson's row on a leaderboard.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StandingRow {
    pub id: String,
    /// "1", or "—" for someone without a target.
    pub rank: String,
    /// 1–3 on the podium (drawn in gold, silver, bronze): only someone who sold in the window
    /// (with nothing recorded yet, everyone ties at 0% and nobody has won a medal).
    pub podium: Option<usize>,
    pub name: String,
    pub region: String,
    pub subdistrict: String,
    pub target: String,
    pub actual: String,
    pub completion: String,
}

/// The first `limit` standings as rows.
pub fn standing_rows(
    t: &ExecText,
    lang: Lang,
    list: &[Standing],
    limit: usize,
) -> Vec<StandingRow> {
    list.iter()
        .take(limit)
        .map(|s| StandingRow {
            id: s.id.clone(),
            rank: s.rank.map_or(t.none_dash.to_string(), |r| r.to_string()),
            podium: s
                .rank
                .filter(|r| (1..=3).contains(r) && s.actual > rust_decimal::Decimal::ZERO),
            name: s.name.clone(),
            region: s.region.clone(),
            subdistrict: s.subdistrict.clone(),
            target: amount(s.target, lang),
            actual: amount(s.actual, lang),
            completion: rate(t, s.completion),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::breakdown::compute;
    use crate::core::execution::{Tracking, leaderboard, sample_execution};
    use crate::core::sample::sample_plan;
    use crate::core::scenario::Measure;
    use crate::i18n::exec::{EXEC_EN, EXEC_ZH};

    #[test]
    fn window_keys_round_trip() {
        let m = YearMonth::new(2027, 3).unwrap();
        for w in [Window::Month(m), Window::Quarter(2), Window::Period] {
            assert_eq!(window_from_key(&window_key(w)), Some(w));
        }
        assert_eq!(window_from_key("quarter-9"), None);
        assert_eq!(window_from_key("nonsense"), None);
        let scope = Scope::Region("r|1\"".into());
        assert_eq!(scope_from_key(&scope_key(&scope)), scope);
        assert_eq!(scope_from_key(&scope_key(&Scope::Company)), Scope::Company);
    }

    #[test]
    fn a_year_offers_itself_four_quarters_and_twelve_months() {
        let plan = sample_plan(Lang::En);
        let choices = window_choices(&EXEC_EN, &plan.period.months());
        assert_eq!(choices.len(), 1 + 4 + 12);
        assert_eq!(choices[0], Choice::new("year", "Year"));
        assert_eq!(choices[1], Choice::new("quarter-1", "Quarter · Q1"));
        assert_eq!(choices[5].label, "Month · 2027-01");
        let scopes = scope_choices(&EXEC_ZH, &plan);
        assert_eq!(scopes[0], Choice::new("", "全公司"));
        assert_eq!(scopes.len(), 1 + plan.regions.len());
    }

    /// The whole company's leaderboard of the first quarter, by amount.
    fn first_quarter(plan: &Plan) -> Vec<Standing> {
        let b = compute(plan, plan.adopted().unwrap()).unwrap();
        let tr = Tracking::new(plan, &b, None);
        leaderboard(
            plan,
            &b,
            &tr,
            Measure::Amount,
            Window::Quarter(1),
            &Scope::Company,
        )
    }

    #[test]
    fn nobody_is_on_the_podium_before_anything_is_sold() {
        let plan = sample_plan(Lang::En);
        let rows = standing_rows(&EXEC_EN, Lang::En, &first_quarter(&plan), 100);
        assert_eq!(rows.len(), plan.salespeople().count());
        assert!(rows.iter().all(|r| r.podium.is_none()), "{:?}", &rows[..3]);
        // Everyone with a target ties at 0%: all first, none ahead of another by name.
        let rated: Vec<&StandingRow> = rows.iter().filter(|r| r.rank != "—").collect();
        assert!(!rated.is_empty());
        assert!(rated.iter().all(|r| r.rank == "1"), "{:?}", &rated[..3]);
    }

    #[test]
    fn the_leaderboard_ranks_by_completion_with_the_podium_marked() {
        let mut plan = sample_plan(Lang::Zh);
        plan.execution = sample_execution(&plan, 3);
        let b = compute(&plan, plan.adopted().unwrap()).unwrap();
        let tr = Tracking::new(&plan, &b, None);
        let list = first_quarter(&plan);
        assert_eq!(
            title(&EXEC_ZH, &plan, Window::Quarter(1), &Scope::Company),
            "排行榜 · 第1季度 · 全公司"
        );
        let rows = standing_rows(&EXEC_ZH, Lang::Zh, &list, 100);
        assert_eq!(rows.len(), plan.salespeople().count());
        assert_eq!(rows.iter().filter(|r| r.podium == Some(1)).count(), 1);
        assert_eq!(rows[0].rank, "1");
        assert_eq!(rows[0].podium, Some(1));
        assert!(rows[3..].iter().all(|r| r.podium.is_none()));
        assert_eq!(standing_rows(&EXEC_ZH, Lang::Zh, &list, 3).len(), 3);
        let region = &plan.regions[0];
        let in_region = leaderboard(
            &plan,
            &b,
            &tr,
            Measure::Amount,
            Window::Quarter(1),
            &Scope::Region(region.id.clone()),
        );
        assert!(
            standing_rows(&EXEC_ZH, Lang::Zh, &in_region, 100)
                .iter()
                .all(|r| r.region == region.name)
        );
    }
}
