//! Inputs that edit the plan: each turns what was typed into an [`Edit`](crate::core::edit::Edit),
//! applies it as one step of the history, and shows a refused value's reason beside the input
//! (the typed text stays, the plan is unchanged).

mod add_box;
mod field;
mod rename_box;

pub use add_box::AddBox;
pub use field::{Control, Field};
pub use rename_box::RenameBox;

use leptos::ev::KeyboardEvent;

/// Whether a key press is Enter outside an input method's composition: Chinese typed by pinyin
/// sends Enter to pick a candidate, which must never commit.
pub fn is_commit_enter(ev: &KeyboardEvent) -> bool {
    ev.key() == "Enter" && !ev.is_composing() && ev.key_code() != 229
}

/// A number for each gesture (a slider drag): the edits of one gesture make one step.
pub fn next_gesture() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}
