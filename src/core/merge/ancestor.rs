//! The version a returned copy started from: both plans' change logs run alike up to the moment
//! the copy left, and the restore patches of the entries after it bring that version back.

use crate::core::changelog::{Change, json_without_log, state_at};
use crate::core::format::read_plan;
use crate::core::model::Plan;

/// The version both plans started from.
#[derive(Clone, Debug, PartialEq)]
pub struct Ancestor {
    pub base: Plan,
    /// Where the copy's own changes start in its change log: its entries from here on are the
    /// changes made in the copy (with the reasons written for them).
    pub since: usize,
}

/// Why the version a copy started from cannot be found; nothing is merged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AncestorError {
    /// Different plans: other ids and no change in common.
    #[error("it is another plan (id '{theirs}', this plan is '{mine}') with no change in common")]
    DifferentPlans { mine: String, theirs: String },
    /// The change logs no longer reach back to the shared version (entries or their restore
    /// patches were dropped), or the copy was not made from the base given.
    #[error(
        "its change log no longer reaches back to the version it was sent out as; choose the base file"
    )]
    CutLog,
    /// The copy's change log does not hold the newest change of the base file given: it was not
    /// made from that base, or its log was cut.
    #[error(
        "its change log does not hold the base's newest change: it was not made from the base, or its log was cut"
    )]
    NotFromBase,
}

fn same(a: &Change, b: &Change) -> bool {
    a.at == b.at && a.what == b.what
}

/// Where two change logs part: the number of entries of each up to the last one they share.
/// `None` when they share none and do not start together.
fn parting(mine: &[Change], theirs: &[Change]) -> Option<(usize, usize)> {
    let (i, j) = match (mine.first(), theirs.first()) {
        (Some(m0), Some(t0)) => {
            if let Some(i) = mine.iter().position(|c| same(c, t0)) {
                (i, 0)
            } else {
                (0, theirs.iter().position(|c| same(c, m0))?)
            }
        }
        _ => return Some((0, 0)),
    };
    let shared = mine[i..]
        .iter()
        .zip(&theirs[j..])
        .take_while(|(a, b)| same(a, b))
        .count();
    Some((i + shared, j + shared))
}

/// The plan as it was when its log had `keep` entries, if its log can bring it back.
fn version(plan: &Plan, keep: usize) -> Option<Plan> {
    if keep == plan.change_log.len() {
        let mut p = plan.clone();
        p.change_log.truncate(keep);
        return Some(p);
    }
    let mut p = plan.clone();
    let json = json_without_log(&mut p);
    let text = state_at(&plan.change_log, keep, &json)?;
    let mut state = read_plan(&text).ok()?;
    state.id.clone_from(&plan.id);
    state.change_log = plan.change_log[..keep].to_vec();
    Some(state)
}

/// The version `theirs` (a returned copy) and `mine` (the open plan) both started from.
pub fn common_ancestor(mine: &Plan, theirs: &Plan) -> Result<Ancestor, AncestorError> {
    let different = || AncestorError::DifferentPlans {
        mine: mine.id.clone(),
        theirs: theirs.id.clone(),
    };
    let (m, t) = (&mine.change_log, &theirs.change_log);
    let found = parting(m, t);
    let shares_history = matches!(found, Some((km, kt)) if km > 0 || kt > 0)
        || (m.first().zip(t.first()).is_some_and(|(a, b)| same(a, b)));
    if !shares_history && mine.id != theirs.id {
        return Err(different());
    }
    let Some((km, kt)) = found.or_else(|| (mine.id == theirs.id).then_some((0, 0))) else {
        return Err(different());
    };
    if shares_history {
        // Both logs name the version: the open plan's own log brings it back, else the copy's.
        let base = version(mine, km)
            .or_else(|| version(theirs, kt))
            .ok_or(AncestorError::CutLog)?;
        return Ok(Ancestor { base, since: kt });
    }
    // Same plan, no entry in common: both must go back to one and the same first version.
    let a = version(mine, 0).ok_or(AncestorError::CutLog)?;
    let b = version(theirs, 0).ok_or(AncestorError::CutLog)?;
    let comparable = |p: &Plan| {
        let mut p = p.clone();
        p.id.clear();
        p.change_log.clear();
        // A copy sent as a part carries the mark from the start, outside its log.
        p.recipient_part = None;
        p
    };
    if comparable(&a) != comparable(&b) {
        return Err(AncestorError::CutLog);
    }
    Ok(Ancestor { base: a, since: 0 })
}

/// Checks that `copy` was made from `base` (a base file the manager chose): the same plan, and
/// its change log still holds the base's newest change. Returns where the copy's own changes
/// start in its log.
pub fn check_base(base: &Plan, copy: &Plan) -> Result<usize, AncestorError> {
    let (b, c) = (&base.change_log, &copy.change_log);
    let Some(newest) = b.last() else {
        return if base.id == copy.id || c.is_empty() {
            Ok(0)
        } else {
            Err(AncestorError::DifferentPlans {
                mine: base.id.clone(),
                theirs: copy.id.clone(),
            })
        };
    };
    if let Some(i) = c.iter().position(|x| same(x, newest)) {
        return Ok(i + 1);
    }
    if base.id != copy.id && !c.iter().any(|x| b.iter().any(|y| same(x, y))) {
        return Err(AncestorError::DifferentPlans {
            mine: base.id.clone(),
            theirs: copy.id.clone(),
        });
    }
    Err(AncestorError::NotFromBase)
}
