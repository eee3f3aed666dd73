//! The page: header with plans and language, banners, the current view, and the save effect.

use std::fmt::Write;

use leptos::prelude::*;
use web_sys::wasm_bindgen::JsCast;

use super::banners::Banners;
use super::breakdown_page::BreakdownPage;
use super::compare_page::ComparePage;
use super::dialog::{ConfirmDialog, ShareDialog};
use super::html_view::html_view;
use super::log_page::log_page;
use super::plan_bar::PlanBar;
use super::presentation::{self, Presentation};
use super::print_page::PrintPage;
use super::state::{App as AppState, View, provide_app, use_app};
use super::territory_page::TerritoryPage;
use super::tiers_page::TiersPage;
use super::toast::ToastView;
use crate::core::sample::sample_plan;
use crate::storage::browser;
use crate::storage::library::{Index, PlanMeta, plan_key, unused_id};

/// Opens the library (or the sample plan on a first visit) and builds the app state.
fn open_state() -> AppState {
    let lang = super::start_language();
    let mut opened = browser::open_library();
    let current = match opened.current {
        Some(i) => opened.plans.swap_remove(i),
        None => {
            // First visit, or nothing readable: start on the sample, never on a broken entry's key.
            let mut plan = sample_plan(lang);
            plan.id = unused_id(&plan.id, |id| browser::has_key(&plan_key(id)));
            plan
        }
    };
    let mut metas: Vec<PlanMeta> = opened
        .plans
        .iter()
        .map(|p| PlanMeta {
            id: p.id.clone(),
            name: p.name.clone(),
        })
        .collect();
    let position = opened.current.unwrap_or(metas.len()).min(metas.len());
    metas.insert(
        position,
        PlanMeta {
            id: current.id.clone(),
            name: current.name.clone(),
        },
    );
    AppState::new(lang, current, metas, opened.broken)
}

