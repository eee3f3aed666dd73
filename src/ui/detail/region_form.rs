//! A region's fields.

use leptos::prelude::*;

use super::commit::{commit, on_region};
use crate::core::field::{parse_count, parse_name, parse_non_negative, parse_percent, parse_text};
use crate::core::model::Region;
use crate::ui::field::Field;
use crate::ui::state::use_app;

fn parse_manager(text: &str) -> Result<String, crate::core::field::FieldError> {
    parse_text(text, 100)
}

fn parse_notes(text: &str) -> Result<String, crate::core::field::FieldError> {
    parse_text(text, 2000)
}

#[component]
pub fn RegionForm(id: String) -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let key = id.clone();
    let value = move |f: fn(&Region) -> String| {
        let id = key.clone();
        Signal::derive(move || {
            app.plan.with(|p| {
                p.regions
                    .iter()
                    .find(|r| r.id == id)
                    .map(f)
                    .unwrap_or_default()
            })
        })
    };
    let tier_id = value(|r| r.id.clone());
    let tier = move || {
        let rid = tier_id.get();
        app.plan.with(|p| {
            let s = p.scenario(&app.scenario.get())?;
            let r = p.regions.iter().find(|r| r.id == rid)?;
            Some((s.tier_of(r), s.tier_overrides.contains_key(&r.id)))
        })
    };
    view! {
        <h2>
            {t.region} " · " {value(|r| r.name.clone())}
            {move || tier().map(|(tier, _)| view! {
                <span class=format!("tier-badge tier-{}", tier.key())>{t.tier(tier)}</span>
            })}
        </h2>
        <div class="form-grid">
            <Field id="detail-name" label=t.name value=value(|r| r.name.clone())
                commit=commit(parse_name, on_region(id.clone(), |r, v| r.name = v)) />
            <Field id="region-manager" label=t.manager value=value(|r| r.manager.clone())
                commit=commit(parse_manager, on_region(id.clone(), |r, v| r.manager = v)) />
            <Field id="region-share" numeric=true label=t.market_share value=value(|r| r.market_share.to_string())
                commit=commit(parse_percent, on_region(id.clone(), |r, v| r.market_share = v)) />
            <Field id="region-customers" numeric=true label=t.active_customers value=value(|r| r.active_customers.to_string())
                commit=commit(parse_count, on_region(id.clone(), |r, v| r.active_customers = v)) />
            <Field id="region-last-amount" numeric=true label=t.last_amount value=value(|r| r.last_sales.amount.to_string())
                commit=commit(parse_non_negative, on_region(id.clone(), |r, v| r.last_sales.amount = v)) />
            <Field id="region-last-quantity" numeric=true label=t.last_quantity value=value(|r| r.last_sales.quantity.to_string())
                commit=commit(parse_non_negative, on_region(id.clone(), |r, v| r.last_sales.quantity = v)) />
            <Field id="region-notes" label=t.notes value=value(|r| r.notes.clone())
                commit=commit(parse_notes, on_region(id.clone(), |r, v| r.notes = v)) />
        </div>
    }
}
