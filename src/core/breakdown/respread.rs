//! Re-spreads (纠偏) applied inside the monthly pass, in whole units.
//!
//! When a re-spread node's months are known (its parent's grid is done), they become:
//! - **months to date**: what was achieved, rounded to the unit cumulatively (each month the
//!   rounded running total less the previous one, so the months to date add up to the rounded
//!   total achieved);
//! - **remaining months**: their planned value plus a share of the gap (planned to date −
//!   achieved to date), evenly or by the seasonality of the remaining months (largest
//!   remainder, so the shares add up to the gap exactly).
//!
//! The node's year does not change. A node ahead of pace has a negative gap: its remaining
//! months are cut by equal (or seasonal) shares, and a month whose share is more than it holds
//! stops at zero, the rest taken from the others the same way. A node that has already
//! achieved more than its year keeps the year in its months to date, split in proportion to
//! what was achieved, and zero after. No month is ever negative.
//!
//! Every ancestor's months move by the same amounts (their years unchanged, since the changes
//! add up to zero), and the node's descendants are then split under its new months by the
//! normal controlled rounding.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::core::execution::Figure;
use crate::core::respread::{Respread, Spread};

use super::arith::MAX_UNITS;
use super::split::{even, largest_remainder};

/// How a re-spread met its gap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The gap was shared over the remaining months as asked.
    Spread,
    /// Seasonal was asked but every remaining month weighs zero: shared evenly instead.
    EvenFallback,
    /// Ahead of pace: some remaining months stopped at zero and the others took the rest of
    /// the cut.
    StoppedAtZero,
    /// More than the year was achieved: the months to date hold the year in proportion to
    /// what was achieved, the remaining months are zero.
    AheadOfYear,
}

/// A re-spread as the breakdown applied it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppliedRespread {
    /// Position in the scenario's list of re-spreads.
    pub entry: usize,
    /// The re-spread node (index into the breakdown's nodes).
    pub node: usize,
    pub measure: Figure,
    /// Number of months to date (through the as-of month).
    pub upto: usize,
    pub how: Spread,
    /// The node's months before the re-spread, in units.
    pub planned: Vec<i64>,
    /// The node's months after it, in units.
    pub months: Vec<i64>,
    /// Planned to date − achieved to date, in units (negative: ahead of pace).
    pub gap: i64,
    pub outcome: Outcome,
}

impl AppliedRespread {
    /// What the re-spread changed in month `k` (units).
    pub fn change(&self, k: usize) -> i64 {
        self.months[k] - self.planned[k]
    }
}

/// The achieved figures as whole units: each month the rounded running total less the
/// previous one (half away from zero), so no month is off by a unit or more and the total is
/// the rounded total. Figures that do not fit count as the most units a target may hold.
pub fn achieved_units(achieved: &[Decimal], unit: Decimal) -> Vec<i64> {
    let mut running = Decimal::ZERO;
    let mut before = 0i64;
    achieved
        .iter()
        .map(|v| {
            running = running.saturating_add((*v).max(Decimal::ZERO));
            let total = running
                .checked_div(unit)
                .map(|u| u.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero))
                .and_then(|u| u.to_i64())
                .unwrap_or(MAX_UNITS)
                .clamp(0, MAX_UNITS);
            let month = total - before;
            before = total;
            month
        })
        .collect()
}

