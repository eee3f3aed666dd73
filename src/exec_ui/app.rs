//! The execution page: header (plan, language, back to the planner), tabs, the page shown,
//! the message line, saving, and following changes made in the planner's tab.

use std::fmt::Write;

use leptos::prelude::*;
use web_sys::wasm_bindgen::JsCast;

use super::actuals_page::ActualsPage;
use super::competition_page::CompetitionPage;
use super::customers_page::CustomersPage;
use super::expenses_page::ExpensesPage;
use super::scorecard_page::ScorecardPage;
use super::state::{Exec, Page, use_exec};
use super::tracking_page::TrackingPage;
use crate::core::breakdown::{Breakdown, compute};
use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::core::sample::sample_plan;
use crate::i18n::fill;
use crate::storage::browser::{self, SaveError};
use crate::storage::library::{Index, PlanMeta};
use crate::ui::html_view::{Gesture, html_view, value_of};
use crate::ui::{history_key, in_field, listen, on_saved_elsewhere};
use crate::view::html::{push_element, push_escaped, toast_html};

/// The planner's current plan (the one its index names), else the sample plan.
fn open_state() -> Exec {
    let lang = browser::saved_lang()
        .unwrap_or_else(|| Lang::from_tag(&window().navigator().language().unwrap_or_default()));
    let mut opened = browser::open_library();
    let metas: Vec<PlanMeta> = opened
        .plans
        .iter()
        .map(|p| PlanMeta {
            id: p.id.clone(),
            name: p.name.clone(),
        })
        .collect();
    let plan = match opened.current {
        Some(i) => opened.plans.swap_remove(i),
        None => sample_plan(lang),
    };
    let unreadable = opened
        .broken
        .into_iter()
        .map(|b| (b.id, b.error.to_string()))
        .collect();
    Exec::new(lang, plan, metas, unreadable)
}

/// The adopted scenario's breakdown, or why there is none (in the page's language). The
/// planner's breakdown view explains each problem; here it is enough to say where to look.
pub fn breakdown_of(plan: &Plan, lang: Lang) -> Result<Breakdown, String> {
    let t = crate::i18n::exec::exec_text(lang);
    let Some(scenario) = plan.adopted() else {
        return Err(t.no_adopted.to_string());
    };
    compute(plan, scenario).map_err(|e| {
        fill(
            t.breakdown_failed,
            &[&scenario.name, &e.0.len().to_string()],
        )
    })
}

#[component]
pub fn ExecApp() -> impl IntoView {
    let exec = open_state();
    provide_context(exec);

    // Every change is written to local storage (not the plan as opened: nothing changed yet).
    Effect::new(move |first: Option<()>| {
        exec.plan.track();
        if first.is_some() {
            let result = exec.plan.with_untracked(browser::save_plan);
            exec.save_error.set(result.err());
        }
    });
    Effect::new(move |_| {
        let lang = exec.lang.get();
        document()
            .document_element()
            .map(|e| e.set_attribute("lang", lang.tag()));
    });

    // The page follows the address, and the address the page.
    if let Some(page) = Page::from_hash(&window().location().hash().unwrap_or_default()) {
        exec.page.set(page);
    }
    Effect::new(move |_| {
        let slug = format!("#/{}", exec.page.get().slug());
        if window().location().hash().ok().as_deref() != Some(slug.as_str()) {
            let _ = window().location().set_hash(&slug);
        }
    });
    listen("hashchange", move |_| {
        if let Some(page) = window()
            .location()
            .hash()
            .ok()
            .and_then(|h| Page::from_hash(&h))
        {
            exec.page.set(page);
        }
    });
    // The planner may change the same plan in another tab: show its version.
    on_saved_elsewhere(
        move || exec.plan.with_untracked(|p| p.id.clone()),
        move |plan| {
            exec.replace(plan);
            exec.notify(exec.t().reloaded.to_string(), false);
        },
    );
    listen("keydown", move |ev| {
        let Some(ev) = ev.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        // Ctrl+Z undoes, Ctrl+Shift+Z or Ctrl+Y redoes (not while typing in a field).
        if let Some(redo) = history_key(ev).filter(|_| !in_field(ev)) {
            if redo {
                exec.redo()
            } else {
                exec.undo()
            }
            ev.prevent_default();
            return;
        }
        if ev.key() == "Escape" && exec.presenting.get_untracked() {
            exec.presenting.set(false);
            if document().fullscreen_element().is_some() {
                document().exit_fullscreen();
            }
        }
    });

    request_animation_frame(|| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-ready", "1");
        }
    });

    move || {
        exec.lang.track();
        view! {
            <div class="app exec-app">
                {header()}
                {banners()}
                {tabs()}
                <main class="main">
                    {move || match exec.page.get() {
                        Page::Actuals => view! { <ActualsPage /> }.into_any(),
                        Page::Tracking => view! { <TrackingPage /> }.into_any(),
                        Page::Competition => view! { <CompetitionPage /> }.into_any(),
                        Page::Customers => view! { <CustomersPage /> }.into_any(),
                        Page::Scorecard => view! { <ScorecardPage /> }.into_any(),
                        Page::Expenses => view! { <ExpensesPage /> }.into_any(),
                    }}
                </main>
                {toast()}
            </div>
        }
    }
}

