//! Chart geometry: bars and curves as numbers (whole pixels in a fixed view box) with their
//! text, for the chart components to draw as SVG. They print and project cleanly, and every bar
//! and point carries a text label, so nothing is told by colour alone.

use std::fmt::Write;

use rust_decimal::Decimal;

use crate::core::tier::Tier;

/// One item of a bar chart: its label, value, display text and optional tier (for colour and a
/// tier mark).
pub struct Bar<'a> {
    pub label: &'a str,
    pub value: Decimal,
    pub text: String,
    pub tier: Option<Tier>,
}

/// Horizontal bars in a view box `width` × `height`, one row per item.
#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    /// What the chart shows (its accessible name and tooltip).
    pub title: String,
    pub width: i32,
    pub height: i32,
    pub rows: Vec<BarRow>,
}

/// One row of a bar chart: the label ending at `label_x`, the bar from `bar_x`, and the value
/// text (with the tier's name, when the bar has a tier) just past the bar's end.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BarRow {
    pub label: String,
    /// The value as shown, with the tier's name after it (`4,729,100 · Base camp`).
    pub text: String,
    /// The tier the bar is coloured by.
    pub tier: Option<Tier>,
    pub label_x: i32,
    /// The baseline of the label and value texts.
    pub text_y: i32,
    pub bar_x: i32,
    pub bar_y: i32,
    pub bar_width: i32,
    pub bar_height: i32,
    /// Where the value text starts.
    pub value_x: i32,
}

impl BarRow {
    /// The CSS class that colours the bar: its tier's, or the plain bar colour.
    pub fn fill_class(&self) -> &'static str {
        self.tier.map_or("bar-fill", tier_fill_class)
    }
}

/// The CSS class of a tier's colour in charts.
pub fn tier_fill_class(tier: Tier) -> &'static str {
    match tier {
        Tier::BaseCamp => "tier-fill-base_camp",
        Tier::Stronghold => "tier-fill-stronghold",
        Tier::Contested => "tier-fill-contested",
        Tier::Guerrilla => "tier-fill-guerrilla",
    }
}

/// Whole pixels for a value on a scale whose maximum is `max` pixels.
pub fn scale(value: Decimal, top: Decimal, max: i64) -> i64 {
    if top <= Decimal::ZERO || value <= Decimal::ZERO {
        return 0;
    }
    let px = (value * Decimal::from(max) / top).trunc();
    i64::try_from(px.mantissa() / 10i128.pow(px.scale()))
        .unwrap_or(0)
        .clamp(0, max)
}

/// Narrows a pixel coordinate computed in `i64` (always small: the view boxes are fixed).
fn px(v: i64) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

/// Roughly how wide `text` is, in view-box units, at the largest type charts use (17 units, on
/// a projector): wide characters (Chinese) are square, others about half as wide.
pub fn text_width(text: &str) -> i64 {
    text.chars()
        .map(|c| if c.is_ascii() { 10 } else { 17 })
        .sum()
}

/// Horizontal bars, one per item, scaled to the largest; a tier's name follows the value text
/// (`tier_names` gives it; an empty name adds nothing). The view box leaves room for the
/// longest label before the bars and for every value text after its bar.
pub fn bar_chart(title: &str, bars: &[Bar], tier_names: impl Fn(Tier) -> &'static str) -> BarChart {
    const ROW: i64 = 34;
    const BAR_W: i64 = 560;
    const PAD: i64 = 8;
    let top = bars.iter().map(|b| b.value).max().unwrap_or(Decimal::ZERO);
    let label_w = bars
        .iter()
        .map(|b| text_width(b.label))
        .max()
        .unwrap_or(0)
        .max(60)
        + 2 * PAD;
    let mut right = label_w + BAR_W;
    let rows = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let y = 30 + ROW * i as i64;
            let w = scale(b.value, top, BAR_W);
            let mut text = b.text.clone();
            if let Some(name) = b.tier.map(&tier_names).filter(|n| !n.is_empty()) {
                text.push_str(" · ");
                text.push_str(name);
            }
            right = right.max(label_w + w + 2 * PAD + text_width(&text));
            BarRow {
                label: b.label.to_string(),
                text,
                tier: b.tier,
                label_x: px(label_w - PAD),
                text_y: px(y + 18),
                bar_x: px(label_w),
                bar_y: px(y + 4),
                bar_width: px(w),
                bar_height: px(ROW - 10),
                value_x: px(label_w + w + PAD),
            }
        })
        .collect();
    BarChart {
        title: title.to_string(),
        width: px(right),
        height: px(40 + ROW * bars.len() as i64),
        rows,
    }
}

