//! One record type per section of the stored execution, and how each maps to the model.
//!
//! Fields are declared in name order, the order they are written in. A field that may be left
//! out has a default; one left out when empty, zero or false is skipped on writing.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::core::execution::{
    BudgetItem, Change, Channel, Customer, CustomerField, CustomerKind, CustomerStatus,
    DeviationNote, Expense, GrowthBasis, ScoreBasis, ScoreEntry, ScoreFigures, ScoreMeasure,
    ScoreScales, ScoreWeights, Settings,
};
use crate::core::period::YearMonth;

use super::values::{Count, Day, Flag, Months, NonEmpty, ScaleText};

/// A salesperson's actuals.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ActualsRecord<'a> {
    pub months: Months<'a>,
    /// The salesperson's id.
    pub salesperson: NonEmpty,
}

/// A region's expense budget: `amount` is the promotion budget (推广费用, the budget files
/// had before salaries were added), `salaries` the salaries budget (人员薪酬).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BudgetRecord {
    /// The promotion budget; zero when left out.
    #[serde(default)]
    pub amount: Decimal,
    /// The region's id.
    pub region: NonEmpty,
    /// The salaries budget; zero when left out.
    #[serde(default, skip_serializing_if = "Decimal::is_zero")]
    pub salaries: Decimal,
}

/// A change of a customer's record, oldest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChangeRecord {
    /// The id of the customer changed.
    pub customer: NonEmpty,
    pub date: Day,
    pub field: CustomerField,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub new: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub old: String,
}

/// A distributor or terminal of the customer archive.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CustomerRecord {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub address: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub capital_strength: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub characteristics: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contact: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cooperation_intent: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub credit: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub distribution_capacity: String,
    pub id: NonEmpty,
    pub kind: CustomerKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_visit: Option<Day>,
    pub name: NonEmpty,
    /// The id of the salesperson who owns the record, if any.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub standing: String,
    /// Where it stands in the pipeline; `partner` when left out.
    #[serde(default, skip_serializing_if = "CustomerStatus::is_default")]
    pub status: CustomerStatus,
    /// The id of the sub-district the customer belongs to, if linked.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub subdistrict: String,
}

/// A region's market share recorded for a month, in percent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ShareRecord {
    pub month: YearMonth,
    /// The region's id.
    pub region: NonEmpty,
    pub share: Decimal,
}

/// A corrective-action note on a node's deviation in a month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NoteRecord {
    #[serde(default, skip_serializing_if = "Flag::is_false")]
    pub done: Flag,
    pub month: YearMonth,
    /// The node's id (the plan's id for the company).
    pub node: NonEmpty,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A recorded spend.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ExpenseRecord {
    #[serde(default, skip_serializing_if = "Decimal::is_zero")]
    pub amount: Decimal,
    pub channel: Channel,
    pub date: Day,
    /// A price discount granted, in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_percent: Option<Decimal>,
    /// The budget item: `promotion` when left out, or `salaries`.
    #[serde(default = "promotion", skip_serializing_if = "is_promotion")]
    pub item: BudgetItem,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The region's id.
    pub region: NonEmpty,
    /// A flagged discount was looked at.
    #[serde(default, skip_serializing_if = "Flag::is_false")]
    pub reviewed: Flag,
}

