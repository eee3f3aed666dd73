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
    let name = match pos {
        None => t.new_region_name,
        Some(NodePos::Region(_)) => t.new_subdistrict_name,
        Some(_) => t.new_salesperson_name,
    };
    let mut new_id = None;
    app.edit(fill(t.log_added, &[name]), |plan| {
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
    let text = fill(app.t_now().node_deleted, &[&name]);
    app.edit(text.clone(), |plan| {
        let _ = plan.delete_node(id);
    });
    if app.selected.with_untracked(|s| s.as_deref() == Some(id)) {
        app.selected.set(None);
    }
    app.notify(text, Some(UndoAction::Plan(Box::new(before))));
}

pub fn move_among_siblings(id: &str, delta: isize) {
    let app = use_app();
    let name = app
        .plan
        .with_untracked(|p| p.node_name(id).unwrap_or_default().to_string());
    app.edit_if(fill(app.t_now().log_moved, &[&name]), |plan| {
        plan.move_among_siblings(id, delta).unwrap_or(false)
    });
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
        change_log: Vec::new(),
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

/// A copy of the open plan under a new name; the copy's change log goes on, from the rename.
pub fn duplicate_plan() {
    use crate::core::changelog::{describe, json_without_log, record};
    let app = use_app();
    let t = app.t_now();
    let mut plan = app.plan.get_untracked();
    let before = json_without_log(&mut plan);
    let name = format!("{}{}", plan.name, t.copy_suffix);
    let what = describe("", t.plan, &plan.name, &name);
    plan.id = new_plan_id();
    plan.name = name;
    let after = json_without_log(&mut plan);
    record(
        &mut plan.change_log,
        super::state::now(),
        what,
        &before,
        &after,
    );
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

/// Carries out the undo of the toast saying `text`.
pub fn run_undo(action: UndoAction, text: &str) {
    // The toast goes first: an undo may say something of its own.
    let app = use_app();
    app.toast.set(None);
    match action {
        UndoAction::Plan(plan) => app.restore(fill(app.t_now().log_undone, &[text]), *plan),
        UndoAction::DeletedPlan(plan) => add_to_library(*plan),
        UndoAction::RestoreBackup(id) => restore_backup(&id),
    }
}

pub fn export_plan() {
    let app = use_app();
    if let Err(e) = app
        .plan
        .with_untracked(crate::storage::files::download_plan)
    {
        app.notify(e, None);
    }
}

/// Adds a plan read from a file to the library and opens it. A plan whose id is already taken
/// comes in as a copy with a new id: importing never overwrites.
pub fn import_plan_text(file_name: &str, text: &str) {
    let app = use_app();
    let t = app.t_now();
    match crate::core::format::read_plan(text) {
        Ok(plan) => offer_import(plan),
        Err(e) => app.notify(fill(t.import_failed, &[file_name, &t.read_error(&e)]), None),
    }
}

/// Adds a plan read from a file or a link. One whose id is already here waits for the
/// manager's choice: a copy, or a replacement that keeps the old version as a backup.
pub fn offer_import(plan: Plan) {
    let app = use_app();
    let taken = browser::has_key(&plan_key(&plan.id))
        || app
            .metas
            .with_untracked(|m| m.iter().any(|x| x.id == plan.id));
    if taken {
        app.confirm
            .set(Some(super::state::Pending::ImportConflict(Box::new(plan))));
    } else {
        let name = plan.name.clone();
        add_to_library(plan);
        app.notify(fill(app.t_now().imported_plan, &[&name]), None);
    }
}

/// Imports a plan under a new id, beside the one it would have replaced.
pub fn import_as_copy(mut plan: Plan) {
    let app = use_app();
    plan.id = new_plan_id();
    let name = plan.name.clone();
    add_to_library(plan);
    app.notify(fill(app.t_now().imported_plan, &[&name]), None);
}

/// Replaces the plan with the same id, keeping its previous version as a backup first.
pub fn replace_with(plan: Plan) {
    let app = use_app();
    let t = app.t_now();
    let previous = if app.plan.with_untracked(|p| p.id == plan.id) {
        Some(app.plan.get_untracked())
    } else {
        browser::load_plan(&plan.id).ok()
    };
    if let Some(previous) = &previous
        && let Err(e) = browser::save_backup(previous)
    {
        // No backup, no replacement: nothing is overwritten unless it can be brought back.
        app.save_error.set(Some(e));
        return;
    }
    let (id, name) = (plan.id.clone(), plan.name.clone());
    app.metas
        .update(|m| match m.iter_mut().find(|x| x.id == id) {
            Some(x) => x.name = name.clone(),
            None => m.push(PlanMeta {
                id: id.clone(),
                name: name.clone(),
            }),
        });
    app.open_plan(plan);
    app.notify(
        fill(t.replaced_plan, &[&name]),
        Some(UndoAction::RestoreBackup(id)),
    );
}

/// Puts back the version of a plan that an import replaced.
pub fn restore_backup(id: &str) {
    let app = use_app();
    if let Some(previous) = browser::load_backup(id) {
        let name = previous.name.clone();
        app.metas.update(|m| {
            if let Some(x) = m.iter_mut().find(|x| x.id == id) {
                x.name = name.clone();
            }
        });
        app.open_plan(previous);
        app.notify(fill(app.t_now().backup_restored, &[&name]), None);
    }
}

/// Downloads a CSV file (with a byte-order mark, so Excel reads the Chinese correctly).
fn download_csv(name: &str, csv: &str) {
    let file = crate::storage::files::safe_file_name(name, "csv");
    if let Err(e) = crate::storage::files::download(
        &file,
        "text/csv;charset=utf-8",
        &crate::core::csv_export::with_bom(csv),
    ) {
        use_app().notify(e, None);
    }
}

/// The territory as CSV: one row per salesperson with their region and sub-district.
pub fn export_territory_csv() {
    let app = use_app();
    let (name, csv) = app
        .plan
        .with_untracked(|p| (p.name.clone(), crate::core::csv_export::territory_csv(p)));
    download_csv(&format!("{name} - {}", app.t_now().territory), &csv);
}

/// The breakdown of the scenario on screen as CSV (every node, year and months).
pub fn export_breakdown_csv(bd: &crate::core::breakdown::Breakdown) {
    let app = use_app();
    let (name, csv) = app.plan.with_untracked(|p| {
        (
            p.name.clone(),
            crate::core::csv_export::breakdown_csv_of(p, bd),
        )
    });
    download_csv(&format!("{name} - {}", app.t_now().view_breakdown), &csv);
}

/// Packs the open plan into a link (compressed by the browser) and shows it.
pub fn share_plan() {
    use super::state::ShareLink;
    use crate::core::share_link::fragment_from_deflate;
    let app = use_app();
    let json = app.plan.with_untracked(crate::core::format::write_plan);
    leptos::task::spawn_local(async move {
        let link = match crate::storage::compress::deflate(json.as_bytes()).await {
            Ok(packed) => match fragment_from_deflate(&packed) {
                Ok(fragment) => {
                    let location = window().location();
                    let base = format!(
                        "{}{}",
                        location.origin().unwrap_or_default(),
                        location.pathname().unwrap_or_default()
                    );
                    ShareLink::Link(format!("{base}{fragment}"))
                }
                Err(e) => ShareLink::TooLarge(e.chars, e.limit),
            },
            Err(_) => ShareLink::Unsupported,
        };
        app.share.set(Some(link));
    });
}

/// Reads the plan a share link carries and offers to import it; a damaged link is named.
pub fn open_shared(fragment: String) {
    use crate::core::share_link::{deflate_from_fragment, plan_from_json};
    let app = use_app();
    leptos::task::spawn_local(async move {
        let t = app.t_now();
        let plan = match deflate_from_fragment(&fragment) {
            Ok(packed) => match crate::storage::compress::inflate(&packed).await {
                Ok(json) => plan_from_json(&json).map_err(|e| t.share_error(&e)),
                Err(crate::storage::compress::CompressError::Unsupported) => {
                    Err(fill(t.share_bad, &[t.share_unsupported]))
                }
                Err(_) => Err(t.share_error(&crate::core::share_link::ShareError::BadCompression)),
            },
            Err(e) => Err(t.share_error(&e)),
        };
        match plan {
            Ok(plan) => app
                .confirm
                .set(Some(super::state::Pending::SharedPlan(Box::new(plan)))),
            Err(message) => app.notify(message, None),
        }
    });
}

/// Reads the file picked in an `<input type=file>` and imports it.
pub fn import_from_input(input: web_sys::HtmlInputElement) {
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    input.set_value("");
    import_file(use_app(), file);
}

/// Reads a picked or dropped file and imports it. (Takes the app: a window listener, such as
/// the page's drop handler, has no component context.)
pub fn import_file(app: super::state::App, file: web_sys::File) {
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
    let text = fill(t.scenario_deleted, &[&name]);
    app.edit_if(text.clone(), |p| {
        result = p.delete_scenario(id);
        result.is_ok()
    });
    match result {
        Ok(()) => {
            app.scenario
                .set(app.plan.with_untracked(|p| p.adopted_scenario.clone()));
            app.notify(text, Some(UndoAction::Plan(Box::new(before))));
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

/// Brings back the plan as it was when its change log had `keep` entries, as a new change;
/// the toast offers to undo it, like a deletion.
pub fn restore_state(keep: usize, when: &str) {
    use crate::core::changelog::{json_without_log, state_at};
    let app = use_app();
    let t = app.t_now();
    let mut before = app.plan.get_untracked();
    let current = json_without_log(&mut before);
    let restored = state_at(&before.change_log, keep, &current)
        .and_then(|json| crate::core::format::read_plan(&json).ok());
    match restored {
        Some(mut plan) => {
            plan.id.clone_from(&before.id);
            let text = fill(t.log_restored, &[when]);
            app.restore(text.clone(), plan);
            app.notify(text, Some(UndoAction::Plan(Box::new(before))));
        }
        None => app.notify(t.log_cannot_restore.to_string(), None),
    }
}
