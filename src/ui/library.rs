//! The library of plans in this browser: new, duplicate, switch, delete, import, export and
//! share. Every function takes the app state, so it also works from a window listener or an
//! async task (outside any component).

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::state::{App, Pending, ShareLink, Stale, UndoAction, now};
use crate::core::changelog::{describe, json_without_log, record};
use crate::core::model::{FORMAT_VERSION, Plan};
use crate::core::period::Period;
use crate::core::scenario::Scenario;
use crate::i18n::fill;
use crate::storage::browser::{self, SaveError};
use crate::storage::library::{Index, PlanMeta, unused_id};
use crate::storage::versions::Why;

/// A new plan id: time-based, never the key of any stored entry (readable or not).
fn new_plan_id(app: App) -> String {
    let base = format!("plan-{}", js_sys::Date::now() as u64);
    unused_id(&base, |id| {
        browser::has_plan(id) || app.metas.with_untracked(|m| m.iter().any(|x| x.id == id))
    })
}

/// Stores a new plan and the index that lists it, then opens it; both are written or neither
/// (a full storage leaves the library as it was, and says so). Whether it was added.
async fn add_to_library(app: App, plan: Plan) -> bool {
    super::save::write_unsaved(app).await;
    let meta = PlanMeta {
        id: plan.id.clone(),
        name: plan.name.clone(),
    };
    let mut order: Vec<String> = app
        .metas
        .with_untracked(|m| m.iter().map(|x| x.id.clone()).collect());
    order.push(plan.id.clone());
    let index = Index {
        order,
        current: Some(plan.id.clone()),
    };
    // Only the open plan is known to this window: the new one once it is written and opened.
    let open = app.plan_id.get_untracked();
    let base = (browser::known_rev(&open), browser::known_text(&open));
    if let Err(e) = browser::add_plan(&plan, index).await {
        // The plan on screen is the one stored: this window knows it as it was.
        match base {
            (rev, Some(text)) => browser::remember(&open, rev, text),
            _ => browser::forget(),
        }
        let t = app.t_now();
        let reason = match e {
            SaveError::Full => fill(t.plan_not_made, &[&plan.name]),
            SaveError::Unavailable => t.storage_unavailable.to_string(),
            SaveError::Other(m) => format!("{} ({m})", fill(t.plan_not_made, &[&plan.name])),
        };
        app.notify_error(reason);
        return false;
    }
    app.metas.update(|m| m.push(meta));
    app.open_plan(plan);
    true
}

/// An empty plan for this year named by the manager, with one scenario, opened on its
/// territory (where a plan starts).
pub fn new_plan(app: App, name: String, company: String) {
    spawn_local(browser::in_turn(new_plan_now(app, name, company)));
}

async fn new_plan_now(app: App, name: String, company: String) {
    let t = app.t_now();
    let (currency, year) = app.with_plan_untracked(|p| (p.currency.clone(), p.period.start.year));
    let mut plan = Plan {
        format_version: FORMAT_VERSION,
        id: new_plan_id(app),
        name,
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
        t.baseline_scenario.to_string(),
        plan.period.month_count(),
    ));
    plan.adopted_scenario = sid;
    add_to_library(app, plan).await;
    app.route.set(super::route::Route::Territory);
}

/// A copy of the open plan under a new name; the copy's change log goes on, from the rename.
pub fn duplicate_plan(app: App) {
    spawn_local(browser::in_turn(duplicate_now(app)));
}

async fn duplicate_now(app: App) {
    let t = app.t_now();
    let mut plan = app.with_plan_untracked(Plan::clone);
    let before = json_without_log(&mut plan);
    let name = format!("{}{}", plan.name, t.copy_suffix);
    let what = describe("", t.plan, &plan.name, &name);
    plan.id = new_plan_id(app);
    plan.name = name;
    let after = json_without_log(&mut plan);
    record(&mut plan.change_log, now(), what, &before, &after);
    add_to_library(app, plan).await;
}

/// Leaving a plan another window made unreadable: it is listed among the entries that cannot
/// be opened (its text stays as stored).
fn list_if_unreadable(app: App) {
    let entry = app.stale.with_untracked(|s| match s {
        Some(Stale::Unreadable(e)) => Some(e.clone()),
        _ => None,
    });
    if let Some(entry) = entry {
        app.metas.update(|m| m.retain(|x| x.id != entry.id));
        app.broken.update(|b| {
            if !b.iter().any(|x| x.key == entry.key) {
                b.push(entry);
            }
        });
    }
}

