//! The preview of an import file: what it would store, every problem per line, and the
//! choices. Nothing is stored before a choice.

use leptos::prelude::*;

use crate::view::exec::ImportPreview;

/// An import's preview with its choices: import every row (only for a file without problems),
/// import skipping the bad lines, or cancel; and, when not all problems are listed, a download
/// of all of them.
#[component]
pub fn ImportPreviewCard(
    /// The section's DOM id (`actuals-preview`).
    id: &'static str,
    /// What the preview shows.
    #[prop(into)]
    preview: Signal<ImportPreview>,
    /// Stores the file's rows; `true` skips the bad lines.
    #[prop(into)]
    on_apply: Callback<bool>,
    /// Closes the preview without storing anything.
    #[prop(into)]
    on_cancel: Callback<()>,
    /// Offers every problem as a text file.
    #[prop(into)]
    on_download: Callback<()>,
) -> impl IntoView {
    move || {
        let p = preview.get();
        view! {
            <section class="card preview" id=id>
                <h3>{p.title}</h3>
                <p class="preview-summary">{p.summary}</p>
                {p.problems_note.map(|note| view! {
                    <p class="banner error" role="alert">{note}</p>
                })}
                {(!p.problems.is_empty()).then(|| view! {
                    <ul class="problems">
                        {p.problems.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                        {p.more.map(|more| view! { <li class="more">{more}</li> })}
                    </ul>
                })}
                {p.download_all.map(|label| view! {
                    <button type="button" class="btn" id="download-problems"
                        on:click=move |_| on_download.run(())>{label}</button>
                })}
                <div class="actions">
                    {p.apply.map(|label| view! {
                        <button type="button" class="btn primary" id="import-apply"
                            on:click=move |_| on_apply.run(false)>{label}</button>
                    })}
                    {p.skip.map(|label| view! {
                        <button type="button" class="btn" id="import-skip"
                            on:click=move |_| on_apply.run(true)>{label}</button>
                    })}
                    <button type="button" class="btn" id="import-cancel"
                        on:click=move |_| on_cancel.run(())>{p.cancel}</button>
                </div>
            </section>
        }
    }
}
