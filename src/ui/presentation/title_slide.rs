//! The title slide.

use leptos::prelude::*;

use crate::view::slides::TitleSlide;

/// The company and period, the headline targets in the largest type, and the adopted
/// scenario. A target that is not set reads as a warning.
#[component]
pub fn TitleSlideView(
    /// The slide's texts.
    slide: TitleSlide,
) -> impl IntoView {
    view! {
        <div class="title-slide">
            <p class="title-company">{slide.company} " · " {slide.period}</p>
            <dl class="title-figures">
                {slide
                    .figures
                    .into_iter()
                    .map(|f| view! {
                        <div class="title-figure" class:warn=f.warn>
                            <dt>{f.label}</dt>
                            <dd>
                                {f.warn.then_some("⚠ ")}
                                <span class="figure-value">{f.value}</span>
                                " " <span class="figure-unit">{f.unit}</span>
                            </dd>
                        </div>
                    })
                    .collect_view()}
            </dl>
            <p class="title-scenario">{slide.scenario}</p>
            <p class="title-counts">{slide.counts}</p>
        </div>
    }
}
