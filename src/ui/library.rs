//! The library of plans in this browser: new, duplicate, switch, delete, import, export and
//! share. Every function takes the app state, so it also works from a window listener or an
//! async task (outside any component).

use leptos::prelude::*;

use super::state::{App, Pending, ShareLink, UndoAction, now};
use crate::core::changelog::{describe, json_without_log, record};
use crate::core::model::{FORMAT_VERSION, Plan};
use crate::core::period::Period;
use crate::core::scenario::Scenario;
use crate::i18n::fill;
use crate::storage::browser;
use crate::storage::library::{PlanMeta, plan_key, unused_id};

/// A new plan id: time-based, never the key of any stored entry (readable or not).
fn new_plan_id(app: App) -> String {
    let base = format!("plan-{}", js_sys::Date::now() as u64);
    unused_id(&base, |id| {
        browser::has_key(&plan_key(id))
            || app.metas.with_untracked(|m| m.iter().any(|x| x.id == id))
    })
}

fn add_to_library(app: App, plan: Plan) {
    super::save::write_unsaved(app);
    app.metas.update(|m| {
        m.push(PlanMeta {
            id: plan.id.clone(),
            name: plan.name.clone(),
        })
    });
    app.open_plan(plan);
}

/// An empty plan for this year, with one scenario, and opens it.
pub fn new_plan(app: App) {
    let t = app.t_now();
    let (company, currency, year, scenario) = app.with_plan_untracked(|p| {
        (
            p.company.clone(),
            p.currency.clone(),
            p.period.start.year,
            p.adopted().map(|s| s.name.clone()),
        )
    });
    let mut plan = Plan {
        format_version: FORMAT_VERSION,
        id: new_plan_id(app),
        name: t.new_plan_name.to_string(),
        company,
        currency,
        period: Period::fiscal_year(year),
        regions: Vec::new(),
        scenarios: Vec::new(),
        adopted_scenario: String::new(),
        id_seq: 0,
        notes: Default::default(),
        execution: Default::default(),
        recipient_part: None,
        change_log: Vec::new(),
    };
    let sid = plan.fresh_id("s");
    plan.scenarios.push(Scenario::with_defaults(
        sid.clone(),
        scenario.unwrap_or_else(|| "Baseline".into()),
        plan.period.month_count(),
    ));
    plan.adopted_scenario = sid;
    add_to_library(app, plan);
}

/// A copy of the open plan under a new name; the copy's change log goes on, from the rename.
pub fn duplicate_plan(app: App) {
    let t = app.t_now();
    let mut plan = app.with_plan_untracked(Plan::clone);
    let before = json_without_log(&mut plan);
    let name = format!("{}{}", plan.name, t.copy_suffix);
    let what = describe("", t.plan, &plan.name, &name);
    plan.id = new_plan_id(app);
    plan.name = name;
    let after = json_without_log(&mut plan);
    record(&mut plan.change_log, now(), what, &before, &after);
    add_to_library(app, plan);
}

/// Opens a plan of the library by id.
pub fn switch_plan(app: App, id: &str) {
    if app.with_plan_untracked(|p| p.id == id) {
        return;
    }
    super::save::write_unsaved(app);
    match browser::load_plan(id) {
        Ok(plan) => app.open_plan(plan),
        Err(_) => {
            // Gone or unreadable since the app opened: show it among the broken entries.
            app.broken.set(browser::open_library().broken);
            app.metas.update(|m| m.retain(|x| x.id != id));
        }
    }
}

/// Deletes the open plan (after the manager confirmed) and opens the next one; the message
/// offers to bring it back.
pub fn delete_current_plan(app: App) {
    let plan = app.with_plan_untracked(Plan::clone);
    // Gone: its last changes are never to be written back.
    app.mark_saved();
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
        None => new_plan(app),
    }
    app.notify(text, Some(UndoAction::DeletedPlan(Box::new(plan))));
}

/// Carries out a message's undo.
pub fn run_undo(app: App, action: UndoAction) {
    app.toast.set(None);
    match action {
        UndoAction::LastStep => app.undo(),
        UndoAction::DeletedPlan(plan) => add_to_library(app, *plan),
        UndoAction::RestoreBackup(id) => restore_backup(app, &id),
    }
}

/// Downloads the open plan as a JSON file.
pub fn export_plan(app: App) {
    // The newest change's restore patch goes in the file too: a copy sent out and merged back
    // is placed by its change log.
    app.settle();
    if let Err(e) = app.with_plan_untracked(crate::storage::files::download_plan) {
        app.notify_error(e);
    }
}

