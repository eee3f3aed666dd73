//! A computed breakdown: flat arrays of whole units, read as decimals through accessors.

use rust_decimal::Decimal;

use crate::core::period::YearMonth;
use crate::core::scenario::{Level, Measure};

use super::arith::units_decimal;
use super::issues::BreakdownWarning;
use super::layout::{BreakdownNode, Layout};
use super::respread::AppliedRespread;

/// The breakdown of one scenario: for every node (in tree order, see [`BreakdownNode`]) and both
/// measures, the annual value and one value per month of the period, all whole multiples of the
/// scenario's units. Node indices are positions in [`Breakdown::nodes`]; index 0 is the company.
#[derive(Clone, Debug, PartialEq)]
pub struct Breakdown {
    pub(super) layout: Layout,
    pub(super) months: Vec<YearMonth>,
    /// Rounding unit of each measure, indexed by [`Measure::index`].
    pub(super) units: [Decimal; 2],
    /// Annual value of each node in units, per measure.
    pub(super) annual: Vec<[i64; 2]>,
    /// Monthly values in units: node-major, then measure, then month.
    pub(super) monthly: Vec<i64>,
    pub(super) warnings: Vec<BreakdownWarning>,
    /// The scenario's re-spreads as applied, in the order applied.
    pub(super) respreads: Vec<AppliedRespread>,
}

impl Breakdown {
    /// All nodes in tree order: the company, then each region followed by its sub-districts,
    /// each followed by its salespeople.
    pub fn nodes(&self) -> &[BreakdownNode] {
        &self.layout.nodes
    }

    /// The index of the node with this id (the plan's id finds the company).
    pub fn find(&self, id: &str) -> Option<usize> {
        self.layout.find(id)
    }

    /// The children of a node, in the plan's order.
    pub fn children(&self, node: usize) -> impl ExactSizeIterator<Item = usize> + '_ {
        self.layout.children(node).iter().map(|&c| c as usize)
    }

    /// Indices of the nodes at one level, in tree order.
    pub fn at_level(&self, level: Level) -> impl Iterator<Item = usize> + '_ {
        self.layout
            .nodes
            .iter()
            .enumerate()
            .filter(move |(_, n)| n.level == level)
            .map(|(i, _)| i)
    }

    /// The months of the period, in order.
    pub fn months(&self) -> &[YearMonth] {
        &self.months
    }

    /// The rounding unit of a measure: every value is a whole multiple of it.
    pub fn unit(&self, measure: Measure) -> Decimal {
        self.units[measure.index()]
    }

    /// A node's annual value as a number of units.
    pub fn annual_units(&self, node: usize, measure: Measure) -> i64 {
        self.annual[node][measure.index()]
    }

    /// A node's monthly values as numbers of units, one per month of the period.
    pub fn monthly_units(&self, node: usize, measure: Measure) -> &[i64] {
        let m = self.months.len();
        let start = (node * 2 + measure.index()) * m;
        &self.monthly[start..start + m]
    }

    /// A node's annual value.
    pub fn annual(&self, node: usize, measure: Measure) -> Decimal {
        self.to_decimal(self.annual_units(node, measure), measure)
    }

    /// A node's value in month `month` (0-based within the period).
    pub fn month_value(&self, node: usize, measure: Measure, month: usize) -> Decimal {
        self.to_decimal(self.monthly_units(node, measure)[month], measure)
    }

    /// A node's monthly values as decimals.
    pub fn monthly(
        &self,
        node: usize,
        measure: Measure,
    ) -> impl ExactSizeIterator<Item = Decimal> + '_ {
        let unit = self.unit(measure);
        self.monthly_units(node, measure)
            .iter()
            .map(move |&u| units_decimal(u, unit))
    }

    /// The company's annual total of a measure (the scenario's target).
    pub fn total(&self, measure: Measure) -> Decimal {
        self.annual(0, measure)
    }

    /// A number of units of a measure as a decimal.
    pub fn to_decimal(&self, units: i64, measure: Measure) -> Decimal {
        units_decimal(units, self.unit(measure))
    }

    /// The scenario's re-spreads as applied (纠偏), in the order applied.
    pub fn respreads(&self) -> &[AppliedRespread] {
        &self.respreads
    }

    /// Whether node `a` is `b` or one of its ancestors.
    pub fn contains(&self, a: usize, b: usize) -> bool {
        a <= b && b < self.layout.nodes[a].subtree_end
    }

    /// Things worth a manager's attention; the numbers are exact regardless.
    pub fn warnings(&self) -> &[BreakdownWarning] {
        &self.warnings
    }
}
