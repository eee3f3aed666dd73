//! The territory view: the tree on the left, the selected node's fields on the right.

use leptos::prelude::*;

use super::detail::Detail;
use super::tree::Tree;

#[component]
pub fn TerritoryPage() -> impl IntoView {
    view! {
        <div class="territory">
            <Tree />
            <Detail />
        </div>
    }
}
