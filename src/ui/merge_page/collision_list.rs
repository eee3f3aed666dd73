//! The collisions of a merge, side by side, each waiting for the manager's choice.

use std::collections::HashMap;

use leptos::prelude::*;

use super::collision_row::CollisionLine;
use super::m;
use crate::core::merge::Choice;
use crate::i18n::fill;
use crate::ui::state::use_app;
use crate::view::merge_view::CollisionRow;

/// The table of collisions with "this plan's for all" and "the copy's for all".
#[component]
pub fn CollisionList(
    /// Every collision of the merge.
    #[prop(into)]
    rows: Signal<Vec<CollisionRow>>,
    /// The choices made, by collision key.
    choices: RwSignal<HashMap<String, Choice>>,
) -> impl IntoView {
    let app = use_app();
    let all = move |choice: Choice| {
        let keys: Vec<String> = rows.with_untracked(|r| r.iter().map(|c| c.key.clone()).collect());
        choices.update(|map| {
            for key in keys {
                map.insert(key, choice.clone());
            }
        });
    };
    let to_choose = move || {
        let open =
            rows.with(|r| choices.with(|c| r.iter().filter(|x| !c.contains_key(&x.key)).count()));
        (open > 0).then(|| fill(m(app).to_choose, &[&open.to_string()]))
    };
    view! {
        <div class="collisions" id="collisions" role="group">
            <h4>{move || m(app).collisions_title}</h4>
            <p class="hint">{move || m(app).collisions_hint}</p>
            <div class="merge-controls">
                <button type="button" class="btn" id="all-mine" on:click=move |_| all(Choice::Mine)>
                    {move || m(app).all_mine}
                </button>
                <button type="button" class="btn" id="all-theirs" on:click=move |_| all(Choice::Theirs)>
                    {move || m(app).all_theirs}
                </button>
                <span class="to-choose" id="to-choose">{to_choose}</span>
            </div>
            <table class="diff-table collision-table">
                <thead>
                    <tr>
                        <th>"#"</th>
                        <th>{move || m(app).col_item}</th>
                        <th>{move || m(app).col_base}</th>
                        <th>{move || m(app).col_mine}</th>
                        <th>{move || m(app).col_theirs}</th>
                        <th></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=|r| r.clone() let:row>
                        {
                            let key = StoredValue::new(row.key.clone());
                            let chosen = Signal::derive(move || {
                                choices.with(|c| c.get(&key.get_value()).cloned())
                            });
                            let on_choose = Callback::new(move |choice: Choice| {
                                choices.update(|c| {
                                    c.insert(key.get_value(), choice);
                                });
                            });
                            view! { <CollisionLine row=row chosen=chosen on_choose=on_choose /> }
                        }
                    </For>
                </tbody>
            </table>
        </div>
    }
}
