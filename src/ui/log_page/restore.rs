//! Bringing back an earlier state of the plan from its change log.

use crate::core::edit::Edit;
use crate::i18n::fill;
use crate::ui::state::{App, UndoAction, What};

/// Brings back the plan as it was before change `index` (made at `when`, as shown), as a change
/// of its own; the message offers to undo it.
pub fn restore_before(app: App, index: usize, when: &str) {
    let t = app.t_now();
    let Some(state) = app.state_at(index) else {
        return app.notify_error(t.log_cannot_restore.to_string());
    };
    let text = fill(t.log_restored, &[when]);
    match app.apply(Edit::Restore(Box::new(state)), What::Text(text.clone())) {
        Ok(applied) if applied.changed => app.notify(text, Some(UndoAction::LastStep)),
        Ok(_) => app.notify(text, None),
        Err(e) => app.notify_error(t.edit_error(&e)),
    }
}
