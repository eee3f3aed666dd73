//! Controlled rounding of a (child × month) grid with fixed margins.
//!
//! The exact cell is `year_i × month_j / total`. Its floor leaves each row and each column a
//! whole deficit; the fractional parts themselves are a solution with every row and column
//! summing to its deficit, so (by the integrality of flows) a choice of cells to round up, each
//! at most once and only where the fraction is non-zero, always exists. A greedy pass by
//! remainder finds almost all of it; augmenting paths (rows → columns, at most 12 columns) finish
//! the rest.

/// Scratch buffers reused across grids, so rounding allocates nothing per parent.
#[derive(Default)]
pub struct GridScratch {
    remainders: Vec<u64>,
    up: Vec<bool>,
    row_deficit: Vec<i64>,
    col_deficit: Vec<i64>,
    /// Cells with a remainder, as `remainder << 32 | (u32::MAX − cell)`: sorting plain integers
    /// is much faster than sorting pairs with a comparator. `u64` when remainders fit 32 bits
    /// (parents under 4.29 billion units), else `u128`.
    narrow: Vec<u64>,
    wide: Vec<u128>,
    /// Cells in greedy order.
    order: Vec<u32>,
    // Augmenting-path search: where each row and column was reached from.
    row_from: Vec<u32>,
    col_from: Vec<u32>,
    row_seen: Vec<bool>,
    queue: Vec<u32>,
}

use super::arith::Divisor;

const NONE: u32 = u32::MAX;

/// Fills `out` (row-major, `rows.len() × cols.len()`) with whole cells whose row sums are `rows`
/// and column sums are `cols`, each cell the floor or the ceiling of its exact value, exact cells
/// untouched. Both margins must be non-negative with the same total. Returns false (leaving `out`
/// unspecified) only when the margins disagree.
pub fn controlled_round(
    rows: &[i64],
    cols: &[i64],
    out: &mut Vec<i64>,
    s: &mut GridScratch,
) -> bool {
    let (n, m) = (rows.len(), cols.len());
    out.clear();
    out.resize(n * m, 0);
    let total: i64 = rows.iter().sum();
    if total != cols.iter().sum::<i64>() || rows.iter().chain(cols).any(|&v| v < 0) {
        return false;
    }
    // Cells are addressed by 32-bit (row, column) keys; no real grid comes near the limit.
    if total == 0 || (n as u64) << column_bits(m) >= u64::from(NONE) {
        return total == 0;
    }
    floor_cells(rows, cols, total, out, s);
    let mut left: i64 = s.row_deficit.iter().sum();
    if left == 0 {
        return true;
    }
    left -= greedy_by_remainder(m, total, left, out, s);
    while left > 0 {
        if !augment(n, m, out, s) {
            return false;
        }
        left -= 1;
    }
    true
}

/// Bits that hold a column index below `m`.
fn column_bits(m: usize) -> u32 {
    usize::BITS - (m.max(2) - 1).leading_zeros()
}

/// Floors every cell and records remainders and the deficits they leave.
fn floor_cells(rows: &[i64], cols: &[i64], total: i64, out: &mut [i64], s: &mut GridScratch) {
    let cells = rows.len() * cols.len();
    s.remainders.clear();
    s.remainders.resize(cells, 0);
    s.up.clear();
    s.up.resize(cells, false);
    s.row_deficit.clear();
    s.col_deficit.clear();
    s.col_deficit.extend_from_slice(cols);
    let t = total as u64;
    let divisor = Divisor::new(t);
    for (i, &year) in rows.iter().enumerate() {
        let mut row_sum = 0i64;
        let base = i * cols.len();
        for (j, &month) in cols.iter().enumerate() {
            // Margins are at most 10^18 units, so the product fits in u128; u64 when it can.
            let (q, r) = match (year as u64).checked_mul(month as u64) {
                Some(p) => divisor.div_rem(p),
                None => {
                    let p = year as u128 * month as u128;
                    ((p / t as u128) as u64, (p % t as u128) as u64)
                }
            };
            out[base + j] = q as i64;
            s.remainders[base + j] = r;
            row_sum += q as i64;
            s.col_deficit[j] -= q as i64;
        }
        s.row_deficit.push(year - row_sum);
    }
}

