//! A region on the tier board, with the override of its tier.

use leptos::html::Input;
use leptos::prelude::*;

use crate::i18n::fill;
use crate::ui::fields::is_commit_enter;
use crate::ui::state::{What, use_app};
use crate::view::tier_board::{TierRegion, override_edit};

/// A region's card: name, share, customers, its override's reason, and the override itself —
/// a tier chosen by hand needs a written reason before it is applied.
#[component]
pub fn TierRegionCard(
    /// The region as the board shows it.
    region: TierRegion,
) -> impl IntoView {
    let app = use_app();
    let field = region.override_field;
    let chosen = RwSignal::new(field.chosen.clone());
    let error = RwSignal::new(None::<String>);
    let reason_box = NodeRef::<Input>::new();
    let id = StoredValue::new(region.id.clone());
    let options = StoredValue::new(field.options.clone());
    let stored = StoredValue::new((field.chosen.clone(), field.reason.clone()));
    let label = StoredValue::new(field.label.clone());

    let option_label = move |key: &str| {
        options.with_value(|o| {
            o.iter()
                .find(|(k, _)| k == key)
                .map(|(_, l)| l.clone())
                .unwrap_or_default()
        })
    };
    let commit = move || {
        let t = app.t_now();
        let reason = reason_box
            .get_untracked()
            .map(|i| i.value())
            .unwrap_or_default();
        let tier = chosen.get_untracked();
        let edit = match override_edit(
            &app.scenario.get_untracked(),
            &id.get_value(),
            &tier,
            &reason,
        ) {
            Ok(edit) => edit,
            Err(e) => {
                // The reason is what is missing: the cursor goes there.
                if let Some(input) = reason_box.get_untracked() {
                    let _ = input.focus();
                }
                return error.set(Some(t.field_error(&e)));
            }
        };
        let old = stored.with_value(|(tier, reason)| {
            let tier = option_label(tier);
            if reason.is_empty() {
                tier
            } else {
                fill(t.in_parens, &[&tier, reason])
            }
        });
        let new = if tier.is_empty() {
            option_label("")
        } else {
            fill(t.in_parens, &[&option_label(&tier), reason.trim()])
        };
        match app.apply(edit, What::field(&label.get_value(), old, new)) {
            Ok(_) => error.set(None),
            Err(e) => error.set(Some(t.edit_error(&e))),
        }
    };
    let invalid = move || error.with(Option::is_some).then_some("true");
    let overridden = region.override_badge.is_some();
    view! {
        <li class="tier-region" class:overridden=overridden
            id=format!("tier-region-{}", region.id)>
            <div class="tier-region-head">
                <span class="tier-region-name">{region.name}</span>
                <span class="tier-region-share">{region.share}</span>
            </div>
            <div class="tier-region-meta">
                {region.customers}
                {region.override_badge.map(|b| view! { <span class="override-badge">{b}</span> })}
                {region.inconsistent.map(|b| view! { <span class="inconsistent-badge" role="note">{b}</span> })}
            </div>
            <label class="field" class:invalid=move || error.with(Option::is_some)>
                <span class="field-label">{field.label.clone()}</span>
                <select aria-invalid=invalid prop:value=move || chosen.get()
                    on:change=move |ev| {
                        chosen.set(event_target_value(&ev));
                        commit();
                    }>
                    {field
                        .options
                        .into_iter()
                        .map(|(key, text)| {
                            let selected = key == field.chosen;
                            view! { <option value=key selected=selected>{text}</option> }
                        })
                        .collect_view()}
                </select>
                <span class="field-error" role="alert">{move || error.get()}</span>
            </label>
            <label class="field">
                <span class="field-label">{field.reason_label.clone()}</span>
                <input type="text" node_ref=reason_box placeholder=field.reason_label
                    prop:value=field.reason
                    on:change=move |_| {
                        if !chosen.get_untracked().is_empty() {
                            commit();
                        }
                    }
                    on:keydown=move |ev| {
                        if is_commit_enter(&ev) {
                            ev.prevent_default();
                            commit();
                        }
                    } />
            </label>
        </li>
    }
}
