//! Actuals (实际销售): a month's figures per salesperson, typed in a paged table, and the preview
//! of an imported file with every problem per line before anything is stored.

use std::fmt::Write;

use super::{month_options, rate, select};
use crate::core::breakdown::Breakdown;
use crate::core::execution::{ActualsPreview, Figure, ratio};
use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::core::period::YearMonth;
use crate::core::scenario::Measure;
use crate::i18n::exec::ExecText;
use crate::i18n::fill;
use crate::view::html::{push_element, push_escaped};
use crate::view::numbers::amount;

/// Rows per page of the entry table: enough to fill a screen, few enough to stay quick at ten
/// thousand salespeople.
pub const PAGE_SIZE: usize = 50;

/// What the entry table shows.
pub struct EntryView<'a> {
    pub month: YearMonth,
    pub search: &'a str,
    pub page: usize,
    /// Refused values: (salesperson id, figure key, typed text, message).
    pub errors: &'a [(String, String, String, String)],
}

/// The page's toolbar: month, search, import, template, export.
pub fn toolbar_html(t: &ExecText, plan: &Plan, month: YearMonth, search: &str) -> String {
    let mut out = String::from("<div class=\"toolbar\">");
    let mut options = String::new();
    month_options(&mut options, &plan.period.months(), Some(month));
    select(&mut out, t.month, "month", &options);
    out.push_str("<label class=\"field-inline\"><span>");
    push_escaped(&mut out, t.search);
    out.push_str("</span><input type=\"search\" data-action=\"search\" value=\"");
    push_escaped(&mut out, search);
    out.push_str("\"></label>");
    super::file_buttons(&mut out, t, "actuals-file");
    if plan.execution.actuals.is_empty() {
        let _ = write!(
            out,
            "<button type=\"button\" class=\"btn\" data-action=\"demo\">{}</button>",
            t.demo_data
        );
    }
    out.push_str("</div>");
    out
}

/// The salespeople whose name, id, region or sub-district contains `search` (any case), in
/// plan order, as (region, sub-district, salesperson) names and the salesperson's id.
pub fn matching_people<'p>(plan: &'p Plan, search: &str) -> Vec<[&'p str; 4]> {
    let needle = search.trim().to_lowercase();
    let mut out = Vec::new();
    for r in &plan.regions {
        for d in &r.subdistricts {
            for p in &d.salespeople {
                let row = [
                    r.name.as_str(),
                    d.name.as_str(),
                    p.name.as_str(),
                    p.id.as_str(),
                ];
                if needle.is_empty() || row.iter().any(|s| s.to_lowercase().contains(&needle)) {
                    out.push(row);
                }
            }
        }
    }
    out
}