/// Rounds up cells in order of remainder (largest first, then row, then column) while both
/// their row and column still need units, until `wanted` are. Returns how many it rounded up.
fn greedy_by_remainder(
    m: usize,
    total: i64,
    wanted: i64,
    out: &mut [i64],
    s: &mut GridScratch,
) -> i64 {
    // Keys carry the cell as (row << shift | column), ordered like (row, column), so the loop
    // below needs shifts rather than divisions.
    let shift = column_bits(m);
    let cell = |k: usize| ((k / m) << shift | (k % m)) as u32;
    let cells = s.remainders.iter().enumerate().filter(|&(_, &r)| r > 0);
    let order = &mut s.order;
    order.clear();
    if total <= i64::from(u32::MAX) {
        s.narrow.clear();
        s.narrow
            .extend(cells.map(|(k, &r)| (r << 32) | u64::from(u32::MAX - cell(k))));
        s.narrow.sort_unstable();
        order.extend(s.narrow.iter().rev().map(|&x| u32::MAX - x as u32));
    } else {
        s.wide.clear();
        s.wide
            .extend(cells.map(|(k, &r)| (u128::from(r) << 32) | u128::from(u32::MAX - cell(k))));
        s.wide.sort_unstable();
        order.extend(s.wide.iter().rev().map(|&x| u32::MAX - x as u32));
    }
    let mut done = 0;
    for &c in &s.order {
        let (i, j) = ((c >> shift) as usize, (c & ((1 << shift) - 1)) as usize);
        if s.row_deficit[i] > 0 && s.col_deficit[j] > 0 {
            s.row_deficit[i] -= 1;
            s.col_deficit[j] -= 1;
            s.up[i * m + j] = true;
            out[i * m + j] += 1;
            done += 1;
            if done == wanted {
                break;
            }
        }
    }
    done
}

