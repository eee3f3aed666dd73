//! The adopted scenario's breakdown, as presentation mode and the plan document show it.

use leptos::prelude::*;

use super::state::{App, Computed};
use crate::core::edit::Part;

/// The breakdown of the adopted scenario (tracked). When the adopted scenario is the one on
/// screen, its breakdown is already computed for the planning routes and is shared, not
/// computed a second time (at ten thousand salespeople that is a noticeable wait).
pub fn adopted_breakdown(app: App) -> Option<Computed> {
    let adopted = app.with_plan(Part::Planning, |p| p.adopted_scenario.clone());
    if app.scenario.get() == adopted {
        app.breakdown.get()
    } else {
        app.adopted_breakdown.get()
    }
}