/// A monthly curve: the seasonality profile (%) as columns, and the plan's monthly values as a
/// line through labelled points.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthlyChart {
    pub title: String,
    pub width: i32,
    pub height: i32,
    pub months: Vec<MonthMark>,
}

impl MonthlyChart {
    /// The line through the months' points, as SVG `points` (`x,y x,y …`).
    pub fn line_points(&self) -> String {
        let mut out = String::new();
        for p in self.months.iter().filter_map(|m| m.point.as_ref()) {
            if !out.is_empty() {
                out.push(' ');
            }
            let _ = write!(out, "{},{}", p.x, p.y);
        }
        out
    }
}

/// One month of the curve: its seasonality column, its name and then its share under the axis,
/// and the plan's value as a point (when the plan has one for the month).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MonthMark {
    pub month: String,
    /// The middle of the month's slot: where its texts are centred.
    pub center_x: i32,
    pub month_y: i32,
    pub column_x: i32,
    pub column_y: i32,
    pub column_width: i32,
    pub column_height: i32,
    /// The seasonality share as shown (`8.5%`).
    pub share: String,
    pub share_y: i32,
    pub point: Option<CurvePoint>,
}

/// A labelled point of the curve. Labels of neighbouring months sit on alternate sides of their
/// points (above, below), so they do not run into each other.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CurvePoint {
    pub x: i32,
    pub y: i32,
    /// The value as shown, above the point.
    pub text: String,
    pub text_y: i32,
}