/// The node's new months from its `planned` months, `achieved` units for the months to date
/// (fewer than the months) and the scenario's seasonality weights (one per month). Returns the
/// months, the gap and how it was met.
pub fn respread_months(
    planned: &[i64],
    achieved: &[i64],
    season: &[u128],
    how: Spread,
) -> (Vec<i64>, i64, Outcome) {
    let upto = achieved.len().min(planned.len());
    let year: i64 = planned.iter().sum();
    let achieved_total: i64 = achieved[..upto].iter().sum();
    let gap = planned[..upto].iter().sum::<i64>() - achieved_total;
    let mut months = planned.to_vec();
    let mut scratch = Vec::new();
    if achieved_total > year {
        // Achieved more than the year: the months to date share the year as they were achieved.
        let weights: Vec<u128> = achieved[..upto].iter().map(|&a| a as u128).collect();
        let mut parts = vec![0; upto];
        if !largest_remainder(
            year,
            &weights,
            achieved_total as u128,
            &mut parts,
            &mut scratch,
        ) {
            even(year, &mut parts);
        }
        months[..upto].copy_from_slice(&parts);
        months[upto..].fill(0);
        return (months, gap, Outcome::AheadOfYear);
    }
    months[..upto].copy_from_slice(&achieved[..upto]);
    let rest = &mut months[upto..];
    let mut weights: Vec<u128> = match how {
        Spread::Even => vec![1; rest.len()],
        Spread::Seasonal => (upto..planned.len())
            .map(|k| season.get(k).copied().unwrap_or(0))
            .collect(),
    };
    let mut outcome = Outcome::Spread;
    if weights.iter().all(|&w| w == 0) {
        weights.fill(1);
        if how == Spread::Seasonal {
            outcome = Outcome::EvenFallback;
        }
    }
    if gap >= 0 {
        let mut parts = vec![0; rest.len()];
        share(gap, &weights, &mut parts, &mut scratch);
        for (m, p) in rest.iter_mut().zip(&parts) {
            *m += p;
        }
    } else if cut(rest, -gap, &weights, &mut scratch) {
        outcome = Outcome::StoppedAtZero;
    }
    (months, gap, outcome)
}

/// `total` over `weights` by largest remainder (equal shares when every weight is zero).
fn share(total: i64, weights: &[u128], out: &mut [i64], scratch: &mut Vec<(u128, usize)>) {
    let sum: u128 = weights.iter().sum();
    if sum == 0 || !largest_remainder(total, weights, sum, out, scratch) {
        even(total, out);
    }
}

/// Takes `amount` units off `months` (which hold at least that many) by weight; a month whose
/// share is more than it holds stops at zero and the rest is shared again over the others.
/// Returns whether any month stopped at zero.
fn cut(
    months: &mut [i64],
    mut amount: i64,
    weights: &[u128],
    scratch: &mut Vec<(u128, usize)>,
) -> bool {
    let mut active: Vec<usize> = (0..months.len()).filter(|&k| months[k] > 0).collect();
    let mut stopped = false;
    while amount > 0 && !active.is_empty() {
        let w: Vec<u128> = active.iter().map(|&k| weights[k]).collect();
        let w = if w.iter().all(|&x| x == 0) {
            vec![1; w.len()]
        } else {
            w
        };
        let mut parts = vec![0; active.len()];
        share(amount, &w, &mut parts, scratch);
        let over: Vec<usize> = (0..active.len())
            .filter(|&i| parts[i] > months[active[i]])
            .collect();
        if over.is_empty() {
            for (&k, p) in active.iter().zip(&parts) {
                months[k] -= p;
            }
            return stopped;
        }
        for &i in &over {
            amount -= months[active[i]];
            months[active[i]] = 0;
        }
        stopped = true;
        let mut i = 0;
        active.retain(|_| {
            i += 1;
            !over.contains(&(i - 1))
        });
    }
    stopped
}

