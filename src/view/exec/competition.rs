//! Sales competition (销售竞赛): salespeople ranked by completion rate over a month, a quarter or
//! the year, within a region or company-wide.

use std::fmt::Write;

use super::{measure_toggles, rate, select};
use crate::core::execution::{Scope, Standing, Window};
use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::core::period::YearMonth;
use crate::core::scenario::Measure;
use crate::i18n::exec::ExecText;
use crate::i18n::fill;
use crate::view::html::{push_element, push_escaped};
use crate::view::numbers::amount;

/// The window as a value of the window select (`month|2027-03`, `quarter|2`, `year`).
pub fn window_key(w: Window) -> String {
    match w {
        Window::Month(m) => format!("month|{m}"),
        Window::Quarter(q) => format!("quarter|{q}"),
        Window::Period => "year".into(),
    }
}

/// The window a select value stands for.
pub fn window_from_key(key: &str) -> Option<Window> {
    match key.split_once('|') {
        Some(("month", m)) => m.parse().ok().map(Window::Month),
        Some(("quarter", q)) => q
            .parse()
            .ok()
            .filter(|q| (1..=4).contains(q))
            .map(Window::Quarter),
        None if key == "year" => Some(Window::Period),
        _ => None,
    }
}

pub fn window_name(t: &ExecText, w: Window) -> String {
    match w {
        Window::Month(m) => m.to_string(),
        Window::Quarter(q) => fill(t.quarter_n, &[&q.to_string()]),
        Window::Period => t.window_year.to_string(),
    }
}

/// The scope as a select value: empty for the company, else the region's id.
pub fn scope_name<'p>(t: &ExecText, plan: &'p Plan, scope: &Scope) -> &'p str
where
    ExecText: 'p,
{
    match scope {
        Scope::Company => t.company_wide,
        Scope::Region(id) => plan.region(id).map_or(t.company_wide, |r| r.name.as_str()),
    }
}

/// Window, scope and measure.
pub fn controls_html(
    t: &ExecText,
    plan: &Plan,
    months: &[YearMonth],
    window: Window,
    scope: &Scope,
    measure: Measure,
) -> String {
    let mut out = String::from("<div class=\"toolbar\">");
    let mut options = String::new();
    let mut option = |key: String, label: String| {
        let selected = key == window_key(window);
        options.push_str("<option value=\"");
        push_escaped(&mut options, &key);
        options.push('"');
        if selected {
            options.push_str(" selected");
        }
        options.push('>');
        push_escaped(&mut options, &label);
        options.push_str("</option>");
    };
    option("year".into(), t.window_year.into());
    for q in 1..=months.len().div_ceil(3) as u32 {
        let w = Window::Quarter(q);
        option(
            window_key(w),
            format!("{} · {}", t.window_quarter, window_name(t, w)),
        );
    }
    for m in months {
        option(
            window_key(Window::Month(*m)),
            format!("{} · {m}", t.window_month),
        );
    }
    select(&mut out, t.window_label, "window", &options);
    let mut regions = String::new();
    let _ = write!(
        regions,
        "<option value=\"\"{}>{}</option>",
        if *scope == Scope::Company {
            " selected"
        } else {
            ""
        },
        t.company_wide
    );
    for r in &plan.regions {
        regions.push_str("<option value=\"");
        push_escaped(&mut regions, &r.id);
        regions.push('"');
        if *scope == Scope::Region(r.id.clone()) {
            regions.push_str(" selected");
        }
        regions.push('>');
        push_escaped(&mut regions, &r.name);
        regions.push_str("</option>");
    }
    select(&mut out, t.region, "scope", &regions);
    measure_toggles(&mut out, t, measure);
    let _ = write!(
        out,
        "<button type=\"button\" class=\"btn present-button\" id=\"present\" data-action=\"present\">▶ {}</button></div>",
        t.present
    );
    out
}

