//! "Why this number" as HTML: the basis of a node's value and how rounding moved it.

use std::fmt::Write;

use rust_decimal::Decimal;

use super::html::{push_element, push_escaped};
use super::numbers::{grouped, percent};
use crate::core::breakdown::{Basis, Explanation};
use crate::core::scenario::Measure;
use crate::i18n::{Catalogue, fill};

/// A decimal shown with up to `dp` places (exact values carry many).
fn short(v: Decimal, dp: u32) -> String {
    grouped(v.round_dp(dp))
}

fn row(out: &mut String, label: &str, value: &str) {
    push_element(out, "dt", "", label);
    push_element(out, "dd", "", value);
}

/// The explanation of one measure of a node.
pub fn explanation_html(t: &Catalogue, x: &Explanation, measure: Measure) -> String {
    let m = &x.measures[measure.index()];
    let mut out = String::with_capacity(2048);
    out.push_str("<h3>");
    push_escaped(&mut out, &t.node(&x.node));
    out.push_str("</h3><dl class=\"explain-list\">");
    if let Some(method) = x.method {
        row(&mut out, t.x_method, t.method(method));
    }
    if let Some(tier) = &x.tier {
        let how = if tier.applied {
            fill(
                t.x_multiplier_applied,
                &[&tier.multiplier.normalize().to_string()],
            )
        } else {
            t.x_multiplier_off.to_string()
        };
        let over = if tier.overridden {
            format!(" ({})", t.overridden)
        } else {
            String::new()
        };
        row(
            &mut out,
            t.x_tier,
            &format!("{}{over} · {how}", t.tier(tier.tier)),
        );
    }
    if let Some(parent) = m.parent_value {
        row(&mut out, t.x_parent, &grouped(parent));
    }
    match &m.basis {
        Basis::Target => row(&mut out, t.x_basis, t.x_basis_target),
        Basis::Locked { lock } => row(
            &mut out,
            t.x_basis,
            &fill(t.x_basis_locked, &[&grouped(*lock)]),
        ),
        Basis::Share(s) => {
            if s.locked_siblings > Decimal::ZERO {
                row(&mut out, t.x_locked_siblings, &grouped(s.locked_siblings));
                row(&mut out, t.x_remaining, &grouped(s.remaining));
            }
            if s.base_weight != s.weight {
                row(&mut out, t.x_base_weight, &short(s.base_weight, 4));
            }
            row(
                &mut out,
                t.x_weight,
                &format!(
                    "{} / {}",
                    short(s.weight, 4),
                    short(s.sibling_weight_total, 4)
                ),
            );
            row(&mut out, t.x_share, &percent(s.share * Decimal::from(100)));
            if s.even_fallback {
                row(&mut out, t.x_share, t.x_even_fallback);
            }
        }
    }
    row(&mut out, t.x_exact, &short(m.exact, 4));
    row(&mut out, t.x_rounded, &grouped(m.rounded));
    let sign = if m.rounding > Decimal::ZERO { "+" } else { "" };
    row(
        &mut out,
        t.x_rounding,
        &format!(
            "{sign}{} · {}",
            short(m.rounding, 4),
            fill(t.x_unit, &[&grouped(m.unit)])
        ),
    );
    out.push_str("</dl>");

    if !x.factors.is_empty() {
        let _ = write!(
            out,
            "<h4>{}</h4><table class=\"explain-factors\"><thead><tr><th></th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            t.x_factors, t.x_value, t.x_total, t.x_weight, t.x_contribution
        );
        for f in &x.factors {
            out.push_str("<tr>");
            push_element(&mut out, "th", "", t.factor(f.factor));
            for v in [f.value, f.sibling_total, f.weight] {
                push_element(&mut out, "td", "", &short(v, 2));
            }
            push_element(&mut out, "td", "", &short(f.contribution, 4));
            out.push_str("</tr>");
        }
        out.push_str("</tbody></table>");
    }

    let _ = write!(
        out,
        "<h4>{}</h4><table class=\"explain-months\"><thead><tr><th></th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        t.x_months, t.x_season, t.x_parent_short, t.x_exact_short, t.x_rounded, t.x_rounding_short
    );
    for mo in &m.months {
        out.push_str("<tr>");
        push_element(
            &mut out,
            "th",
            "",
            &format!("{} {}", t.month_name(mo.month.month), mo.month.year),
        );
        push_element(&mut out, "td", "", &percent(mo.seasonality));
        push_element(
            &mut out,
            "td",
            "",
            &mo.parent_value.map(grouped).unwrap_or_default(),
        );
        push_element(&mut out, "td", "", &short(mo.exact, 2));
        push_element(&mut out, "td", "", &grouped(mo.rounded));
        push_element(&mut out, "td", "", &short(mo.rounding, 2));
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::breakdown::explain;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;
    use crate::i18n::{EN, ZH};

    #[test]
    fn a_subdistrict_explains_its_factors_share_and_rounding() {
        let plan = sample_plan(Lang::En);
        let scenario = plan.adopted().unwrap();
        let sub = &plan.regions[0].subdistricts[1];
        let x = explain(&plan, scenario, &sub.id).unwrap();
        let html = explanation_html(&EN, &x, Measure::Amount);
        for part in [
            "Weighted index",
            "Population",
            "Contribution",
            "Share among siblings",
            "Moved by rounding",
            "Yuelu District",
        ] {
            assert!(html.contains(part), "missing {part}: {html}");
        }
        assert_eq!(
            html.matches("<tr>").count(),
            1 + 6 + 1 + 12,
            "header rows, six factors, twelve months"
        );
        let zh = explanation_html(&ZH, &x, Measure::Quantity);
        assert!(zh.contains("人口数量") && zh.contains("加权指数"), "{zh}");
    }

    #[test]
    fn a_locked_region_says_it_is_locked() {
        let plan = sample_plan(Lang::En);
        let mut scenario = plan.adopted().unwrap().clone();
        let rid = plan.regions[2].id.clone();
        scenario.locks.entry(rid.clone()).or_default().amount = Some(Decimal::from(20_000_000));
        let x = explain(&plan, &scenario, &rid).unwrap();
        let html = explanation_html(&EN, &x, Measure::Amount);
        assert!(html.contains("Locked at 20,000,000."), "{html}");
    }
}
