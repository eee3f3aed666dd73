//! One kept version: its plan, when and why it was kept, its size; restore and download.

use leptos::prelude::*;

use crate::storage::versions::{VersionHead, Why, size_text};
use crate::ui::library;
use crate::ui::state::use_app;

/// A row of the versions panel.
#[component]
pub fn VersionRow(
    /// The version listed.
    head: VersionHead,
) -> impl IntoView {
    let app = use_app();
    let key = StoredValue::new(head.key.clone());
    let why = head.why;
    let when = head.at.replace('T', " ");
    view! {
        <tr class="version">
            <td class="version-plan"><bdi>{head.name.clone()}</bdi></td>
            <td class="version-when">{when.get(..19).unwrap_or(&when).to_string()}</td>
            <td class="version-why">{move || {
                let t = app.t();
                match why {
                    Why::Replace => t.why_replace,
                    Why::Delete => t.why_delete,
                    Why::Restore => t.why_restore,
                }
            }}</td>
            <td class="num version-size">{size_text(head.size)}</td>
            <td class="version-actions">
                <button type="button" class="btn version-restore"
                    on:click=move |_| library::restore_version(app, &key.get_value())>
                    {move || app.t().version_restore}
                </button>
                <button type="button" class="btn version-download"
                    on:click=move |_| library::download_version(app, &key.get_value())>
                    {move || app.t().version_download}
                </button>
            </td>
        </tr>
    }
}
