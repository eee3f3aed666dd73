//! One row of the comparison table.

use leptos::prelude::*;

use crate::view::compare::CompareRow;

/// A node's row: its name (with an open/close button when it has children and the table can
/// open rows, its tier change, and ⚠ when a scenario leaves it at zero), each scenario's value
/// and each difference.
#[component]
pub fn CompareRowView(
    /// The row as the view model gives it.
    row: CompareRow,
    /// The hints: (open, close, tier changed, a zero target).
    labels: Memo<(String, String, String, String)>,
    /// Opens or closes a row by id.
    on_toggle: Option<Callback<String>>,
) -> impl IntoView {
    let id = StoredValue::new(row.id.clone());
    let class = row.class();
    let twisty = row.expanded.zip(on_toggle).map(|(open, toggle)| {
        view! {
            <button type="button" class="twisty" tabindex="-1" aria-expanded=open.to_string()
                aria-label=move || labels.with(|l| if open { l.1.clone() } else { l.0.clone() })
                on:click=move |_| toggle.run(id.get_value())>
                {if open { "▾" } else { "▸" }}
            </button>
        }
    });
    let tier_change = row.tier_change.map(|change| {
        view! {
            " "
            <span class="tier-change" title=move || labels.with(|l| l.2.clone())>"⇄ " {change}</span>
        }
    });
    let zero = row.zero.then(|| {
        view! {
            <span class="zero-mark" role="img" aria-label=move || labels.with(|l| l.3.clone())
                title=move || labels.with(|l| l.3.clone())>"⚠"</span>
            " "
        }
    });
    view! {
        <tr class=class data-node=row.id>
            <th class="name">
                {twisty} {zero} <span class="row-name">{row.name}</span> {tier_change}
            </th>
            {row.values.into_iter().map(|v| view! { <td>{v}</td> }).collect_view()}
            {row
                .deltas
                .into_iter()
                .map(|d| view! { <td class=d.trend.class()>{d.text}</td> })
                .collect_view()}
        </tr>
    }
}
