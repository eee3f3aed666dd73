//! The Tiers route: the four tiers side by side with their regions, shares and strategy, the
//! thresholds that decide them, each tier's policy, and overrides with their reasons.

mod tier_column;
mod tier_region_card;

use leptos::prelude::*;

use super::scenario_bar::ScenarioBar;
use super::setting_field::SettingInput;
use super::state::use_app;
use crate::core::edit::Part;
use crate::core::tier::Tier;
use crate::view::tier_board::{TierBoard, tier_board};
use tier_column::TierColumnView;

/// The board of the scenario on screen (`None` while no scenario is open).
type Board = Memo<Option<TierBoard>>;

/// The Tiers route.
#[component]
pub fn TiersPage() -> impl IntoView {
    let app = use_app();
    let board: Board = Memo::new(move |_| {
        let sid = app.scenario.get();
        let t = app.t();
        app.with_plan(Part::Planning, |p| {
            p.scenario(&sid).map(|s| tier_board(t, p, s))
        })
    });
    let thresholds =
        move || board.with(|b| b.as_ref().map(|b| b.thresholds.clone()).unwrap_or_default());
    view! {
        <div class="tiers-page">
            <ScenarioBar />
            // Folded to one line: the board is what a workshop looks at.
            <details class="card thresholds" id="thresholds">
                <summary>
                    {move || board.with(|b| b.as_ref().map(|b| b.thresholds_summary.clone()))}
                </summary>
                <div class="form-grid">
                    <For each=thresholds key=|f| f.shape() let:field>
                        {
                            let setting = field.setting;
                            let value = Signal::derive(move || {
                                board.with(|b| b.as_ref().map(|b| b.value(setting)).unwrap_or_default())
                            });
                            view! { <SettingInput field=field value=value /> }
                        }
                    </For>
                </div>
            </details>
            <div class="tier-board" id="tier-board">
                {Tier::ALL.map(|tier| view! { <TierColumnView tier=tier board=board /> }).collect_view()}
            </div>
        </div>
    }
}
