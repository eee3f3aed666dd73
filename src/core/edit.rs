//! Every change a manager can make to a plan, as one typed value: [`Edit`]. Screens build an
//! `Edit` from what was typed (values already parsed by [`crate::core::field`]), and one
//! function applies it ([`Edit::apply`]); [`crate::core::editor::Editor`] adds undo, redo and
//! the change log around it. Ids are fields of the variants, never parsed out of text, so an
//! id holding any character edits the node it names.

mod execution_edit;
mod fields;
#[cfg(test)]
mod tests;

pub use execution_edit::ExecutionEdit;
pub use fields::{
    PlanField, RegionField, SalespersonField, ScenarioField, SubdistrictField, Threshold,
};

use super::execution::{
    ApplyError, EditError as ExecutionError, ImportSummary, ScoreImportSummary, ShareImportSummary,
};
use super::field::FieldError;
use super::model::Plan;
use super::respread::{Respread, RespreadError};
use super::scenario_list::ScenarioError;
use super::tier::ThresholdOrder;
use super::tree::TreeError;

/// Longest manager, role or note text accepted, in characters.
pub const MAX_SHORT_TEXT: usize = 100;
/// Longest notes of a region, in characters.
pub const MAX_NOTES: usize = 2000;
/// Longest text of a written section of the plan document, in characters.
pub const MAX_SECTION: usize = 20_000;

/// One change to a plan.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// A field of the plan itself (name, company, currency, period).
    Plan(PlanField),
    /// A written section of the plan document (goals, market analysis…), by section key; empty
    /// text removes the section.
    Note { section: String, text: String },
    /// A field of a scenario.
    Scenario {
        scenario: String,
        field: ScenarioField,
    },
    /// A field of a region.
    Region { region: String, field: RegionField },
    /// A field of a sub-district, or of its milestones and named targets.
    Subdistrict {
        subdistrict: String,
        field: SubdistrictField,
    },
    /// A field of a salesperson.
    Salesperson {
        salesperson: String,
        field: SalespersonField,
    },
    /// A new region at the end of the territory.
    AddRegion { name: String },
    /// A new sub-district at the end of a region.
    AddSubdistrict { region: String, name: String },
    /// A new salesperson at the end of a sub-district.
    AddSalesperson { subdistrict: String, name: String },
    /// A region, sub-district or salesperson with everything under it.
    DeleteNode { node: String },
    /// A node moved up (`-1`) or down (`1`) among its siblings.
    MoveAmongSiblings { node: String, delta: isize },
    /// A sub-district moved to another region, or a salesperson to another sub-district.
    MoveToParent { node: String, parent: String },
    /// A new scenario with default assumptions.
    AddScenario { name: String },
    /// A copy of a scenario under a new name, placed after it.
    DuplicateScenario { scenario: String, name: String },
    /// A scenario removed (the last one cannot be).
    DeleteScenario { scenario: String },
    /// A scenario marked adopted (采用).
    AdoptScenario { scenario: String },
    /// Correction (纠偏): a copy of a scenario under a new name, placed after it, in which a
    /// node's remaining months carry its gap to date.
    Respread {
        scenario: String,
        name: String,
        respread: Respread,
    },
    /// A change to what was recorded while executing the plan.
    Execution(ExecutionEdit),
    /// The plan as it was at an earlier state (a restore from the change log). The plan's id
    /// and change log stay as they are.
    Restore(Box<Plan>),
    /// Returned copies merged in ([`crate::core::merge`]): the plan becomes the merged plan.
    /// The plan's id, change log and mark of a part stay as they are; the id counter never
    /// goes back.
    Merge(Box<Plan>),
}

/// The part of a plan an edit changes: what must be recomputed and redrawn after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The territory and scenarios: everything the breakdown is computed from.
    Planning,
    /// The written sections of the plan document.
    Document,
    /// Actuals, notes, customers, figures and expenses.
    Execution,
    /// The whole plan.
    All,
}

/// What applying an edit did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// Whether the plan changed (writing a value already there is no change).
    pub changed: bool,
    /// The id of what the edit created: a node, a scenario or a customer record.
    pub created: Option<String>,
    /// What an import stored.
    pub imported: Option<Imported>,
}

/// What an import stored, to tell the manager.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Imported {
    Actuals(ImportSummary),
    ScoreFigures(ScoreImportSummary),
    Shares(ShareImportSummary),
}

impl Applied {
    fn changed(changed: bool) -> Self {
        Applied {
            changed,
            ..Applied::default()
        }
    }

    fn created(id: String) -> Self {
        Applied {
            changed: true,
            created: Some(id),
            imported: None,
        }
    }
}

