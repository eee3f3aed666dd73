//! One sub-district on a region's slide.

use leptos::prelude::*;

use crate::view::slides::SubdistrictCard;

/// A sub-district: its name and target, then its people and theirs.
#[component]
pub fn SubdistrictCardView(
    /// The sub-district and its people.
    card: SubdistrictCard,
    /// The headings of the amount and quantity columns, when the plan has a quantity target
    /// (without one, the amount alone needs no heading).
    columns: Option<(&'static str, &'static str)>,
) -> impl IntoView {
    view! {
        <section class="sub-card" class:warn=card.warn>
            <h2>
                <span class="sub-name">{card.name}</span>
                <span class="sub-figure">{card.amount}</span>
                {card.quantity.map(|q| view! { <span class="sub-figure qty">{q}</span> })}
            </h2>
            {card.nobody.map(|w| view! { <p class="slide-warn">"⚠ " {w}</p> })}
            <table class="people">
                {columns.map(|(amount, quantity)| view! {
                    <thead>
                        <tr><td></td><th>{amount}</th><th>{quantity}</th></tr>
                    </thead>
                })}
                <tbody>
                    {card
                        .people
                        .into_iter()
                        .map(|p| view! {
                            <tr class:warn=p.warn>
                                <th>{p.name}</th>
                                <td>{p.amount}</td>
                                {p.quantity.map(|q| view! { <td class="qty">{q}</td> })}
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
        </section>
    }
}