fn header() -> AnyView {
    let exec = use_exec();
    let t = exec.t();
    let render = move || {
        let mut out = String::from("<div class=\"plan-bar\">");
        let _ = write!(
            out,
            "<a class=\"btn\" id=\"back-to-plan\" href=\"{}\">{}</a><div class=\"brand\"><span class=\"brand-name\">{}</span><span class=\"brand-sub\">{}</span></div>",
            planner_href(),
            t.back_to_plan,
            t.app_title,
            t.title
        );
        let current = exec.plan.with(|p| (p.id.clone(), p.name.clone()));
        out.push_str("<label class=\"plan-switch\"><span>");
        push_escaped(&mut out, t.plan);
        out.push_str("</span><select id=\"plan-select\" data-action=\"plan\">");
        exec.metas.with(|metas| {
            if !metas.iter().any(|m| m.id == current.0) {
                out.push_str("<option selected>");
                push_escaped(&mut out, &current.1);
                out.push_str("</option>");
            }
            for m in metas {
                out.push_str("<option value=\"");
                push_escaped(&mut out, &m.id);
                out.push('"');
                if m.id == current.0 {
                    out.push_str(" selected");
                }
                out.push('>');
                push_escaped(&mut out, &m.name);
                out.push_str("</option>");
            }
        });
        let _ = write!(
            out,
            "</select></label><div class=\"top-actions\"><button type=\"button\" class=\"btn\" id=\"undo\" data-action=\"undo\" title=\"Ctrl+Z\"{}>{}</button><button type=\"button\" class=\"btn\" id=\"redo\" data-action=\"redo\" title=\"Ctrl+Shift+Z\"{}>{}</button><button type=\"button\" class=\"btn\" id=\"switch-language\" data-action=\"lang\">{}</button></div></div>",
            if exec.can_undo() { "" } else { " disabled" },
            t.undo,
            if exec.can_redo() { "" } else { " disabled" },
            t.redo,
            t.switch_language
        );
        out
    };
    html_view(
        "topbar",
        "exec-topbar",
        render,
        move |action, gesture, el| match (action, gesture) {
            ("undo", Gesture::Click) => exec.undo(),
            ("redo", Gesture::Click) => exec.redo(),
            ("lang", Gesture::Click) => {
                let next = match exec.lang.get_untracked() {
                    Lang::Zh => Lang::En,
                    Lang::En => Lang::Zh,
                };
                browser::save_lang(next);
                exec.lang.set(next);
            }
            ("plan", Gesture::Change) => {
                let id = value_of(el);
                if let Ok(plan) = browser::load_plan(&id) {
                    let order = exec
                        .metas
                        .with_untracked(|m| m.iter().map(|x| x.id.clone()).collect());
                    let _ = browser::save_index(&Index {
                        order,
                        current: Some(id),
                    });
                    exec.as_of.set(None);
                    exec.replace(plan);
                }
            }
            _ => {}
        },
    )
}

fn banners() -> AnyView {
    let exec = use_exec();
    let t = exec.t();
    let render = move || {
        let mut out = String::new();
        exec.unreadable.with_value(|list| {
            for (id, why) in list {
                let text = fill(t.plan_unreadable, &[id, why]);
                push_element(
                    &mut out,
                    "p",
                    "class=\"banner error\" role=\"alert\"",
                    &text,
                );
            }
        });
        if let Some(e) = exec.save_error.get() {
            let text = match e {
                SaveError::Full => t.save_full.to_string(),
                SaveError::Unavailable => fill(t.save_failed, &["local storage is unavailable"]),
                SaveError::Other(reason) => fill(t.save_failed, &[&reason]),
            };
            out.push_str("<div class=\"banner error\" role=\"alert\" id=\"save-error\">");
            push_element(&mut out, "span", "", &text);
            let _ = write!(
                out,
                "<button type=\"button\" class=\"btn\" data-action=\"export\">{}</button></div>",
                t.export_plan
            );
        }
        out
    };
    html_view("banners", "exec-banners", render, move |action, _, _| {
        if action == "export"
            && let Err(e) = exec
                .plan
                .with_untracked(crate::storage::files::download_plan)
        {
            exec.notify(e, false);
        }
    })
}

fn tabs() -> AnyView {
    let exec = use_exec();
    let t = exec.t();
    let render = move || {
        let current = exec.page.get();
        let mut out = String::from("<nav class=\"tabs\" role=\"tablist\">");
        for page in Page::ALL {
            let _ = write!(
                out,
                "<button role=\"tab\" class=\"tab\" id=\"tab-{0}\" data-action=\"{0}\" aria-selected=\"{1}\">{2}</button>",
                page.slug(),
                page == current,
                page.label(t)
            );
        }
        out.push_str("</nav>");
        out
    };
    html_view("nav-host", "exec-nav", render, move |action, _, _| {
        if let Some(page) = Page::from_hash(action) {
            exec.page.set(page);
        }
    })
}

fn toast() -> AnyView {
    let exec = use_exec();
    let t = exec.t();
    let render = move || {
        exec.toast.with(|toast| {
            let Some(toast) = toast else {
                return String::new();
            };
            toast_html(&toast.text, toast.undo.then_some(t.undo), t.close)
        })
    };
    html_view("toast-host", "toast-host", render, move |action, _, _| {
        if action == "undo" {
            exec.undo();
        }
        exec.toast.set(None);
    })
}

/// The planner: `index.html` beside this page, or, for the one-file page opened from disk
/// (`planner bundle` writes `<name>-execution.html` beside `<name>.html`), that file.
fn planner_href() -> String {
    let location = window().location();
    if location.protocol().ok().as_deref() != Some("file:") {
        return "index.html".into();
    }
    let path = location.pathname().unwrap_or_default();
    let file = path.rsplit('/').next().unwrap_or_default();
    match file.strip_suffix("-execution.html") {
        Some(stem) => format!("{stem}.html"),
        None => "index.html".into(),
    }
}
