//! Differences as bars from a middle axis: increases to the right, decreases to the left, each
//! with its label and signed value as text (nothing is told by colour alone). Geometry in whole
//! pixels of a fixed view box, for the chart component to draw as SVG.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

const ROW: i32 = 30;
const LABEL_WIDTH: i32 = 190;
/// The longest bar, either side of the axis.
const HALF: i32 = 300;
const PAD: i32 = 6;

/// The chart: a view box `width` × `height`, the axis at `axis_x`, one bar per item.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DiffChart {
    /// What the chart shows (its accessible name and tooltip).
    pub title: String,
    pub width: i32,
    pub height: i32,
    pub axis_x: i32,
    pub bars: Vec<DiffBar>,
}

/// One item: its label ending at `label_x`, the bar, and the value text beyond the bar's end.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DiffBar {
    pub label: String,
    /// The signed value as shown (`+1,200,000`).
    pub text: String,
    /// An increase (or no change); otherwise a decrease, drawn left of the axis.
    pub up: bool,
    pub label_x: i32,
    /// The baseline of the label and value texts.
    pub text_y: i32,
    pub x: i32,
    pub y: i32,
    pub width: i32,
    pub height: i32,
    /// Where the value text is anchored: its start for an increase, its end for a decrease.
    pub value_x: i32,
}

impl DiffBar {
    /// The bar's CSS class.
    pub fn class(&self) -> &'static str {
        if self.up { "diff-up" } else { "diff-down" }
    }

    /// The value text's anchor: away from the axis.
    pub fn value_anchor(&self) -> &'static str {
        if self.up { "start" } else { "end" }
    }
}

/// Whole pixels for `value` on a scale where `top` is `max` pixels.
fn scale(value: Decimal, top: Decimal, max: i32) -> i32 {
    if top <= Decimal::ZERO || value <= Decimal::ZERO {
        return 0;
    }
    (value * Decimal::from(max) / top)
        .trunc()
        .to_i32()
        .unwrap_or(0)
        .clamp(0, max)
}

/// The chart of `items`: (label, difference, the difference as shown), scaled to the largest
/// change.
pub fn diff_chart(title: &str, items: &[(String, Decimal, String)]) -> DiffChart {
    let top = items
        .iter()
        .map(|i| i.1.abs())
        .max()
        .unwrap_or(Decimal::ZERO);
    let axis = LABEL_WIDTH + HALF + 80;
    let bars = items
        .iter()
        .zip(0..)
        .map(|((label, value, text), i)| {
            let y = 10 + ROW * i;
            let width = scale(value.abs(), top, HALF);
            let up = !value.is_sign_negative() || value.is_zero();
            let (x, value_x) = if up {
                (axis, axis + width + PAD)
            } else {
                (axis - width, axis - width - PAD)
            };
            DiffBar {
                label: label.clone(),
                text: text.clone(),
                up,
                label_x: LABEL_WIDTH - PAD,
                text_y: y + 16,
                x,
                y: y + 3,
                width,
                height: ROW - 8,
                value_x,
            }
        })
        .collect::<Vec<_>>();
    let height = 20 + ROW * bars.len() as i32;
    DiffChart {
        title: title.to_string(),
        width: axis + HALF + 160,
        height,
        axis_x: axis,
        bars,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_go_both_ways_from_the_axis() {
        let items = [
            ("Up".to_string(), Decimal::from(10), "+10".to_string()),
            ("Down".to_string(), Decimal::from(-5), "-5".to_string()),
        ];
        let chart = diff_chart("Stretch vs Baseline", &items);
        let (up, down) = (&chart.bars[0], &chart.bars[1]);
        assert_eq!((up.class(), down.class()), ("diff-up", "diff-down"));
        assert_eq!((up.text.as_str(), down.text.as_str()), ("+10", "-5"));
        assert_eq!(
            (up.width, down.width),
            (300, 150),
            "scaled to the largest change"
        );
        assert_eq!(up.x, chart.axis_x, "an increase starts at the axis");
        assert_eq!(down.x + down.width, chart.axis_x, "a decrease ends at it");
        assert!(up.value_x > up.x + up.width && up.value_anchor() == "start");
        assert!(down.value_x < down.x && down.value_anchor() == "end");
        assert!(down.y > up.y && chart.height > down.y + down.height);
        assert!(chart.width > chart.axis_x + 300);
    }

    #[test]
    fn no_change_draws_an_empty_bar_to_the_right() {
        let chart = diff_chart("Same", &[("A".to_string(), Decimal::ZERO, "0".to_string())]);
        assert_eq!(chart.bars[0].width, 0);
        assert!(chart.bars[0].up);
        assert_eq!(diff_chart("None", &[]).bars, []);
    }
}
