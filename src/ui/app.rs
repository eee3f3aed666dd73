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
use crate::core::model::Plan;
use crate::core::sample::sample_plan;
use crate::storage::browser::{self, SaveError};
use crate::storage::library::{BrokenEntry, Index, PlanMeta, unused_id};

/// The language to start in: the one chosen before, else the browser's.
fn start_language() -> Lang {
    browser::saved_lang().unwrap_or_else(|| {
        let tag = window().navigator().language().unwrap_or_default();
        Lang::from_tag(&tag)
    })
}

/// What the app starts on: the open plan, the library's plans and broken entries.
struct Start {
    current: Plan,
    metas: Vec<PlanMeta>,
    broken: Vec<BrokenEntry>,
    /// The sample and the index listing it, to store once the page is on screen (first visit).
    to_store: Option<Index>,
}

/// Reads the library (or starts on the sample plan on a first visit, to be stored at once so
/// other windows and reloads find it).
async fn open_library(lang: Lang) -> Result<Start, SaveError> {
    let library = browser::open_library(&super::state::now()).await?;
    let mut metas = library.metas;
    let mut to_store = None;
    let current = match library.current {
        Some(plan) => plan,
        None => {
            // First visit, or nothing readable: start on the sample, never on a broken entry's
            // key.
            let mut plan = sample_plan(lang);
            plan.id = unused_id(&plan.id, browser::has_plan);
            metas.push(PlanMeta {
                id: plan.id.clone(),
                name: plan.name.clone(),
            });
            let index = Index {
                order: metas.iter().map(|m| m.id.clone()).collect(),
                current: Some(plan.id.clone()),
            };
            to_store = Some(index);
            plan
        }
    };
    Ok(Start {
        current,
        metas,
        broken: library.broken,
        to_store,
    })
}

/// The page. The library is read from the browser's database first: until it is, only a
/// line saying so shows, never a plan that might not be the manager's.
#[component]
pub fn App() -> impl IntoView {
    let lang = start_language();
    let start = RwSignal::new_local(None::<Result<Start, SaveError>>);
    leptos::task::spawn_local(browser::in_turn(async move {
        let mut opened = open_library(lang).await;
        // The sample of a first visit is stored while the page is drawn; no other write of
        // this window comes before it (they wait their turn).
        let sample = match &mut opened {
            Ok(s) => s.to_store.take().map(|index| (s.current.clone(), index)),
            Err(_) => None,
        };
        start.set(Some(opened));
        if let Some((plan, index)) = sample {
            let _ = browser::add_plan(&plan, index).await;
        }
    }));
    move || {
        start.track();
        let t = crate::i18n::catalogue(lang);
        match start.write_untracked().take() {
            None => view! { <p class="opening" id="opening">{t.opening_library}</p> }.into_any(),
            Some(Err(e)) => {
                let reason = match e {
                    SaveError::Full => t.storage_full_short.to_string(),
                    SaveError::Unavailable => t.storage_unavailable.to_string(),
                    SaveError::Other(m) => m,
                };
                view! {
                    <p class="opening banner error" id="library-failed">
                        {t.library_unavailable} " " {reason}
                    </p>
                }
                .into_any()
            }
            Some(Ok(start)) => view! { <Main start=start lang=lang /> }.into_any(),
        }
    }
}

/// The app on the opened library.
#[component]
fn Main(start: Start, lang: Lang) -> impl IntoView {
    let app = AppState::new(lang, start.current, start.metas, start.broken);
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

    // Tell tests and timing probes that the plan is on screen: a task queued from the frame
    // that draws the page runs once that frame is laid out and painted.
    request_animation_frame(|| {
        set_timeout(
            || {
                if let Some(body) = document().body() {
                    let _ = body.set_attribute("data-ready", "1");
                }
                let now = window().performance().map(|p| p.now()).unwrap_or_default();
                let _ = js_sys::Reflect::set(&window(), &"__rp_ready_ms".into(), &now.into());
            },
            std::time::Duration::ZERO,
        );
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
