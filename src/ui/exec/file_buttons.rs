//! The CSV buttons of a page that takes files: import (with its preview), a template to fill
//! in, and the records as a file.

use leptos::prelude::*;

use crate::storage::files::read_bytes;
use crate::ui::state::use_app;

/// Import, template and export buttons. A picked file is read (its encoding is checked by the
/// page's reader, line by line) and handed to `on_file` as its name and bytes; a file that
/// cannot be read is reported. The same file can be picked again once it is fixed.
#[component]
pub fn FileButtons(
    /// The DOM id of the file input (`actuals-file`).
    input_id: &'static str,
    /// Called with the picked file's name and bytes.
    #[prop(into)]
    on_file: Callback<(String, Vec<u8>)>,
    /// Offers the empty template.
    #[prop(into)]
    on_template: Callback<()>,
    /// Offers the page's records as a CSV file.
    #[prop(into)]
    on_export: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let name = file.name();
            match read_bytes(&file).await {
                Ok(bytes) => on_file.run((name, bytes)),
                Err(reason) => {
                    app.notify_error(format!("{} {name}: {reason}", app.x_now().file_unreadable))
                }
            }
        });
    };
    view! {
        <label class="btn file-button">
            {move || app.x().import_csv}
            <input type="file" id=input_id accept=".csv,text/csv" on:change=on_change />
        </label>
        <button type="button" class="btn template-button" on:click=move |_| on_template.run(())>
            {move || app.x().template}
        </button>
        <button type="button" class="btn export-button" on:click=move |_| on_export.run(())>
            {move || app.x().export_csv}
        </button>
    }
}