/// Finds one path from a row still short of units to a column still short: row → column over a
/// cell not yet rounded up (with a non-zero remainder), column → row over a cell rounded up
/// (undoing it), and so on; flipping the path gives both ends one unit and leaves every other
/// row and column as it was. Breadth-first from the rows in order, so the result is
/// deterministic.
fn augment(n: usize, m: usize, out: &mut [i64], s: &mut GridScratch) -> bool {
    s.row_from.clear();
    s.row_from.resize(n, NONE);
    s.row_seen.clear();
    s.row_seen.resize(n, false);
    s.col_from.clear();
    s.col_from.resize(m, NONE);
    s.queue.clear();
    for i in 0..n {
        if s.row_deficit[i] > 0 {
            s.row_seen[i] = true;
            s.queue.push(i as u32);
        }
    }
    let mut head = 0;
    let mut end = None;
    'search: while head < s.queue.len() {
        let i = s.queue[head] as usize;
        head += 1;
        for j in 0..m {
            let k = i * m + j;
            if s.col_from[j] != NONE || s.up[k] || s.remainders[k] == 0 {
                continue;
            }
            s.col_from[j] = i as u32;
            if s.col_deficit[j] > 0 {
                end = Some(j);
                break 'search;
            }
            for i2 in 0..n {
                if !s.row_seen[i2] && s.up[i2 * m + j] {
                    s.row_seen[i2] = true;
                    s.row_from[i2] = j as u32;
                    s.queue.push(i2 as u32);
                }
            }
        }
    }
    let Some(mut j) = end else {
        return false;
    };
    s.col_deficit[j] -= 1;
    loop {
        let i = s.col_from[j] as usize;
        s.up[i * m + j] = true;
        out[i * m + j] += 1;
        let back = s.row_from[i];
        if back == NONE {
            s.row_deficit[i] -= 1;
            return true;
        }
        j = back as usize;
        s.up[i * m + j] = false;
        out[i * m + j] -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn round(rows: &[i64], cols: &[i64]) -> Vec<i64> {
        let mut out = Vec::new();
        assert!(
            controlled_round(rows, cols, &mut out, &mut GridScratch::default()),
            "rows {rows:?} cols {cols:?}"
        );
        out
    }

    fn check_margins(rows: &[i64], cols: &[i64], out: &[i64]) -> Result<(), TestCaseError> {
        let m = cols.len();
        let total: i64 = rows.iter().sum();
        for (i, &year) in rows.iter().enumerate() {
            prop_assert_eq!(
                out[i * m..(i + 1) * m].iter().sum::<i64>(),
                year,
                "row {}",
                i
            );
            for (j, &month) in cols.iter().enumerate() {
                if total == 0 {
                    prop_assert_eq!(out[i * m + j], 0);
                    continue;
                }
                // |cell − year·month/total| < 1  ⇔  |cell·total − year·month| < total.
                let gap =
                    (out[i * m + j] as i128 * total as i128 - year as i128 * month as i128).abs();
                prop_assert!(
                    gap < total as i128,
                    "cell ({}, {}) = {} too far from {}×{}/{}",
                    i,
                    j,
                    out[i * m + j],
                    year,
                    month,
                    total
                );
            }
        }
        for (j, &month) in cols.iter().enumerate() {
            prop_assert_eq!(
                (0..rows.len()).map(|i| out[i * m + j]).sum::<i64>(),
                month,
                "column {}",
                j
            );
        }
        Ok(())
    }

    #[test]
    fn hand_checked_grid() {
        // Two people of 5 and 7 units over three months of 4 each: exact cells 5/3 and 7/3.
        let out = round(&[5, 7], &[4, 4, 4]);
        assert_eq!(out, vec![2, 2, 1, 2, 2, 3], "5 and 7 over 4, 4, 4");
        // Exact grids stay exact.
        assert_eq!(round(&[2, 4], &[3, 3]), vec![1, 1, 2, 2]);
        // Zero rows and zero months stay zero.
        assert_eq!(round(&[0, 3], &[3, 0]), vec![0, 0, 3, 0]);
        assert_eq!(round(&[], &[0, 0]), Vec::<i64>::new());
    }

    #[test]
    fn greedy_dead_ends_are_repaired_by_augmenting_paths() {
        // Rows 5, 3, 2 over months 3, 3, 2, 2 (total 10). Exact cells: row 0 1.5 1.5 1 1, row 1
        // .9 .9 .6 .6, row 2 .6 .6 .4 .4. The greedy rounds up row 1's .9s and first .6, row 2's
        // .6s, and is stuck: row 0 still needs a unit but only month 3 has one left, where row 0
        // is exact. The path row 0 → month 0 → row 1 → month 3 moves row 1's unit.
        let (rows, cols) = ([5, 3, 2], [3, 3, 2, 2]);
        let mut s = GridScratch::default();
        let mut out = vec![0; 12];
        floor_cells(&rows, &cols, 10, &mut out, &mut s);
        assert_eq!(
            greedy_by_remainder(4, 10, 6, &mut out, &mut s),
            5,
            "the greedy alone leaves one unit"
        );
        assert_eq!(
            round(&rows, &cols),
            vec![2, 1, 1, 1, 0, 1, 1, 1, 1, 1, 0, 0]
        );
    }

    #[test]
    fn disagreeing_margins_are_refused() {
        let mut out = Vec::new();
        assert!(!controlled_round(
            &[1, 2],
            &[4],
            &mut out,
            &mut GridScratch::default()
        ));
        assert!(!controlled_round(
            &[-1, 2],
            &[1],
            &mut out,
            &mut GridScratch::default()
        ));
    }

    fn margins() -> impl Strategy<Value = (Vec<i64>, Vec<i64>)> {
        (
            prop::collection::vec(0i64..50, 0..12),
            prop::collection::vec(0u32..20, 1..13),
        )
            .prop_map(|(rows, month_weights)| {
                // Spread the rows' total over the months by the weights, remainder to month 0.
                let total: i64 = rows.iter().sum();
                let wsum: i64 = month_weights.iter().map(|&w| w as i64).sum::<i64>().max(1);
                let mut cols: Vec<i64> = month_weights
                    .iter()
                    .map(|&w| total * w as i64 / wsum)
                    .collect();
                let given: i64 = cols.iter().sum();
                cols[0] += total - given;
                (rows, cols)
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn every_grid_meets_both_margins_with_cells_within_one_unit((rows, cols) in margins()) {
            let mut out = Vec::new();
            prop_assert!(controlled_round(&rows, &cols, &mut out, &mut GridScratch::default()));
            check_margins(&rows, &cols, &out)?;
        }
    }
}