/// Where a stored re-spread applies: its node's index and the number of months to date, or
/// `None` when it does not fit this plan (an unknown node, an as-of month outside the period
/// or the last one, achieved figures for another number of months).
pub fn placed(
    r: &Respread,
    find: impl Fn(&str) -> Option<usize>,
    months: &[crate::core::period::YearMonth],
) -> Option<(usize, usize)> {
    let node = find(&r.node)?;
    let at = months.iter().position(|&m| m == r.as_of)?;
    (at + 1 < months.len() && r.achieved.len() == at + 1).then_some((node, at + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn achieved_figures_round_to_the_unit_on_their_running_total() {
        // Unit 1000: 1,400 + 1,400 + 1,400 = 4,200 → 1, 2 (2,800 → 3 running), 1 (4,200 → 4).
        assert_eq!(
            achieved_units(&[d("1400"), d("1400"), d("1400")], d("1000")),
            [1, 2, 1]
        );
        // Half a unit rounds up; a negative figure counts as zero.
        assert_eq!(achieved_units(&[d("500"), d("-3")], d("1000")), [1, 0]);
    }

    #[test]
    fn an_even_respread_adds_the_gap_equally_to_the_remaining_months() {
        // Six months of 10; achieved 6 and 7 in the first two: gap 7 over four months (2, 2,
        // 2, 1: the first months take the extra units).
        let (months, gap, outcome) = respread_months(&[10; 6], &[6, 7], &[1; 6], Spread::Even);
        assert_eq!((gap, outcome), (7, Outcome::Spread));
        assert_eq!(months, [6, 7, 12, 12, 12, 11]);
        assert_eq!(months.iter().sum::<i64>(), 60, "the year is unchanged");
    }

    #[test]
    fn a_seasonal_respread_follows_the_remaining_months_weights() {
        // Weights 1, 1, 2, 3, 3, 1 (percent-like); gap 9 over months 3–6 weighing 2, 3, 3, 1:
        // exact 2, 3, 3, 1.
        let planned = [5, 5, 10, 15, 15, 5];
        let (months, gap, _) =
            respread_months(&planned, &[2, 4], &[1, 1, 2, 3, 3, 1], Spread::Seasonal);
        assert_eq!(gap, 4);
        // Gap 4 over 2, 3, 3, 1 (total 9): exact .89, 1.33, 1.33, .44 → floors 0, 1, 1, 0,
        // the two units left to the largest remainders (.89, then .44 beats .33).
        assert_eq!(months, [2, 4, 11, 16, 16, 6]);
        assert_eq!(months.iter().sum::<i64>(), 55);
    }

    #[test]
    fn ahead_of_pace_cuts_the_remaining_months_and_none_goes_below_zero() {
        // Planned 10, 10, 1, 9; achieved 16 and 14: gap −10 over months of 1 and 9. Equal cuts
        // of 5 would take month 3 to −4: it stops at 0 and month 4 gives the other 9.
        let (months, gap, outcome) =
            respread_months(&[10, 10, 1, 9], &[16, 14], &[1; 4], Spread::Even);
        assert_eq!((gap, outcome), (-10, Outcome::StoppedAtZero));
        assert_eq!(months, [16, 14, 0, 0]);
        // A smaller lead: gap −4 is cut 2 and 2.
        let (months, _, outcome) =
            respread_months(&[10, 10, 5, 9], &[12, 12], &[1; 4], Spread::Even);
        assert_eq!((months, outcome), (vec![12, 12, 3, 7], Outcome::Spread));
    }

    #[test]
    fn achieving_more_than_the_year_keeps_the_year_in_the_months_to_date() {
        // Year 40; achieved 30 and 20 (50): the year split 3 : 2 → 24, 16; the rest zero.
        let (months, gap, outcome) =
            respread_months(&[10, 10, 10, 10], &[30, 20], &[1; 4], Spread::Seasonal);
        assert_eq!((gap, outcome), (-30, Outcome::AheadOfYear));
        assert_eq!(months, [24, 16, 0, 0]);
    }

    #[test]
    fn seasonal_over_remaining_months_weighing_nothing_spreads_evenly() {
        let (months, _, outcome) =
            respread_months(&[6, 6, 0, 0], &[2, 2], &[50, 50, 0, 0], Spread::Seasonal);
        assert_eq!((months, outcome), (vec![2, 2, 4, 4], Outcome::EvenFallback));
    }
}