/// A distributor's figures for a month; figures left out are zero.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScoreRecord {
    #[serde(default, skip_serializing_if = "Decimal::is_zero")]
    pub category_sales: Decimal,
    /// The distributor's volume of the whole category (同类产品总销量).
    #[serde(default, skip_serializing_if = "Decimal::is_zero")]
    pub category_volume: Decimal,
    /// Days to collect payment, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collection_days: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Decimal::is_zero")]
    pub completed_volume: Decimal,
    #[serde(default, skip_serializing_if = "Decimal::is_zero")]
    pub contract_volume: Decimal,
    #[serde(default, skip_serializing_if = "Decimal::is_zero")]
    pub costs: Decimal,
    #[serde(default)]
    pub cross_territory: Count,
    /// The distributor's id in the archive.
    pub customer: NonEmpty,
    #[serde(default, skip_serializing_if = "Decimal::is_zero")]
    pub last_month_sales: Decimal,
    #[serde(default, skip_serializing_if = "Decimal::is_zero")]
    pub last_month_volume: Decimal,
    #[serde(default, skip_serializing_if = "Decimal::is_zero")]
    pub last_year_sales: Decimal,
    #[serde(default, skip_serializing_if = "Decimal::is_zero")]
    pub last_year_volume: Decimal,
    pub month: YearMonth,
    #[serde(default, skip_serializing_if = "Decimal::is_zero")]
    pub our_sales: Decimal,
    /// Our volume through the distributor (本品销量).
    #[serde(default, skip_serializing_if = "Decimal::is_zero")]
    pub our_volume: Decimal,
    #[serde(default)]
    pub price_violations: Count,
    #[serde(default, skip_serializing_if = "Decimal::is_zero")]
    pub promotions: Decimal,
    #[serde(default, skip_serializing_if = "Decimal::is_zero")]
    pub rebates: Decimal,
    #[serde(default, skip_serializing_if = "Decimal::is_zero")]
    pub revenue: Decimal,
}

/// The thresholds and scorecard weights that differ from their defaults: deviation and
/// discount thresholds 10 (percent), stale after 30 days, every weight 1.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SettingsRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deviation_threshold: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_threshold: Option<Decimal>,
    /// The company's expense-ratio target, percent of sales (default 8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expense_ratio_target: Option<Decimal>,
    /// The scorecard's growth basis (default `year_on_year`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub growth_basis: Option<GrowthBasis>,
    #[serde(
        rename = "scale.collection",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scale_collection: Option<ScaleText>,
    #[serde(
        rename = "scale.completion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scale_completion: Option<ScaleText>,
    #[serde(
        rename = "scale.cross_territory",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scale_cross_territory: Option<ScaleText>,
    #[serde(
        rename = "scale.growth",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scale_growth: Option<ScaleText>,
    #[serde(
        rename = "scale.price",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scale_price: Option<ScaleText>,
    #[serde(
        rename = "scale.profit",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scale_profit: Option<ScaleText>,
    #[serde(
        rename = "scale.share",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scale_share: Option<ScaleText>,
    /// What the scorecard's share and growth are on (default `volume`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score_basis: Option<ScoreBasis>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stale_days: Option<Count>,
    #[serde(
        rename = "weight.collection",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub weight_collection: Option<Decimal>,
    #[serde(
        rename = "weight.completion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub weight_completion: Option<Decimal>,
    #[serde(
        rename = "weight.cross_territory",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub weight_cross_territory: Option<Decimal>,
    #[serde(
        rename = "weight.growth",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub weight_growth: Option<Decimal>,
    #[serde(
        rename = "weight.price",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub weight_price: Option<Decimal>,
    #[serde(
        rename = "weight.profit",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub weight_profit: Option<Decimal>,
    #[serde(
        rename = "weight.share",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub weight_share: Option<Decimal>,
}

fn promotion() -> BudgetItem {
    BudgetItem::Promotion
}

fn is_promotion(item: &BudgetItem) -> bool {
    *item == BudgetItem::Promotion
}

impl ChangeRecord {
    pub fn new(customer: &str, change: Change) -> Self {
        ChangeRecord {
            customer: NonEmpty(customer.to_string()),
            date: Day(change.date),
            field: change.field,
            new: change.new,
            old: change.old,
        }
    }
}

impl From<ChangeRecord> for Change {
    fn from(r: ChangeRecord) -> Self {
        Change {
            date: r.date.0,
            field: r.field,
            old: r.old,
            new: r.new,
        }
    }
}

