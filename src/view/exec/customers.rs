//! The customer archive (客户档案): distributors and terminals linked to their sub-district, each
//! change kept with its date, the last visit, records not visited for N days, and the
//! sub-districts' named target customers linked to their records.

use std::fmt::Write;

use chrono::NaiveDate;

use super::text_input;
use crate::core::execution::{Customer, CustomerField, CustomerKind, linked_customer, stale};
use crate::core::model::Plan;
use crate::i18n::exec::ExecText;
use crate::i18n::fill;
use crate::view::html::{push_element, push_escaped};

pub fn kind_name(t: &ExecText, kind: CustomerKind) -> &'static str {
    match kind {
        CustomerKind::Distributor => t.distributor,
        CustomerKind::Terminal => t.terminal,
    }
}

pub fn field_name(t: &ExecText, field: CustomerField) -> &'static str {
    match field {
        CustomerField::Kind => t.kind,
        CustomerField::Subdistrict => t.subdistrict,
        other => t.field_label(other.key()),
    }
}

fn subdistrict_name<'p>(t: &ExecText, plan: &'p Plan, id: &str) -> &'p str
where
    ExecText: 'p,
{
    if id.is_empty() {
        return t.unlinked;
    }
    plan.subdistrict(id).map_or(t.unlinked, |d| d.name.as_str())
}

/// `<option>`s of every sub-district (grouped by region) plus "not linked".
fn subdistrict_options(out: &mut String, t: &ExecText, plan: &Plan, selected: &str) {
    let _ = write!(
        out,
        "<option value=\"\"{}>{}</option>",
        if selected.is_empty() { " selected" } else { "" },
        t.unlinked
    );
    for r in &plan.regions {
        out.push_str("<optgroup label=\"");
        push_escaped(out, &r.name);
        out.push_str("\">");
        for d in &r.subdistricts {
            out.push_str("<option value=\"");
            push_escaped(out, &d.id);
            out.push('"');
            if d.id == selected {
                out.push_str(" selected");
            }
            out.push('>');
            push_escaped(out, &d.name);
            out.push_str("</option>");
        }
        out.push_str("</optgroup>");
    }
}

fn kind_options(out: &mut String, t: &ExecText, selected: CustomerKind) {
    for k in [CustomerKind::Distributor, CustomerKind::Terminal] {
        let _ = write!(
            out,
            "<option value=\"{}\"{}>{}</option>",
            k.key(),
            if k == selected { " selected" } else { "" },
            kind_name(t, k)
        );
    }
}

/// The form that adds a record, and the search box.
pub fn add_form_html(t: &ExecText, plan: &Plan, search: &str, error: Option<&str>) -> String {
    let mut out = String::from("<div class=\"toolbar add-customer\">");
    out.push_str("<label class=\"field-inline\"><span>");
    push_escaped(&mut out, t.kind);
    out.push_str("</span><select id=\"new-kind\">");
    kind_options(&mut out, t, CustomerKind::Distributor);
    out.push_str("</select></label>");
    text_input(&mut out, t.new_customer_name, "add-name", "", "", error);
    out.push_str("<label class=\"field-inline\"><span>");
    push_escaped(&mut out, t.subdistrict);
    out.push_str("</span><select id=\"new-sub\">");
    subdistrict_options(&mut out, t, plan, "");
    let _ = write!(
        out,
        "</select></label><button type=\"button\" class=\"btn primary\" id=\"add-customer\" data-action=\"add\">{}</button>",
        t.add_customer
    );
    out.push_str("<label class=\"field-inline\"><span>");
    push_escaped(&mut out, t.search);
    out.push_str("</span><input type=\"search\" data-action=\"search\" value=\"");
    push_escaped(&mut out, search);
    out.push_str("\"></label></div>");
    out
}

