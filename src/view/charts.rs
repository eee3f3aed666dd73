//! Charts drawn as SVG text by the app itself: they print and project cleanly, and every bar and
//! point carries a text label, so nothing is told by colour alone.

use std::fmt::Write;

use rust_decimal::Decimal;

use super::html::push_escaped;
use crate::core::tier::Tier;

/// One bar: its label, value, display text and optional tier (for colour and a tier mark).
pub struct Bar<'a> {
    pub label: &'a str,
    pub value: Decimal,
    pub text: String,
    pub tier: Option<Tier>,
}

/// The opening of a chart: an image with its title, for screen readers and as a tooltip.
fn svg_open(kind: &str, width: i64, height: i64, title: &str) -> String {
    let mut out = format!(
        "<svg class=\"chart {kind}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\""
    );
    push_escaped(&mut out, title);
    out.push_str("\"><title>");
    push_escaped(&mut out, title);
    out.push_str("</title>");
    out
}

/// Whole pixels for a value on a scale whose maximum is `max` pixels (integers throughout: float
/// formatting would cost wasm size for nothing).
fn scale(value: Decimal, top: Decimal, max: i64) -> i64 {
    if top <= Decimal::ZERO || value <= Decimal::ZERO {
        return 0;
    }
    let px = (value * Decimal::from(max) / top).trunc();
    i64::try_from(px.mantissa() / 10i128.pow(px.scale()))
        .unwrap_or(0)
        .clamp(0, max)
}

/// Horizontal bars, one per item, with the label on the left and the value at the bar's end.
pub fn bars_svg(title: &str, bars: &[Bar], tier_names: impl Fn(Tier) -> &'static str) -> String {
    let row = 34;
    let (label_w, bar_w, pad) = (190, 560, 8);
    let height = 40 + row * bars.len() as i64;
    let top = bars.iter().map(|b| b.value).max().unwrap_or(Decimal::ZERO);
    let mut out = svg_open("bars", label_w + bar_w + 170, height, title);
    for (i, b) in bars.iter().enumerate() {
        let y = 30 + row * i as i64;
        let w = scale(b.value, top, bar_w);
        let class = b
            .tier
            .map(|t| format!("tier-fill-{}", t.key()))
            .unwrap_or_else(|| "bar-fill".into());
        let _ = write!(
            out,
            "<text class=\"bar-label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">",
            label_w - pad,
            y + 18
        );
        push_escaped(&mut out, b.label);
        out.push_str("</text>");
        let _ = write!(
            out,
            "<rect class=\"{class}\" x=\"{label_w}\" y=\"{}\" width=\"{w}\" height=\"{}\" rx=\"3\"></rect>",
            y + 4,
            row - 10
        );
        let _ = write!(
            out,
            "<text class=\"bar-value\" x=\"{}\" y=\"{}\">",
            label_w + w + pad,
            y + 18
        );
        push_escaped(&mut out, &b.text);
        if let Some(name) = b.tier.map(&tier_names).filter(|n| !n.is_empty()) {
            out.push_str(" · ");
            push_escaped(&mut out, name);
        }
        out.push_str("</text>");
    }
    out.push_str("</svg>");
    out
}

/// A monthly curve: the seasonality profile (%) as columns and the plan's monthly values as a
/// line with labelled points.
pub fn monthly_svg(
    title: &str,
    months: &[&str],
    shares: &[Decimal],
    values: &[(Decimal, String)],
) -> String {
    let (w, h, left, bottom, top_pad) = (900, 360, 40, 40, 40);
    let n = months.len().max(1) as i64;
    let step = (w - left - 20) / n;
    let top_share = shares.iter().copied().max().unwrap_or(Decimal::ONE);
    let top_value = values.iter().map(|v| v.0).max().unwrap_or(Decimal::ONE);
    let plot = h - bottom - top_pad;
    let mut out = svg_open("monthly", w, h, title);
    let mut points = String::new();
    for (i, m) in months.iter().enumerate() {
        let x = left + step * i as i64;
        let share = shares.get(i).copied().unwrap_or(Decimal::ZERO);
        let bh = scale(share, top_share, plot * 4 / 5);
        let _ = write!(
            out,
            "<rect class=\"season-col\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{bh}\"></rect>",
            x + step / 5,
            h - bottom - bh,
            step * 3 / 5
        );
        let _ = write!(
            out,
            "<text class=\"season-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}%</text>",
            x + step / 2,
            h - bottom - bh - 4,
            share.normalize()
        );
        let _ = write!(
            out,
            "<text class=\"month-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">",
            x + step / 2,
            h - bottom + 22
        );
        push_escaped(&mut out, m);
        out.push_str("</text>");
        if let Some((v, text)) = values.get(i) {
            let y = h - bottom - scale(*v, top_value, plot);
            let _ = write!(points, "{},{y} ", x + step / 2);
            let _ = write!(
                out,
                "<circle class=\"plan-point\" cx=\"{}\" cy=\"{y}\" r=\"4\"></circle>",
                x + step / 2
            );
            let _ = write!(
                out,
                "<text class=\"plan-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">",
                x + step / 2,
                y - 9
            );
            push_escaped(&mut out, text);
            out.push_str("</text>");
        }
    }
    let _ = write!(
        out,
        "<polyline class=\"plan-line\" points=\"{}\"></polyline>",
        points.trim_end()
    );
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_carry_labels_values_and_tiers_as_text() {
        let bars = [
            Bar {
                label: "<Changsha>",
                value: Decimal::from(47),
                text: "47".into(),
                tier: Some(Tier::BaseCamp),
            },
            Bar {
                label: "Huaihua",
                value: Decimal::ZERO,
                text: "0".into(),
                tier: Some(Tier::Guerrilla),
            },
        ];
        let svg = bars_svg("Targets by region", &bars, |t| t.key());
        assert!(
            svg.contains("&lt;Changsha&gt;")
                && svg.contains("47 · base_camp")
                && svg.contains("0 · guerrilla"),
            "{svg}"
        );
        assert!(
            svg.contains("tier-fill-base_camp") && svg.contains("width=\"560\""),
            "the largest bar fills the width"
        );
        assert!(svg.contains("width=\"0\""), "a zero bar is empty");
    }

    #[test]
    fn the_monthly_curve_labels_every_month_and_point() {
        let months = ["Jan", "Feb", "Mar"];
        let shares = [Decimal::from(50), Decimal::from(30), Decimal::from(20)];
        let values = [
            (Decimal::from(5), "5".to_string()),
            (Decimal::from(3), "3".into()),
            (Decimal::from(2), "2".into()),
        ];
        let svg = monthly_svg("Monthly", &months, &shares, &values);
        assert_eq!(svg.matches("<circle").count(), 3);
        assert!(
            svg.contains(">50%<") && svg.contains(">Feb<") && svg.contains("<polyline"),
            "{svg}"
        );
    }
}
