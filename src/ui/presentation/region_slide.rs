//! A region's slide: every salesperson's number.

use leptos::prelude::*;

use super::subdistrict_card::SubdistrictCardView;
use crate::view::slides::RegionSlide;

/// The region's tier, share and targets, then a card per sub-district with its target and each
/// salesperson's. Zeros and sub-districts without anyone are warnings. The type is sized for
/// the number of people on the slide.
#[component]
pub fn RegionSlideView(
    /// The region's slide.
    slide: RegionSlide,
) -> impl IntoView {
    let tier_class = slide.tier_class();
    let (amount_label, quantity_label) = slide.labels;
    let with_quantity = slide.quantity.is_some();
    let columns = slide.columns;
    view! {
        <div class=format!("region-slide {}", slide.density)>
            <div class="region-summary">
                <span class=tier_class>{slide.tier_name}</span>
                <span class="region-share">{slide.share}</span>
                <span class="region-figure">
                    <small>{amount_label}</small> " " <b>{slide.amount}</b>
                </span>
                {slide.quantity.map(|q| view! {
                    <span class="region-figure">
                        <small>{quantity_label}</small> " " <b>{q}</b>
                    </span>
                })}
            </div>
            {slide.warn.map(|w| view! { <p class="slide-warn">"⚠ " {w}</p> })}
            {slide.zero_people.map(|w| view! { <p class="slide-warn">"⚠ " {w}</p> })}
            <div class="sub-cards">
                {slide
                    .subdistricts
                    .into_iter()
                    .map(|card| view! {
                        <SubdistrictCardView card=card
                            columns=with_quantity.then_some(columns) />
                    })
                    .collect_view()}
            </div>
        </div>
    }
}
