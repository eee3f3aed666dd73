//! The plan's period as people write it: `2027 年度`, `Year 2027`, `2027 年第 2 季度`, or the
//! kind with its first and last month when it does not start on a calendar boundary.

use crate::core::period::{Period, PeriodKind};
use crate::i18n::{Catalogue, fill};

/// The period in words of the catalogue's language.
pub fn period_label(t: &Catalogue, period: &Period) -> String {
    let start = period.start;
    let year = start.year.to_string();
    match period.kind {
        PeriodKind::Year if start.month == 1 => fill(t.period_label_year, &[&year]),
        PeriodKind::Quarter if start.month % 3 == 1 => fill(
            t.period_label_quarter,
            &[&year, &start.month.div_ceil(3).to_string()],
        ),
        kind => {
            let last = start.plus(kind.months() as u32 - 1);
            let label = match kind {
                PeriodKind::Year => fill(t.period_label_year, &[&year]),
                _ => t.period_kind(kind).to_string(),
            };
            fill(
                t.period_label_span,
                &[&label, &start.to_string(), &last.to_string()],
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::period::YearMonth;
    use crate::i18n::{EN, ZH};

    fn period(kind: PeriodKind, year: i32, month: u32) -> Period {
        Period {
            kind,
            start: YearMonth::new(year, month).unwrap(),
        }
    }

    #[test]
    fn periods_read_as_written_in_each_language() {
        let cases = [
            (period(PeriodKind::Year, 2027, 1), "2027 年度", "Year 2027"),
            (
                period(PeriodKind::Year, 2027, 4),
                "2027 年度（2027-04 至 2028-03）",
                "Year 2027 (2027-04 to 2028-03)",
            ),
            (
                period(PeriodKind::Quarter, 2027, 4),
                "2027 年第 2 季度",
                "2027 Q2",
            ),
            (
                period(PeriodKind::HalfYear, 2026, 10),
                "半年（2026-10 至 2027-03）",
                "Half-year (2026-10 to 2027-03)",
            ),
        ];
        for (p, zh, en) in cases {
            assert_eq!(period_label(&ZH, &p), zh);
            assert_eq!(period_label(&EN, &p), en);
        }
    }
}
