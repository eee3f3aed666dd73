//! The scenario's breakdown settings as a form: company targets and units, the method at each
//! level, the factor weights and the seasonality profile.

use std::fmt::Write;

use rust_decimal::Decimal;

use super::form::{Control, FieldErrors, FormField, push_button, push_field};
use super::html::push_element;
use crate::core::model::{Factor, Plan};
use crate::core::scenario::{Level, Scenario};
use crate::i18n::{Catalogue, fill};

fn method_field(t: &Catalogue, s: &Scenario, level: Level, label: &str) -> FormField {
    let options = level
        .methods()
        .iter()
        .map(|m| (m.key().to_string(), t.method(*m).to_string()))
        .collect();
    FormField::new(
        format!("sc.method|{}", level.key()),
        label,
        s.methods.get(level).key(),
        Control::Select(options),
    )
    .id(&format!("method-{}", level.key()))
}

fn unit_field(key: &str, label: &str, value: Decimal, choices: &[&str], id: &str) -> FormField {
    let mut options: Vec<(String, String)> = choices
        .iter()
        .map(|c| (c.to_string(), c.to_string()))
        .collect();
    let current = value.normalize().to_string();
    if !options.iter().any(|(v, _)| *v == current) {
        options.push((current.clone(), current.clone()));
    }
    FormField::new(key, label, current, Control::Select(options)).id(id)
}

/// The settings of one scenario.
pub fn settings_html(t: &Catalogue, plan: &Plan, s: &Scenario, errors: &FieldErrors) -> String {
    let mut out = String::from("<div class=\"settings-grid\"><section>");
    push_element(&mut out, "h3", "", t.company_targets);
    for f in [
        FormField::new(
            "sc.amount_target",
            t.amount_target,
            s.amount_target.to_string(),
            Control::Number,
        )
        .id("bd-amount-target"),
        FormField::new(
            "sc.quantity_target",
            t.quantity_target,
            s.quantity_target.to_string(),
            Control::Number,
        )
        .id("bd-quantity-target"),
        unit_field(
            "sc.amount_unit",
            t.amount_unit,
            s.amount_unit,
            &["1", "10", "100", "1000", "10000"],
            "amount-unit",
        ),
        unit_field(
            "sc.quantity_unit",
            t.quantity_unit,
            s.quantity_unit,
            &["1", "10", "100"],
            "quantity-unit",
        ),
    ] {
        push_field(&mut out, &f, errors);
    }
    out.push_str("</section><section>");
    push_element(&mut out, "h3", "", t.methods);
    for f in [
        method_field(t, s, Level::Region, t.split_regions),
        FormField::new(
            "sc.tier_multiplier",
            t.tier_multiplier_on,
            "",
            Control::Check(s.methods.region_tier_multiplier),
        )
        .id("tier-multiplier"),
        method_field(t, s, Level::Subdistrict, t.split_subdistricts),
        method_field(t, s, Level::Salesperson, t.split_salespeople),
    ] {
        push_field(&mut out, &f, errors);
    }
    out.push_str("</section><section class=\"weights\">");
    push_element(&mut out, "h3", "", t.factor_weights);
    for f in Factor::ALL {
        let field = FormField::new(
            format!("sc.weight|{}", f.key()),
            t.factor(f),
            s.factor_weights.get(f).normalize().to_string(),
            Control::Range(100),
        )
        .id(&format!("weight-{}", f.key()));
        push_field(&mut out, &field, errors);
    }
    out.push_str("</section><section class=\"seasonality\">");
    push_element(&mut out, "h3", "", t.seasonality);
    out.push_str("<div class=\"season-grid\">");
    for (i, m) in plan.period.months().iter().enumerate() {
        let value = s
            .seasonality
            .get(i)
            .copied()
            .flatten()
            .map(|v| v.to_string())
            .unwrap_or_default();
        push_field(
            &mut out,
            &FormField::new(
                format!("sc.season|{i}"),
                t.month_name(m.month),
                value,
                Control::Number,
            )
            .id(&format!("season-{i}")),
            errors,
        );
    }
    out.push_str("</div>");
    let total: Decimal = s.seasonality.iter().flatten().copied().sum();
    let ok = total == Decimal::from(100) && s.seasonality.iter().all(Option::is_some);
    let _ = write!(
        out,
        "<p class=\"season-total{}\" id=\"season-total\">",
        if ok { "" } else { " bad" }
    );
    out.push_str(&fill(
        t.seasonality_total,
        &[&total.normalize().to_string()],
    ));
    push_button(
        &mut out,
        "sc.flat_season",
        t.flat_profile,
        "btn subtle",
        Some("season-flat"),
    );
    out.push_str("</p></section></div>");
    out
}

/// One line saying what the settings are, shown while they are folded away.
pub fn settings_summary(t: &Catalogue, plan: &Plan, s: &Scenario) -> String {
    let methods = [Level::Region, Level::Subdistrict, Level::Salesperson]
        .map(|l| t.method(s.methods.get(l)))
        .join(" → ");
    format!(
        "{}: {} {} · {} · {}: {}",
        t.company_targets,
        super::numbers::grouped(s.amount_target),
        plan.currency,
        super::numbers::grouped(s.quantity_target),
        t.methods,
        methods
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;
    use crate::i18n::EN;

    #[test]
    fn settings_show_every_month_weight_and_method() {
        let plan = sample_plan(Lang::En);
        let s = plan.adopted().unwrap();
        let html = settings_html(&EN, &plan, s, &FieldErrors::new());
        assert_eq!(html.matches("data-key=\"sc.season|").count(), 12);
        assert_eq!(html.matches("type=\"range\"").count(), 6);
        assert!(
            html.contains("Total 100%") && !html.contains("season-total bad"),
            "{html}"
        );
        assert!(html.contains(r#"<option value="weighted" selected>Weighted index</option>"#));
        let summary = settings_summary(&EN, &plan, s);
        assert!(
            summary.contains("118,000,000 CNY")
                && summary.contains("History → Weighted index → Even"),
            "{summary}"
        );
    }
}
