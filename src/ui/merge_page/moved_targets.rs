//! The targets of the adopted scenario that move between two plans (or that a merge moved):
//! node, level, amount before → after with the change, quantity change.

use leptos::prelude::*;

use super::m;
use crate::ui::state::use_app;
use crate::view::plan_diff::TargetsView;

/// Rows shown: the company and regions come first, then sub-districts and people.
const SHOWN: usize = 300;

/// The table of target moves under `title`.
#[component]
pub fn MovedTargets(
    /// The moves, as rows.
    #[prop(into)]
    targets: Signal<TargetsView>,
    /// The heading.
    #[prop(into)]
    title: Signal<&'static str>,
    /// The table's id.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let app = use_app();
    let rows = move || targets.with(|t| t.rows.iter().take(SHOWN).cloned().collect::<Vec<_>>());
    let more = move || targets.with(|t| t.rows.len().saturating_sub(SHOWN));
    view! {
        <div class="moved-targets" id=id>
            <h4>{move || title.get()}</h4>
            {move || targets.with(|t| t.scenario.clone()).map(|s| view! { <p class="hint">{s}</p> })}
            {move || targets.with(|t| t.problems.clone()).into_iter().map(|p| view! {
                <p class="error-text">{p}</p>
            }).collect_view()}
            <Show when=move || targets.with(|t| t.rows.is_empty() && t.problems.is_empty())>
                <p class="hint">{move || m(app).targets_none}</p>
            </Show>
            <Show when=move || targets.with(|t| !t.rows.is_empty())>
                <table class="diff-table targets-table">
                    <thead>
                        <tr>
                            <th>{move || m(app).col_level}</th>
                            <th>{move || m(app).col_item}</th>
                            <th class="num">{move || m(app).compare_left}</th>
                            <th class="num">{move || m(app).compare_right}</th>
                            <th class="num">{move || m(app).col_change}</th>
                            <th class="num">{move || format!("{} ({})", app.t().quantity_target, m(app).col_change)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=rows key=|r| r.clone() let:r>
                            <tr class="target-move">
                                <td>{r.level.clone()}</td>
                                <td class="target-item">{r.item.clone()}</td>
                                <td class="num">{r.amount[0].clone()}</td>
                                <td class="num">{r.amount[1].clone()}</td>
                                <td class="num target-delta">{r.amount[2].clone()}</td>
                                <td class="num">{r.quantity[2].clone()}</td>
                            </tr>
                        </For>
                    </tbody>
                </table>
            </Show>
            <Show when=move || more() != 0>
                <p class="hint">{move || format!("+{}", more())}</p>
            </Show>
        </div>
    }
}