/// Opens a plan of the library by id.
pub fn switch_plan(app: App, id: &str) {
    let id = id.to_string();
    spawn_local(browser::in_turn(async move {
        if app.with_plan_untracked(|p| p.id == id) {
            return;
        }
        super::save::write_unsaved(app).await;
        list_if_unreadable(app);
        match browser::load_plan(&id).await {
            Ok(plan) => app.open_plan(plan),
            Err(_) => {
                // Gone or unreadable since the app opened: show it among the broken entries.
                app.broken.set(browser::broken_entries().await);
                app.metas.update(|m| m.retain(|x| x.id != id));
            }
        }
    }));
}

/// The reason a version could not be kept, on screen.
fn keep_failed(app: App, e: SaveError) {
    let t = app.t_now();
    let reason = match e {
        SaveError::Full => t.storage_full_short.to_string(),
        SaveError::Unavailable => t.storage_unavailable.to_string(),
        SaveError::Other(m) => m,
    };
    app.notify_error(fill(t.keep_failed, &[&reason]));
}

/// The open plan after the current one is gone: the next in the list, else a new plan.
async fn open_next(app: App, next: Option<String>, company: String) {
    let other = match next {
        Some(id) => browser::load_plan(&id).await.ok(),
        None => None,
    };
    match other {
        Some(other) => app.open_plan(other),
        None => new_plan_now(app, app.t_now().new_plan_name.to_string(), company).await,
    }
}

/// Deletes the open plan (after the manager confirmed) and opens the next one; the stored text
/// is kept among the versions first, and the message offers to bring it back.
pub fn delete_current_plan(app: App) {
    spawn_local(browser::in_turn(async move {
        super::save::write_unsaved(app).await;
        let plan = app.with_plan_untracked(Plan::clone);
        let position = app
            .metas
            .with_untracked(|m| m.iter().position(|x| x.id == plan.id));
        let rest: Vec<String> = app.metas.with_untracked(|m| {
            m.iter()
                .filter(|x| x.id != plan.id)
                .map(|x| x.id.clone())
                .collect()
        });
        let next = position.and_then(|i| rest.get(i.min(rest.len().saturating_sub(1))).cloned());
        let index = Index {
            order: rest,
            current: next.clone(),
        };
        // Kept among the versions, deleted, and left out of the index: all or nothing.
        if let Err(e) = browser::delete_plan(&plan.id, &now(), Some(index)).await {
            keep_failed(app, e);
            return;
        }
        // Gone: its last changes are never to be written back.
        app.mark_saved();
        app.metas.update(|m| m.retain(|x| x.id != plan.id));
        let text = fill(app.t_now().plan_deleted, &[&plan.name]);
        open_next(app, next, plan.company.clone()).await;
        app.notify(text, Some(UndoAction::DeletedPlan(Box::new(plan))));
    }));
}

/// Carries out a message's undo.
pub fn run_undo(app: App, action: UndoAction) {
    app.toast.set(None);
    match action {
        UndoAction::LastStep => app.undo(),
        UndoAction::DeletedPlan(plan) => {
            spawn_local(browser::in_turn(async move {
                add_to_library(app, *plan).await;
            }));
        }
        UndoAction::RestoreVersion(key) => restore_version(app, &key),
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
    let taken = browser::has_plan(&plan.id)
        || app
            .metas
            .with_untracked(|m| m.iter().any(|x| x.id == plan.id));
    if taken {
        app.confirm
            .set(Some(Pending::ImportConflict(Box::new(plan))));
    } else {
        let name = plan.name.clone();
        spawn_local(browser::in_turn(async move {
            if add_to_library(app, plan).await {
                app.notify(fill(app.t_now().imported_plan, &[&name]), None);
            }
        }));
    }
}

/// Imports a plan under a new id, beside the one it would have replaced.
pub fn import_as_copy(app: App, mut plan: Plan) {
    plan.id = new_plan_id(app);
    let name = plan.name.clone();
    spawn_local(browser::in_turn(async move {
        if add_to_library(app, plan).await {
            app.notify(fill(app.t_now().imported_plan, &[&name]), None);
        }
    }));
}

/// Replaces the plan with the same id (readable or not), keeping its stored text among the
/// versions first: nothing is overwritten unless it can be brought back.
pub fn replace_with(app: App, plan: Plan) {
    spawn_local(browser::in_turn(async move {
        let t = app.t_now();
        let (id, name) = (plan.id.clone(), plan.name.clone());
        super::save::write_unsaved(app).await;
        let text = crate::core::format::write_plan(&plan);
        // The stored text is kept as a version and the new one written: both or neither.
        let kept = match browser::replace_text(&id, text, Why::Replace, &now()).await {
            Ok(kept) => kept,
            Err(e) => {
                keep_failed(app, e);
                return;
            }
        };
        app.broken.update(|b| b.retain(|x| x.id != id));
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
            kept.map(|h| UndoAction::RestoreVersion(h.key)),
        );
    }));
}

