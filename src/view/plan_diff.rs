//! What changed between two plans, as rows: the item (name and id), the field, the value before
//! and after — numbers as the app shows them — for the side-by-side list of the compare & merge
//! route and the lines of `planner diff`; and the targets that move.

use rust_decimal::Decimal;
use serde_json::Value;

use crate::core::diff::shape::{CUSTOMERS, PARENT, path_text};
use crate::core::diff::{Change, ChangeKind, ItemKey, Items, PlanDiff, Seg, TargetMove, What};
use crate::core::lang::Lang;
use crate::core::model::Factor;
use crate::core::period::{PeriodKind, YearMonth};
use crate::core::scenario::{Measure, Method};
use crate::core::tier::Tier;
use crate::i18n::exec::{ExecText, exec_text};
use crate::i18n::merge::{MergeText, merge_text};
use crate::i18n::{Catalogue, catalogue, fill};
use crate::view::numbers::{amount, grouped, percent};
use crate::view::print_doc::written_label;

/// The words of one language, for naming items, fields and values.
#[derive(Clone, Copy)]
pub struct Words {
    pub t: &'static Catalogue,
    pub x: &'static ExecText,
    pub m: &'static MergeText,
    pub lang: Lang,
}

impl Words {
    pub fn new(lang: Lang) -> Self {
        Words {
            t: catalogue(lang),
            x: exec_text(lang),
            m: merge_text(lang),
            lang,
        }
    }
}

/// Where in the plan a change is, for filtering.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    Plan,
    Territory,
    Scenario,
    Execution,
}

/// One change as a row of the list.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DiffRow {
    /// Position in the list of changes.
    pub index: usize,
    pub kind: ChangeKind,
    pub scope: Scope,
    /// The region the change concerns (for the region filter).
    pub region: Option<String>,
    /// The item: `Changsha (r1)`, `Scenario Baseline (s67)`, `Actuals · Wang Wei (p3)`.
    pub item: String,
    pub field: String,
    /// The value before and after, as the app shows it (`—` for none).
    pub old: String,
    pub new: String,
    /// For an item added, removed or reordered, what happened as a phrase (`added under
    /// Furong District (d2)`).
    pub phrase: Option<String>,
}

impl DiffRow {
    /// The row as one line of text (`planner diff`).
    pub fn line(&self) -> String {
        match &self.phrase {
            Some(phrase) => format!("{}: {phrase}", self.item),
            None => format!(
                "{} · {}: {} → {}",
                self.item, self.field, self.old, self.new
            ),
        }
    }
}

/// A value shown as missing.
const NONE: &str = "—";

/// The rows of every change of `diff`.
pub fn diff_rows(w: Words, diff: &PlanDiff) -> Vec<DiffRow> {
    diff.changes
        .iter()
        .enumerate()
        .map(|(i, c)| change_row(w, [&diff.old, &diff.new], c, i, diff.region(c)))
        .collect()
}

/// One change as a row; `sides` are the plans before and after.
pub fn change_row(
    w: Words,
    sides: [&Items; 2],
    change: &Change,
    index: usize,
    region: Option<String>,
) -> DiffRow {
    let key = &change.item;
    let (field, old, new, phrase) = match &change.what {
        What::Added => {
            let parent = place(sides[1], key);
            let phrase = match &parent {
                Some(p) => fill(w.m.added_under, &[p]),
                None => w.m.added.to_string(),
            };
            let new = parent.unwrap_or_else(|| w.m.added.to_string());
            (w.m.added.to_string(), NONE.to_string(), new, Some(phrase))
        }
        What::Removed => {
            let parent = place(sides[0], key);
            let phrase = match &parent {
                Some(p) => fill(w.m.removed_from, &[p]),
                None => w.m.removed.to_string(),
            };
            let old = parent.unwrap_or_else(|| w.m.removed.to_string());
            (w.m.removed.to_string(), old, NONE.to_string(), Some(phrase))
        }
        What::Reordered { collection } => {
            let field = fill(w.m.reordered, &[collection_label(w, collection)]);
            (field.clone(), String::new(), String::new(), Some(field))
        }
        What::Field { path, old, new } => (
            field_label(w, sides, key, path),
            value_text(w, sides[0], key, path, old.as_ref()),
            value_text(w, sides[1], key, path, new.as_ref()),
            None,
        ),
    };
    DiffRow {
        index,
        kind: change.kind(),
        scope: match key {
            ItemKey::Plan => Scope::Plan,
            ItemKey::Scenario(_) => Scope::Scenario,
            ItemKey::Record(..) => Scope::Execution,
            _ => Scope::Territory,
        },
        region,
        item: item_name(w, sides, key),
        field,
        old,
        new,
        phrase,
    }
}

