//! The lock (and manual number) of the selected node, for the measure on screen.

use rust_decimal::Decimal;

use super::form::{Control, FieldErrors, FormField, push_button, push_field};
use super::numbers::grouped;
use crate::core::scenario::{Measure, Method, Scenario};
use crate::i18n::{Catalogue, fill};

/// `current` is the node's value in the breakdown; `method` the one that splits its parent.
pub fn lock_html(
    t: &Catalogue,
    s: &Scenario,
    id: &str,
    measure: Measure,
    current: Option<Decimal>,
    method: Method,
    errors: &FieldErrors,
) -> String {
    let mut out = String::from("<div class=\"lock-box\">");
    let key = format!("sc.lock|{}|{id}", measure.key());
    match s.locks.get(id).and_then(|v| v.get(measure)) {
        Some(v) => {
            out.push_str("<p class=\"locked-at\" id=\"locked-at\">🔒 ");
            super::html::push_escaped(&mut out, &fill(t.x_basis_locked, &[&grouped(v)]));
            push_button(&mut out, &key, t.unlock, "btn", Some("unlock"));
            out.push_str("</p>");
        }
        None => {
            let value = current.map(|v| v.to_string()).unwrap_or_default();
            push_field(
                &mut out,
                &FormField::new(
                    key,
                    &fill(t.lock_at, &[t.measure(measure)]),
                    value,
                    Control::Number,
                )
                .id("lock-value"),
                errors,
            );
        }
    }
    if method == Method::Manual {
        let value = s
            .manual
            .get(id)
            .and_then(|v| v.get(measure))
            .map(|v| v.to_string())
            .unwrap_or_default();
        let label = fill(t.manual_value, &[t.measure(measure)]);
        push_field(
            &mut out,
            &FormField::new(
                format!("sc.manual|{}|{id}", measure.key()),
                &label,
                value,
                Control::Number,
            )
            .id("manual-value"),
            errors,
        );
    }
    out.push_str("</div>");
    out
}