/// The record without its history, which is a section of its own.
impl From<Customer> for CustomerRecord {
    fn from(c: Customer) -> Self {
        CustomerRecord {
            address: c.address,
            capital_strength: c.capital_strength,
            characteristics: c.characteristics,
            contact: c.contact,
            cooperation_intent: c.cooperation_intent,
            credit: c.credit,
            distribution_capacity: c.distribution_capacity,
            id: NonEmpty(c.id),
            kind: c.kind,
            last_visit: c.last_visit.map(Day),
            name: NonEmpty(c.name),
            owner: c.owner,
            phone: c.phone,
            standing: c.standing,
            status: c.status,
            subdistrict: c.subdistrict,
        }
    }
}

/// The customer with no history yet.
impl From<CustomerRecord> for Customer {
    fn from(r: CustomerRecord) -> Self {
        Customer {
            id: r.id.0,
            kind: r.kind,
            name: r.name.0,
            address: r.address,
            contact: r.contact,
            phone: r.phone,
            characteristics: r.characteristics,
            standing: r.standing,
            distribution_capacity: r.distribution_capacity,
            capital_strength: r.capital_strength,
            credit: r.credit,
            cooperation_intent: r.cooperation_intent,
            subdistrict: r.subdistrict,
            owner: r.owner,
            status: r.status,
            last_visit: r.last_visit.map(|d| d.0),
            history: Vec::new(),
        }
    }
}

impl From<DeviationNote> for NoteRecord {
    fn from(n: DeviationNote) -> Self {
        NoteRecord {
            done: Flag(n.done),
            month: n.month,
            node: NonEmpty(n.node),
            note: n.note,
        }
    }
}

impl From<NoteRecord> for DeviationNote {
    fn from(r: NoteRecord) -> Self {
        DeviationNote {
            node: r.node.0,
            month: r.month,
            note: r.note,
            done: r.done.0,
        }
    }
}

impl From<Expense> for ExpenseRecord {
    fn from(x: Expense) -> Self {
        ExpenseRecord {
            amount: x.amount,
            channel: x.channel,
            date: Day(x.date),
            discount_percent: x.discount_percent,
            item: x.item,
            note: x.note,
            region: NonEmpty(x.region),
            reviewed: Flag(x.reviewed),
        }
    }
}

impl From<ExpenseRecord> for Expense {
    fn from(r: ExpenseRecord) -> Self {
        Expense {
            date: r.date.0,
            region: r.region.0,
            channel: r.channel,
            item: r.item,
            amount: r.amount,
            discount_percent: r.discount_percent,
            note: r.note,
            reviewed: r.reviewed.0,
        }
    }
}

impl From<ScoreEntry> for ScoreRecord {
    fn from(e: ScoreEntry) -> Self {
        let f = e.figures;
        ScoreRecord {
            category_sales: f.category_sales,
            category_volume: f.category_volume,
            collection_days: f.collection_days,
            completed_volume: f.completed_volume,
            contract_volume: f.contract_volume,
            costs: f.costs,
            cross_territory: Count(f.cross_territory),
            customer: NonEmpty(e.customer),
            last_month_sales: f.last_month_sales,
            last_month_volume: f.last_month_volume,
            last_year_sales: f.last_year_sales,
            last_year_volume: f.last_year_volume,
            month: e.month,
            our_sales: f.our_sales,
            our_volume: f.our_volume,
            price_violations: Count(f.price_violations),
            promotions: f.promotions,
            rebates: f.rebates,
            revenue: f.revenue,
        }
    }
}

impl From<ScoreRecord> for ScoreEntry {
    fn from(r: ScoreRecord) -> Self {
        ScoreEntry {
            customer: r.customer.0,
            month: r.month,
            figures: ScoreFigures {
                contract_volume: r.contract_volume,
                completed_volume: r.completed_volume,
                our_sales: r.our_sales,
                category_sales: r.category_sales,
                last_month_sales: r.last_month_sales,
                last_year_sales: r.last_year_sales,
                our_volume: r.our_volume,
                category_volume: r.category_volume,
                last_month_volume: r.last_month_volume,
                last_year_volume: r.last_year_volume,
                revenue: r.revenue,
                costs: r.costs,
                promotions: r.promotions,
                rebates: r.rebates,
                price_violations: r.price_violations.0,
                cross_territory: r.cross_territory.0,
                collection_days: r.collection_days,
            },
        }
    }
}

