//! Problems that need the manager's attention: unreadable stored plans and failed saves.

use leptos::prelude::*;

use super::actions;
use super::html_view::{Gesture, html_view};
use super::state::{Pending, use_app};
use crate::i18n::fill;
use crate::storage::browser::SaveError;
use crate::view::bars::banner_html;

#[component]
pub fn Banners() -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let render = move || {
        let mut out = String::new();
        app.broken.with(|broken| {
            for b in broken {
                let message = fill(t.broken_entry, &[&b.id, &t.read_error(&b.error)]);
                let buttons = [
                    (format!("download|{}", b.key), t.download_raw, "btn"),
                    (format!("delete|{}", b.key), t.delete_broken, "btn danger"),
                ];
                banner_html(&mut out, "error broken-entry", None, &message, &buttons);
            }
        });
        if let Some(e) = app.save_error.get() {
            let message = match e {
                SaveError::Full => t.storage_full.to_string(),
                SaveError::Unavailable => t.storage_unavailable.to_string(),
                SaveError::Other(m) => format!("{} ({m})", t.storage_full),
            };
            banner_html(
                &mut out,
                "error",
                Some("save-error"),
                &message,
                &[("export".to_string(), t.export_json, "btn")],
            );
        }
        out
    };
    let on_action =
        move |action: &str, _: Gesture, _: &web_sys::Element| match action.split_once('|') {
            Some(("download", key)) => actions::download_broken(key),
            Some(("delete", key)) => app.confirm.set(Some(Pending::BrokenEntry(key.to_string()))),
            _ if action == "export" => actions::export_plan(),
            _ => {}
        };
    html_view("banners", "banners", render, on_action)
}
