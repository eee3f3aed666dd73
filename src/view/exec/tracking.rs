//! Completion and pace at every level, and the deviation list (偏差) with corrective actions.

use std::collections::HashSet;
use std::fmt::Write;

use super::{measure_toggles, month_options, rate, select, text_input};
use crate::core::breakdown::{Breakdown, node_name};
use crate::core::execution::{Deviation, Status, Tracking};
use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::core::scenario::{Level, Measure};
use crate::i18n::exec::ExecText;
use crate::view::html::{push_element, push_escaped};
use crate::view::numbers::amount;

/// The controls: as-of month, measure, alert threshold.
pub fn controls_html(
    t: &ExecText,
    plan: &Plan,
    b: &Breakdown,
    tr: &Tracking,
    measure: Measure,
    threshold_error: Option<&str>,
) -> String {
    let mut out = String::from("<div class=\"toolbar\">");
    let mut options = String::new();
    month_options(&mut options, b.months(), tr.as_of());
    select(&mut out, t.as_of, "as-of", &options);
    measure_toggles(&mut out, t, measure);
    let threshold = plan.execution.settings.deviation_threshold.normalize();
    text_input(
        &mut out,
        t.threshold,
        "threshold",
        &threshold.to_string(),
        "narrow",
        threshold_error,
    );
    out.push_str("</div>");
    out
}

fn status_cells(out: &mut String, t: &ExecText, lang: Lang, s: &Status) {
    for v in [s.target, s.target_to_date, s.actual] {
        push_element(out, "td", "class=\"num\"", &amount(v, lang));
    }
    push_element(out, "td", "class=\"num\"", &rate(t, s.completion));
    push_element(out, "td", "class=\"num\"", &rate(t, s.pace));
    if s.behind {
        push_element(out, "td", "class=\"status behind\"", t.behind);
    } else if s.pace.is_some() {
        push_element(out, "td", "class=\"status ok\"", t.on_track);
    } else {
        push_element(out, "td", "class=\"status\"", t.none_dash);
    }
}

/// Company, regions, and the children of expanded rows, each with its period target, target
/// and actual to date, completion, pace and status.
pub fn tracking_html(
    t: &ExecText,
    lang: Lang,
    plan: &Plan,
    b: &Breakdown,
    tr: &Tracking,
    measure: Measure,
    expanded: &HashSet<String>,
) -> String {
    let mut out = String::new();
    push_element(&mut out, "h3", "", t.tracking_title);
    out.push_str("<table class=\"grid tracking\"><thead><tr>");
    for h in [
        t.name,
        t.target,
        t.target_to_date,
        t.actual,
        t.completion,
        t.pace,
        t.status,
    ] {
        push_element(&mut out, "th", "", h);
    }
    out.push_str("</tr></thead><tbody>");
    let mut stack = vec![0usize];
    while let Some(i) = stack.pop() {
        let node = &b.nodes()[i];
        let depth = match node.level {
            Level::Company => 0,
            Level::Region => 1,
            Level::Subdistrict => 2,
            Level::Salesperson => 3,
        };
        let open = i == 0 || expanded.contains(&node.id);
        let s = tr.total(b, i, measure);
        let _ = write!(
            out,
            "<tr class=\"depth-{depth}{}\" data-node=\"",
            if s.behind { " is-behind" } else { "" }
        );
        push_escaped(&mut out, &node.id);
        out.push_str("\"><td class=\"name\">");
        if i != 0 && b.children(i).len() > 0 {
            let _ = write!(
                out,
                "<button type=\"button\" class=\"icon\" aria-expanded=\"{open}\" data-action=\"toggle|"
            );
            push_escaped(&mut out, &node.id);
            let _ = write!(out, "\">{}</button>", if open { "▾" } else { "▸" });
        }
        push_escaped(&mut out, node_name(plan, node.pos));
        out.push_str("</td>");
        status_cells(&mut out, t, lang, &s);
        out.push_str("</tr>");
        if open {
            let children: Vec<usize> = b.children(i).collect();
            stack.extend(children.into_iter().rev());
        }
    }
    out.push_str("</tbody></table>");
    out
}

