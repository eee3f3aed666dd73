//! The editor beside the tree, as HTML: the fields of the plan, a region, a sub-district or a
//! salesperson, each input keyed for `core::edit::apply_field`.

use std::fmt::Write;

use super::form::{Control, FieldErrors, FormField, fields_html, push_button, push_field};
use super::html::{push_element, push_escaped};
use crate::core::model::{Factor, Plan, Region, Salesperson, SubDistrict};
use crate::core::period::PeriodKind;
use crate::core::tree::NodePos;
use crate::i18n::{Catalogue, fill};

/// The form for the selected node (`None`: the plan itself).
pub fn detail_html(
    t: &Catalogue,
    plan: &Plan,
    scenario: &str,
    selected: Option<&str>,
    errors: &FieldErrors,
) -> String {
    match selected.and_then(|id| plan.locate(id)) {
        Some(NodePos::Region(r)) => region_html(t, plan, scenario, &plan.regions[r], errors),
        Some(NodePos::Subdistrict(r, d)) => {
            sub_html(t, plan, &plan.regions[r].subdistricts[d], errors)
        }
        Some(NodePos::Salesperson(r, d, p)) => person_html(
            t,
            plan,
            &plan.regions[r].subdistricts[d].salespeople[p],
            errors,
        ),
        None => plan_html(t, plan, scenario, errors),
    }
}

fn heading(out: &mut String, kind: &str, name: &str) {
    out.push_str("<h2>");
    push_escaped(out, kind);
    if !name.is_empty() {
        out.push_str(" · ");
        push_escaped(out, name);
    }
    out.push_str("</h2>");
}

fn plan_html(t: &Catalogue, plan: &Plan, scenario: &str, errors: &FieldErrors) -> String {
    let mut out = String::new();
    heading(&mut out, t.plan, "");
    let (r, d, p) = plan.size();
    let _ = write!(
        out,
        "<p class=\"summary\">{r} {} · {d} {} · {p} {}</p>",
        t.regions, t.subdistricts, t.salespeople
    );
    let periods = PeriodKind::ALL
        .iter()
        .map(|k| (k.key().to_string(), t.period_kind(*k).to_string()))
        .collect();
    out.push_str(&fields_html(
        &[
            FormField::new("plan.name", t.plan_name, plan.name.clone(), Control::Text)
                .id("detail-name"),
            FormField::new(
                "plan.company",
                t.company_name,
                plan.company.clone(),
                Control::Text,
            )
            .id("plan-company"),
            FormField::new(
                "plan.currency",
                t.currency,
                plan.currency.clone(),
                Control::Text,
            )
            .id("plan-currency"),
            FormField::new(
                "plan.period",
                t.period,
                plan.period.kind.key(),
                Control::Select(periods),
            )
            .id("plan-period"),
            FormField::new(
                "plan.start",
                t.period_start,
                plan.period.start.to_string(),
                Control::Month,
            )
            .id("plan-start"),
        ],
        errors,
    ));
    if let Some(s) = plan.scenario(scenario) {
        out.push_str("<h3>");
        push_escaped(&mut out, &fill(t.targets_of_scenario, &[&s.name]));
        out.push_str("</h3>");
        let amount_label = format!("{} ({})", t.amount_target, plan.currency);
        out.push_str(&fields_html(
            &[
                FormField::new(
                    "sc.amount_target",
                    &amount_label,
                    s.amount_target.to_string(),
                    Control::Number,
                )
                .id("plan-amount-target"),
                FormField::new(
                    "sc.quantity_target",
                    t.quantity_target,
                    s.quantity_target.to_string(),
                    Control::Number,
                )
                .id("plan-quantity-target"),
                FormField::new(
                    "sc.collections_target",
                    t.collections_target,
                    s.collections_target
                        .map(|v| v.to_string())
                        .unwrap_or_default(),
                    Control::Number,
                )
                .id("plan-collections-target"),
            ],
            errors,
        ));
    }
    out
}