/// Reads a plan file's text and offers to import it; a file that cannot be read is named with
/// the reason.
pub fn import_plan_text(app: App, file_name: &str, text: &str) {
    let t = app.t_now();
    match crate::core::format::read_plan(text) {
        Ok(plan) => offer_import(app, plan),
        Err(e) => app.notify_error(fill(t.import_failed, &[file_name, &t.read_error(&e)])),
    }
}

/// Adds a plan read from a file or a link. One whose id is already here waits for the
/// manager's choice: a copy, or a replacement that keeps the old version as a backup.
pub fn offer_import(app: App, plan: Plan) {
    let taken = browser::has_key(&plan_key(&plan.id))
        || app
            .metas
            .with_untracked(|m| m.iter().any(|x| x.id == plan.id));
    if taken {
        app.confirm
            .set(Some(Pending::ImportConflict(Box::new(plan))));
    } else {
        let name = plan.name.clone();
        add_to_library(app, plan);
        app.notify(fill(app.t_now().imported_plan, &[&name]), None);
    }
}

/// Imports a plan under a new id, beside the one it would have replaced.
pub fn import_as_copy(app: App, mut plan: Plan) {
    plan.id = new_plan_id(app);
    let name = plan.name.clone();
    add_to_library(app, plan);
    app.notify(fill(app.t_now().imported_plan, &[&name]), None);
}

/// Replaces the plan with the same id, keeping its previous version as a backup first.
pub fn replace_with(app: App, plan: Plan) {
    let t = app.t_now();
    let previous = if app.with_plan_untracked(|p| p.id == plan.id) {
        Some(app.with_plan_untracked(Plan::clone))
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
    super::save::write_unsaved(app);
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
pub fn restore_backup(app: App, id: &str) {
    if let Some(previous) = browser::load_backup(id) {
        super::save::write_unsaved(app);
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
pub fn download_csv(app: App, name: &str, csv: &str) {
    let file = crate::storage::files::safe_file_name(name, "csv");
    if let Err(e) = crate::storage::files::download(
        &file,
        "text/csv;charset=utf-8",
        &crate::core::csv_export::with_bom(csv),
    ) {
        app.notify_error(e);
    }
}

/// Packs the open plan into a link (compressed by the browser) and shows it.
pub fn share_plan(app: App) {
    use crate::core::share_link::fragment_from_deflate;
    let json = app.with_plan_untracked(crate::core::format::write_plan);
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
pub fn open_shared(app: App, fragment: String) {
    use crate::core::share_link::{ShareError, deflate_from_fragment, plan_from_json};
    use crate::storage::compress::{CompressError, inflate};
    leptos::task::spawn_local(async move {
        let t = app.t_now();
        let plan = match deflate_from_fragment(&fragment) {
            Ok(packed) => match inflate(&packed).await {
                Ok(json) => plan_from_json(&json).map_err(|e| t.share_error(&e)),
                Err(CompressError::Unsupported) => Err(fill(t.share_bad, &[t.share_unsupported])),
                Err(_) => Err(t.share_error(&ShareError::BadCompression)),
            },
            Err(e) => Err(t.share_error(&e)),
        };
        match plan {
            Ok(plan) => app.confirm.set(Some(Pending::SharedPlan(Box::new(plan)))),
            Err(message) => app.notify_error(message),
        }
    });
}

/// Reads a picked or dropped plan file and imports it.
pub fn import_file(app: App, file: web_sys::File) {
    leptos::task::spawn_local(async move {
        let name = file.name();
        match crate::storage::files::read_text(&file).await {
            Ok(text) => import_plan_text(app, &name, &text),
            Err(reason) => {
                app.notify_error(fill(app.t_now().import_failed, &[&name, &reason]));
            }
        }
    });
}

/// Removes an unreadable stored entry for good (after the manager confirmed).
pub fn delete_broken(app: App, key: &str) {
    browser::remove_key(key);
    app.broken.update(|b| b.retain(|x| x.key != key));
}

/// Offers an unreadable entry's raw text as a file.
pub fn download_broken(app: App, key: &str) {
    if let Some(entry) = app
        .broken
        .with_untracked(|b| b.iter().find(|x| x.key == key).cloned())
    {
        let name = crate::storage::files::safe_file_name(&entry.id, "json");
        if let Err(e) = crate::storage::files::download(&name, "application/json", &entry.raw) {
            app.notify_error(e);
        }
    }
}
