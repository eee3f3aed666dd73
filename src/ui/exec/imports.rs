//! Storing a previewed import as one step the message can undo, and offering all of a file's
//! problems as a file.

use crate::core::edit::{Edit, EditError, ExecutionEdit, Imported};
use crate::core::period::YearMonth;
use crate::i18n::fill;
use crate::storage::files::{download, safe_file_name};
use crate::ui::state::{App, UndoAction, What};

/// Stores a previewed import of `file` (`rows` good rows) as one step of the history, says
/// what was stored with a way back, and returns the months it covers; or says why nothing was
/// stored.
pub fn store_import(
    app: App,
    file: &str,
    rows: usize,
    edit: ExecutionEdit,
) -> Option<Vec<YearMonth>> {
    let x = app.x_now();
    let what = What::Text(fill(x.log_imported, &[file, &rows.to_string()]));
    match app.apply(Edit::Execution(edit), what) {
        Ok(applied) => {
            let (rows, months, replaced) = match applied.imported? {
                Imported::Actuals(s) => (s.rows, s.months, s.replaced),
                Imported::ScoreFigures(s) => (s.rows, s.months, s.replaced),
                Imported::Shares(s) => (s.rows, s.months, s.replaced),
            };
            let text = fill(
                x.imported,
                &[
                    &rows.to_string(),
                    &months.len().to_string(),
                    &replaced.to_string(),
                ],
            );
            app.notify(text, Some(UndoAction::LastStep));
            Some(months)
        }
        Err(EditError::Import(e)) => {
            app.notify_error(x.apply_error(&e));
            None
        }
        Err(e) => {
            app.notify_error(app.t_now().edit_error(&e));
            None
        }
    }
}

/// Offers every problem of import file `file` as a text file, one per line (the preview lists
/// only the first ones).
pub fn download_problems(app: App, file: &str, problems: impl Iterator<Item = String>) {
    let mut text = String::new();
    for p in problems {
        text.push_str(&p);
        text.push('\n');
    }
    let name = safe_file_name(&format!("{file} problems"), "txt");
    if let Err(e) = download(&name, "text/plain;charset=utf-8", &text) {
        app.notify_error(e);
    }
}