/// Every record matching `search` (name, contact, phone, sub-district), with its last visit.
pub fn list_html(t: &ExecText, plan: &Plan, search: &str, selected: Option<&str>) -> String {
    let customers = &plan.execution.customers;
    let mut out = String::new();
    if customers.is_empty() {
        push_element(&mut out, "p", "class=\"empty\"", t.customers_none);
        return out;
    }
    let needle = search.trim().to_lowercase();
    out.push_str("<table class=\"grid customers\"><thead><tr>");
    for h in [
        t.name,
        t.kind,
        t.subdistrict,
        t.f_contact,
        t.f_phone,
        t.last_visit,
        "",
    ] {
        push_element(&mut out, "th", "", h);
    }
    out.push_str("</tr></thead><tbody>");
    for c in customers {
        let sub = subdistrict_name(t, plan, &c.subdistrict);
        let hay = [c.name.as_str(), &c.contact, &c.phone, sub];
        if !needle.is_empty() && !hay.iter().any(|s| s.to_lowercase().contains(&needle)) {
            continue;
        }
        let _ = write!(
            out,
            "<tr class=\"customer{}\">",
            if selected == Some(c.id.as_str()) {
                " selected"
            } else {
                ""
            }
        );
        push_element(&mut out, "td", "class=\"name\"", &c.name);
        push_element(&mut out, "td", "", kind_name(t, c.kind));
        push_element(&mut out, "td", "", sub);
        push_element(&mut out, "td", "", &c.contact);
        push_element(&mut out, "td", "", &c.phone);
        push_element(
            &mut out,
            "td",
            "",
            &c.last_visit.map_or(t.never.to_string(), |d| d.to_string()),
        );
        open_button(&mut out, t, c);
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}

fn open_button(out: &mut String, t: &ExecText, c: &Customer) {
    out.push_str("<td><button type=\"button\" class=\"btn\" data-action=\"open|");
    push_escaped(out, &c.id);
    let _ = write!(out, "\">{}</button></td>", t.open_record);
}

/// One record: every field editable, visited today, history, delete. `errors` are (field key,
/// typed text, message) of refused values.
pub fn record_html(
    t: &ExecText,
    plan: &Plan,
    c: &Customer,
    errors: &[(String, String, String)],
) -> String {
    let mut out = String::from("<section class=\"card record\" id=\"customer-record\">");
    push_element(&mut out, "h3", "", &c.name);
    out.push_str("<div class=\"record-fields\">");
    for field in CustomerField::ALL {
        let error = errors.iter().find(|(k, _, _)| k == field.key());
        let action = format!("field|{}", field.key());
        match field {
            CustomerField::Kind => {
                out.push_str("<label class=\"field-inline\"><span>");
                push_escaped(&mut out, t.kind);
                let _ = write!(out, "</span><select data-action=\"{action}\">");
                kind_options(&mut out, t, c.kind);
                out.push_str("</select></label>");
            }
            CustomerField::Subdistrict => {
                out.push_str("<label class=\"field-inline\"><span>");
                push_escaped(&mut out, t.subdistrict);
                let _ = write!(out, "</span><select data-action=\"{action}\">");
                subdistrict_options(&mut out, t, plan, &c.subdistrict);
                out.push_str("</select></label>");
            }
            _ => {
                let value = error.map_or_else(|| c.get(field), |(_, typed, _)| typed.clone());
                let label = if field == CustomerField::LastVisit {
                    format!("{} (YYYY-MM-DD)", t.last_visit)
                } else {
                    field_name(t, field).to_string()
                };
                text_input(
                    &mut out,
                    &label,
                    &action,
                    &value,
                    "",
                    error.map(|(_, _, m)| m.as_str()),
                );
            }
        }
    }
    let _ = write!(
        out,
        "</div><div class=\"actions\"><button type=\"button\" class=\"btn primary\" id=\"visit-today\" data-action=\"visit\">{}</button><button type=\"button\" class=\"btn danger\" data-action=\"remove\">{}</button><button type=\"button\" class=\"btn\" data-action=\"close\">{}</button></div>",
        t.visited_today, t.remove_customer, t.close
    );
    push_element(&mut out, "h4", "", t.history);
    if c.history.is_empty() {
        push_element(&mut out, "p", "class=\"empty\"", t.history_empty);
    } else {
        out.push_str("<table class=\"grid history\"><tbody>");
        for h in c.history.iter().rev() {
            out.push_str("<tr>");
            push_element(&mut out, "td", "", &h.date.to_string());
            push_element(&mut out, "td", "", field_name(t, h.field));
            let shown = |v: &str| match h.field {
                _ if v.is_empty() => t.none_dash.to_string(),
                CustomerField::Subdistrict => subdistrict_name(t, plan, v).to_string(),
                CustomerField::Kind => {
                    CustomerKind::from_key(v).map_or(v.to_string(), |k| kind_name(t, k).to_string())
                }
                _ => v.to_string(),
            };
            push_element(
                &mut out,
                "td",
                "",
                &format!("{} → {}", shown(&h.old), shown(&h.new)),
            );
            out.push_str("</tr>");
        }
        out.push_str("</tbody></table>");
    }
    out.push_str("</section>");
    out
}

/// Records not visited for more than `days` days before `today`, longest first.
pub fn stale_html(
    t: &ExecText,
    plan: &Plan,
    today: NaiveDate,
    days: u32,
    error: Option<&str>,
) -> String {
    let mut out = String::from("<section class=\"stale\">");
    push_element(
        &mut out,
        "h3",
        "id=\"stale-title\"",
        &fill(t.stale_title, &[&days.to_string()]),
    );
    out.push_str("<div class=\"toolbar\">");
    text_input(
        &mut out,
        t.stale_days,
        "stale-days",
        &days.to_string(),
        "narrow",
        error,
    );
    out.push_str("</div>");
    let list = stale(plan, today, days);
    if list.is_empty() {
        push_element(&mut out, "p", "class=\"empty\"", t.stale_none);
    } else {
        out.push_str("<table class=\"grid stale-list\"><tbody>");
        for c in list {
            out.push_str("<tr class=\"stale-row\">");
            push_element(&mut out, "td", "class=\"name\"", &c.name);
            push_element(&mut out, "td", "", kind_name(t, c.kind));
            push_element(
                &mut out,
                "td",
                "",
                subdistrict_name(t, plan, &c.subdistrict),
            );
            let since = match c.last_visit {
                Some(d) => format!("{d} ({})", (today - d).num_days()),
                None => t.never.to_string(),
            };
            push_element(&mut out, "td", "", &since);
            out.push_str("<td><button type=\"button\" class=\"btn\" data-action=\"visit|");
            push_escaped(&mut out, &c.id);
            let _ = write!(out, "\">{}</button></td>", t.visited_today);
            open_button(&mut out, t, c);
            out.push_str("</tr>");
        }
        out.push_str("</tbody></table>");
    }
    out.push_str("</section>");
    out
}

/// Each sub-district's named target distributors and terminals, linked to their records (or
/// offering to create one).
pub fn targets_html(t: &ExecText, plan: &Plan) -> String {
    let mut out = String::from("<section class=\"targets\">");
    for r in &plan.regions {
        for d in &r.subdistricts {
            let names = [
                (CustomerKind::Distributor, &d.target_distributors),
                (CustomerKind::Terminal, &d.target_terminals),
            ];
            if names.iter().all(|(_, n)| n.is_empty()) {
                continue;
            }
            out.push_str("<div class=\"target-group\">");
            push_element(
                &mut out,
                "h4",
                "",
                &fill(t.targets_of, &[&format!("{} · {}", r.name, d.name)]),
            );
            out.push_str("<ul>");
            for (kind, list) in names {
                for name in list.iter().filter(|n| !n.trim().is_empty()) {
                    out.push_str("<li class=\"target-customer\">");
                    push_element(&mut out, "span", "class=\"tag\"", kind_name(t, kind));
                    push_element(&mut out, "span", "class=\"name\"", name);
                    match linked_customer(plan, kind, &d.id, name) {
                        Some(c) => {
                            out.push_str(
                                " <button type=\"button\" class=\"btn link\" data-action=\"open|",
                            );
                            push_escaped(&mut out, &c.id);
                            let _ = write!(out, "\">{}</button>", t.open_record);
                        }
                        None => {
                            push_element(&mut out, "span", "class=\"muted\"", t.no_record);
                            let _ = write!(
                                out,
                                " <button type=\"button\" class=\"btn\" data-action=\"create|{}|",
                                kind.key()
                            );
                            push_escaped(&mut out, &d.id);
                            out.push('|');
                            push_escaped(&mut out, name);
                            let _ = write!(out, "\">{}</button>", t.create_record);
                        }
                    }
                    out.push_str("</li>");
                }
            }
            out.push_str("</ul></div>");
        }
    }
    out.push_str("</section>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::execution::{add_customer, update_customer, visit};
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;
    use crate::i18n::exec::EXEC_EN;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_record_shows_every_field_and_its_history() {
        let mut plan = sample_plan(Lang::En);
        let sub = plan.regions[0].subdistricts[0].id.clone();
        let id = add_customer(
            &mut plan,
            CustomerKind::Distributor,
            "Xiangjiang Trading",
            &sub,
        )
        .unwrap();
        update_customer(
            &mut plan,
            &id,
            CustomerField::Phone,
            "0731-1234",
            day("2027-02-01"),
        )
        .unwrap();
        let c = plan.execution.customer(&id).unwrap();
        let html = record_html(&EXEC_EN, &plan, c, &[]);
        for f in CustomerField::ALL {
            assert!(
                html.contains(&format!("data-action=\"field|{}\"", f.key())),
                "{f:?}"
            );
        }
        assert!(html.contains("2027-02-01"));
        assert!(html.contains("— → 0731-1234"));
    }

    #[test]
    fn unvisited_records_are_listed_and_targets_link_to_records() {
        let mut plan = sample_plan(Lang::En);
        let d = &plan.regions[0].subdistricts[0];
        let (sub, target) = (d.id.clone(), d.target_distributors.first().cloned());
        let a = add_customer(&mut plan, CustomerKind::Terminal, "Old Friend", &sub).unwrap();
        let b = add_customer(&mut plan, CustomerKind::Terminal, "Seen Lately", &sub).unwrap();
        visit(&mut plan, &a, day("2027-01-01")).unwrap();
        visit(&mut plan, &b, day("2027-03-20")).unwrap();
        let html = stale_html(&EXEC_EN, &plan, day("2027-03-31"), 30, None);
        assert!(html.contains("Old Friend") && !html.contains("Seen Lately"));
        assert!(html.contains("2027-01-01 (89)"));
        if let Some(name) = target {
            let before = targets_html(&EXEC_EN, &plan);
            assert!(before.contains("data-action=\"create|distributor|"));
            add_customer(&mut plan, CustomerKind::Distributor, &name, &sub).unwrap();
            let after = targets_html(&EXEC_EN, &plan);
            assert!(
                after.matches("data-action=\"create|distributor|").count()
                    < before.matches("data-action=\"create|distributor|").count()
            );
        }
    }
}
