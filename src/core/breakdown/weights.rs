//! The weight of each child in its parent's split, by the level's method: even, weighted index
//! (sub-districts), history or manual, times the tier multiplier for regions when it is on.

use rust_decimal::Decimal;

use crate::core::model::{Factor, Factors, Region, Sales, Salesperson, SubDistrict};
use crate::core::scenario::{Level, Measure, Method, Scenario};

use super::issues::{BreakdownError, NodeRef};

/// The children of one parent, as the plan holds them.
#[derive(Clone, Copy)]
pub enum Siblings<'p> {
    Regions(&'p [Region]),
    Subdistricts(&'p [SubDistrict]),
    Salespeople(&'p [Salesperson]),
}

impl<'p> Siblings<'p> {
    pub fn len(self) -> usize {
        match self {
            Siblings::Regions(v) => v.len(),
            Siblings::Subdistricts(v) => v.len(),
            Siblings::Salespeople(v) => v.len(),
        }
    }

    pub fn level(self) -> Level {
        match self {
            Siblings::Regions(_) => Level::Region,
            Siblings::Subdistricts(_) => Level::Subdistrict,
            Siblings::Salespeople(_) => Level::Salesperson,
        }
    }

    pub fn id(self, i: usize) -> &'p str {
        match self {
            Siblings::Regions(v) => &v[i].id,
            Siblings::Subdistricts(v) => &v[i].id,
            Siblings::Salespeople(v) => &v[i].id,
        }
    }

    fn name(self, i: usize) -> &'p str {
        match self {
            Siblings::Regions(v) => &v[i].name,
            Siblings::Subdistricts(v) => &v[i].name,
            Siblings::Salespeople(v) => &v[i].name,
        }
    }

    fn last_sales(self, i: usize) -> Sales {
        match self {
            Siblings::Regions(v) => v[i].last_sales,
            Siblings::Subdistricts(v) => v[i].last_sales,
            Siblings::Salespeople(v) => v[i].last_sales,
        }
    }

    pub fn node_ref(self, i: usize) -> NodeRef {
        NodeRef {
            level: self.level(),
            id: self.id(i).to_string(),
            name: self.name(i).to_string(),
        }
    }
}

pub fn sales_of(sales: Sales, measure: Measure) -> Decimal {
    match measure {
        Measure::Amount => sales.amount,
        Measure::Quantity => sales.quantity,
    }
}

pub fn manual_of(scenario: &Scenario, id: &str, measure: Measure) -> Option<Decimal> {
    scenario.manual.get(id).and_then(|v| v.get(measure))
}

fn negative(v: Decimal) -> bool {
    v.is_sign_negative() && !v.is_zero()
}

/// The weights of a group of siblings for both measures.
pub struct GroupWeights {
    /// All weights equal (even split, no multiplier): `values` are left empty.
    pub equal: bool,
    /// Weight of each sibling, per measure (indexed by [`Measure::index`]).
    pub values: [Vec<Decimal>; 2],
    /// Whether each measure's weights are usable (no negative or overflowing input).
    pub usable: [bool; 2],
}

impl Default for GroupWeights {
    fn default() -> Self {
        Self {
            equal: false,
            values: [Vec::new(), Vec::new()],
            usable: [true; 2],
        }
    }
}

/// Fills `out` with the weights of `siblings` under `method`; problems go to `errors`, each once
/// (a factor problem concerns both measures but is reported a single time).
pub fn sibling_weights(
    scenario: &Scenario,
    siblings: Siblings,
    method: Method,
    out: &mut GroupWeights,
    errors: &mut Vec<BreakdownError>,
) {
    let n = siblings.len();
    out.usable = [true; 2];
    out.equal = false;
    for v in &mut out.values {
        v.clear();
    }
    let multiplied = siblings.level() == Level::Region && scenario.methods.region_tier_multiplier;
    match method {
        Method::Even if !multiplied => out.equal = true,
        Method::Even => {
            for v in &mut out.values {
                v.resize(n, Decimal::ONE);
            }
        }
        Method::Weighted => {
            let usable = match siblings {
                Siblings::Subdistricts(subs) => {
                    weighted_scores(scenario, subs, &mut out.values[0], errors)
                }
                // Refused by the level's method check before weights are asked for.
                _ => false,
            };
            out.usable = [usable; 2];
            let (amount, quantity) = out.values.split_at_mut(1);
            quantity[0].clone_from(&amount[0]);
        }
        Method::History | Method::Manual => {
            for measure in Measure::ALL {
                let values = &mut out.values[measure.index()];
                for i in 0..n {
                    let w = if method == Method::History {
                        sales_of(siblings.last_sales(i), measure)
                    } else {
                        manual_of(scenario, siblings.id(i), measure).unwrap_or_default()
                    };
                    if negative(w) {
                        let node = siblings.node_ref(i);
                        errors.push(if method == Method::History {
                            BreakdownError::NegativeHistory {
                                node,
                                measure,
                                value: w,
                            }
                        } else {
                            BreakdownError::NegativeManual {
                                node,
                                measure,
                                value: w,
                            }
                        });
                        out.usable[measure.index()] = false;
                    }
                    values.push(w);
                }
            }
        }
    }
    if let (true, Siblings::Regions(regions)) = (multiplied, siblings) {
        apply_tier_multipliers(scenario, regions, out, errors);
    }
}

