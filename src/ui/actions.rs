//! What buttons and keys do: each action reads the app state and makes one change.

use leptos::prelude::*;

use super::state::{UndoAction, use_app};
use super::tree::{focus_element, focus_row};
use crate::core::model::{FORMAT_VERSION, Plan};
use crate::core::period::Period;
use crate::core::scenario::Scenario;
use crate::core::tree::NodePos;
use crate::i18n::fill;
use crate::storage::browser;
use crate::storage::library::{PlanMeta, plan_key, unused_id};

pub fn select(id: Option<String>) {
    use_app().selected.set(id);
}

pub fn set_expanded(id: Option<&str>, open: bool) {
    let Some(id) = id else { return };
    use_app().expanded.update(|e| {
        if open {
            e.insert(id.to_string());
        } else {
            e.remove(id);
        }
    });
}

/// Adds a child under the given node (a region under the company, a sub-district under a
/// region, a salesperson under a sub-district or beside a salesperson), selects it and puts the
/// cursor in its name.
pub fn add_child(parent: Option<String>) {
    let app = use_app();
    let t = app.t_now();
    let pos = parent
        .as_deref()
        .and_then(|id| app.plan.with_untracked(|p| p.locate(id)));
    let mut new_id = None;
    app.edit(|plan| {
        new_id = match pos {
            None => Some(plan.add_region(t.new_region_name)),
            Some(NodePos::Region(r)) => {
                let rid = plan.regions[r].id.clone();
                plan.add_subdistrict(&rid, t.new_subdistrict_name).ok()
            }
            Some(NodePos::Subdistrict(r, d)) => {
                let did = plan.regions[r].subdistricts[d].id.clone();
                plan.add_salesperson(&did, t.new_salesperson_name).ok()
            }
            Some(NodePos::Salesperson(r, d, _)) => {
                let did = plan.regions[r].subdistricts[d].id.clone();
                plan.add_salesperson(&did, t.new_salesperson_name).ok()
            }
        };
    });
    if let Some(id) = new_id {
        let parent = app.plan.with_untracked(|p| p.parent_id(&id));
        set_expanded(parent.as_deref(), true);
        select(Some(id));
        request_animation_frame(|| {
            focus_element("detail-name");
            select_all_in("detail-name");
        });
    }
}

fn select_all_in(dom_id: &str) {
    use web_sys::wasm_bindgen::JsCast;
    if let Some(input) = document()
        .get_element_by_id(dom_id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.select();
    }
}

/// Deletes a node with everything under it; a toast offers to undo.
pub fn delete_node(id: &str) {
    let app = use_app();
    let Some(name) = app
        .plan
        .with_untracked(|p| p.node_name(id).map(str::to_string))
    else {
        return;
    };
    let before = app.plan.get_untracked();
    app.edit(|plan| {
        let _ = plan.delete_node(id);
    });
    if app.selected.with_untracked(|s| s.as_deref() == Some(id)) {
        app.selected.set(None);
    }
    app.notify(
        fill(app.t_now().node_deleted, &[&name]),
        Some(UndoAction::Plan(Box::new(before))),
    );
}

pub fn move_among_siblings(id: &str, delta: isize) {
    use_app().edit_if(|plan| plan.move_among_siblings(id, delta).unwrap_or(false));
    focus_row(Some(id.to_string()));
}

/// A new plan id: time-based, never the key of any stored entry (readable or not).
fn new_plan_id() -> String {
    let app = use_app();
    let base = format!("plan-{}", js_sys::Date::now() as u64);
    unused_id(&base, |id| {
        browser::has_key(&plan_key(id))
            || app.metas.with_untracked(|m| m.iter().any(|x| x.id == id))
    })
}

fn add_to_library(plan: Plan) {
    let app = use_app();
    app.metas.update(|m| {
        m.push(PlanMeta {
            id: plan.id.clone(),
            name: plan.name.clone(),
        })
    });
    app.open_plan(plan);
}

pub fn new_plan() {
    let app = use_app();
    let t = app.t_now();
    let current = app.plan.get_untracked();
    let mut plan = Plan {
        format_version: FORMAT_VERSION,
        id: new_plan_id(),
        name: t.new_plan_name.to_string(),
        company: current.company.clone(),
        currency: current.currency.clone(),
        period: Period::fiscal_year(current.period.start.year),
        regions: Vec::new(),
        scenarios: Vec::new(),
        adopted_scenario: String::new(),
        id_seq: 0,
        notes: Default::default(),
        execution: Default::default(),
    };
    let sid = plan.fresh_id("s");
    let name = current
        .adopted()
        .map(|s| s.name.clone())
        .unwrap_or_else(|| "Baseline".into());
    plan.scenarios.push(Scenario::with_defaults(
        sid.clone(),
        name,
        plan.period.month_count(),
    ));
    plan.adopted_scenario = sid;
    add_to_library(plan);
}

pub fn duplicate_plan() {
    let app = use_app();
    let mut plan = app.plan.get_untracked();
    plan.id = new_plan_id();
    plan.name = format!("{}{}", plan.name, app.t_now().copy_suffix);
    add_to_library(plan);
}