/// `Name (id)` of a node, scenario or customer as either plan names it.
pub fn named(sides: &[&Items], key: &ItemKey) -> String {
    let name = sides.iter().rev().find_map(|s| s.name(key));
    match name {
        Some(n) => format!("{n} ({})", key.id()),
        None => key.id().to_string(),
    }
}

/// The item a row is about, as the manager knows it.
pub fn item_name(w: Words, sides: [&Items; 2], key: &ItemKey) -> String {
    match key {
        ItemKey::Plan => w.m.item_plan.to_string(),
        ItemKey::Scenario(_) => format!("{} {}", w.m.item_scenario, named(&sides, key)),
        ItemKey::Record(section, _) if section == CUSTOMERS => {
            format!("{} {}", w.m.item_customer, named(&sides, key))
        }
        ItemKey::Record(section, _) => {
            let mut out = section_label(w, section).to_string();
            let owner = crate::core::diff::owner(&[sides[1], sides[0]], key, section);
            if let Some(owner) = owner {
                out.push_str(" · ");
                out.push_str(&named(&sides, &owner));
            }
            let month = sides.iter().find_map(|s| {
                s.get(key)?
                    .get(&[Seg::Member("month".into())])?
                    .as_str()
                    .map(str::to_string)
            });
            if let Some(month) = month {
                out.push_str(" · ");
                out.push_str(&month);
            }
            out
        }
        _ => named(&sides, key),
    }
}

/// The parent a node sits under (`Name (id)`), for an added or removed row.
fn place(items: &Items, key: &ItemKey) -> Option<String> {
    let parent = items.get(key).and_then(|i| i.parent())?;
    Some(match key {
        ItemKey::Subdistrict(_) => named(&[items], &ItemKey::Region(parent.into())),
        _ => named(&[items], &ItemKey::Subdistrict(parent.into())),
    })
}

fn section_label(w: Words, section: &str) -> &'static str {
    match section {
        "actuals" => w.m.rec_actuals,
        "budgets" => w.m.rec_budgets,
        "customer_history" => w.m.rec_customer_history,
        "deviation_notes" => w.m.rec_deviation_notes,
        "expenses" => w.m.rec_expenses,
        "scorecard" => w.m.rec_scorecard,
        "settings" => w.m.rec_settings,
        CUSTOMERS => w.m.item_customer,
        _ => w.m.kind_execution,
    }
}

fn collection_label(w: Words, collection: &str) -> &'static str {
    match collection {
        "regions" => w.t.regions,
        "subdistricts" => w.t.subdistricts,
        "salespeople" => w.t.salespeople,
        _ => w.m.kind_scenarios,
    }
}

fn members(path: &[Seg]) -> Vec<&str> {
    path.iter()
        .map(|s| match s {
            Seg::Member(m) => m.as_str(),
            Seg::At(_) => "",
        })
        .collect()
}

