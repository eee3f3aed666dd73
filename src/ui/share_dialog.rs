//! The share link, ready to copy, or why there is none.

use leptos::html::Input;
use leptos::prelude::*;

use super::library;
use super::state::{ShareLink, use_app};
use crate::i18n::fill;

#[component]
pub fn ShareDialog() -> impl IntoView {
    let app = use_app();
    let url_box = NodeRef::<Input>::new();
    let copy = move |_| {
        let t = app.t_now();
        if let Some(ShareLink::Link(url)) = app.share.get_untracked() {
            let _ = window().navigator().clipboard().write_text(&url);
            // Also select it, for browsers that refuse the clipboard.
            if let Some(input) = url_box.get_untracked() {
                input.select();
            }
            app.notify(t.share_copied.to_string(), None);
        }
    };
    move || {
        let link = app.share.get()?;
        let t = app.t();
        // Opened from the offline file, the link names a file on this computer.
        let offline = window().location().protocol().is_ok_and(|p| p == "file:");
        let body = match &link {
            ShareLink::Link(url) => view! {
                <p class="note">{t.share_explain}</p>
                {offline.then(|| view! {
                    <p class="banner warning" id="share-offline">
                        <span>{t.share_offline}</span>
                        <button type="button" class="btn" id="share-offline-file"
                            on:click=move |_| library::export_plan(app)>{t.share_offline_file}</button>
                    </p>
                })}
                <input type="text" readonly id="share-url" aria-label=t.share_title
                    node_ref=url_box prop:value=url.clone() />
            }
            .into_any(),
            ShareLink::TooLarge(chars, limit) => view! {
                <p id="share-too-large">
                    {fill(t.share_too_large, &[&chars.to_string(), &limit.to_string()])}
                </p>
            }
            .into_any(),
            ShareLink::Unsupported => view! { <p>{t.share_unsupported}</p> }.into_any(),
        };
        let can_copy = matches!(link, ShareLink::Link(_));
        Some(view! {
            <div class="overlay" id="share-host">
                <div class="dialog share-dialog" role="dialog" aria-modal="true"
                    aria-labelledby="share-title">
                    <h2 id="share-title">{t.share_title}</h2>
                    {body}
                    <div class="dialog-buttons">
                        {can_copy.then(|| view! {
                            <button type="button" class="btn primary" id="share-copy"
                                on:click=copy>{t.share_copy}</button>
                        })}
                        <button type="button" class="btn" id="share-close"
                            on:click=move |_| app.share.set(None)>{t.close}</button>
                    </div>
                </div>
            </div>
        })
    }
}
