//! Presentation mode: full screen, large type, high contrast, no editing chrome; ← → step through
//! the tier board, targets by region, the monthly curve and the scenario comparison; Esc leaves.

use leptos::prelude::*;

use super::html_view::html_view;
use super::state::{App, use_app};
use crate::core::breakdown::compute;
use crate::view::html::push_element;
use crate::view::slides::{SLIDES, slide_html};

/// Enters (at the first view) or leaves presentation mode.
pub fn toggle(app: App) {
    if app.presenting.get_untracked().is_some() {
        leave(app);
    } else {
        app.presenting.set(Some(0));
        if let Some(root) = document().document_element() {
            // Full screen may be refused (no user gesture, or a headless browser): the overlay
            // covers the window either way.
            let _ = root.request_fullscreen();
        }
    }
}

fn leave(app: App) {
    app.presenting.set(None);
    if document().fullscreen_element().is_some() {
        document().exit_fullscreen();
    }
}

/// Handles a key while presenting; returns whether it was used. (Called from a window listener,
/// which has no component context: the app is passed in.)
pub fn on_key(app: App, key: &str) -> bool {
    let Some(i) = app.presenting.get_untracked() else {
        return false;
    };
    let next = match key {
        "ArrowRight" | "PageDown" | " " => (i + 1).min(SLIDES - 1),
        "ArrowLeft" | "PageUp" => i.saturating_sub(1),
        "Home" => 0,
        "End" => SLIDES - 1,
        "Escape" => {
            leave(app);
            return true;
        }
        _ => return false,
    };
    app.presenting.set(Some(next));
    true
}

#[component]
pub fn Presentation() -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let render = move || {
        let Some(index) = app.presenting.get() else {
            return String::new();
        };
        let slide = app.plan.with(|p| {
            let s = p.adopted()?;
            let bd = compute(p, s).ok();
            Some(slide_html(
                t,
                app.lang.get_untracked(),
                p,
                s,
                bd.as_ref(),
                index,
            ))
        });
        let mut out = format!(
            "<div class=\"presentation\" id=\"presentation\" tabindex=\"-1\" role=\"dialog\" aria-modal=\"true\" aria-label=\"{}\"><div class=\"slide-wrap\">",
            t.present
        );
        out.push_str(&slide.unwrap_or_default());
        out.push_str("</div><footer class=\"slide-foot\">");
        push_element(
            &mut out,
            "button",
            "class=\"btn\" id=\"slide-prev\" data-action=\"ArrowLeft\"",
            "←",
        );
        push_element(&mut out, "span", "", t.present_hint);
        push_element(
            &mut out,
            "button",
            "class=\"btn\" id=\"slide-next\" data-action=\"ArrowRight\"",
            "→",
        );
        push_element(
            &mut out,
            "button",
            "class=\"btn\" id=\"present-exit\" data-action=\"Escape\"",
            t.close,
        );
        out.push_str("</footer></div>");
        out
    };
    // Keys go to the presentation, not to whatever was focused behind it.
    super::effect(move || {
        if app.presenting.with(Option::is_some) {
            request_animation_frame(|| super::tree::focus_element("presentation"));
        }
    });
    html_view(
        "presentation-host",
        "presentation-host",
        render,
        move |action, _, _| {
            on_key(app, if action == "escape" { "Escape" } else { action });
        },
    )
}