/// The label of a field, as the app's forms name it.
pub fn field_label(w: Words, sides: [&Items; 2], key: &ItemKey, path: &[Seg]) -> String {
    let (t, m) = (w.t, w.m);
    let names = members(path);
    let label: String = match (key, names.as_slice()) {
        (ItemKey::Subdistrict(_), [PARENT]) => t.region.into(),
        (ItemKey::Salesperson(_), [PARENT]) => t.subdistrict.into(),
        (_, ["name"]) => t.name.into(),
        (ItemKey::Plan, ["company"]) => t.company_name.into(),
        (ItemKey::Plan, ["currency"]) => t.currency.into(),
        (ItemKey::Plan, ["period", "kind"]) => t.period.into(),
        (ItemKey::Plan, ["period", "start"]) => t.period_start.into(),
        (ItemKey::Plan, ["adopted_scenario"]) => m.f_adopted.into(),
        (ItemKey::Plan, ["notes", section]) => {
            format!("{} · {}", m.f_sections, written_label(t, section))
        }
        (_, ["manager"]) => t.manager.into(),
        (_, ["market_share"]) => t.market_share.into(),
        (_, ["active_customers"]) => t.active_customers.into(),
        (_, ["last_sales", "amount"]) => t.last_amount.into(),
        (_, ["last_sales", "quantity"]) => t.last_quantity.into(),
        (ItemKey::Region(_), ["notes"]) => t.notes.into(),
        (_, ["factors", f]) => factor(f).map_or((*f).into(), |f| t.factor(f).into()),
        (_, ["target_share"]) => t.target_share.into(),
        (_, ["milestones"]) => t.milestones.into(),
        (_, ["target_distributors"]) => t.target_distributors.into(),
        (_, ["target_terminals"]) => t.target_terminals.into(),
        (_, ["role"]) => t.role.into(),
        (ItemKey::Scenario(_), scenario_path) => scenario_label(w, sides, scenario_path, path),
        (ItemKey::Record(section, _), ["months", month]) if section == "actuals" => {
            format!("{month} ({})", m.f_figures)
        }
        (ItemKey::Record(..), [.., last]) if !last.is_empty() => w.x.field_label(last).to_string(),
        _ => path_text(path),
    };
    label
}

fn scenario_label(w: Words, sides: [&Items; 2], names: &[&str], path: &[Seg]) -> String {
    let (t, m) = (w.t, w.m);
    let measure = |name: &str| match name {
        "quantity" => t.measure_quantity,
        _ => t.measure_amount,
    };
    match names {
        ["amount_target"] => t.amount_target.into(),
        ["quantity_target"] => t.quantity_target.into(),
        ["collections_target"] => t.collections_target.into(),
        ["amount_unit"] => t.amount_unit.into(),
        ["quantity_unit"] => t.quantity_unit.into(),
        ["thresholds", "base_camp"] => t.threshold_base_camp.into(),
        ["thresholds", "stronghold"] => t.threshold_stronghold.into(),
        ["thresholds", "guerrilla_floor"] => t.threshold_floor.into(),
        ["tier_policies", tier, what] => {
            let what = match *what {
                "multiplier" => m.f_multiplier,
                "distributor_spend" => m.f_distributor_spend,
                "share_goal" => m.f_share_goal,
                other => other,
            };
            let tier = Tier::from_key(tier).map_or(*tier, |x| t.tier(x));
            format!("{tier} · {what}")
        }
        ["methods", "region"] => t.split_regions.into(),
        ["methods", "subdistrict"] => t.split_subdistricts.into(),
        ["methods", "salesperson"] => t.split_salespeople.into(),
        ["methods", "region_tier_multiplier"] => t.tier_multiplier_on.into(),
        ["factor_weights", f] => format!(
            "{} · {}",
            t.factor_weights,
            factor(f).map_or(*f, |f| t.factor(f))
        ),
        ["seasonality", ""] => {
            let i = match path.get(1) {
                Some(Seg::At(i)) => *i as u32,
                _ => 0,
            };
            let start = sides.iter().rev().find_map(|s| {
                s.get(&ItemKey::Plan)?
                    .get(&[Seg::Member("period".into()), Seg::Member("start".into())])?
                    .as_str()?
                    .parse::<YearMonth>()
                    .ok()
            });
            let month = start.map_or((i + 1).to_string(), |s| s.plus(i).to_string());
            fill(m.f_season_month, &[&month])
        }
        ["locks", node, what] => format!(
            "{} · {}",
            fill(m.f_lock, &[measure(what)]),
            node_named(sides, node)
        ),
        ["manual", node, what] => format!(
            "{} · {}",
            fill(m.f_manual, &[measure(what)]),
            node_named(sides, node)
        ),
        ["tier_overrides", region] => {
            format!("{} · {}", m.f_tier_override, node_named(sides, region))
        }
        _ => path_text(path),
    }
}

/// A node named by id in a field (a lock's node), as `Name (id)`.
fn node_named(sides: [&Items; 2], id: &str) -> String {
    let key = sides[1].node(id).or_else(|| sides[0].node(id));
    match key {
        Some(k) => named(&sides, &k),
        None => id.to_string(),
    }
}

fn factor(key: &str) -> Option<Factor> {
    Factor::ALL.into_iter().find(|f| f.key() == key)
}