fn region_html(
    t: &Catalogue,
    plan: &Plan,
    scenario: &str,
    r: &Region,
    errors: &FieldErrors,
) -> String {
    let mut out = String::from("<h2>");
    push_escaped(&mut out, &format!("{} · {}", t.region, r.name));
    if let Some(s) = plan.scenario(scenario) {
        let tier = s.tier_of(r);
        let _ = write!(
            out,
            " <span class=\"tier-badge tier-{}\">{}</span>",
            tier.key(),
            t.tier(tier)
        );
    }
    out.push_str("</h2>");
    let id = &r.id;
    out.push_str(&fields_html(
        &[
            FormField::new(
                format!("region.name|{id}"),
                t.name,
                r.name.clone(),
                Control::Text,
            )
            .id("detail-name"),
            FormField::new(
                format!("region.manager|{id}"),
                t.manager,
                r.manager.clone(),
                Control::Text,
            )
            .id("region-manager"),
            FormField::new(
                format!("region.share|{id}"),
                t.market_share,
                r.market_share.to_string(),
                Control::Number,
            )
            .id("region-share"),
            FormField::new(
                format!("region.customers|{id}"),
                t.active_customers,
                r.active_customers.to_string(),
                Control::Number,
            )
            .id("region-customers"),
            FormField::new(
                format!("region.last_amount|{id}"),
                t.last_amount,
                r.last_sales.amount.to_string(),
                Control::Number,
            )
            .id("region-last-amount"),
            FormField::new(
                format!("region.last_quantity|{id}"),
                t.last_quantity,
                r.last_sales.quantity.to_string(),
                Control::Number,
            )
            .id("region-last-quantity"),
            FormField::new(
                format!("region.notes|{id}"),
                t.notes,
                r.notes.clone(),
                Control::Text,
            )
            .id("region-notes"),
        ],
        errors,
    ));
    out
}

fn sub_html(t: &Catalogue, plan: &Plan, d: &SubDistrict, errors: &FieldErrors) -> String {
    let mut out = String::new();
    heading(&mut out, t.subdistrict, &d.name);
    let id = &d.id;
    let regions = plan
        .regions
        .iter()
        .map(|r| (r.id.clone(), r.name.clone()))
        .collect();
    out.push_str(&fields_html(
        &[
            FormField::new(
                format!("sub.name|{id}"),
                t.name,
                d.name.clone(),
                Control::Text,
            )
            .id("detail-name"),
            FormField::new(
                format!("sub.target_share|{id}"),
                t.target_share,
                d.target_share.to_string(),
                Control::Number,
            )
            .id("sub-target-share"),
            FormField::new(
                format!("sub.last_amount|{id}"),
                t.last_amount,
                d.last_sales.amount.to_string(),
                Control::Number,
            )
            .id("sub-last-amount"),
            FormField::new(
                format!("sub.last_quantity|{id}"),
                t.last_quantity,
                d.last_sales.quantity.to_string(),
                Control::Number,
            )
            .id("sub-last-quantity"),
            FormField::new(
                format!("sub.move|{id}"),
                t.move_to,
                plan.parent_id(id).unwrap_or_default(),
                Control::Select(regions),
            )
            .id("sub-move"),
        ],
        errors,
    ));
    push_element(&mut out, "h3", "", t.factors);
    let factors: Vec<FormField> = Factor::ALL
        .iter()
        .map(|f| {
            FormField::new(
                format!("sub.factor|{id}|{}", f.key()),
                t.factor(*f),
                d.factors.get(*f).to_string(),
                Control::Number,
            )
            .id(&format!("factor-{}", f.key()))
        })
        .collect();
    out.push_str(
        &fields_html(&factors, errors)
            .replace("class=\"form-grid\"", "class=\"form-grid factors\""),
    );

    push_element(&mut out, "h3", "", t.milestones);
    out.push_str("<ol class=\"milestones\">");
    for (i, m) in d.milestones.iter().enumerate() {
        out.push_str("<li class=\"milestone\">");
        push_field(
            &mut out,
            &FormField::new(
                format!("milestone.date|{id}|{i}"),
                t.milestone_date,
                m.date.to_string(),
                Control::Date,
            ),
            errors,
        );
        push_field(
            &mut out,
            &FormField::new(
                format!("milestone.title|{id}|{i}"),
                t.milestone_title,
                m.title.clone(),
                Control::Text,
            ),
            errors,
        );
        push_field(
            &mut out,
            &FormField::new(
                format!("milestone.done|{id}|{i}"),
                t.milestone_done,
                "",
                Control::Check(m.done),
            ),
            errors,
        );
        push_button(
            &mut out,
            &format!("milestone.remove|{id}|{i}"),
            t.remove,
            "btn subtle",
            None,
        );
        out.push_str("</li>");
    }
    out.push_str("</ol>");
    // The new milestone's title comes from the hidden input in the button's group.
    let add = format!("milestone.add|{id}");
    out.push_str("<input type=\"hidden\"");
    let _ = write!(out, " data-group=\"");
    push_escaped(&mut out, &add);
    out.push_str("\" value=\"");
    push_escaped(&mut out, t.new_milestone_title);
    out.push_str("\">");
    push_button(
        &mut out,
        &add,
        &format!("+ {}", t.add_milestone),
        "btn",
        Some("add-milestone"),
    );

    out.push_str("<div class=\"two-lists\">");
    for (list, title, items, placeholder, add_label) in [
        (
            "distributor",
            t.target_distributors,
            &d.target_distributors,
            t.new_distributor_name,
            t.add_distributor,
        ),
        (
            "terminal",
            t.target_terminals,
            &d.target_terminals,
            t.new_terminal_name,
            t.add_terminal,
        ),
    ] {
        let _ = write!(out, "<div class=\"name-list {list}s\">");
        push_element(&mut out, "h3", "", title);
        out.push_str("<ul>");
        for (i, name) in items.iter().enumerate() {
            out.push_str("<li>");
            push_element(&mut out, "span", "", name);
            push_button(
                &mut out,
                &format!("{list}.remove|{id}|{i}"),
                t.remove,
                "icon danger",
                None,
            );
            out.push_str("</li>");
        }
        out.push_str("</ul><div class=\"add-name\">");
        let key = format!("{list}.add|{id}");
        out.push_str("<input type=\"text\"");
        let _ = write!(out, " data-group=\"");
        push_escaped(&mut out, &key);
        let _ = write!(
            out,
            "\" placeholder=\"{placeholder}\" aria-label=\"{placeholder}\">"
        );
        push_button(&mut out, &key, &format!("+ {add_label}"), "btn", None);
        out.push_str("<span class=\"field-error\" role=\"alert\" data-error-for=\"");
        push_escaped(&mut out, &key);
        out.push_str("\">");
        if let Some(e) = errors.get(&key) {
            push_escaped(&mut out, e);
        }
        out.push_str("</span></div></div>");
    }
    out.push_str("</div>");
    out
}