impl SettingsRecord {
    /// The settings that are not written as their defaults would be; `None` when all are.
    /// A decimal is compared as written: `10.0` is kept although it equals the default `10`.
    pub fn changed(s: &Settings) -> Option<Self> {
        let (d, w, dw) = (
            Settings::default(),
            &s.score_weights,
            ScoreWeights::default(),
        );
        let dec = |v: Decimal, default: Decimal| {
            (v != default || v.scale() != default.scale()).then_some(v)
        };
        let scale = |m: ScoreMeasure| {
            let (v, default) = (s.score_scales.get(m), d.score_scales.get(m));
            (v != default).then_some(ScaleText(v))
        };
        let record = SettingsRecord {
            deviation_threshold: dec(s.deviation_threshold, d.deviation_threshold),
            discount_threshold: dec(s.discount_threshold, d.discount_threshold),
            expense_ratio_target: dec(s.expense_ratio_target, d.expense_ratio_target),
            growth_basis: (s.growth_basis != d.growth_basis).then_some(s.growth_basis),
            scale_collection: scale(ScoreMeasure::Collection),
            scale_completion: scale(ScoreMeasure::Completion),
            scale_cross_territory: scale(ScoreMeasure::CrossTerritory),
            scale_growth: scale(ScoreMeasure::Growth),
            scale_price: scale(ScoreMeasure::Price),
            scale_profit: scale(ScoreMeasure::Profit),
            scale_share: scale(ScoreMeasure::Share),
            score_basis: (s.score_basis != d.score_basis).then_some(s.score_basis),
            stale_days: (s.stale_days != d.stale_days).then_some(Count(s.stale_days)),
            weight_collection: dec(w.collection, dw.collection),
            weight_completion: dec(w.completion, dw.completion),
            weight_cross_territory: dec(w.cross_territory, dw.cross_territory),
            weight_growth: dec(w.growth, dw.growth),
            weight_price: dec(w.price, dw.price),
            weight_profit: dec(w.profit, dw.profit),
            weight_share: dec(w.share, dw.share),
        };
        (record != SettingsRecord::default()).then_some(record)
    }
}

/// Every setting left out takes its default.
impl From<SettingsRecord> for Settings {
    fn from(r: SettingsRecord) -> Self {
        let (d, dw) = (Settings::default(), ScoreWeights::default());
        Settings {
            deviation_threshold: r.deviation_threshold.unwrap_or(d.deviation_threshold),
            discount_threshold: r.discount_threshold.unwrap_or(d.discount_threshold),
            expense_ratio_target: r.expense_ratio_target.unwrap_or(d.expense_ratio_target),
            stale_days: r.stale_days.map_or(d.stale_days, |c| c.0),
            growth_basis: r.growth_basis.unwrap_or(d.growth_basis),
            score_basis: r.score_basis.unwrap_or(d.score_basis),
            score_scales: {
                let mut scales = ScoreScales::default();
                for (m, v) in [
                    (ScoreMeasure::Completion, r.scale_completion),
                    (ScoreMeasure::Share, r.scale_share),
                    (ScoreMeasure::Growth, r.scale_growth),
                    (ScoreMeasure::Profit, r.scale_profit),
                    (ScoreMeasure::Price, r.scale_price),
                    (ScoreMeasure::CrossTerritory, r.scale_cross_territory),
                    (ScoreMeasure::Collection, r.scale_collection),
                ] {
                    if let Some(ScaleText(scale)) = v {
                        scales.set(m, scale);
                    }
                }
                scales
            },
            score_weights: ScoreWeights {
                completion: r.weight_completion.unwrap_or(dw.completion),
                share: r.weight_share.unwrap_or(dw.share),
                growth: r.weight_growth.unwrap_or(dw.growth),
                profit: r.weight_profit.unwrap_or(dw.profit),
                price: r.weight_price.unwrap_or(dw.price),
                cross_territory: r.weight_cross_territory.unwrap_or(dw.cross_territory),
                collection: r.weight_collection.unwrap_or(dw.collection),
            },
        }
    }
}