/// Members holding money, shown as the app shows amounts (万 / 亿 in Chinese).
const MONEY: [&str; 12] = [
    "amount",
    "amount_target",
    "collections_target",
    "amount_unit",
    "budget",
    "revenue",
    "costs",
    "promotions",
    "rebates",
    "our_sales",
    "category_sales",
    "last_year_sales",
];

/// Members holding percentages.
const PERCENT: [&str; 10] = [
    "market_share",
    "target_share",
    "base_camp",
    "stronghold",
    "guerrilla_floor",
    "distributor_spend",
    "share_goal",
    "discount_percent",
    "deviation_threshold",
    "discount_threshold",
];

/// A field's value as the app shows it.
pub fn value_text(
    w: Words,
    items: &Items,
    key: &ItemKey,
    path: &[Seg],
    value: Option<&Value>,
) -> String {
    let Some(value) = value else {
        return NONE.into();
    };
    let names = members(path);
    let last = names
        .iter()
        .rev()
        .find(|n| !n.is_empty())
        .copied()
        .unwrap_or("");
    match (value, names.as_slice()) {
        (Value::Null, _) => NONE.into(),
        (Value::Bool(b), _) => (if *b { w.m.yes } else { w.m.no }).into(),
        (Value::Number(n), _) => n
            .as_u64()
            .map_or_else(|| n.to_string(), |n| grouped(Decimal::from(n))),
        (Value::String(id), [PARENT]) => {
            let parent = match key {
                ItemKey::Subdistrict(_) => ItemKey::Region(id.clone()),
                _ => ItemKey::Subdistrict(id.clone()),
            };
            named(&[items], &parent)
        }
        (Value::String(id), ["adopted_scenario"]) => {
            named(&[items], &ItemKey::Scenario(id.clone()))
        }
        (Value::String(k), ["methods", _]) => {
            Method::from_key(k).map_or_else(|| k.clone(), |m| w.t.method(m).into())
        }
        (Value::String(k), ["period", "kind"]) => {
            PeriodKind::from_key(k).map_or_else(|| k.clone(), |p| w.t.period_kind(p).into())
        }
        (Value::String(figures), ["months", _]) => figures
            .split_whitespace()
            .enumerate()
            .map(|(i, f)| match f.parse::<Decimal>() {
                Ok(d) if i == 1 => grouped(d),
                Ok(d) => amount(d, w.lang),
                Err(_) => f.to_string(),
            })
            .collect::<Vec<_>>()
            .join(" / "),
        (Value::String(s), _) => match s.parse::<Decimal>() {
            Ok(d) if names.first() == Some(&"seasonality") || PERCENT.contains(&last) => percent(d),
            Ok(d) if MONEY.contains(&last) => amount(d, w.lang),
            Ok(d) if is_figure(s) => grouped(d),
            _ => s.clone(),
        },
        (Value::Array(list), _) => list
            .iter()
            .map(|v| entry_text(w, v))
            .collect::<Vec<_>>()
            .join("; "),
        (Value::Object(_), _) => entry_text(w, value),
    }
}

/// Whether a text is a plain number as the format writes figures (not a date or a name).
fn is_figure(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
}

/// One entry of a list, or an object: a milestone, a tier override.
fn entry_text(w: Words, value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Object(map) => {
            let text = |k: &str| map.get(k).and_then(Value::as_str).unwrap_or_default();
            if let Some(tier) = map.get("tier").and_then(Value::as_str) {
                let tier = Tier::from_key(tier).map_or(tier, |x| w.t.tier(x));
                return format!("{tier}: {}", text("reason"));
            }
            if map.contains_key("date") && map.contains_key("title") {
                let done = map.get("done").and_then(Value::as_bool) == Some(true);
                return format!(
                    "{} {}{}",
                    text("date"),
                    text("title"),
                    if done { " ✓" } else { "" }
                );
            }
            Value::Object(map.clone()).to_string()
        }
        other => other.to_string(),
    }
}

/// A node whose targets move, as a row.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TargetRow {
    pub id: String,
    pub level: String,
    pub item: String,
    pub region: Option<String>,
    /// Amount before, after and the change (`+1,000,000`).
    pub amount: [String; 3],
    pub quantity: [String; 3],
}