/// Why an edit was refused. A refused edit changes nothing.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The value is not acceptable for its field.
    #[error("{0}")]
    Field(#[from] FieldError),
    /// No scenario has this id.
    #[error("no scenario with id '{0}'")]
    UnknownScenario(String),
    /// No region, sub-district or salesperson has this id (or not of the kind needed).
    #[error(transparent)]
    Tree(#[from] TreeError),
    /// A scenario operation was refused.
    #[error(transparent)]
    Scenario(#[from] ScenarioError),
    /// An execution record was refused.
    #[error(transparent)]
    Execution(#[from] ExecutionError),
    /// An import was refused as a whole.
    #[error(transparent)]
    Import(#[from] ApplyError),
    /// No milestone, named distributor or terminal at this position.
    #[error("no entry number {0}")]
    NoEntry(usize),
    /// Tier thresholds that would be out of order.
    #[error(transparent)]
    Thresholds(#[from] ThresholdOrder),
    /// A re-spread that does not fit the plan.
    #[error(transparent)]
    Respread(#[from] RespreadError),
}

impl Edit {
    /// The part of the plan this edit changes.
    pub fn part(&self) -> Part {
        match self {
            Edit::Note { .. } => Part::Document,
            Edit::Execution(_) => Part::Execution,
            Edit::Restore(_) | Edit::Merge(_) => Part::All,
            // A node removed or a period changed takes its execution records along.
            Edit::DeleteNode { .. }
            | Edit::Plan(PlanField::PeriodKind(_) | PlanField::Start(_)) => Part::All,
            _ => Part::Planning,
        }
    }

    /// The names of what a field edit concerns, joined with ` · ` (a scenario, then the node):
    /// the subject of its change-log entry. Empty for edits whose description names them.
    pub fn subject(&self, plan: &Plan) -> String {
        let node = |id: &str| plan.node_name(id).map(str::to_string);
        let customer = |id: &str| plan.execution.customer(id).map(|c| c.name.clone());
        let names: Vec<String> = match self {
            Edit::Scenario { scenario, field } => {
                let of_node = match field {
                    ScenarioField::Lock(_, id, _)
                    | ScenarioField::Manual(_, id, _)
                    | ScenarioField::TierOverride(id, _) => node(id),
                    _ => None,
                };
                plan.scenario(scenario)
                    .map(|s| s.name.clone())
                    .into_iter()
                    .chain(of_node)
                    .collect()
            }
            Edit::Region { region: id, .. }
            | Edit::Subdistrict {
                subdistrict: id, ..
            }
            | Edit::Salesperson {
                salesperson: id, ..
            }
            | Edit::MoveToParent { node: id, .. } => node(id).into_iter().collect(),
            Edit::Execution(
                ExecutionEdit::Actual {
                    salesperson: id, ..
                }
                | ExecutionEdit::DeviationNote { node: id, .. }
                | ExecutionEdit::Budget { region: id, .. }
                | ExecutionEdit::Share { region: id, .. },
            ) => node(id).into_iter().collect(),
            Edit::Execution(
                ExecutionEdit::UpdateCustomer { customer: id, .. }
                | ExecutionEdit::Visit { customer: id, .. }
                | ExecutionEdit::RemoveCustomer { customer: id }
                | ExecutionEdit::ScoreFigures { customer: id, .. },
            ) => customer(id).into_iter().collect(),
            _ => Vec::new(),
        };
        names.join(" · ")
    }

    /// The edit that takes this one back, read from `plan` before this one is applied; only
    /// for edits of one small value (a salesperson's month of actuals), which the editor then
    /// applies in place and undoes by their inverse instead of keeping a copy of the plan.
    /// Their `apply` checks everything before it changes anything.
    pub fn inverse(&self, plan: &Plan) -> Option<Edit> {
        match self {
            Edit::Execution(ExecutionEdit::Actual {
                salesperson, month, ..
            }) => Some(Edit::Execution(ExecutionEdit::Actual {
                salesperson: salesperson.clone(),
                month: *month,
                actual: plan
                    .execution
                    .actuals
                    .get(salesperson)
                    .and_then(|m| m.get(month))
                    .copied(),
            })),
            _ => None,
        }
    }

    /// Applies the edit. A refused edit leaves the plan exactly as it was.
    pub fn apply(&self, plan: &mut Plan) -> Result<Applied, EditError> {
        match self {
            Edit::Plan(field) => field.apply(plan).map(Applied::changed),
            Edit::Note { section, text } => set_note(plan, section, text).map(Applied::changed),
            Edit::Scenario { scenario, field } => {
                let months = plan.period.month_count();
                let s = plan
                    .scenario_mut(scenario)
                    .ok_or_else(|| EditError::UnknownScenario(scenario.clone()))?;
                field.apply(s, months).map(Applied::changed)
            }
            Edit::Region { region, field } => {
                let r = plan
                    .region_mut(region)
                    .ok_or_else(|| TreeError::NotFound(region.clone()))?;
                field.apply(r).map(Applied::changed)
            }
            Edit::Subdistrict { subdistrict, field } => {
                let start = plan.period.start;
                let first_day = chrono::NaiveDate::from_ymd_opt(start.year, start.month, 1);
                let d = plan
                    .subdistrict_mut(subdistrict)
                    .ok_or_else(|| TreeError::NotFound(subdistrict.clone()))?;
                field.apply(d, first_day).map(Applied::changed)
            }
            Edit::Salesperson { salesperson, field } => {
                let p = plan
                    .salesperson_mut(salesperson)
                    .ok_or_else(|| TreeError::NotFound(salesperson.clone()))?;
                field.apply(p).map(Applied::changed)
            }
            Edit::AddRegion { name } => {
                let name = super::field::parse_name(name)?;
                Ok(Applied::created(plan.add_region(&name)))
            }
            Edit::AddSubdistrict { region, name } => {
                let name = super::field::parse_name(name)?;
                Ok(Applied::created(plan.add_subdistrict(region, &name)?))
            }
            Edit::AddSalesperson { subdistrict, name } => {
                let name = super::field::parse_name(name)?;
                Ok(Applied::created(plan.add_salesperson(subdistrict, &name)?))
            }
            Edit::DeleteNode { node } => {
                plan.delete_node(node)?;
                Ok(Applied::changed(true))
            }
            Edit::MoveAmongSiblings { node, delta } => plan
                .move_among_siblings(node, *delta)
                .map(Applied::changed)
                .map_err(EditError::from),
            Edit::MoveToParent { node, parent } => {
                if plan.parent_id(node).as_deref() == Some(parent.as_str()) {
                    return Ok(Applied::changed(false));
                }
                plan.move_to_parent(node, parent)?;
                Ok(Applied::changed(true))
            }
            Edit::AddScenario { name } => {
                let name = super::field::parse_name(name)?;
                Ok(Applied::created(plan.add_scenario(&name)))
            }
            Edit::DuplicateScenario { scenario, name } => {
                let name = super::field::parse_name(name)?;
                Ok(Applied::created(plan.duplicate_scenario(scenario, &name)?))
            }
            Edit::Respread {
                scenario,
                name,
                respread,
            } => {
                let name = super::field::parse_name(name)?;
                if let Some(source) = plan.scenario(scenario) {
                    respread.check_in(plan, source)?;
                }
                let id = plan.duplicate_scenario(scenario, &name)?;
                let mut respread = respread.clone();
                respread.reason = super::respread::reason(&respread.reason)?;
                if let Some(s) = plan.scenario_mut(&id) {
                    s.respreads.push(respread);
                }
                Ok(Applied::created(id))
            }
            Edit::DeleteScenario { scenario } => {
                plan.delete_scenario(scenario)?;
                Ok(Applied::changed(true))
            }
            Edit::AdoptScenario { scenario } => {
                if plan.adopted_scenario == *scenario {
                    return Ok(Applied::changed(false));
                }
                plan.adopt(scenario)?;
                Ok(Applied::changed(true))
            }
            Edit::Execution(edit) => edit.apply(plan),
            Edit::Merge(merged) => {
                let mut merged = (**merged).clone();
                merged.id = plan.id.clone();
                merged.recipient_part = plan.recipient_part.clone();
                merged.id_seq = merged.id_seq.max(plan.id_seq);
                merged.change_log.clear();
                let log = std::mem::take(&mut plan.change_log);
                let changed = merged != *plan;
                merged.change_log = log;
                *plan = merged;
                Ok(Applied::changed(changed))
            }
            Edit::Restore(state) => {
                let mut state = (**state).clone();
                state.id = plan.id.clone();
                state.change_log = std::mem::take(&mut plan.change_log);
                let changed = state != *plan;
                *plan = state;
                Ok(Applied::changed(changed))
            }
        }
    }
}

/// A section of the plan document the manager writes.
fn set_note(plan: &mut Plan, section: &str, text: &str) -> Result<bool, EditError> {
    let text = super::field::parse_text(text, MAX_SECTION)?;
    if plan.notes.get(section).map(String::as_str).unwrap_or("") == text {
        return Ok(false);
    }
    if text.is_empty() {
        plan.notes.remove(section);
    } else {
        plan.notes.insert(section.to_string(), text);
    }
    Ok(true)
}

/// Writes `value` into `slot`; whether it changed anything.
pub(crate) fn set<T: PartialEq>(slot: &mut T, value: T) -> bool {
    if *slot == value {
        return false;
    }
    *slot = value;
    true
}
