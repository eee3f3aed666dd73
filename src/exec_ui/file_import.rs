//! What the pages that take CSV files share: reading the picked file, storing a previewed
//! import as one step the message can undo, and offering a CSV download Excel opens correctly.

use leptos::prelude::*;
use web_sys::wasm_bindgen::JsCast;

use super::state::use_exec;
use crate::core::csv_export::with_bom;
use crate::core::execution::ApplyError;
use crate::core::model::Plan;
use crate::core::period::YearMonth;
use crate::i18n::fill;
use crate::storage::files::{download, read_bytes, safe_file_name};

/// What an import stored: rows, the months they cover, and how many replaced stored figures.
pub type Stored = (usize, Vec<YearMonth>, usize);

/// Reads the file picked in `input` (a file input) and hands its name and bytes to `then`; a
/// file that cannot be read is reported.
pub fn read_picked(input: &web_sys::Element, then: Box<dyn FnOnce(String, Vec<u8>)>) {
    let Some(input) = input.dyn_ref::<web_sys::HtmlInputElement>() else {
        return;
    };
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    // The same file can be picked again once it is fixed.
    input.set_value("");
    let exec = use_exec();
    leptos::task::spawn_local(async move {
        let name = file.name();
        match read_bytes(&file).await {
            Ok(bytes) => then(name, bytes),
            Err(reason) => exec.notify(
                format!("{} {name}: {reason}", exec.t().file_unreadable),
                false,
            ),
        }
    });
}

/// Stores an import; says what was stored (with undo) and returns its months, or says why
/// nothing was stored.
pub fn store_import(
    file: &str,
    rows: usize,
    apply: &mut dyn FnMut(&mut Plan) -> Result<Stored, ApplyError>,
) -> Option<Vec<YearMonth>> {
    let exec = use_exec();
    let t = exec.t();
    let mut outcome = None;
    let what = fill(t.log_imported, &[file, &rows.to_string()]);
    exec.change(what, &mut |plan| {
        let r = apply(plan);
        let changed = r.is_ok();
        outcome = Some(r);
        changed
    });
    match outcome? {
        Ok((rows, months, replaced)) => {
            let text = fill(
                t.imported,
                &[
                    &rows.to_string(),
                    &months.len().to_string(),
                    &replaced.to_string(),
                ],
            );
            exec.notify(text, true);
            Some(months)
        }
        Err(e) => {
            exec.notify(t.apply_error(&e), false);
            None
        }
    }
}

/// Offers every problem of an import file as a text file, one per line (the preview lists the
/// first ones).
pub fn download_problems(file: &str, problems: Vec<String>) {
    let text = problems.join("\n") + "\n";
    let name = safe_file_name(&format!("{file} problems"), "txt");
    if let Err(e) = download(&name, "text/plain;charset=utf-8", &text) {
        use_exec().notify(e, false);
    }
}

/// Offers `csv` as a download named after the plan and `what`, with a byte-order mark.
pub fn download_csv(what: &str, csv: &str) {
    let exec = use_exec();
    let name = exec.plan.with_untracked(|p| format!("{} {what}", p.name));
    if let Err(e) = download(
        &safe_file_name(&name, "csv"),
        "text/csv;charset=utf-8",
        &with_bom(csv),
    ) {
        exec.notify(e, false);
    }
}
