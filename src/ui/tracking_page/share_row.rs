//! One region's market share: the month's share to type, the latest, the completion of its
//! target share, and, when it has crossed a threshold, the tier to review and adopt.

use leptos::prelude::*;

use crate::core::edit::{Edit, ExecutionEdit, ScenarioField};
use crate::core::field::parse_percent;
use crate::core::period::YearMonth;
use crate::core::tier::TierOverride;
use crate::i18n::fill;
use crate::ui::fields::{Control, Field};
use crate::ui::state::use_app;
use crate::view::exec::shares::ShareLine;

/// A region's row of the market-share table.
#[component]
pub fn ShareRowView(
    /// The region's line (`None` for the moment it leaves the table).
    #[prop(into)]
    line: Signal<Option<ShareLine>>,
    /// The month the typed share is recorded for.
    #[prop(into)]
    month: Signal<YearMonth>,
) -> impl IntoView {
    let app = use_app();
    let region = line.with_untracked(|l| l.as_ref().map(|l| l.id.clone()).unwrap_or_default());
    let id = StoredValue::new(region.clone());
    let text = move |f: fn(&ShareLine) -> String| {
        move || line.with(|l| l.as_ref().map(f).unwrap_or_default())
    };
    let value = Signal::derive(move || {
        line.with(|l| l.as_ref().map(|l| l.value.clone()).unwrap_or_default())
    });
    let record = move |text: String| {
        let share = if text.trim().is_empty() {
            None
        } else {
            Some(parse_percent(&text)?)
        };
        Ok(Edit::Execution(ExecutionEdit::Share {
            region: id.get_value(),
            month: month.get_untracked(),
            share,
        }))
    };
    let drift = Memo::new(move |_| line.with(|l| l.as_ref().and_then(|l| l.drift.clone())));
    let tier_class =
        move || line.with(|l| format!("tier-badge tier-{}", l.as_ref().map_or("", |l| l.tier_key)));
    view! {
        <tr class="share-row" class:drift=move || drift.with(Option::is_some) data-region=region>
            <td class="name">{text(|l| l.name.clone())}</td>
            <td><span class=tier_class>{text(|l| l.tier.to_string())}</span></td>
            <td class="num">{text(|l| l.planned.clone())}</td>
            <td class="num">{text(|l| l.target.clone())}</td>
            <td class="input-cell share-input">
                {move || {
                    let label = fill(app.x().share_in, &[&month.get().to_string()]);
                    view! { <Field label=label value=value to_edit=record control=Control::Number /> }
                }}
            </td>
            <td class="num">{text(|l| l.latest.clone())}</td>
            <td class="num">{text(|l| l.completion.clone())}</td>
            <td class="review-cell">
                {move || drift.get().map(|d| {
                    let tier = d.tier;
                    let adopt = move |reason: String| {
                        let scenario = app.with_plan_untracked(|p| p.adopted_scenario.clone());
                        Ok(Edit::Scenario {
                            scenario,
                            field: ScenarioField::TierOverride(
                                id.get_value(),
                                Some(TierOverride { tier, reason }),
                            ),
                        })
                    };
                    view! {
                        <p class="drift-message">{d.message}</p>
                        <Field label=d.adopt_label value=Signal::stored(String::new()) to_edit=adopt />
                    }
                })}
            </td>
        </tr>
    }
}
