//! The territory route: the tree on the left, the selected node's fields on the right.

mod detail_panel;
mod milestone_item;
mod milestone_list;
mod name_list;
mod node_edits;
mod person_move_field;
mod plan_form;
mod region_form;
mod salesperson_form;
mod subdistrict_form;
mod tree_panel;
mod tree_row;
mod tree_state;

use leptos::prelude::*;

use super::state::use_app;
use detail_panel::DetailPanel;
use tree_panel::TreePanel;
use tree_state::TreeState;

/// The territory: company → region → sub-district → salesperson, and the editor beside it.
#[component]
pub fn TerritoryPage() -> impl IntoView {
    // Shared by the tree and the forms (a node moved to another parent stays in sight).
    provide_context(TreeState::new(use_app()));
    view! {
        <div class="territory">
            <TreePanel />
            <DetailPanel />
        </div>
    }
}