/// The leaderboard table: rank, salesperson, region, sub-district, target, actual, completion.
pub fn leaderboard_html(
    t: &ExecText,
    lang: Lang,
    title: &str,
    list: &[Standing],
    limit: usize,
) -> String {
    let mut out = String::new();
    push_element(&mut out, "h3", "class=\"leaderboard-title\"", title);
    out.push_str("<table class=\"grid leaderboard\"><thead><tr>");
    for h in [
        t.rank,
        t.salesperson,
        t.region,
        t.subdistrict,
        t.target,
        t.actual,
        t.completion,
    ] {
        push_element(&mut out, "th", "", h);
    }
    out.push_str("</tr></thead><tbody>");
    for s in list.iter().take(limit) {
        let podium = match s.rank {
            Some(r @ 1..=3) => format!(" podium-{r}"),
            _ => String::new(),
        };
        let _ = write!(out, "<tr class=\"standing{podium}\">");
        push_element(
            &mut out,
            "td",
            "class=\"rank\"",
            &s.rank.map_or(t.none_dash.to_string(), |r| r.to_string()),
        );
        push_element(&mut out, "td", "class=\"name\"", &s.name);
        push_element(&mut out, "td", "", &s.region);
        push_element(&mut out, "td", "", &s.subdistrict);
        push_element(&mut out, "td", "class=\"num\"", &amount(s.target, lang));
        push_element(&mut out, "td", "class=\"num\"", &amount(s.actual, lang));
        push_element(
            &mut out,
            "td",
            "class=\"num completion\"",
            &rate(t, s.completion),
        );
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    super::more_rows(
        &mut out,
        t,
        limit.min(list.len()),
        list.len(),
        "all-standings",
    );
    out
}

/// The title of a leaderboard.
pub fn title(t: &ExecText, plan: &Plan, window: Window, scope: &Scope) -> String {
    fill(
        t.leaderboard_title,
        &[&window_name(t, window), scope_name(t, plan, scope)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::breakdown::compute;
    use crate::core::execution::{Tracking, leaderboard, sample_execution};
    use crate::core::sample::sample_plan;
    use crate::i18n::exec::{EXEC_EN, EXEC_ZH};

    #[test]
    fn window_keys_round_trip() {
        let m = YearMonth::new(2027, 3).unwrap();
        for w in [Window::Month(m), Window::Quarter(2), Window::Period] {
            assert_eq!(window_from_key(&window_key(w)), Some(w));
        }
        assert_eq!(window_from_key("quarter|9"), None);
        assert_eq!(window_from_key("nonsense"), None);
    }

    #[test]
    fn the_leaderboard_ranks_by_completion_with_the_podium_marked() {
        let mut plan = sample_plan(Lang::Zh);
        plan.execution = sample_execution(&plan, 3);
        let b = compute(&plan, plan.adopted().unwrap()).unwrap();
        let tr = Tracking::new(&plan, &b, None);
        let list = leaderboard(
            &plan,
            &b,
            &tr,
            Measure::Amount,
            Window::Quarter(1),
            &Scope::Company,
        );
        let html = leaderboard_html(
            &EXEC_ZH,
            Lang::Zh,
            &title(&EXEC_ZH, &plan, Window::Quarter(1), &Scope::Company),
            &list,
            100,
        );
        assert!(html.contains("第1季度"));
        let top = leaderboard_html(&EXEC_ZH, Lang::Zh, "", &list, 3);
        assert_eq!(top.matches("<tr class=\"standing").count(), 3);
        assert!(top.contains("data-action=\"all-standings\""));
        assert_eq!(html.matches("podium-1").count(), 1);
        assert_eq!(
            html.matches("<tr class=\"standing").count(),
            plan.salespeople().count()
        );
        let controls = controls_html(
            &EXEC_EN,
            &plan,
            b.months(),
            Window::Quarter(1),
            &Scope::Company,
            Measure::Amount,
        );
        assert!(controls.contains("value=\"quarter|1\" selected"));
    }
}