fn person_html(t: &Catalogue, plan: &Plan, p: &Salesperson, errors: &FieldErrors) -> String {
    let mut out = String::new();
    heading(&mut out, t.salesperson, &p.name);
    let id = &p.id;
    let subs = plan
        .regions
        .iter()
        .flat_map(|r| {
            r.subdistricts
                .iter()
                .map(move |d| (d.id.clone(), format!("{} / {}", r.name, d.name)))
        })
        .collect();
    out.push_str(&fields_html(
        &[
            FormField::new(
                format!("person.name|{id}"),
                t.name,
                p.name.clone(),
                Control::Text,
            )
            .id("detail-name"),
            FormField::new(
                format!("person.role|{id}"),
                t.role,
                p.role.clone(),
                Control::Text,
            )
            .id("person-role"),
            FormField::new(
                format!("person.last_amount|{id}"),
                t.last_amount,
                p.last_sales.amount.to_string(),
                Control::Number,
            )
            .id("person-last-amount"),
            FormField::new(
                format!("person.last_quantity|{id}"),
                t.last_quantity,
                p.last_sales.quantity.to_string(),
                Control::Number,
            )
            .id("person-last-quantity"),
            FormField::new(
                format!("person.move|{id}"),
                t.move_to,
                plan.parent_id(id).unwrap_or_default(),
                Control::Select(subs),
            )
            .id("person-move"),
        ],
        errors,
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;
    use crate::i18n::{EN, ZH};

    #[test]
    fn each_node_gets_its_own_fields() {
        let plan = sample_plan(Lang::En);
        let s = plan.adopted_scenario.clone();
        let none = FieldErrors::new();
        let region = detail_html(&EN, &plan, &s, Some(&plan.regions[0].id), &none);
        assert!(
            region.contains("Base camp")
                && region.contains("id=\"region-share\"")
                && region.contains("value=\"64.5\""),
            "{region}"
        );
        let zh_plan = sample_plan(Lang::Zh);
        let sub = detail_html(
            &ZH,
            &zh_plan,
            &s,
            Some(&zh_plan.regions[0].subdistricts[0].id),
            &none,
        );
        for part in [
            "人口数量",
            "市场开发和产品推广进度",
            "目标经销商",
            "湘通商贸",
            "步步高超市",
            "type=\"date\"",
            "value=\"2027-03-31\"",
        ] {
            assert!(sub.contains(part), "missing {part}");
        }
        let person = detail_html(
            &EN,
            &plan,
            &s,
            Some(&plan.regions[0].subdistricts[0].salespeople[0].id),
            &none,
        );
        assert!(person.contains("id=\"person-role\"") && person.contains("Team lead"));
        let company = detail_html(&EN, &plan, &s, None, &none);
        assert!(
            company.contains("118,000,000") && company.contains("Hunan 2027 annual sales plan")
        );
    }
}
