//! Building field commits: parse the text, then apply the value to the plan as one edit.

use leptos::prelude::*;

use crate::core::field::FieldError;
use crate::core::model::{Plan, Region, Salesperson, SubDistrict};
use crate::core::scenario::Scenario;
use crate::ui::field::Commit;
use crate::ui::state::use_app;

/// A commit that parses with `parse` and, if the text is good, applies it with `apply`.
pub fn commit<T: 'static>(
    parse: fn(&str) -> Result<T, FieldError>,
    apply: impl Fn(&mut Plan, T) + Send + Sync + 'static,
) -> Commit {
    Callback::new(move |text: String| {
        let app = use_app();
        match parse(&text) {
            Ok(value) => {
                app.edit(|plan| apply(plan, value));
                Ok(())
            }
            Err(e) => Err(app.t_now().field_error(&e)),
        }
    })
}

/// Applies a value to the region with this id (if it still exists).
pub fn on_region<T: 'static>(
    id: String,
    apply: fn(&mut Region, T),
) -> impl Fn(&mut Plan, T) + Send + Sync + 'static {
    move |plan, value| {
        if let Some(r) = plan.region_mut(&id) {
            apply(r, value)
        }
    }
}

/// Applies a value to the sub-district with this id (if it still exists).
pub fn on_subdistrict<T: 'static>(
    id: String,
    apply: fn(&mut SubDistrict, T),
) -> impl Fn(&mut Plan, T) + Send + Sync + 'static {
    move |plan, value| {
        if let Some(d) = plan.subdistrict_mut(&id) {
            apply(d, value)
        }
    }
}

/// Applies a value to the salesperson with this id (if they still exist).
pub fn on_salesperson<T: 'static>(
    id: String,
    apply: fn(&mut Salesperson, T),
) -> impl Fn(&mut Plan, T) + Send + Sync + 'static {
    move |plan, value| {
        if let Some(p) = plan.salesperson_mut(&id) {
            apply(p, value)
        }
    }
}

/// A commit that parses with `parse` and applies the value to the scenario on screen.
pub fn scenario_commit<T: 'static>(
    parse: fn(&str) -> Result<T, FieldError>,
    apply: impl Fn(&mut Scenario, T) + Send + Sync + 'static,
) -> Commit {
    Callback::new(move |text: String| {
        let app = use_app();
        let sid = app.scenario.get_untracked();
        match parse(&text) {
            Ok(value) => {
                app.edit(|plan| {
                    if let Some(s) = plan.scenario_mut(&sid) {
                        apply(s, value)
                    }
                });
                Ok(())
            }
            Err(e) => Err(app.t_now().field_error(&e)),
        }
    })
}
