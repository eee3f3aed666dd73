//! A region's fields: name, manager, market share (which sets its tier), active customers,
//! last period's sales and notes.

use leptos::prelude::*;

use super::node_edits::region;
use super::tree_state::TreeState;
use crate::core::edit::{MAX_NOTES, MAX_SHORT_TEXT, Part, RegionField};
use crate::core::field::{parse_count, parse_non_negative, parse_percent, parse_text};
use crate::ui::fields::{Control, Field};
use crate::ui::state::use_app;
use crate::view::detail_forms::{RegionDetail, region_detail};

/// The form of one region.
#[component]
pub fn RegionForm(
    /// The region's id.
    id: String,
) -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let tree = expect_context::<TreeState>();
    let detail = {
        let id = id.clone();
        Memo::new(move |_| {
            let scenario = app.scenario.get();
            app.with_plan(Part::Planning, |p| region_detail(t, p, &scenario, &id))
        })
    };
    let value = move |f: fn(&RegionDetail) -> &String| {
        move || detail.with(|d| d.as_ref().map(|d| f(d).clone()).unwrap_or_default())
    };
    let heading = move || detail.with(|d| d.as_ref().map(|d| d.heading.clone()));
    let tier = move || {
        detail
            .with(|d| d.as_ref().and_then(|d| d.tier.clone()))
            .map(|(tier, name)| {
                view! { <span class=format!("tier-badge tier-{}", tier.key())>{name}</span> }
            })
    };
    view! {
        <h2>{heading} " " {tier}</h2>
        <div class="form-grid">
            <Field label=t.name id="detail-name" value=value(|d| &d.name)
                completes=tree.completes_adding(&id)
                to_edit=region(&id, |v| Ok(RegionField::Name(v.to_string()))) />
            <Field label=t.manager id="region-manager" value=value(|d| &d.manager)
                to_edit=region(&id, |v| Ok(RegionField::Manager(parse_text(v, MAX_SHORT_TEXT)?))) />
            <Field label=t.market_share id="region-share" control=Control::Number
                value=value(|d| &d.market_share)
                to_edit=region(&id, |v| Ok(RegionField::MarketShare(parse_percent(v)?))) />
            <Field label=t.active_customers id="region-customers" control=Control::Number
                value=value(|d| &d.active_customers)
                to_edit=region(&id, |v| Ok(RegionField::ActiveCustomers(parse_count(v)?))) />
            <Field label=t.last_amount id="region-last-amount" control=Control::Number
                value=value(|d| &d.last_amount)
                to_edit=region(&id, |v| Ok(RegionField::LastAmount(parse_non_negative(v)?))) />
            <Field label=t.last_quantity id="region-last-quantity" control=Control::Number
                value=value(|d| &d.last_quantity)
                to_edit=region(&id, |v| Ok(RegionField::LastQuantity(parse_non_negative(v)?))) />
            <Field label=t.notes id="region-notes" value=value(|d| &d.notes)
                to_edit=region(&id, |v| Ok(RegionField::Notes(parse_text(v, MAX_NOTES)?))) />
        </div>
    }
}
