//! Expenses (销售费用): a budget per region split distributor/terminal by the region's tier,
//! recorded spend, variance, expense-to-sales ratio, and discounts above the threshold flagged.

use std::fmt::Write;

use chrono::NaiveDate;

use super::{rate, text_input};
use crate::core::execution::{Channel, ExpenseReport, ExpenseRow};
use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::i18n::exec::ExecText;
use crate::view::html::{push_element, push_escaped};
use crate::view::numbers::amount;

pub fn channel_name(t: &ExecText, c: Channel) -> &'static str {
    match c {
        Channel::Distributor => t.ch_distributor,
        Channel::Terminal => t.ch_terminal,
        Channel::Publicity => t.ch_publicity,
    }
}

/// Typed values refused, by input action: (action, typed text, message).
pub type Errors = [(String, String, String)];

fn typed<'a>(errors: &'a Errors, action: &str) -> Option<&'a (String, String, String)> {
    errors.iter().find(|(a, _, _)| a == action)
}

fn row_cells(
    out: &mut String,
    t: &ExecText,
    lang: Lang,
    r: &ExpenseRow,
    budget_input: Option<&Errors>,
) {
    push_element(out, "td", "class=\"name\"", &r.name);
    push_element(out, "td", "", r.tier.map_or("", |tier| t.tier(tier)));
    match budget_input {
        Some(errors) => {
            let action = format!("budget|{}", r.id);
            let error = typed(errors, &action);
            let value =
                error.map_or_else(|| r.budget.normalize().to_string(), |(_, v, _)| v.clone());
            out.push_str("<td class=\"input-cell\">");
            text_input(
                out,
                t.budget,
                &action,
                &value,
                "bare",
                error.map(|(_, _, m)| m.as_str()),
            );
            out.push_str("</td>");
        }
        None => push_element(out, "td", "class=\"num\"", &amount(r.budget, lang)),
    }
    for v in [r.distributor_budget, r.terminal_budget, r.spent_total] {
        push_element(out, "td", "class=\"num\"", &amount(v, lang));
    }
    let over = r.variance.is_sign_negative() && !r.variance.is_zero();
    push_element(
        out,
        "td",
        if over {
            "class=\"num over\""
        } else {
            "class=\"num\""
        },
        &amount(r.variance, lang),
    );
    push_element(out, "td", "class=\"num\"", &rate(t, r.expense_to_sales));
}

/// Budgets and spend per region with the company total.
pub fn report_html(t: &ExecText, lang: Lang, report: &ExpenseReport, errors: &Errors) -> String {
    let mut out = String::from("<table class=\"grid expenses\"><thead><tr>");
    for h in [
        t.region,
        t.tier,
        t.budget,
        t.distributor_budget,
        t.terminal_budget,
        t.spent,
        t.variance,
        t.expense_ratio,
    ] {
        push_element(&mut out, "th", "", h);
    }
    out.push_str("</tr></thead><tbody>");
    for r in &report.rows {
        out.push_str("<tr class=\"expense-row\" data-region=\"");
        push_escaped(&mut out, &r.id);
        out.push_str("\">");
        row_cells(&mut out, t, lang, r, Some(errors));
        out.push_str("</tr>");
    }
    out.push_str("<tr class=\"total\">");
    let mut total = report.total.clone();
    total.name = t.total.to_string();
    row_cells(&mut out, t, lang, &total, None);
    out.push_str("</tr></tbody></table>");
    out
}

/// The form that records a spend.
pub fn spend_form_html(t: &ExecText, plan: &Plan, today: NaiveDate, errors: &Errors) -> String {
    let mut out = String::from("<fieldset class=\"spend-form\"><legend>");
    push_escaped(&mut out, t.record_spend);
    out.push_str("</legend>");
    let field = |out: &mut String, label: &str, id: &str, value: &str| {
        let error = typed(errors, id);
        let _ = write!(out, "<label class=\"field-inline\"><span>");
        push_escaped(out, label);
        let _ = write!(
            out,
            "</span><input type=\"text\" id=\"spend-{id}\" value=\""
        );
        push_escaped(out, error.map_or(value, |(_, v, _)| v.as_str()));
        out.push('"');
        if error.is_some() {
            out.push_str(" aria-invalid=\"true\"");
        }
        out.push('>');
        if let Some((_, _, m)) = error {
            push_element(out, "span", "class=\"field-error\" role=\"alert\"", m);
        }
        out.push_str("</label>");
    };
    field(&mut out, t.date, "date", &today.to_string());
    out.push_str("<label class=\"field-inline\"><span>");
    push_escaped(&mut out, t.region);
    out.push_str("</span><select id=\"spend-region\">");
    for r in &plan.regions {
        out.push_str("<option value=\"");
        push_escaped(&mut out, &r.id);
        out.push_str("\">");
        push_escaped(&mut out, &r.name);
        out.push_str("</option>");
    }
    out.push_str("</select></label><label class=\"field-inline\"><span>");
    push_escaped(&mut out, t.channel);
    out.push_str("</span><select id=\"spend-channel\">");
    for c in Channel::ALL {
        let _ = write!(
            out,
            "<option value=\"{}\">{}</option>",
            c.key(),
            channel_name(t, c)
        );
    }
    out.push_str("</select></label>");
    field(&mut out, t.amount, "amount", "");
    field(&mut out, t.discount, "discount", "");
    field(&mut out, t.note, "note", "");
    let _ = write!(
        out,
        "<button type=\"button\" class=\"btn primary\" id=\"add-spend\" data-action=\"add\">{}</button></fieldset>",
        t.add
    );
    out
}

