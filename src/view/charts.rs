//! Chart geometry: bars and curves as numbers (whole pixels in a fixed view box) with their
//! text, for the chart components to draw as SVG. They print and project cleanly, and every bar
//! and point carries a text label, so nothing is told by colour alone.

use rust_decimal::Decimal;

use crate::core::tier::Tier;

/// One item of a bar chart: its label, value, display text and optional tier (for colour and a
/// tier mark).
pub struct Bar<'a> {
    pub label: &'a str,
    pub value: Decimal,
    pub text: String,
    pub tier: Option<Tier>,
    /// The value is zero (or missing) where one is expected: the row is drawn as a warning (an
    /// outlined empty track with the text inside it), never as an empty bar.
    pub warn: bool,
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
    /// A zero or missing value where one is expected: the track from `bar_x` over
    /// `track_width` is outlined as a warning and the text (starting with ⚠) sits inside it.
    pub warn: bool,
    pub track_width: i32,
}

impl BarRow {
    /// The CSS class that colours the bar: its tier's, or the plain bar colour.
    pub fn fill_class(&self) -> &'static str {
        self.tier.map_or("bar-fill", tier_fill_class)
    }
}

/// The mark that starts the text of a zero or missing value.
pub const WARN_MARK: &str = "⚠";

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
            let mut text = if b.warn {
                format!("{WARN_MARK} {}", b.text)
            } else {
                b.text.clone()
            };
            if let Some(name) = b.tier.map(&tier_names).filter(|n| !n.is_empty()) {
                text.push_str(" · ");
                text.push_str(name);
            }
            // A warning's text sits inside its empty track.
            let w = if b.warn { 0 } else { w };
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
                warn: b.warn,
                track_width: px(BAR_W),
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

/// The plan's monthly values as labelled columns, one per month: the curve of the year. One
/// series only (the seasonality profile is the same curve, so it is not drawn a second time).
#[derive(Clone, Debug, PartialEq)]
pub struct MonthlyChart {
    pub title: String,
    pub width: i32,
    pub height: i32,
    /// The baseline of the columns.
    pub axis_y: i32,
    pub months: Vec<MonthMark>,
}

/// One month: its column, its value above it and its name under the axis.
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
    /// The value as shown (`1298万`), or the warning of a zero month (`⚠ 0`).
    pub text: String,
    pub text_y: i32,
    /// A zero month in a year that has a target: drawn as an outlined warning, not an empty
    /// column.
    pub warn: bool,
}

/// The columns of `values` (each month's figure with its display text) under `months` (names).
/// A month whose value is zero while the year's total is not is a warning.
pub fn monthly_chart(title: &str, months: &[&str], values: &[(Decimal, String)]) -> MonthlyChart {
    let (w, h, left, bottom, top_pad) = (960i64, 400i64, 10i64, 40i64, 44i64);
    let n = months.len().max(1) as i64;
    let step = (w - 2 * left) / n;
    let top_value = values.iter().map(|v| v.0).max().unwrap_or(Decimal::ZERO);
    let any = top_value > Decimal::ZERO;
    let plot = h - bottom - top_pad;
    let axis = h - bottom;
    let marks = months
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let x = left + step * i as i64;
            let (value, text) = values
                .get(i)
                .cloned()
                .unwrap_or((Decimal::ZERO, "0".to_string()));
            let warn = any && value <= Decimal::ZERO;
            let ch = if warn {
                plot / 4
            } else {
                scale(value, top_value, plot)
            };
            MonthMark {
                month: (*m).to_string(),
                center_x: px(x + step / 2),
                month_y: px(axis + 28),
                column_x: px(x + step / 8),
                column_y: px(axis - ch),
                column_width: px(step * 3 / 4),
                column_height: px(ch),
                text: if warn {
                    format!("{WARN_MARK} {text}")
                } else {
                    text
                },
                text_y: px(axis - ch - 10),
                warn,
            }
        })
        .collect();
    MonthlyChart {
        title: title.to_string(),
        width: px(w),
        height: px(h),
        axis_y: px(axis),
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
                warn: false,
            },
            Bar {
                label: "Huaihua",
                value: Decimal::ZERO,
                text: "0".into(),
                tier: Some(Tier::Guerrilla),
                warn: true,
            },
            Bar {
                label: "Rest",
                value: Decimal::from(20),
                text: "20".into(),
                tier: None,
                warn: false,
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
        assert_eq!(zero.text, "⚠ 0 · guerrilla", "a zero target is a warning");
        assert!(zero.warn && !big.warn && !plain.warn);
        assert_eq!(
            zero.track_width, 560,
            "the warning outlines the whole track"
        );
        assert!(
            zero.value_x > zero.bar_x && zero.value_x < zero.bar_x + zero.track_width,
            "the warning's text sits inside its track"
        );
        assert_eq!(plain.text, "20", "no tier, no tier mark");
        assert_eq!(big.fill_class(), "tier-fill-base_camp");
        assert_eq!(plain.fill_class(), "bar-fill");
        assert_eq!(big.bar_width, 560, "the largest bar fills the width");
        assert_eq!(plain.bar_width, 560 * 20 / 47);
        assert_eq!(zero.bar_width, 0, "a zero has no bar");
        assert!(
            big.value_x > big.bar_x + big.bar_width,
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
            warn: false,
        }];
        let chart = bar_chart("Tiers", &bars, |_| "");
        assert_eq!(chart.rows[0].text, "5 · 2 regions");
        assert_eq!(chart.rows[0].fill_class(), "tier-fill-base_camp");
    }

    #[test]
    fn the_monthly_chart_is_one_labelled_column_per_month() {
        let months = ["Jan", "Feb", "Mar"];
        let values = [
            (Decimal::from(5), "5".to_string()),
            (Decimal::from(3), "3".into()),
            (Decimal::from(2), "2".into()),
        ];
        let chart = monthly_chart("Monthly", &months, &values);
        let names: Vec<&str> = chart.months.iter().map(|m| m.month.as_str()).collect();
        assert_eq!(names, months);
        let texts: Vec<&str> = chart.months.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(texts, ["5", "3", "2"], "every column carries its value");
        for m in &chart.months {
            assert_eq!(
                m.column_y + m.column_height,
                chart.axis_y,
                "columns stand on the axis"
            );
            assert!(m.text_y < m.column_y, "the value sits above its column");
            assert!(
                m.month_y > chart.axis_y,
                "the month is named under the axis"
            );
            assert!(!m.warn);
        }
        assert!(
            chart.months[0].column_height > chart.months[1].column_height
                && chart.months[1].column_height > chart.months[2].column_height,
            "a larger value is a taller column"
        );
        assert!(
            chart.months[0].column_x + chart.months[0].column_width < chart.months[1].column_x,
            "columns do not touch"
        );
    }

    #[test]
    fn a_zero_month_is_a_warning_not_an_empty_column() {
        let values = [
            (Decimal::from(5), "5".to_string()),
            (Decimal::ZERO, "0".into()),
        ];
        let chart = monthly_chart("Monthly", &["Jan", "Feb"], &values);
        let zero = &chart.months[1];
        assert!(zero.warn);
        assert_eq!(zero.text, "⚠ 0");
        assert!(zero.column_height > 0, "outlined, so it is seen");
        let empty = monthly_chart("Monthly", &["Jan"], &[]);
        assert!(
            !empty.months[0].warn,
            "a year without any target has nothing to warn about month by month"
        );
    }
}
