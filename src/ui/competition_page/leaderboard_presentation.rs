//! The leaderboard full screen, for a sales meeting.

use leptos::prelude::*;

use super::CompetitionState;
use super::leaderboard_table::LeaderboardTable;
use crate::ui::state::use_app;

/// Leaves full screen (if the browser is in it) and the presentation.
fn leave(state: CompetitionState) {
    state.presenting.set(false);
    if document().fullscreen_element().is_some() {
        document().exit_fullscreen();
    }
}

/// The leaderboard on a dark full-screen page; Escape or the button leaves.
#[component]
pub fn LeaderboardPresentation(
    /// The page's state.
    state: CompetitionState,
) -> impl IntoView {
    let app = use_app();
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            leave(state);
        }
    });
    // The browser's own way out of full screen (Escape, F11) ends the presentation too.
    let screen = window_event_listener_untyped("fullscreenchange", move |_| {
        if document().fullscreen_element().is_none() {
            state.presenting.set(false);
        }
    });
    on_cleanup(move || {
        keys.remove();
        screen.remove();
    });
    view! {
        <div class="presentation exec-presentation" id="leaderboard-presentation">
            <div class="slide-wrap">
                <LeaderboardTable state=state />
            </div>
            <div class="slide-foot">
                <button type="button" class="btn" id="leave-leaderboard" on:click=move |_| leave(state)>
                    {move || app.x().leave_presentation}
                </button>
            </div>
        </div>
    }
}
