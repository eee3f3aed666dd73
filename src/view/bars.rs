//! The header's plan bar, the scenario bar and the banners, as HTML. Buttons and inputs carry a
//! `data-action` the page handles in one place.

use std::fmt::Write;

use super::html::{push_element, push_escaped};
use crate::core::model::Plan;
use crate::i18n::Catalogue;

fn button(out: &mut String, action: &str, label: &str, class: &str, id: &str, disabled: bool) {
    let _ = write!(
        out,
        "<button type=\"button\" class=\"{class}\" id=\"{id}\" data-action=\""
    );
    push_escaped(out, action);
    out.push('"');
    if disabled {
        out.push_str(" disabled");
    }
    out.push('>');
    push_escaped(out, label);
    out.push_str("</button>");
}

fn options(out: &mut String, items: impl Iterator<Item = (String, String)>, current: &str) {
    for (value, label) in items {
        out.push_str("<option value=\"");
        push_escaped(out, &value);
        out.push('"');
        if value == current {
            out.push_str(" selected");
        }
        out.push('>');
        push_escaped(out, &label);
        out.push_str("</option>");
    }
}

/// The plan switcher and its actions, undo/redo, import/export and the language switch.
pub struct PlanBarState<'a> {
    pub plans: &'a [(String, String)],
    pub current: &'a str,
    pub current_name: &'a str,
    pub renaming: bool,
    pub rename_error: Option<&'a str>,
    pub can_undo: bool,
    pub can_redo: bool,
}

pub fn plan_bar_html(t: &Catalogue, s: &PlanBarState) -> String {
    let mut out = String::from("<div class=\"brand\">");
    push_element(&mut out, "span", "class=\"brand-name\"", t.app_title);
    out.push_str("</div><div class=\"plan-switch\">");
    if s.renaming {
        let _ = write!(
            out,
            "<input type=\"text\" id=\"plan-rename\" data-action=\"plan-rename\" aria-label=\"{}\" value=\"",
            t.plan_name
        );
        push_escaped(&mut out, s.current_name);
        out.push_str("\">");
        if let Some(e) = s.rename_error {
            push_element(&mut out, "span", "class=\"field-error\" role=\"alert\"", e);
        }
    } else {
        let _ = write!(
            out,
            "<select id=\"plan-select\" data-action=\"plan-switch\" aria-label=\"{}\">",
            t.plans
        );
        options(&mut out, s.plans.iter().cloned(), s.current);
        out.push_str("</select>");
    }
    button(&mut out, "plan-new", t.new_plan, "btn", "plan-new", false);
    button(
        &mut out,
        "plan-duplicate",
        t.duplicate_plan,
        "btn",
        "plan-duplicate",
        false,
    );
    button(
        &mut out,
        "plan-rename-start",
        t.rename_plan,
        "btn",
        "plan-rename-button",
        false,
    );
    button(
        &mut out,
        "plan-delete",
        t.delete_plan,
        "btn danger",
        "plan-delete",
        false,
    );
    out.push_str("</div><div class=\"top-actions\">");
    button(&mut out, "undo", t.undo, "btn", "undo", !s.can_undo);
    button(&mut out, "redo", t.redo, "btn", "redo", !s.can_redo);
    let _ = write!(
        out,
        "<label class=\"btn file-button\">{}<input type=\"file\" id=\"import-file\" data-action=\"import\" accept=\".json,application/json\"></label>",
        t.import_json
    );
    button(
        &mut out,
        "export",
        t.export_json,
        "btn",
        "export-json",
        false,
    );
    button(&mut out, "share", t.share_link, "btn", "share-link", false);
    button(
        &mut out,
        "language",
        t.switch_language,
        "btn lang",
        "switch-language",
        false,
    );
    out.push_str("</div>");
    out
}

