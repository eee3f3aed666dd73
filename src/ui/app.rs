//! The page: header, banners, tabs, the route on screen, messages and dialogs.

use leptos::prelude::*;

use super::banners::Banners;
use super::confirm_dialog::ConfirmDialog;
use super::header::Header;
use super::nav::Nav;
use super::new_plan_dialog::NewPlanDialog;
use super::pages::RouteView;
use super::presentation::Presentation;
use super::share_dialog::ShareDialog;
use super::state::App as AppState;
use super::toast::ToastView;
use super::versions_panel::VersionsPanel;
use crate::core::lang::Lang;
use crate::core::sample::sample_plan;
use crate::storage::browser;
use crate::storage::library::{PlanMeta, plan_key, unused_id};

/// The language to start in: the one chosen before, else the browser's.
fn start_language() -> Lang {
    browser::saved_lang().unwrap_or_else(|| {
        let tag = window().navigator().language().unwrap_or_default();
        Lang::from_tag(&tag)
    })
}

/// Opens the library (or the sample plan on a first visit) and builds the app state.
fn open_state() -> AppState {
    let lang = start_language();
    let mut opened = browser::open_library();
    let current = match opened.current {
        Some(i) => {
            let plan = opened.plans.swap_remove(i);
            browser::remember_stored(&plan.id);
            plan
        }
        None => {
            // First visit, or nothing readable: start on the sample, never on a broken entry's
            // key. It is stored at once, so other windows and reloads find it.
            let mut plan = sample_plan(lang);
            plan.id = unused_id(&plan.id, |id| browser::has_key(&plan_key(id)));
            let _ = browser::save_plan(&plan);
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
    super::save::start(app);
    super::merge_page::MergeDraft::provide(app);
    if let Some(fragment) = super::route::start(app)
        && fragment.starts_with(crate::core::share_link::FRAGMENT_PREFIX)
    {
        super::library::open_shared(app, fragment);
    }
    super::keys::start(app);
    // Plans are kept only in this browser: ask it not to clear them when the disk is short.
    leptos::task::spawn_local(async move {
        let kept = browser::ask_persistence().await;
        app.persisted.set(Some(kept));
        let _ = js_sys::Reflect::set(&window(), &"__rp_persist_asked".into(), &true.into());
    });
    Effect::new(move |_| {
        let lang = app.lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.tag());
        }
    });

    // Tell tests and timing probes that the plan is on screen.
    request_animation_frame(|| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-ready", "1");
        }
        let now = window().performance().map(|p| p.now()).unwrap_or_default();
        let _ = js_sys::Reflect::set(&window(), &"__rp_ready_ms".into(), &now.into());
    });

    // The page scrolls inside `main`; another route opens at its top.
    let main = NodeRef::<leptos::html::Main>::new();
    Effect::new(move |_| {
        app.route.track();
        if let Some(main) = main.get_untracked() {
            main.set_scroll_top(0);
        }
    });

    view! {
        <div class="app">
            // The header and the tabs stay on screen together: a route is always one click
            // away, and a message in the header strip never covers the page.
            <div class="frame">
                <Header />
                <Nav />
            </div>
            <Banners />
            <main class="main" node_ref=main>
                <RouteView />
            </main>
            <ToastView />
            <ConfirmDialog />
            <NewPlanDialog />
            <ShareDialog />
            <VersionsPanel />
            <Presentation />
        </div>
    }
}
