//! A sub-district's fields: name, target share, last period's sales, its region (choosing
//! another moves it), the six factors, the development schedule, the named target distributors
//! and terminals, and a link to their records in the customer archive.

use leptos::prelude::*;

use super::milestone_list::MilestoneList;
use super::name_list::NameList;
use super::node_edits::{move_to_parent, subdistrict};
use super::tree_state::TreeState;
use crate::core::edit::{Edit, Part, SubdistrictField};
use crate::core::field::{parse_non_negative, parse_percent};
use crate::ui::fields::{Control, Field};
use crate::ui::route::Route;
use crate::ui::state::use_app;
use crate::view::detail_forms::{SubdistrictDetail, subdistrict_detail};
use crate::view::exec::customers::contracts_line;

/// The form of one sub-district.
#[component]
pub fn SubdistrictForm(
    /// The sub-district's id.
    id: String,
) -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let tree = expect_context::<TreeState>();
    let detail = {
        let id = id.clone();
        Memo::new(move |_| app.with_plan(Part::Planning, |p| subdistrict_detail(t, p, &id)))
    };
    let value = move |f: fn(&SubdistrictDetail) -> &String| {
        move || detail.with(|d| d.as_ref().map(|d| f(d).clone()).unwrap_or_default())
    };
    // The choices are names: the select is rebuilt when one changes (an undone rename).
    let regions = Memo::new(move |_| {
        detail.with(|d| {
            d.as_ref()
                .map(|d| d.region_choices.clone())
                .unwrap_or_default()
        })
    });
    let move_to = {
        let id = id.clone();
        move || {
            view! {
                <Field label=t.move_to id="sub-move" control=Control::Select(regions.get())
                    value=value(|d| &d.region) to_edit=move_to_parent(&id) />
            }
        }
    };
    tree.follow_moves(id.clone(), move || {
        detail.with(|d| d.as_ref().map(|d| d.region.clone()))
    });

    let factors = detail
        .with_untracked(|d| d.as_ref().map(|d| d.factors.clone()))
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let factor = f.factor;
            let value = move || {
                detail.with(|d| {
                    d.as_ref()
                        .and_then(|d| d.factors.get(i))
                        .map(|f| f.value.clone())
                        .unwrap_or_default()
                })
            };
            view! {
                <div class="factor">
                    <Field label=f.label id=format!("factor-{}", factor.key()) control=Control::Number
                        value=value
                        to_edit=subdistrict(&id, move |v| {
                            Ok(SubdistrictField::Factor(factor, factor.check(parse_non_negative(v)?)?))
                        }) />
                    <span class="factor-scale" id=format!("factor-scale-{}", factor.key())>
                        {f.scale}
                    </span>
                </div>
            }
        })
        .collect_view();

    let names = move |distributors: bool| {
        Signal::derive(move || {
            detail.with(|d| {
                d.as_ref()
                    .map(|d| {
                        if distributors {
                            d.distributors.clone()
                        } else {
                            d.terminals.clone()
                        }
                    })
                    .unwrap_or_default()
            })
        })
    };
    let remove = |field: fn(usize) -> SubdistrictField| {
        let id = id.clone();
        Callback::new(move |i: usize| Edit::Subdistrict {
            subdistrict: id.clone(),
            field: field(i),
        })
    };
    // The distributors' contract volumes against the sub-district's quantity target.
    let contracts = {
        let id = id.clone();
        Memo::new(move |_| {
            app.with_plan(Part::Execution, |_| ());
            crate::ui::exec::with_adopted(app, |bd| {
                app.with_plan(Part::Planning, |p| contracts_line(app.x(), p, bd, &id))
            })
            .flatten()
        })
    };
    let milestones = Signal::derive(move || {
        detail.with(|d| d.as_ref().map(|d| d.milestones.clone()).unwrap_or_default())
    });

    view! {
        <h2>{move || detail.with(|d| d.as_ref().map(|d| d.heading.clone()))}</h2>
        <div class="form-grid">
            <Field label=t.name id="detail-name" value=value(|d| &d.name)
                completes=tree.completes_adding(&id)
                to_edit=subdistrict(&id, |v| Ok(SubdistrictField::Name(v.to_string()))) />
            <Field label=t.target_share id="sub-target-share" control=Control::Number
                value=value(|d| &d.target_share)
                to_edit=subdistrict(&id, |v| Ok(SubdistrictField::TargetShare(parse_percent(v)?))) />
            <Field label=t.last_amount id="sub-last-amount" control=Control::Number
                value=value(|d| &d.last_amount)
                to_edit=subdistrict(&id, |v| {
                    Ok(SubdistrictField::LastAmount(parse_non_negative(v)?))
                }) />
            <Field label=t.last_quantity id="sub-last-quantity" control=Control::Number
                value=value(|d| &d.last_quantity)
                to_edit=subdistrict(&id, |v| {
                    Ok(SubdistrictField::LastQuantity(parse_non_negative(v)?))
                }) />
            {move_to}
        </div>
        <h3>{t.factors}</h3>
        <p class="hint factors-note">{t.factors_scale_note}</p>
        <div class="form-grid factors">{factors}</div>
        <MilestoneList subdistrict=id.clone() milestones=milestones />
        <div class="two-lists">
            <NameList class="distributors" title=t.target_distributors names=names(true)
                add_label=t.add_distributor placeholder=t.new_distributor_name
                add=subdistrict(&id, |v| Ok(SubdistrictField::AddDistributor(v.to_string())))
                remove=remove(SubdistrictField::RemoveDistributor) />
            <NameList class="terminals" title=t.target_terminals names=names(false)
                add_label=t.add_terminal placeholder=t.new_terminal_name
                add=subdistrict(&id, |v| Ok(SubdistrictField::AddTerminal(v.to_string())))
                remove=remove(SubdistrictField::RemoveTerminal) />
        </div>
        {move || contracts.get().map(|line| view! { <p class="contracts-line">{line}</p> })}
        // The named targets have records in the customer archive, a route of this app.
        <p>
            <a class="btn link" id="open-archive" href=format!("#/{}", Route::Customers.slug())>
                {t.open_archive}
            </a>
        </p>
    }
}