fn apply_tier_multipliers(
    scenario: &Scenario,
    regions: &[Region],
    out: &mut GroupWeights,
    errors: &mut Vec<BreakdownError>,
) {
    for measure in Measure::ALL {
        for (i, region) in regions.iter().enumerate() {
            let multiplier = scenario
                .tier_policies
                .get(scenario.tier_of(region))
                .multiplier;
            let w = &mut out.values[measure.index()][i];
            match w.checked_mul(multiplier) {
                Some(v) => *w = v,
                None => {
                    errors.push(BreakdownError::WeightTooLarge {
                        node: Siblings::Regions(regions).node_ref(i),
                        measure,
                    });
                    out.usable[measure.index()] = false;
                }
            }
        }
    }
}

/// One factor's part in a sub-district's weighted score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FactorPart {
    pub factor: Factor,
    /// The sub-district's own value of the factor.
    pub value: Decimal,
    /// The factor's total over the sub-district and its siblings.
    pub sibling_total: Decimal,
    /// The scenario's weight of the factor.
    pub weight: Decimal,
    /// `weight × value / sibling_total` (zero when the total is zero).
    pub contribution: Decimal,
}

/// Each factor's total over the siblings; `None` if a total overflows.
pub fn factor_totals(subs: &[SubDistrict]) -> Result<Factors, usize> {
    let mut totals = Factors::default();
    for (i, sub) in subs.iter().enumerate() {
        for f in Factor::ALL {
            let v = sub.factors.get(f).max(Decimal::ZERO);
            let t = totals.get_mut(f);
            *t = t.checked_add(v).ok_or(i)?;
        }
    }
    Ok(totals)
}

/// One factor's contribution: the sub-district's share of the factor times the factor's weight.
pub fn factor_part(
    factor: Factor,
    value: Decimal,
    sibling_total: Decimal,
    weight: Decimal,
) -> Option<FactorPart> {
    let contribution = if sibling_total.is_zero() || weight.is_zero() {
        Decimal::ZERO
    } else {
        // Share first (at most 1), so the product cannot overflow.
        weight.checked_mul(value.checked_div(sibling_total)?)?
    };
    Some(FactorPart {
        factor,
        value,
        sibling_total,
        weight,
        contribution,
    })
}

/// The weighted index of each sub-district: Σ over factors of weight × own value / siblings'
/// total. A factor that is zero for every sibling contributes nothing. Returns false (after
/// reporting) on negative factor values or overflow.
fn weighted_scores(
    scenario: &Scenario,
    subs: &[SubDistrict],
    out: &mut Vec<Decimal>,
    errors: &mut Vec<BreakdownError>,
) -> bool {
    let mut usable = true;
    for (i, sub) in subs.iter().enumerate() {
        for factor in Factor::ALL {
            let value = sub.factors.get(factor);
            if negative(value) {
                errors.push(BreakdownError::NegativeFactor {
                    node: Siblings::Subdistricts(subs).node_ref(i),
                    factor,
                    value,
                });
                usable = false;
            }
        }
    }
    if !usable {
        return false;
    }
    let totals = match factor_totals(subs) {
        Ok(t) => t,
        Err(i) => return too_large(subs, i, errors),
    };
    let weights = &scenario.factor_weights;
    for (i, sub) in subs.iter().enumerate() {
        let mut score = Decimal::ZERO;
        for factor in Factor::ALL {
            let part = factor_part(
                factor,
                sub.factors.get(factor),
                totals.get(factor),
                weights.get(factor),
            );
            match part.and_then(|p| score.checked_add(p.contribution)) {
                Some(s) => score = s,
                None => return too_large(subs, i, errors),
            }
        }
        out.push(score);
    }
    true
}

fn too_large(subs: &[SubDistrict], i: usize, errors: &mut Vec<BreakdownError>) -> bool {
    for measure in Measure::ALL {
        errors.push(BreakdownError::WeightTooLarge {
            node: Siblings::Subdistricts(subs).node_ref(i),
            measure,
        });
    }
    false
}

/// The weighted-index detail of sub-district `i` among `subs`: one part per factor and the score.
pub fn factor_parts(
    scenario: &Scenario,
    subs: &[SubDistrict],
    i: usize,
) -> Option<(Vec<FactorPart>, Decimal)> {
    let totals = factor_totals(subs).ok()?;
    let sub = subs.get(i)?;
    let mut score = Decimal::ZERO;
    let mut parts = Vec::with_capacity(Factor::ALL.len());
    for factor in Factor::ALL {
        let part = factor_part(
            factor,
            sub.factors.get(factor),
            totals.get(factor),
            scenario.factor_weights.get(factor),
        )?;
        score = score.checked_add(part.contribution)?;
        parts.push(part);
    }
    Some((parts, score))
}