/// The targets that move, as rows, and what stops the comparison (a breakdown that cannot be
/// computed), as sentences.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetsView {
    /// `Adopted scenario: Baseline → Stretch`, when the plans adopt differently named ones.
    pub scenario: Option<String>,
    pub rows: Vec<TargetRow>,
    pub problems: Vec<String>,
}

pub fn targets_view(w: Words, targets: &crate::core::diff::Targets) -> TargetsView {
    let [a, b] = &targets.scenario;
    let scenario = (a != b).then(|| {
        fill(
            w.m.targets_scenario,
            &[a.as_deref().unwrap_or(NONE), b.as_deref().unwrap_or(NONE)],
        )
    });
    let problems = targets
        .errors
        .iter()
        .zip(&targets.scenario)
        .filter_map(|(e, name)| {
            let e = e.as_ref()?;
            let reasons: Vec<String> = e.0.iter().map(|x| w.t.breakdown_error(x)).collect();
            Some(fill(
                w.m.targets_error,
                &[name.as_deref().unwrap_or(NONE), &reasons.join("; ")],
            ))
        })
        .collect();
    let rows = targets.moves.iter().map(|mv| target_row(w, mv)).collect();
    TargetsView {
        scenario,
        rows,
        problems,
    }
}

fn target_row(w: Words, mv: &TargetMove) -> TargetRow {
    let show = |v: Option<Decimal>, measure: Measure| match (v, measure) {
        (None, _) => NONE.to_string(),
        (Some(v), Measure::Amount) => amount(v, w.lang),
        (Some(v), Measure::Quantity) => grouped(v),
    };
    let signed = |d: Decimal, measure: Measure| {
        let text = show(Some(d), measure);
        if d > Decimal::ZERO {
            format!("+{text}")
        } else {
            text
        }
    };
    TargetRow {
        id: mv.id.clone(),
        level: w.t.level(mv.level).to_string(),
        item: if mv.level == crate::core::scenario::Level::Company {
            w.t.company.to_string()
        } else {
            format!("{} ({})", mv.name, mv.id)
        },
        region: mv.region.clone(),
        amount: [
            show(mv.amount[0], Measure::Amount),
            show(mv.amount[1], Measure::Amount),
            signed(mv.delta(Measure::Amount), Measure::Amount),
        ],
        quantity: [
            show(mv.quantity[0], Measure::Quantity),
            show(mv.quantity[1], Measure::Quantity),
            signed(mv.delta(Measure::Quantity), Measure::Quantity),
        ],
    }
}

/// Which rows the list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KindFilter {
    All,
    Kind(ChangeKind),
    Scope(Scope),
}

impl KindFilter {
    /// The filter's choices, with their labels.
    pub fn choices(m: &MergeText) -> Vec<(KindFilter, &'static str)> {
        vec![
            (KindFilter::All, m.kind_all),
            (KindFilter::Kind(ChangeKind::Added), m.kind_added),
            (KindFilter::Kind(ChangeKind::Removed), m.kind_removed),
            (KindFilter::Kind(ChangeKind::Moved), m.kind_moved),
            (KindFilter::Kind(ChangeKind::Renamed), m.kind_renamed),
            (KindFilter::Kind(ChangeKind::Changed), m.kind_changed),
            (KindFilter::Kind(ChangeKind::Reordered), m.kind_reordered),
            (KindFilter::Scope(Scope::Scenario), m.kind_scenarios),
            (KindFilter::Scope(Scope::Execution), m.kind_execution),
        ]
    }

    /// A key for a select's option.
    pub fn key(self) -> String {
        format!("{self:?}")
    }

    pub fn keeps(self, row: &DiffRow) -> bool {
        match self {
            KindFilter::All => true,
            KindFilter::Kind(k) => row.kind == k,
            KindFilter::Scope(s) => row.scope == s,
        }
    }
}

/// The regions the changes concern, `(id, Name)`, in the newer plan's order (then the older's).
pub fn region_choices(sides: [&Items; 2], rows: &[DiffRow]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for items in [sides[1], sides[0]] {
        for k in items.children(&ItemKey::Plan, "regions") {
            let id = k.id().to_string();
            if rows
                .iter()
                .any(|r| r.region.as_deref() == Some(id.as_str()))
                && !out.iter().any(|(x, _)| *x == id)
            {
                out.push((id, items.name(k).unwrap_or_default().to_string()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
