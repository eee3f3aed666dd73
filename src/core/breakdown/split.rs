//! Splitting a whole number of units over weights by the largest-remainder method.

use std::cmp::Ordering;

use super::arith::mul_div;

/// Splits `total` units over `weights` (whose sum is `weight_total > 0`): each part is the floor
/// of its exact share `total × w / W`, and the units left over go one each to the largest
/// remainders — ties to the larger weight, then to the earlier sibling. So the parts sum to
/// `total` exactly, each is within one unit of its exact share, and a larger weight never gets
/// less than a smaller one. `remainders` is scratch space. Returns false only if the shares
/// cannot be computed (a weight above the total).
pub fn largest_remainder(
    total: i64,
    weights: &[u128],
    weight_total: u128,
    out: &mut [i64],
    remainders: &mut Vec<(u128, usize)>,
) -> bool {
    let Ok(total_u) = u128::try_from(total) else {
        return false;
    };
    if weight_total == 0 || out.len() != weights.len() {
        return false;
    }
    remainders.clear();
    let mut handed_out: i64 = 0;
    for (i, (&w, part)) in weights.iter().zip(out.iter_mut()).enumerate() {
        let Some((q, r)) = mul_div(total_u, w, weight_total) else {
            return false;
        };
        // q ≤ total because w ≤ W, so it fits in i64.
        *part = q as i64;
        handed_out += q as i64;
        if r > 0 {
            remainders.push((r, i));
        }
    }
    let left = (total - handed_out) as usize;
    if left == 0 {
        return true;
    }
    if left > remainders.len() {
        return false;
    }
    let order = |a: &(u128, usize), b: &(u128, usize)| -> Ordering {
        b.0.cmp(&a.0)
            .then_with(|| weights[b.1].cmp(&weights[a.1]))
            .then_with(|| a.1.cmp(&b.1))
    };
    if left < remainders.len() {
        remainders.select_nth_unstable_by(left - 1, order);
    }
    for &(_, i) in &remainders[..left] {
        out[i] += 1;
    }
    true
}

/// Equal shares: `total / n` each, the leftover units to the first siblings (all remainders and
/// weights tie, so sibling order decides — the same as [`largest_remainder`] with equal weights).
pub fn even(total: i64, out: &mut [i64]) {
    let n = out.len() as i64;
    if n == 0 {
        return;
    }
    let (base, extra) = (total / n, (total % n) as usize);
    for (i, part) in out.iter_mut().enumerate() {
        *part = base + i64::from(i < extra);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(total: i64, weights: &[u128]) -> Vec<i64> {
        let mut out = vec![0; weights.len()];
        let ok = largest_remainder(
            total,
            weights,
            weights.iter().sum(),
            &mut out,
            &mut Vec::new(),
        );
        assert!(ok, "split of {total} over {weights:?} failed");
        out
    }

    #[test]
    fn hand_checked_splits() {
        let cases: &[(i64, &[u128], &[i64])] = &[
            // 10 × 1/3 = 3.33 each: one unit left, all remainders tie: the first sibling.
            (10, &[1, 1, 1], &[4, 3, 3]),
            // 100 × (50, 30, 20)% is exact.
            (100, &[50, 30, 20], &[50, 30, 20]),
            // 7 × (0.5, 0.3, 0.2) = 3.5, 2.1, 1.4: largest remainders .5 then .4.
            (7, &[5, 3, 2], &[4, 2, 1]),
            // 5 × (2, 1, 1, 1)/5 exact.
            (5, &[2, 1, 1, 1], &[2, 1, 1, 1]),
            // 3 × (1, 2)/3 exact; then 1 × (1, 2)/3 = .33, .67 → the heavier gets it.
            (3, &[1, 2], &[1, 2]),
            (1, &[1, 2], &[0, 1]),
            // A zero weight gets zero.
            (9, &[0, 1, 2], &[0, 3, 6]),
            // Equal remainders (.5, .5): the larger weight first (3 × 1/6 = .5, 3 × 3/6 = 1.5).
            (3, &[1, 2, 3], &[0, 1, 2]),
            (0, &[4, 5], &[0, 0]),
        ];
        for &(total, weights, want) in cases {
            assert_eq!(split(total, weights), want, "{total} over {weights:?}");
        }
    }

    #[test]
    fn even_split_hands_leftovers_to_the_first_siblings() {
        let mut out = [0; 4];
        even(10, &mut out);
        assert_eq!(out, [3, 3, 2, 2]);
        even(10, &mut []);
    }

    #[test]
    fn even_matches_largest_remainder_with_equal_weights() {
        for total in 0..40 {
            for n in 1..7 {
                let mut a = vec![0; n];
                even(total, &mut a);
                assert_eq!(a, split(total, &vec![7; n]), "{total} over {n}");
            }
        }
    }

    #[test]
    fn impossible_inputs_are_refused_not_panicked_on() {
        let mut out = [0; 2];
        assert!(!largest_remainder(5, &[0, 0], 0, &mut out, &mut Vec::new()));
        assert!(!largest_remainder(
            -5,
            &[1, 1],
            2,
            &mut out,
            &mut Vec::new()
        ));
        assert!(!largest_remainder(
            5,
            &[1, 1],
            2,
            &mut [0; 3],
            &mut Vec::new()
        ));
    }
}