#[component]
pub fn App() -> impl IntoView {
    let app = open_state();
    provide_app(app);

    // Every change to the plan is written to local storage; a failure is shown, never thrown.
    super::effect(move || {
        let result = app.plan.with(browser::save_plan);
        app.save_error.set(result.err());
    });
    super::effect(move || {
        let index = Index {
            order: app.metas.with(|m| m.iter().map(|x| x.id.clone()).collect()),
            current: Some(app.plan.with(|p| p.id.clone())),
        };
        let _ = browser::save_index(&index);
    });
    super::effect(move || {
        let lang = app.lang.get();
        document()
            .document_element()
            .map(|e| e.set_attribute("lang", lang.tag()));
    });

    // The view follows the address (`#/breakdown`), and the address the view. An address with a
    // shared plan (`#plan=…`) offers it for import.
    let hash = window().location().hash().unwrap_or_default();
    if let Some(view) = View::from_hash(&hash) {
        app.view.set(view);
    } else if hash.starts_with(crate::core::share_link::FRAGMENT_PREFIX) {
        super::actions::open_shared(hash);
    }
    super::effect(move || {
        let slug = format!("#/{}", app.view.get().slug());
        if window().location().hash().ok().as_deref() != Some(slug.as_str()) {
            let _ = window().location().set_hash(&slug);
        }
    });
    super::listen("hashchange", move |_| {
        if let Some(view) = window()
            .location()
            .hash()
            .ok()
            .and_then(|h| View::from_hash(&h))
        {
            app.view.set(view);
        }
    });
    // The execution pages may change the same plan in another tab: show their version (the
    // undo history would restore states without it, so it starts afresh).
    super::on_saved_elsewhere(
        move || app.plan.with_untracked(|p| p.id.clone()),
        move |plan| {
            app.take_external(plan);
            app.notify(app.t_now().plan_reloaded.to_string(), None);
        },
    );

    // A plan file dropped anywhere on the page is imported.
    super::listen("dragover", |ev| ev.prevent_default());
    super::listen("drop", move |ev| {
        ev.prevent_default();
        let Some(file) = ev
            .dyn_ref::<web_sys::DragEvent>()
            .and_then(|d| d.data_transfer())
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        super::actions::import_file(app, file);
    });

    super::listen("keydown", move |ev| {
        let Some(ev) = ev.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        let in_field = super::in_field(ev);
        if presentation::on_key(app, &ev.key()) {
            ev.prevent_default();
            return;
        }
        if in_field {
            return;
        }
        // P toggles presentation mode (a projector remote's "present" key sends F5).
        if !ev.ctrl_key()
            && !ev.meta_key()
            && !ev.alt_key()
            && (ev.key() == "p" || ev.key() == "P" || ev.key() == "F5")
        {
            presentation::toggle(app);
            ev.prevent_default();
            return;
        }
        match super::history_key(ev) {
            Some(true) => app.redo(),
            Some(false) => app.undo(),
            None => return,
        }
        ev.prevent_default();
    });

    // Tell tests and timing probes that the plan is on screen.
    request_animation_frame(|| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-ready", "1");
        }
        let now = window().performance().map(|p| p.now()).unwrap_or_default();
        let _ = js_sys::Reflect::set(&window(), &"__rp_ready_ms".into(), &now.into());
    });

    // Labels are plain text in the current language; a language switch redraws the page.
    move || {
        app.lang.track();
        view! {
            <div class="app">
                <PlanBar />
                <Banners />
                <Nav />
                <main class="main">
                    {move || match app.view.get() {
                        View::Territory => view! { <TerritoryPage /> }.into_any(),
                        View::Tiers => view! { <TiersPage /> }.into_any(),
                        View::Breakdown => view! { <BreakdownPage /> }.into_any(),
                        View::Compare => view! { <ComparePage /> }.into_any(),
                        View::Print => view! { <PrintPage /> }.into_any(),
                        View::Log => log_page(),
                    }}
                </main>
                <ToastView />
                <ConfirmDialog />
                <ShareDialog />
                <Presentation />
            </div>
        }
    }
}

#[component]
fn Nav() -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let render = move || {
        let current = app.view.get();
        let mut out = String::from("<nav class=\"tabs\" role=\"tablist\">");
        for view in View::ALL {
            let label = match view {
                View::Territory => t.view_territory,
                View::Tiers => t.view_tiers,
                View::Breakdown => t.view_breakdown,
                View::Compare => t.view_compare,
                View::Print => t.view_print,
                View::Log => t.view_log,
            };
            let _ = write!(
                out,
                "<button role=\"tab\" class=\"tab\" id=\"tab-{0}\" data-action=\"{0}\" aria-selected=\"{1}\">{label}</button>",
                view.slug(),
                view == current
            );
        }
        let _ = write!(
            out,
            "<a class=\"tab tab-link\" id=\"tab-execution\" href=\"{}\">{}</a>",
            execution_href(),
            t.view_execution
        );
        let _ = write!(
            out,
            "<button class=\"btn present-button\" id=\"present\" title=\"P\" data-action=\"present\">▶ {}</button></nav>",
            t.present
        );
        out
    };
    html_view("nav-host", "nav", render, move |action, _, _| {
        match (View::from_hash(action), action) {
            (Some(view), _) => app.view.set(view),
            (None, "present") => presentation::toggle(app),
            _ => {}
        }
    })
}

/// The execution pages: `execution.html` beside the app, or, for the one-file page opened from
/// disk (`planner bundle`), the file `<this file>-execution.html` beside it.
pub(super) fn execution_href() -> String {
    let location = window().location();
    if location.protocol().ok().as_deref() != Some("file:") {
        return "execution.html".into();
    }
    let path = location.pathname().unwrap_or_default();
    let file = path.rsplit('/').next().unwrap_or_default();
    format!(
        "{}-execution.html",
        file.strip_suffix(".html").unwrap_or(file)
    )
}
