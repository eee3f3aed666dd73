//! The versions kept in this browser: when, why and how large each is, with a way to restore
//! or download it; and how much of the browser's storage the app uses.

mod version_row;

use leptos::prelude::*;

use super::state::use_app;
use crate::i18n::fill;
use crate::storage::browser;
use crate::storage::versions::{VersionHead, size_text};
use version_row::VersionRow;

/// The panel, when open (from the plan menu's "Versions…").
#[component]
pub fn VersionsPanel() -> impl IntoView {
    let app = use_app();
    // Read when the panel opens: versions are written by other windows too.
    let versions = RwSignal::new(Vec::<VersionHead>::new());
    // What the site's storage holds and may hold (bytes), as the browser estimates it.
    let estimate = RwSignal::new(None::<(f64, f64)>);
    Effect::new(move |_| {
        if app.versions_open.get() {
            leptos::task::spawn_local(async move {
                versions.set(browser::list_versions().await);
                estimate.set(browser::estimate().await);
            });
        }
    });
    move || {
        if !app.versions_open.get() {
            return None;
        }
        let t = app.t();
        let use_line = move || {
            estimate.get().map(|(usage, quota)| {
                fill(
                    t.storage_use,
                    &[&size_text(usage as u64), &size_text(quota as u64)],
                )
            })
        };
        let persisted = move || match app.persisted.get() {
            Some(true) => t.storage_persisted,
            _ => t.storage_not_persisted,
        };
        let total: u64 = versions.with(|v| v.iter().map(|h| h.size).sum());
        Some(view! {
            <div class="overlay" id="versions-host">
                <div class="dialog versions-dialog" role="dialog" aria-modal="true"
                    aria-labelledby="versions-title">
                    <h2 id="versions-title">{t.versions_title}</h2>
                    <p class="note">{t.versions_note}</p>
                    <p class="storage-use" id="storage-use">
                        {use_line} " · " {persisted} " · " {fill(t.versions_total, &[&size_text(total)])}
                    </p>
                    <Show when=move || versions.with(Vec::is_empty)>
                        <p class="note" id="versions-none">{t.versions_none}</p>
                    </Show>
                    <table class="versions-table" prop:hidden=move || versions.with(Vec::is_empty)>
                        <thead>
                            <tr>
                                <th>{t.versions_plan}</th>
                                <th>{t.versions_when}</th>
                                <th>{t.versions_why}</th>
                                <th class="num">{t.versions_size}</th>
                                <th></th>
                            </tr>
                        </thead>
                        <tbody id="versions">
                            <For each=move || versions.get() key=|h| h.key.clone() let:head>
                                <VersionRow head=head />
                            </For>
                        </tbody>
                    </table>
                    <div class="dialog-buttons">
                        <button type="button" class="btn" id="versions-close"
                            on:click=move |_| app.versions_open.set(false)>{t.close}</button>
                    </div>
                </div>
            </div>
        })
    }
}