/// Everyone behind pace, lowest pace first, with a corrective-action note and a done box.
pub fn deviations_html(
    t: &ExecText,
    lang: Lang,
    list: &[Deviation],
    limit: usize,
    note_errors: &[(String, String)],
) -> String {
    let mut out = String::new();
    push_element(
        &mut out,
        "h3",
        "id=\"deviations-title\"",
        t.deviations_title,
    );
    if list.is_empty() {
        push_element(
            &mut out,
            "p",
            "class=\"empty deviations-none\"",
            t.deviations_none,
        );
        return out;
    }
    out.push_str("<table class=\"grid deviations\"><thead><tr>");
    for h in [
        t.name,
        t.level,
        t.target_to_date,
        t.actual,
        t.pace,
        t.shortfall,
        t.action_note,
        t.action_done,
    ] {
        push_element(&mut out, "th", "", h);
    }
    out.push_str("</tr></thead><tbody>");
    for d in list.iter().take(limit) {
        out.push_str("<tr class=\"deviation\" data-node=\"");
        push_escaped(&mut out, &d.id);
        out.push_str("\">");
        push_element(&mut out, "td", "class=\"name\"", &d.name);
        push_element(&mut out, "td", "", level_name(t, d.level));
        push_element(
            &mut out,
            "td",
            "class=\"num\"",
            &amount(d.status.target_to_date, lang),
        );
        push_element(
            &mut out,
            "td",
            "class=\"num\"",
            &amount(d.status.actual, lang),
        );
        push_element(
            &mut out,
            "td",
            "class=\"num behind\"",
            &rate(t, d.status.pace),
        );
        push_element(&mut out, "td", "class=\"num\"", &amount(d.shortfall, lang));
        let (note, done) = d
            .note
            .as_ref()
            .map_or(("", false), |n| (n.note.as_str(), n.done));
        let error = note_errors
            .iter()
            .find(|(id, _)| *id == d.id)
            .map(|(_, e)| e.as_str());
        out.push_str("<td class=\"note-cell\">");
        let mut field = String::new();
        text_input(
            &mut field,
            t.action_note,
            &format!("note|{}", d.id),
            note,
            "note",
            error,
        );
        out.push_str(&field);
        out.push_str("</td><td><input type=\"checkbox\" data-action=\"done|");
        push_escaped(&mut out, &d.id);
        let _ = write!(
            out,
            "\" aria-label=\"{}\"{}></td></tr>",
            t.action_done,
            if done { " checked" } else { "" }
        );
    }
    out.push_str("</tbody></table>");
    super::more_rows(
        &mut out,
        t,
        limit.min(list.len()),
        list.len(),
        "all-deviations",
    );
    out
}

pub fn level_name(t: &ExecText, level: Level) -> &'static str {
    match level {
        Level::Company => t.total,
        Level::Region => t.region,
        Level::Subdistrict => t.subdistrict,
        Level::Salesperson => t.salesperson,
    }
}

/// The breakdown could not be computed: say why instead of a table.
pub fn breakdown_failed_html(message: &str) -> String {
    let mut out = String::new();
    push_element(
        &mut out,
        "p",
        "class=\"banner error\" role=\"alert\"",
        message,
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::breakdown::compute;
    use crate::core::execution::{Actual, deviations, set_actual};
    use crate::core::period::YearMonth;
    use crate::core::sample::sample_plan;
    use crate::i18n::exec::EXEC_EN;
    use rust_decimal::Decimal;

    #[test]
    fn a_person_far_behind_is_listed_with_a_note_field() {
        let mut plan = sample_plan(Lang::En);
        let b = compute(&plan, plan.adopted().unwrap()).unwrap();
        let person = b.at_level(Level::Salesperson).next().unwrap();
        let id = b.nodes()[person].id.clone();
        let jan = YearMonth::new(2027, 1).unwrap();
        let k = b.months().iter().position(|m| *m == jan).unwrap();
        let target = b.month_value(person, Measure::Amount, k);
        // Half the month's target: 50% pace, far behind a 10% threshold.
        let half = Actual {
            amount: target / Decimal::TWO,
            ..Actual::default()
        };
        set_actual(&mut plan, &id, jan, half).unwrap();
        let tr = Tracking::new(&plan, &b, None);
        let list = deviations(&plan, &b, &tr, Measure::Amount);
        assert!(list.iter().any(|d| d.id == id));
        let html = deviations_html(&EXEC_EN, Lang::En, &list, 100, &[]);
        assert!(html.contains(&format!("data-action=\"note|{id}\"")));
        assert!(!html.contains("all-deviations"));
        if list.len() > 1 {
            let first = deviations_html(&EXEC_EN, Lang::En, &list, 1, &[]);
            assert_eq!(first.matches("<tr class=\"deviation\"").count(), 1);
            assert!(first.contains(&format!("Show all {}", list.len())));
        }
        assert!(html.contains("50%"), "{html}");
        let table = tracking_html(
            &EXEC_EN,
            Lang::En,
            &plan,
            &b,
            &tr,
            Measure::Amount,
            &HashSet::new(),
        );
        assert!(table.contains("is-behind"));
        assert_eq!(
            table.matches("<tr class=\"depth-1").count(),
            plan.regions.len()
        );
    }

    #[test]
    fn no_actuals_means_no_deviations() {
        let plan = sample_plan(Lang::Zh);
        let b = compute(&plan, plan.adopted().unwrap()).unwrap();
        let tr = Tracking::new(&plan, &b, None);
        let list = deviations(&plan, &b, &tr, Measure::Amount);
        let html = deviations_html(&EXEC_EN, Lang::En, &list, 100, &[]);
        assert!(html.contains(EXEC_EN.deviations_none));
    }
}