/// The monthly curve of `months` (names), `shares` (seasonality, %) and `values` (the plan's
/// monthly figures with their display text).
pub fn monthly_chart(
    title: &str,
    months: &[&str],
    shares: &[Decimal],
    values: &[(Decimal, String)],
) -> MonthlyChart {
    let (w, h, left, bottom, top_pad) = (900i64, 380i64, 40i64, 60i64, 40i64);
    let n = months.len().max(1) as i64;
    let step = (w - left - 20) / n;
    let top_share = shares.iter().copied().max().unwrap_or(Decimal::ONE);
    let top_value = values.iter().map(|v| v.0).max().unwrap_or(Decimal::ONE);
    let plot = h - bottom - top_pad;
    let marks = months
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let x = left + step * i as i64;
            let center = x + step / 2;
            let share = shares.get(i).copied().unwrap_or(Decimal::ZERO);
            let bh = scale(share, top_share, plot * 4 / 5);
            let point = values.get(i).map(|(v, text)| {
                let y = h - bottom - scale(*v, top_value, plot);
                CurvePoint {
                    x: px(center),
                    y: px(y),
                    text: text.clone(),
                    text_y: px(if i % 2 == 0 { y - 10 } else { y + 24 }),
                }
            });
            MonthMark {
                month: (*m).to_string(),
                center_x: px(center),
                month_y: px(h - bottom + 22),
                column_x: px(x + step / 5),
                column_y: px(h - bottom - bh),
                column_width: px(step * 3 / 5),
                column_height: px(bh),
                share: format!("{}%", share.normalize()),
                share_y: px(h - bottom + 46),
                point,
            }
        })
        .collect();
    MonthlyChart {
        title: title.to_string(),
        width: px(w),
        height: px(h),
        months: marks,
    }
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
            Bar {
                label: "Rest",
                value: Decimal::from(20),
                text: "20".into(),
                tier: None,
            },
        ];
        let chart = bar_chart("Targets by region", &bars, |t| t.key());
        assert_eq!(chart.title, "Targets by region");
        let [big, zero, plain] = &chart.rows[..] else {
            panic!("one row per bar: {chart:?}");
        };
        assert_eq!(
            big.label, "<Changsha>",
            "a name is kept as the characters it is"
        );
        assert_eq!(big.text, "47 · base_camp");
        assert_eq!(zero.text, "0 · guerrilla");
        assert_eq!(plain.text, "20", "no tier, no tier mark");
        assert_eq!(big.fill_class(), "tier-fill-base_camp");
        assert_eq!(plain.fill_class(), "bar-fill");
        assert_eq!(big.bar_width, 560, "the largest bar fills the width");
        assert_eq!(plain.bar_width, 560 * 20 / 47);
        assert_eq!(zero.bar_width, 0, "a zero bar is empty");
        assert!(
            big.value_x > big.bar_x + big.bar_width && zero.value_x > zero.bar_x,
            "the value text follows the bar's end"
        );
        assert!(zero.bar_y > big.bar_y && chart.height > plain.bar_y + plain.bar_height);
        for row in &chart.rows {
            assert!(
                i64::from(row.label_x) >= text_width(&row.label),
                "room for the label {:?}",
                row.label
            );
            assert!(
                i64::from(chart.width) >= i64::from(row.value_x) + text_width(&row.text),
                "room for the value text {:?}",
                row.text
            );
        }
    }

    #[test]
    fn an_empty_tier_name_adds_no_mark() {
        let bars = [Bar {
            label: "Base camp",
            value: Decimal::from(5),
            text: "5 · 2 regions".into(),
            tier: Some(Tier::BaseCamp),
        }];
        let chart = bar_chart("Tiers", &bars, |_| "");
        assert_eq!(chart.rows[0].text, "5 · 2 regions");
        assert_eq!(chart.rows[0].fill_class(), "tier-fill-base_camp");
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
        let chart = monthly_chart("Monthly", &months, &shares, &values);
        let names: Vec<&str> = chart.months.iter().map(|m| m.month.as_str()).collect();
        assert_eq!(names, months);
        let shown: Vec<&str> = chart.months.iter().map(|m| m.share.as_str()).collect();
        assert_eq!(shown, ["50%", "30%", "20%"]);
        let axis = chart.months[0].column_y + chart.months[0].column_height;
        assert!(
            chart
                .months
                .iter()
                .all(|m| axis < m.month_y && m.month_y < m.share_y),
            "under the axis: the month, then its share"
        );
        let points: Vec<&CurvePoint> = chart
            .months
            .iter()
            .filter_map(|m| m.point.as_ref())
            .collect();
        assert_eq!(points.len(), 3, "a labelled point per month");
        assert_eq!(points[1].text, "3");
        assert!(
            points[0].y < points[1].y && points[1].y < points[2].y,
            "a larger value is higher"
        );
        assert!(
            chart.months[0].column_height > chart.months[2].column_height,
            "a larger share is a taller column"
        );
        assert!(
            points[0].text_y < points[0].y && points[1].text_y > points[1].y,
            "neighbouring labels on alternate sides of their points"
        );
        assert_eq!(chart.line_points().split(' ').count(), 3);
        assert!(
            chart
                .line_points()
                .starts_with(&format!("{},{}", points[0].x, points[0].y))
        );
    }

    #[test]
    fn a_month_without_a_value_has_no_point() {
        let chart = monthly_chart("Monthly", &["Jan", "Feb"], &[Decimal::ONE], &[]);
        assert!(chart.months.iter().all(|m| m.point.is_none()));
        assert_eq!(chart.months[1].share, "0%");
        assert_eq!(chart.line_points(), "");
    }
}
