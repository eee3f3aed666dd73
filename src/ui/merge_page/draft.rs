//! A merge in progress — the copies picked, the base file, the collisions' choices — and the two
//! files being compared, kept above the route, so that looking at another route loses nothing.
//! Confirming or cancelling clears the merge; opening another plan clears both (the files belong
//! to this one).

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::core::merge::Choice;
use crate::core::model::Plan;
use crate::ui::state::App;

/// The merge waiting for confirmation.
#[derive(Clone, Copy)]
pub struct MergeDraft {
    /// The returned copies, with their file names.
    pub copies: RwSignal<Vec<(String, Plan)>>,
    /// The base file picked by the manager, when the copies' history does not tell.
    pub base: RwSignal<Option<(String, Plan)>>,
    /// The choices made, by collision key.
    pub choices: RwSignal<HashMap<String, Choice>>,
    /// The file compared from (none: the open plan), with its name.
    pub compare_before: RwSignal<Option<(String, Arc<Plan>)>>,
    /// The file compared to, with its name.
    pub compare_after: RwSignal<Option<(String, Arc<Plan>)>>,
}

impl MergeDraft {
    /// Makes the draft for the whole app, emptied whenever another plan opens.
    pub fn provide(app: App) {
        let draft = MergeDraft {
            copies: RwSignal::new(Vec::new()),
            base: RwSignal::new(None),
            choices: RwSignal::new(HashMap::new()),
            compare_before: RwSignal::new(None),
            compare_after: RwSignal::new(None),
        };
        Effect::new(move |previous: Option<String>| {
            let id = app.plan_id.get();
            if previous.is_some_and(|p| p != id) {
                draft.clear();
                draft.base.set(None);
                draft.compare_before.set(None);
                draft.compare_after.set(None);
            }
            id
        });
        provide_context(draft);
    }

    /// Forgets the copies and the choices (confirmed or cancelled); the base file stays
    /// picked, as it does on screen.
    pub fn clear(&self) {
        self.copies.set(Vec::new());
        self.choices.set(HashMap::new());
    }
}

/// The app's merge draft.
pub fn use_merge_draft() -> MergeDraft {
    expect_context::<MergeDraft>()
}