/// Recorded spend, newest first; flagged discounts with a reviewed box.
pub fn spend_list_html(t: &ExecText, lang: Lang, plan: &Plan, report: &ExpenseReport) -> String {
    let mut out = String::new();
    push_element(&mut out, "h3", "", t.spend_list);
    let expenses = &plan.execution.expenses;
    if expenses.is_empty() {
        push_element(&mut out, "p", "class=\"empty\"", t.no_spend);
        return out;
    }
    out.push_str("<table class=\"grid spend\"><thead><tr>");
    for h in [
        t.date, t.region, t.channel, t.amount, t.discount, t.note, t.status, "",
    ] {
        push_element(&mut out, "th", "", h);
    }
    out.push_str("</tr></thead><tbody>");
    let mut order: Vec<usize> = (0..expenses.len()).collect();
    order.sort_by(|a, b| expenses[*b].date.cmp(&expenses[*a].date).then(b.cmp(a)));
    for i in order {
        let x = &expenses[i];
        let flagged = report.flagged.contains(&i);
        let _ = write!(
            out,
            "<tr class=\"spend-row{}\">",
            if flagged { " flagged" } else { "" }
        );
        push_element(&mut out, "td", "", &x.date.to_string());
        let region = plan
            .region(&x.region)
            .map_or(x.region.as_str(), |r| r.name.as_str());
        push_element(&mut out, "td", "", region);
        push_element(&mut out, "td", "", channel_name(t, x.channel));
        push_element(&mut out, "td", "class=\"num\"", &amount(x.amount, lang));
        push_element(
            &mut out,
            "td",
            "class=\"num\"",
            &x.discount_percent
                .map_or(String::new(), |d| format!("{}%", d.normalize())),
        );
        push_element(&mut out, "td", "", &x.note);
        if flagged {
            let _ = write!(
                out,
                "<td><label class=\"check review\"><input type=\"checkbox\" data-action=\"reviewed|{i}\"{}>{}</label></td>",
                if x.reviewed { " checked" } else { "" },
                if x.reviewed { t.reviewed } else { t.flagged }
            );
        } else {
            out.push_str("<td></td>");
        }
        let _ = write!(
            out,
            "<td><button type=\"button\" class=\"icon\" data-action=\"remove|{i}\" aria-label=\"{0}\" title=\"{0}\">✕</button></td></tr>",
            t.delete
        );
    }
    out.push_str("</tbody></table>");
    out
}

/// The discount threshold setting.
pub fn settings_html(t: &ExecText, plan: &Plan, errors: &Errors) -> String {
    let mut out = String::from("<div class=\"toolbar\">");
    let error = typed(errors, "discount-threshold");
    let value = error.map_or_else(
        || {
            plan.execution
                .settings
                .discount_threshold
                .normalize()
                .to_string()
        },
        |(_, v, _)| v.clone(),
    );
    text_input(
        &mut out,
        t.discount_threshold,
        "discount-threshold",
        &value,
        "narrow",
        error.map(|(_, _, m)| m.as_str()),
    );
    out.push_str("</div>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::execution::{Expense, add_expense, expense_report, set_budget};
    use crate::core::sample::sample_plan;
    use crate::i18n::exec::EXEC_EN;

    #[test]
    fn budgets_spend_and_flagged_discounts_show() {
        let mut plan = sample_plan(Lang::En);
        let region = plan.regions[0].id.clone();
        set_budget(&mut plan, &region, "100000".parse().unwrap()).unwrap();
        add_expense(
            &mut plan,
            Expense {
                date: "2027-02-03".parse().unwrap(),
                region: region.clone(),
                channel: Channel::Terminal,
                amount: "120000".parse().unwrap(),
                discount_percent: Some("15".parse().unwrap()),
                note: "spring push".into(),
                reviewed: false,
            },
        )
        .unwrap();
        let report = expense_report(&plan, plan.adopted().unwrap());
        let html = report_html(&EXEC_EN, Lang::En, &report, &[]);
        assert!(html.contains("class=\"num over\">-20,000"), "{html}");
        assert!(html.contains(&format!("data-action=\"budget|{region}\"")));
        let list = spend_list_html(&EXEC_EN, Lang::En, &plan, &report);
        assert!(list.contains("spend-row flagged"));
        assert!(list.contains("data-action=\"reviewed|0\""));
    }
}
