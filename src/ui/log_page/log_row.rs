//! One change of the log.

use leptos::prelude::*;
use web_sys::wasm_bindgen::JsCast;

use super::restore::restore_before;
use crate::core::changelog::MAX_REASON;
use crate::ui::fields::is_commit_enter;
use crate::ui::isolated::Isolated;
use crate::ui::state::use_app;
use crate::view::bidi::log_entry;
use crate::view::change_log::LogEntry;

/// A row of the log: when, what, the reason (written in place; Enter or leaving the box saves
/// it) and the state before the change, while the log can still bring it back (else the row
/// says it no longer can).
#[component]
pub fn LogRow(
    /// The change as the row shows it.
    entry: LogEntry,
) -> impl IntoView {
    let app = use_app();
    let LogEntry {
        index,
        when,
        what,
        reason,
        restorable,
    } = entry;
    let save = move |ev: &web_sys::Event| {
        if let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            app.set_reason(index, &input.value());
        }
    };
    let restore_when = when.clone();
    view! {
        <tr data-entry=index class:unrestorable=!restorable>
            <td class="log-when">{when}</td>
            <td class="log-what"><Isolated segments=log_entry(&what) /></td>
            <td>
                <input type="text" class="log-reason" maxlength=MAX_REASON
                    placeholder=move || app.t().log_reason_hint
                    aria-label=move || app.t().log_reason_hint
                    value=reason.clone() prop:value=reason
                    on:change=move |ev| save(&ev)
                    on:keydown=move |ev| {
                        if is_commit_enter(&ev) {
                            ev.prevent_default();
                            save(&ev);
                        }
                    } />
            </td>
            <td>
                {if restorable {
                    view! {
                        <button type="button" class="btn log-restore"
                            on:click=move |_| restore_before(app, index, &restore_when)>
                            {move || app.t().log_restore}
                        </button>
                    }
                    .into_any()
                } else {
                    view! {
                        <span class="log-gone" title=move || app.t().log_unrestorable>
                            {move || app.t().log_not_restorable}
                        </span>
                    }
                    .into_any()
                }}
            </td>
        </tr>
    }
}
