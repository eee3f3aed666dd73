//! The open plan as another window left it, in a form this version cannot read: shown in place
//! of every route, with the reason, its stored text to download and a way to delete it. Nothing
//! in this window writes to it.

use leptos::prelude::*;

use super::library;
use super::state::{Pending, Stale, use_app};
use crate::i18n::fill;

/// The panel, while the open plan's stored entry cannot be read.
#[component]
pub fn CannotOpen() -> impl IntoView {
    let app = use_app();
    move || {
        let Some(Stale::Unreadable(entry)) = app.stale.get() else {
            return None;
        };
        let t = app.t();
        let name = app.with_plan_untracked(|p| p.name.clone());
        let (head, tail) = t
            .cannot_open
            .split_once("{}")
            .unwrap_or((t.cannot_open, ""));
        let rest = fill(tail, &[&t.read_error(&entry.error)]);
        let key = StoredValue::new(entry.key.clone());
        let raw = StoredValue::new(entry.raw.clone());
        let file = crate::storage::files::safe_file_name(&entry.id, "json");
        Some(view! {
            <section class="cannot-open" id="cannot-open" role="alert">
                <p>{head}<bdi>{name}</bdi>{rest}</p>
                <div class="cannot-open-actions">
                    <button type="button" class="btn" id="cannot-open-download"
                        on:click=move |_| {
                            if let Err(e) = crate::storage::files::download(
                                &file, "application/json", &raw.get_value()) {
                                app.notify_error(e);
                            }
                        }>{t.download_raw}</button>
                    <button type="button" class="btn" id="cannot-open-keep"
                        on:click=move |_| library::keep_copy_as_new(app)>{t.plan_gone_keep}</button>
                    <button type="button" class="btn danger" id="cannot-open-delete"
                        on:click=move |_| app.confirm.set(Some(Pending::DeleteBrokenEntry(key.get_value())))>
                        {t.delete_broken}
                    </button>
                </div>
            </section>
        })
    }
}
