//! A sub-district's fields: the six factors, target share, history, schedule and named targets.

use leptos::prelude::*;

use super::commit::{commit, on_subdistrict};
use super::milestones::Milestones;
use super::name_list::NameList;
use crate::core::field::{parse_name, parse_non_negative, parse_percent};
use crate::core::model::{Factor, SubDistrict};
use crate::ui::actions;
use crate::ui::field::{Field, SelectField};
use crate::ui::state::use_app;

#[component]
pub fn SubdistrictForm(id: String) -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let key = id.clone();
    let value = move |f: fn(&SubDistrict) -> String| {
        let id = key.clone();
        Signal::derive(move || {
            app.plan
                .with(|p| p.subdistrict(&id).map(f).unwrap_or_default())
        })
    };
    let factor_fields = Factor::ALL
        .into_iter()
        .map(|f| {
            let read_id = id.clone();
            let write_id = id.clone();
            let value = Signal::derive(move || {
                app.plan.with(|p| p.subdistrict(&read_id).map(|d| d.factors.get(f).to_string()).unwrap_or_default())
            });
            view! {
                <Field id=format!("factor-{}", f.key()) numeric=true label=Signal::derive(move || t.factor(f).to_string()) value
                    commit=commit(parse_non_negative, move |p, v| if let Some(d) = p.subdistrict_mut(&write_id) { *d.factors.get_mut(f) = v }) />
            }
        })
        .collect_view();
    let parent_id = id.clone();
    let parent = Signal::derive(move || {
        app.plan
            .with(|p| p.parent_id(&parent_id).unwrap_or_default())
    });
    let regions = Signal::derive(move || {
        app.plan.with(|p| {
            p.regions
                .iter()
                .map(|r| (r.id.clone(), r.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let moving = id.clone();
    view! {
        <h2>{t.subdistrict} " · " {value(|d| d.name.clone())}</h2>
        <div class="form-grid">
            <Field id="detail-name" label=t.name value=value(|d| d.name.clone())
                commit=commit(parse_name, on_subdistrict(id.clone(), |d, v| d.name = v)) />
            <Field id="sub-target-share" numeric=true label=t.target_share value=value(|d| d.target_share.to_string())
                commit=commit(parse_percent, on_subdistrict(id.clone(), |d, v| d.target_share = v)) />
            <Field id="sub-last-amount" numeric=true label=t.last_amount value=value(|d| d.last_sales.amount.to_string())
                commit=commit(parse_non_negative, on_subdistrict(id.clone(), |d, v| d.last_sales.amount = v)) />
            <Field id="sub-last-quantity" numeric=true label=t.last_quantity value=value(|d| d.last_sales.quantity.to_string())
                commit=commit(parse_non_negative, on_subdistrict(id.clone(), |d, v| d.last_sales.quantity = v)) />
            <SelectField id="sub-move" label=t.move_to value=parent options=regions
                commit=Callback::new(move |to: String| actions::move_to_parent(&moving, &to)) />
        </div>
        <h3>{t.factors}</h3>
        <div class="form-grid factors">{factor_fields}</div>
        <Milestones id=id.clone() />
        <div class="two-lists">
            <NameList id=id.clone() terminals=false />
            <NameList id=id.clone() terminals=true />
        </div>
    }
}