/// Puts a kept version back as its plan's stored text, byte for byte, keeping what it replaces
/// as a version first. A readable version opens; one that cannot be read is listed as such.
pub fn restore_version(app: App, key: &str) {
    let key = key.to_string();
    spawn_local(browser::in_turn(async move {
        let Some(head) = browser::version_head(&key).await else {
            return;
        };
        let Some(text) = browser::version_text(&key).await else {
            return;
        };
        super::save::write_unsaved(app).await;
        if let Err(e) = browser::replace_text(&head.plan, text.clone(), Why::Restore, &now()).await
        {
            keep_failed(app, e);
            return;
        }
        let t = app.t_now();
        let message = fill(
            t.version_restored,
            &[&head.name, &head.at.replace('T', " ")],
        );
        match crate::core::format::read_plan(&text) {
            Ok(mut plan) => {
                plan.id.clone_from(&head.plan);
                app.broken.update(|b| b.retain(|x| x.id != head.plan));
                let name = plan.name.clone();
                app.metas
                    .update(|m| match m.iter_mut().find(|x| x.id == head.plan) {
                        Some(x) => x.name = name,
                        None => m.push(PlanMeta {
                            id: head.plan.clone(),
                            name,
                        }),
                    });
                app.open_plan(plan);
            }
            Err(_) => {
                // Not readable: listed among the entries that cannot be opened, never edited.
                app.broken.set(browser::broken_entries().await);
                if app.with_plan_untracked(|p| p.id == head.plan) {
                    let_go_now(app).await;
                }
            }
        }
        app.versions_open.set(false);
        app.notify(message, None);
    }));
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
                Err(CompressError::TooLarge) => Err(t.share_error(&ShareError::TooLarge {
                    limit: crate::core::format::MAX_PLAN_BYTES,
                })),
                Err(CompressError::Failed) => Err(t.share_error(&ShareError::BadCompression)),
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

/// Removes an unreadable stored entry (after the manager confirmed); its text stays among the
/// versions.
pub fn delete_broken(app: App, key: &str) {
    let key = key.to_string();
    spawn_local(browser::in_turn(async move {
        let Some(id) = crate::storage::library::plan_id_of(&key).map(str::to_string) else {
            return;
        };
        if let Err(e) = browser::delete_plan(&id, &now(), None).await {
            keep_failed(app, e);
            return;
        }
        app.broken.update(|b| b.retain(|x| x.key != key));
        if app.with_plan_untracked(|p| p.id == id) {
            let_go_now(app).await;
        }
    }));
}

/// Keeps this window's copy of the open plan (deleted or made unreadable elsewhere) as a new
/// plan under a new id.
pub fn keep_copy_as_new(app: App) {
    spawn_local(browser::in_turn(async move {
        let old = app.plan_id.get_untracked();
        let mut plan = app.with_plan_untracked(Plan::clone);
        plan.id = new_plan_id(app);
        app.mark_saved();
        list_if_unreadable(app);
        app.metas.update(|m| m.retain(|x| x.id != old));
        add_to_library(app, plan).await;
    }));
}

/// Leaves the open plan (deleted or unreadable in storage) without writing it, and opens the
/// next one.
pub fn let_go(app: App) {
    spawn_local(browser::in_turn(let_go_now(app)));
}

async fn let_go_now(app: App) {
    let old = app.plan_id.get_untracked();
    app.mark_saved();
    app.metas.update(|m| m.retain(|x| x.id != old));
    let next = app
        .metas
        .with_untracked(|m| m.first().map(|x| x.id.clone()));
    let company = app.with_plan_untracked(|p| p.company.clone());
    open_next(app, next, company).await;
}

/// Downloads a kept version's text exactly as kept.
pub fn download_version(app: App, key: &str) {
    let key = key.to_string();
    spawn_local(async move {
        let Some(head) = browser::version_head(&key).await else {
            return;
        };
        if let Some(text) = browser::version_text(&key).await {
            let stem = format!("{}-{}", head.name, head.at.get(..10).unwrap_or_default());
            let name = crate::storage::files::safe_file_name(&stem, "json");
            if let Err(e) = crate::storage::files::download(&name, "application/json", &text) {
                app.notify_error(e);
            }
        }
    });
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