/// The scenario switcher and its actions.
pub fn scenario_bar_html(
    t: &Catalogue,
    plan: &Plan,
    current: &str,
    renaming: bool,
    error: Option<&str>,
) -> String {
    let mut out = String::new();
    push_element(&mut out, "span", "class=\"scenario-label\"", t.scenario);
    let name = plan
        .scenario(current)
        .map(|s| s.name.as_str())
        .unwrap_or_default();
    if renaming {
        let _ = write!(
            out,
            "<input type=\"text\" id=\"scenario-rename\" data-action=\"scenario-rename\" aria-label=\"{}\" value=\"",
            t.scenario_name
        );
        push_escaped(&mut out, name);
        out.push_str("\">");
    } else {
        let _ = write!(
            out,
            "<select id=\"scenario-select\" data-action=\"scenario-switch\" aria-label=\"{}\">",
            t.scenario
        );
        let items = plan.scenarios.iter().map(|s| {
            let label = if s.id == plan.adopted_scenario {
                format!("★ {}", s.name)
            } else {
                s.name.clone()
            };
            (s.id.clone(), label)
        });
        options(&mut out, items, current);
        out.push_str("</select>");
    }
    if plan.adopted_scenario == current {
        let _ = write!(
            out,
            "<span class=\"adopted-badge\" id=\"scenario-adopted\">★ {}</span>",
            t.adopted
        );
    } else {
        button(
            &mut out,
            "scenario-adopt",
            &format!("★ {}", t.adopt),
            "btn primary",
            "scenario-adopt",
            false,
        );
    }
    button(
        &mut out,
        "scenario-new",
        t.new_scenario,
        "btn",
        "scenario-new",
        false,
    );
    button(
        &mut out,
        "scenario-duplicate",
        t.duplicate_scenario,
        "btn",
        "scenario-duplicate",
        false,
    );
    button(
        &mut out,
        "scenario-rename-start",
        t.rename_scenario,
        "btn",
        "scenario-rename-button",
        false,
    );
    button(
        &mut out,
        "scenario-delete",
        t.delete_scenario,
        "btn danger",
        "scenario-delete",
        false,
    );
    if let Some(e) = error {
        push_element(&mut out, "span", "class=\"field-error\" role=\"alert\"", e);
    }
    out
}

/// One banner: a message and its buttons (action, label, class).
pub fn banner_html(
    out: &mut String,
    class: &str,
    id: Option<&str>,
    message: &str,
    buttons: &[(String, &str, &str)],
) {
    let _ = write!(out, "<div class=\"banner {class}\" role=\"alert\"");
    if let Some(id) = id {
        let _ = write!(out, " id=\"{id}\"");
    }
    out.push('>');
    push_element(out, "span", "", message);
    for (action, label, class) in buttons {
        out.push_str("<button type=\"button\" class=\"");
        out.push_str(class);
        out.push_str("\" data-action=\"");
        push_escaped(out, action);
        out.push_str("\">");
        push_escaped(out, label);
        out.push_str("</button>");
    }
    out.push_str("</div>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;
    use crate::i18n::EN;

    #[test]
    fn the_plan_bar_lists_the_plans_with_the_current_one_selected() {
        let plans = vec![
            ("a".to_string(), "<A>".to_string()),
            ("b".to_string(), "B".to_string()),
        ];
        let state = PlanBarState {
            plans: &plans,
            current: "b",
            current_name: "B",
            renaming: false,
            rename_error: None,
            can_undo: false,
            can_redo: true,
        };
        let html = plan_bar_html(&EN, &state);
        assert!(
            html.contains("<option value=\"b\" selected>B</option>") && html.contains("&lt;A&gt;"),
            "{html}"
        );
        assert!(
            html.contains("data-action=\"undo\" disabled")
                && !html.contains("data-action=\"redo\" disabled")
        );
        let renaming = PlanBarState {
            renaming: true,
            rename_error: Some("Must not be empty."),
            ..state
        };
        assert!(plan_bar_html(&EN, &renaming).contains("id=\"plan-rename\""));
    }

    #[test]
    fn the_scenario_bar_marks_the_adopted_scenario() {
        let plan = sample_plan(Lang::En);
        let adopted = plan.adopted_scenario.clone();
        let other = plan.scenarios[1].id.clone();
        assert!(scenario_bar_html(&EN, &plan, &adopted, false, None).contains("★ Adopted"));
        let html = scenario_bar_html(&EN, &plan, &other, false, None);
        assert!(
            html.contains("★ Baseline") && html.contains("data-action=\"scenario-adopt\""),
            "{html}"
        );
    }
}