/// The entry table for one month: each salesperson's month target, the three figures as
/// inputs, and the completion.
pub fn entry_html(
    t: &ExecText,
    lang: Lang,
    plan: &Plan,
    b: Option<&Breakdown>,
    view: &EntryView,
) -> String {
    let people = matching_people(plan, view.search);
    let pages = people.len().div_ceil(PAGE_SIZE).max(1);
    let page = view.page.min(pages - 1);
    let k = b.and_then(|b| b.months().iter().position(|m| *m == view.month));
    let mut out = String::from("<table class=\"grid actuals\"><thead><tr>");
    for h in [
        t.region,
        t.subdistrict,
        t.salesperson,
        t.target,
        t.amount,
        t.quantity,
        t.collections,
        t.completion,
    ] {
        push_element(&mut out, "th", "", h);
    }
    out.push_str("</tr></thead><tbody>");
    for [region, sub, name, id] in people.iter().skip(page * PAGE_SIZE).take(PAGE_SIZE) {
        let actual = plan
            .execution
            .actuals
            .get(*id)
            .and_then(|m| m.get(&view.month))
            .copied();
        let target = match (b, k) {
            (Some(b), Some(k)) => b
                .find(id)
                .map(|node| b.month_value(node, Measure::Amount, k)),
            _ => None,
        };
        out.push_str("<tr data-person=\"");
        push_escaped(&mut out, id);
        out.push_str("\">");
        push_element(&mut out, "td", "", region);
        push_element(&mut out, "td", "", sub);
        push_element(&mut out, "td", "class=\"name\"", name);
        push_element(
            &mut out,
            "td",
            "class=\"num\"",
            &target.map_or(String::new(), |v| amount(v, lang)),
        );
        for f in Figure::ALL {
            let error = view
                .errors
                .iter()
                .find(|(p, key, _, _)| p == id && key == f.key());
            let value = match (error, actual) {
                (Some((_, _, typed, _)), _) => typed.clone(),
                (None, Some(a)) => a.get(f).normalize().to_string(),
                (None, None) => String::new(),
            };
            out.push_str("<td class=\"input-cell\"><input type=\"text\" inputmode=\"decimal\" class=\"num-input\" data-action=\"set|");
            push_escaped(&mut out, id);
            let _ = write!(out, "|{}\" aria-label=\"", f.key());
            push_escaped(&mut out, name);
            let _ = write!(out, " {}\" value=\"", t.field_label(f.key()));
            push_escaped(&mut out, &value);
            out.push('"');
            if let Some((_, _, _, message)) = error {
                out.push_str(" aria-invalid=\"true\" title=\"");
                push_escaped(&mut out, message);
                out.push_str("\"></td>");
            } else {
                out.push_str("></td>");
            }
        }
        let completion = match (actual, target) {
            (Some(a), Some(target)) => rate(t, ratio(a.amount, target)),
            _ => String::new(),
        };
        push_element(&mut out, "td", "class=\"num\"", &completion);
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    if people.is_empty() {
        push_element(&mut out, "p", "class=\"empty\"", t.no_people);
    }
    for (_, _, _, message) in view.errors {
        push_element(
            &mut out,
            "p",
            "class=\"field-error\" role=\"alert\"",
            message,
        );
    }
    pager(&mut out, t, page, pages);
    out
}

fn pager(out: &mut String, t: &ExecText, page: usize, pages: usize) {
    if pages < 2 {
        return;
    }
    out.push_str("<div class=\"pager\">");
    let _ = write!(
        out,
        "<button type=\"button\" class=\"btn\" data-action=\"page|{}\"{}>{}</button>",
        page.saturating_sub(1),
        if page == 0 { " disabled" } else { "" },
        t.previous
    );
    push_element(
        out,
        "span",
        "class=\"page-of\"",
        &fill(t.page_of, &[&(page + 1).to_string(), &pages.to_string()]),
    );
    let _ = write!(
        out,
        "<button type=\"button\" class=\"btn\" data-action=\"page|{}\"{}>{}</button></div>",
        page + 1,
        if page + 1 >= pages { " disabled" } else { "" },
        t.next
    );
}

/// What an actuals import would do, every problem per line, and the choices.
pub fn preview_html(t: &ExecText, plan: &Plan, file: &str, preview: &ActualsPreview) -> String {
    let people = {
        let mut ids: Vec<&str> = preview
            .rows
            .iter()
            .map(|r| r.salesperson.as_str())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    };
    let replaced = preview
        .rows
        .iter()
        .filter(|r| {
            plan.execution
                .actuals
                .get(&r.salesperson)
                .is_some_and(|m| m.contains_key(&r.month))
        })
        .count();
    let summary = fill(
        t.preview_summary,
        &[
            &preview.rows.len().to_string(),
            &people.to_string(),
            &preview.months().len().to_string(),
            &replaced.to_string(),
        ],
    );
    let problems: Vec<String> = preview.problems.iter().map(|p| t.problem(p)).collect();
    super::import_preview_html(
        t,
        "actuals-preview",
        file,
        &summary,
        &problems,
        preview.bad_lines(),
        preview.rows.len(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::breakdown::compute;
    use crate::core::execution::parse_actuals;
    use crate::core::sample::sample_plan;
    use crate::i18n::exec::EXEC_EN;

    fn jan() -> YearMonth {
        YearMonth::new(2027, 1).unwrap()
    }

    #[test]
    fn the_entry_table_pages_and_filters_salespeople() {
        let plan = sample_plan(Lang::En);
        let b = compute(&plan, plan.adopted().unwrap()).unwrap();
        let view = EntryView {
            month: jan(),
            search: "",
            page: 0,
            errors: &[],
        };
        let html = entry_html(&EXEC_EN, Lang::En, &plan, Some(&b), &view);
        let total = plan.salespeople().count();
        assert_eq!(
            html.matches("<tr data-person=").count(),
            total.min(PAGE_SIZE)
        );
        let region = &plan.regions[1];
        let in_region: usize = region
            .subdistricts
            .iter()
            .map(|d| d.salespeople.len())
            .sum();
        let filtered = EntryView {
            search: &region.name.to_uppercase(),
            ..view
        };
        let html = entry_html(&EXEC_EN, Lang::En, &plan, Some(&b), &filtered);
        assert_eq!(html.matches("<tr data-person=").count(), in_region);
    }

    #[test]
    fn a_refused_value_stays_in_its_input_with_the_reason() {
        let plan = sample_plan(Lang::En);
        let id = plan.salespeople().next().unwrap().id.clone();
        let errors = vec![(
            id.clone(),
            "amount".to_string(),
            "12x".to_string(),
            "Amount: “12x” is not a number.".to_string(),
        )];
        let view = EntryView {
            month: jan(),
            search: "",
            page: 0,
            errors: &errors,
        };
        let html = entry_html(&EXEC_EN, Lang::En, &plan, None, &view);
        assert!(html.contains("value=\"12x\" aria-invalid=\"true\""));
        assert!(html.contains("is not a number"));
    }

    #[test]
    fn the_preview_lists_problems_and_offers_to_skip_them() {
        let plan = sample_plan(Lang::En);
        let id = plan.salespeople().next().unwrap().id.clone();
        let csv = format!(
            "salesperson_id,month,amount,quantity,collections\n{id},2027-01,100,1,50\nnobody,2027-01,1,1,1\n{id},2027-02,abc,1,1\n"
        );
        let preview = parse_actuals(&plan, csv.as_bytes());
        let html = preview_html(&EXEC_EN, &plan, "march.csv", &preview);
        assert!(html.contains("Line 3"), "{html}");
        assert!(html.contains("no salesperson with id “nobody”"));
        assert!(html.contains("“abc” is not a number"));
        assert!(html.contains("data-action=\"apply-skip\""));
        assert!(!html.contains("data-action=\"apply\""));
    }

    #[test]
    fn a_file_with_many_problems_lists_the_first_and_offers_them_all() {
        let plan = sample_plan(Lang::En);
        let mut csv = String::from("salesperson_id,month,amount,quantity,collections\n");
        for i in 0..250 {
            csv.push_str(&format!("nobody-{i},2027-01,1,1,1\n"));
        }
        let preview = parse_actuals(&plan, csv.as_bytes());
        let html = preview_html(&EXEC_EN, &plan, "big.csv", &preview);
        assert_eq!(
            html.matches("<li>").count(),
            super::super::PROBLEMS_SHOWN + 1
        );
        assert!(html.contains("… and 50 more"));
        assert!(html.contains("Download all 250 problems"));
        assert!(
            !html.contains("data-action=\"apply-skip\""),
            "no good row to import"
        );
    }
}
