//! Exact integer arithmetic under the breakdown: multiply-then-divide without overflow, decimals
//! turned into whole units, decimal weights turned into integers over one common scale, and
//! exact ratios turned back into decimals for the explanation.

use rust_decimal::Decimal;

/// The largest number of units a target may hold. Products of two such values (a child's year
/// times a parent's month) then fit in `u128` and every value fits in `i64`.
pub const MAX_UNITS: i64 = 1_000_000_000_000_000_000;

/// Powers of ten that fit in `u128` (10^0 ..= 10^38).
const POW10: [u128; 39] = {
    let mut t = [1u128; 39];
    let mut i = 1;
    while i < 39 {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

pub fn pow10(exp: u32) -> Option<u128> {
    POW10.get(exp as usize).copied()
}

/// `(a × b) / d` and `(a × b) % d`, exactly, through a 256-bit product. `None` when `d` is zero
/// or the quotient does not fit in `u128`.
pub fn mul_div(a: u128, b: u128, d: u128) -> Option<(u128, u128)> {
    if d == 0 {
        return None;
    }
    if let Some(p) = a.checked_mul(b) {
        return Some((p / d, p % d));
    }
    let (hi, lo) = wide_mul(a, b);
    if hi >= d {
        return None;
    }
    Some(div_wide(hi, lo, d))
}

/// The 256-bit product of two `u128`, as (high, low) halves.
fn wide_mul(a: u128, b: u128) -> (u128, u128) {
    let mask = u64::MAX as u128;
    let (a0, a1) = (a & mask, a >> 64);
    let (b0, b1) = (b & mask, b >> 64);
    let p00 = a0 * b0;
    let p01 = a0 * b1;
    let p10 = a1 * b0;
    let p11 = a1 * b1;
    let mid = (p00 >> 64) + (p01 & mask) + (p10 & mask);
    let lo = (p00 & mask) | (mid << 64);
    let hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    (hi, lo)
}

/// `(hi·2^128 + lo) / d` and the remainder, for `hi < d` (so the quotient fits). Bitwise long
/// division: only reached for values far beyond any real plan.
fn div_wide(hi: u128, lo: u128, d: u128) -> (u128, u128) {
    let mut rem = hi;
    let mut quotient = 0u128;
    for bit in (0..128).rev() {
        // A set top bit means the shifted remainder is at least 2^128 > d.
        let overflow = rem >> 127 == 1;
        rem = (rem << 1) | ((lo >> bit) & 1);
        quotient <<= 1;
        if overflow || rem >= d {
            rem = rem.wrapping_sub(d);
            quotient |= 1;
        }
    }
    (quotient, rem)
}

/// Division by one fixed `u64` through a precomputed reciprocal: a multiplication and at most
/// one correction instead of a hardware division per cell of a monthly grid.
#[derive(Clone, Copy)]
pub struct Divisor {
    d: u64,
    /// floor(2^64 / d), for d ≥ 2.
    inverse: u64,
}

impl Divisor {
    /// `d` must be positive.
    pub fn new(d: u64) -> Self {
        let inverse = if d > 1 {
            ((1u128 << 64) / u128::from(d)) as u64
        } else {
            0
        };
        Self { d, inverse }
    }

    /// `(p / d, p % d)`.
    pub fn div_rem(self, p: u64) -> (u64, u64) {
        if self.d == 1 {
            return (p, 0);
        }
        // p·⌊2^64/d⌋/2^64 lies in (p/d − 1, p/d], so the estimate is the quotient or one less.
        let mut q = ((u128::from(p) * u128::from(self.inverse)) >> 64) as u64;
        let mut r = p - q * self.d;
        if r >= self.d {
            q += 1;
            r -= self.d;
        }
        (q, r)
    }
}

/// Why a decimal is not a usable number of units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitsError {
    Negative,
    NotMultiple,
    TooMany,
}

/// `value / unit` as a whole number of units (`unit` must be positive).
pub fn units_of(value: Decimal, unit: Decimal) -> Result<i64, UnitsError> {
    if value.is_sign_negative() && !value.is_zero() {
        return Err(UnitsError::Negative);
    }
    let (value, unit) = (value.normalize(), unit.normalize());
    let scale = value.scale().max(unit.scale());
    let numerator_mantissa = value.mantissa().unsigned_abs();
    let to_numerator = pow10(scale - value.scale()).ok_or(UnitsError::TooMany)?;
    let denominator =
        pow10(scale - unit.scale()).and_then(|p| p.checked_mul(unit.mantissa().unsigned_abs()));
    let Some(denominator) = denominator else {
        // The unit is beyond u128 at this scale, so it is larger than the value: only zero fits.
        return if numerator_mantissa == 0 {
            Ok(0)
        } else {
            Err(UnitsError::NotMultiple)
        };
    };
    let (q, r) =
        mul_div(numerator_mantissa, to_numerator, denominator).ok_or(UnitsError::TooMany)?;
    if r != 0 {
        return Err(UnitsError::NotMultiple);
    }
    i64::try_from(q)
        .ok()
        .filter(|&q| q <= MAX_UNITS)
        .ok_or(UnitsError::TooMany)
}

/// Non-negative decimal weights as integers over one common scale, so that splitting by the
/// integers is splitting by the decimals exactly. Returns the total. Negative weights count as
/// zero (they are reported as errors before this is reached). Only when weights span more than
/// about 38 digits (say 10^20 beside 10^-20) are the finest digits rounded away.
pub fn int_weights(weights: &[Decimal], out: &mut Vec<u128>) -> Option<u128> {
    let max_scale = weights.iter().map(|w| w.scale()).max().unwrap_or(0);
    (0..=max_scale)
        .rev()
        .find_map(|scale| int_weights_at(weights, scale, out))
}

fn int_weights_at(weights: &[Decimal], scale: u32, out: &mut Vec<u128>) -> Option<u128> {
    out.clear();
    let mut total = 0u128;
    for w in weights {
        let mantissa = if w.is_sign_negative() {
            0
        } else {
            w.mantissa().unsigned_abs()
        };
        let v = if w.scale() <= scale {
            mantissa.checked_mul(pow10(scale - w.scale())?)?
        } else {
            let p = pow10(w.scale() - scale)?;
            let (q, r) = (mantissa / p, mantissa % p);
            if r * 2 >= p { q + 1 } else { q }
        };
        total = total.checked_add(v)?;
        out.push(v);
    }
    Some(total)
}

/// The exact ratio `a × b / d` as a decimal, to as many places as a decimal holds.
pub fn ratio_decimal(a: u128, b: u128, d: u128) -> Decimal {
    let Some((q, r)) = mul_div(a, b, d) else {
        return Decimal::ZERO;
    };
    fraction_decimal(q, r, d)
}

/// `q + r / d` (with `r < d`) rounded to the most decimal places that fit.
pub fn fraction_decimal(q: u128, r: u128, d: u128) -> Decimal {
    // A decimal's mantissa holds 96 bits; keep the whole part and as many places as fit.
    const MANTISSA_LIMIT: u128 = 1 << 96;
    for places in (0..=28u32).rev() {
        let Some(p) = pow10(places) else { continue };
        let Some(whole) = q.checked_mul(p) else {
            continue;
        };
        let Some((frac, rest)) = mul_div(r, p, d) else {
            continue;
        };
        let rounded = frac + u128::from(rest.saturating_mul(2) >= d && d > 0);
        let Some(mantissa) = whole.checked_add(rounded) else {
            continue;
        };
        if mantissa < MANTISSA_LIMIT {
            return Decimal::from_i128_with_scale(mantissa as i128, places).normalize();
        }
    }
    Decimal::MAX
}

/// `units × unit` as a decimal (never overflows for values that came from a decimal target).
pub fn units_decimal(units: i64, unit: Decimal) -> Decimal {
    Decimal::from(units)
        .checked_mul(unit)
        .unwrap_or(Decimal::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn mul_div_handles_products_beyond_u128() {
        let cases: [(u128, u128, u128, (u128, u128)); 5] = [
            (7, 3, 2, (10, 1)),
            (1 << 127, 4, 8, (1 << 126, 0)),
            (u128::MAX, u128::MAX, u128::MAX, (u128::MAX, 0)),
            // (2^128 − 1)·2 = 2·(2^128 − 2) + 2.
            (u128::MAX, 2, u128::MAX - 1, (2, 2)),
            (
                10u128.pow(30),
                10u128.pow(30),
                10u128.pow(25),
                (10u128.pow(35), 0),
            ),
        ];
        for (a, b, den, want) in cases {
            assert_eq!(mul_div(a, b, den), Some(want), "{a} × {b} / {den}");
        }
        assert_eq!(
            mul_div(u128::MAX, u128::MAX, 5),
            None,
            "quotient beyond u128"
        );
        assert_eq!(mul_div(1, 1, 0), None, "division by zero");
    }

    proptest! {
        #[test]
        fn mul_div_quotient_and_remainder_rebuild_the_product(a: u128, b: u128, den in 1u128..) {
            if let Some((q, r)) = mul_div(a, b, den) {
                prop_assert!(r < den);
                let (hi, lo) = wide_mul(q, den);
                let (lo2, carry) = lo.overflowing_add(r);
                prop_assert_eq!((hi + u128::from(carry), lo2), wide_mul(a, b));
            } else {
                prop_assert!(wide_mul(a, b).0 >= den);
            }
        }
    }

    proptest! {
        #[test]
        fn the_reciprocal_divides_exactly(p: u64, d in 1u64..) {
            prop_assert_eq!(Divisor::new(d).div_rem(p), (p / d, p % d));
        }
    }

    #[test]
    fn the_reciprocal_divides_exactly_at_the_edges() {
        for d in [1, 2, 3, 7, 10, 1000, u64::MAX / 2, u64::MAX - 1, u64::MAX] {
            for p in [0, 1, d - 1, d, d.wrapping_add(1), u64::MAX - 1, u64::MAX] {
                assert_eq!(Divisor::new(d).div_rem(p), (p / d, p % d), "{p} / {d}");
            }
        }
    }

    #[test]
    fn units_of_counts_whole_units_or_says_why_not() {
        let cases = [
            ("118000000", "1000", Ok(118_000)),
            ("12.50", "0.5", Ok(25)),
            ("0", "100", Ok(0)),
            ("0.3", "0.1", Ok(3)),
            (
                "1000",
                "0.0000000000000000000000000001",
                Err(UnitsError::TooMany),
            ),
            ("100", "7", Err(UnitsError::NotMultiple)),
            ("1.05", "0.1", Err(UnitsError::NotMultiple)),
            ("-100", "10", Err(UnitsError::Negative)),
            ("1000000000000000000", "1", Ok(MAX_UNITS)),
            ("1000000000000000001", "1", Err(UnitsError::TooMany)),
            (
                "0.0000000000000000000000000001",
                "79228162514264337593543950335",
                Err(UnitsError::NotMultiple),
            ),
        ];
        for (value, unit, want) in cases {
            assert_eq!(
                units_of(d(value), d(unit)),
                want,
                "{value} in units of {unit}"
            );
        }
    }

    #[test]
    fn decimal_weights_become_integers_over_one_scale() {
        let mut out = Vec::new();
        let total = int_weights(&[d("1.5"), d("2"), d("0.25"), d("-3")], &mut out);
        assert_eq!((total, out.as_slice()), (Some(375), &[150, 200, 25, 0][..]));
        // 10^28 beside 10^-28 cannot share a scale in u128: the tiny weight rounds away.
        let total = int_weights(
            &[
                d("10000000000000000000000000000"),
                d("0.0000000000000000000000000001"),
            ],
            &mut out,
        );
        assert_eq!(out[1], 0, "weights {out:?}, total {total:?}");
        assert_eq!(total, Some(out[0]));
    }

    #[test]
    fn ratios_come_back_as_decimals() {
        let cases = [
            (1, 1, 3, "0.3333333333333333333333333333"),
            (10, 3, 4, "7.5"),
            (2, 1, 3, "0.6666666666666666666666666667"),
            (
                1_000_000_000_000_000_000,
                2,
                3,
                "666666666666666666.66666666667",
            ),
        ];
        for (a, b, den, want) in cases {
            assert_eq!(
                ratio_decimal(a, b, den).to_string(),
                want,
                "{a} × {b} / {den}"
            );
        }
    }
}