/// Opens a plan of the library by id.
pub fn switch_plan(id: &str) {
    let app = use_app();
    if app.plan.with_untracked(|p| p.id == id) {
        return;
    }
    match browser::load_plan(id) {
        Ok(plan) => app.open_plan(plan),
        Err(_) => {
            // Gone or unreadable since the app opened: show it among the broken entries.
            app.broken.set(browser::open_library().broken);
            app.metas.update(|m| m.retain(|x| x.id != id));
        }
    }
}

/// Deletes the open plan (after the manager confirmed) and opens the next one; the toast offers
/// to bring it back.
pub fn delete_current_plan() {
    let app = use_app();
    let plan = app.plan.get_untracked();
    browser::remove_key(&plan_key(&plan.id));
    let position = app
        .metas
        .with_untracked(|m| m.iter().position(|x| x.id == plan.id));
    app.metas.update(|m| m.retain(|x| x.id != plan.id));
    let next = app.metas.with_untracked(|m| {
        position
            .and_then(|i| m.get(i.min(m.len().saturating_sub(1))))
            .map(|x| x.id.clone())
    });
    let text = fill(app.t_now().plan_deleted, &[&plan.name]);
    match next.and_then(|id| browser::load_plan(&id).ok()) {
        Some(other) => app.open_plan(other),
        None => new_plan(),
    }
    app.notify(text, Some(UndoAction::DeletedPlan(Box::new(plan))));
}

/// Carries out a toast's undo.
pub fn run_undo(action: UndoAction) {
    let app = use_app();
    match action {
        UndoAction::Plan(plan) => app.restore(*plan),
        UndoAction::DeletedPlan(plan) => add_to_library(*plan),
    }
    app.toast.set(None);
}

pub fn export_plan() {
    let app = use_app();
    let (name, text) = app.plan.with_untracked(|p| {
        (
            p.name.clone(),
            crate::core::json_indent::indent(&crate::core::format::write_plan(p)),
        )
    });
    let filename = crate::storage::files::safe_file_name(&name, "json");
    if let Err(e) = crate::storage::files::download(&filename, "application/json", &text) {
        app.notify(e, None);
    }
}

/// Adds a plan read from a file to the library and opens it. A plan whose id is already taken
/// comes in as a copy with a new id: importing never overwrites.
pub fn import_plan_text(file_name: &str, text: &str) {
    let app = use_app();
    let t = app.t_now();
    match crate::core::format::read_plan(text) {
        Ok(mut plan) => {
            let taken = browser::has_key(&plan_key(&plan.id))
                || app
                    .metas
                    .with_untracked(|m| m.iter().any(|x| x.id == plan.id));
            if taken {
                plan.id = new_plan_id();
            }
            let name = plan.name.clone();
            add_to_library(plan);
            app.notify(fill(t.imported_plan, &[&name]), None);
        }
        Err(e) => app.notify(fill(t.import_failed, &[file_name, &t.read_error(&e)]), None),
    }
}

/// Reads the file picked in an `<input type=file>` and imports it.
pub fn import_from_input(input: web_sys::HtmlInputElement) {
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    input.set_value("");
    let app = use_app();
    leptos::task::spawn_local(async move {
        let name = file.name();
        match crate::storage::files::read_text(&file).await {
            Ok(text) => app_scope(app, || import_plan_text(&name, &text)),
            Err(reason) => app.notify(fill(app.t_now().import_failed, &[&name, &reason]), None),
        }
    });
}

/// Runs `f` where [`use_app`] finds the app (async tasks run outside the component tree).
fn app_scope(app: super::state::App, f: impl FnOnce()) {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(app);
        f()
    });
}

/// Deletes a scenario (after the manager confirmed); the toast offers to bring it back.
pub fn delete_scenario(id: &str) {
    let app = use_app();
    let t = app.t_now();
    let name = app
        .plan
        .with_untracked(|p| p.scenario(id).map(|s| s.name.clone()).unwrap_or_default());
    let before = app.plan.get_untracked();
    let mut result = Ok(());
    app.edit_if(|p| {
        result = p.delete_scenario(id);
        result.is_ok()
    });
    match result {
        Ok(()) => {
            app.scenario
                .set(app.plan.with_untracked(|p| p.adopted_scenario.clone()));
            app.notify(
                fill(t.scenario_deleted, &[&name]),
                Some(UndoAction::Plan(Box::new(before))),
            );
        }
        Err(_) => app.notify(t.last_scenario.to_string(), None),
    }
}

/// Removes an unreadable stored entry for good (after the manager confirmed).
pub fn delete_broken(key: &str) {
    browser::remove_key(key);
    use_app().broken.update(|b| b.retain(|x| x.key != key));
}

/// Offers an unreadable entry's raw text as a file.
pub fn download_broken(key: &str) {
    let app = use_app();
    if let Some(entry) = app
        .broken
        .with_untracked(|b| b.iter().find(|x| x.key == key).cloned())
    {
        let name = crate::storage::files::safe_file_name(&entry.id, "json");
        if let Err(e) = crate::storage::files::download(&name, "application/json", &entry.raw) {
            app.notify(e, None);
        }
    }
}
