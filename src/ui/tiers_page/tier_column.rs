//! One tier's column on the board.

use leptos::prelude::*;

use super::Board;
use super::tier_region_card::TierRegionCard;
use crate::core::tier::Tier;
use crate::ui::setting_field::SettingInput;
use crate::view::tier_board::TierColumn;

/// A tier: its name and count, the rule that decides it, its strategy and spend split, its
/// regions (each with its override), and its policy folded at the foot.
#[component]
pub fn TierColumnView(
    /// The tier this column shows.
    tier: Tier,
    /// The board of the scenario on screen.
    board: Board,
) -> impl IntoView {
    let key = tier.key();
    let column = Memo::new(move |_| {
        board.with(|b| {
            b.as_ref()
                .and_then(|b| b.columns.iter().find(|c| c.tier == tier).cloned())
        })
    });
    let text = move |f: fn(&TierColumn) -> String| {
        move || column.with(|c| c.as_ref().map(f).unwrap_or_default())
    };
    let strategy = move || {
        column.with(|c| {
            c.as_ref()
                .map(|c| c.strategy.clone())
                .unwrap_or_default()
                .into_iter()
                .map(|(label, value)| view! { <dt>{label}</dt> <dd>{value}</dd> })
                .collect_view()
        })
    };
    let optional_line = move |f: fn(&TierColumn) -> Option<String>| {
        move || {
            column
                .with(|c| c.as_ref().and_then(f))
                .map(|line| view! { <p class="tier-split">{line}</p> })
        }
    };
    let regions =
        move || column.with(|c| c.as_ref().map(|c| c.regions.clone()).unwrap_or_default());
    let policy = move || column.with(|c| c.as_ref().map(|c| c.policy.clone()).unwrap_or_default());
    view! {
        <section class=format!("tier-column tier-col-{key}")
            aria-labelledby=format!("tier-title-{key}")>
            <header class=format!("tier-head tier-{key}")>
                <h2 id=format!("tier-title-{key}")>{text(|c| c.title.clone())}</h2>
                <span class="tier-count">{text(|c| c.count.to_string())}</span>
            </header>
            <p class="tier-rule">{text(|c| c.rule.clone())}</p>
            <dl class="tier-strategy">{strategy}</dl>
            <p class="tier-text">{text(|c| c.text.clone())}</p>
            {optional_line(|c| c.split.clone())}
            {optional_line(|c| c.share_goal.clone())}
            <ul class="tier-regions">
                <For each=regions key=|r| r.clone() let:region>
                    <TierRegionCard region=region />
                </For>
            </ul>
            {move || {
                column
                    .with(|c| c.as_ref().and_then(|c| c.empty.clone()))
                    .map(|note| view! { <p class="empty">{note}</p> })
            }}
            <details class="tier-policy">
                <summary>{text(|c| c.policy_title.clone())}</summary>
                <For each=policy key=|f| f.shape() let:field>
                    {
                        let setting = field.setting;
                        let value = Signal::derive(move || {
                            board.with(|b| b.as_ref().map(|b| b.value(setting)).unwrap_or_default())
                        });
                        view! { <SettingInput field=field value=value /> }
                    }
                </For>
            </details>
        </section>
    }
}
