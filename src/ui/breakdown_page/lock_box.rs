//! The lock of the selected node for the measure on screen (and its typed number under the
//! manual method).

use leptos::prelude::*;

use super::{good, use_shown};
use crate::core::edit::{Edit, Part, ScenarioField};
use crate::core::scenario::{Level, Measure};
use crate::core::tree::NodePos;
use crate::ui::fields::{Control, Field};
use crate::ui::state::{What, use_app};
use crate::view::lock_form::{LockPanel, NodeValue, lock_panel};

/// The selected node's lock panel, with the node and measure it is for.
type Selected = Option<(String, Measure, LockPanel)>;

/// One of the node's value fields (the lock or the manual number).
#[component]
fn NodeValueInput(
    /// Which value of the node the field edits.
    kind: NodeValue,
    /// The node.
    node: String,
    /// The measure the value is of.
    measure: Measure,
    /// The label, which also names the change in the change log.
    label: String,
    /// The input's DOM id.
    id: &'static str,
    /// The selected node's lock panel, kept current.
    panel: Memo<Selected>,
) -> impl IntoView {
    let app = use_app();
    let value = Signal::derive(move || {
        panel.with(|p| {
            p.as_ref()
                .map(|(_, _, lp)| match kind {
                    NodeValue::Lock => lp.lock.value.clone(),
                    NodeValue::Manual => lp
                        .manual
                        .as_ref()
                        .map(|m| m.value.clone())
                        .unwrap_or_default(),
                })
                .unwrap_or_default()
        })
    });
    let node = StoredValue::new(node);
    let to_edit = Callback::new(move |text: String| {
        kind.edit(
            &app.scenario.get_untracked(),
            &node.get_value(),
            measure,
            &text,
        )
    });
    view! { <Field label=label value=value to_edit=to_edit control=Control::Number id=id /> }
}

/// The lock box of the selected row (nothing for the company).
#[component]
pub fn LockBox() -> impl IntoView {
    let app = use_app();
    let shown = use_shown();
    let panel: Memo<Selected> = Memo::new(move |_| {
        let id = app.selected.get()?;
        let measure = app.measure.get();
        let sid = app.scenario.get();
        let t = app.t();
        let current = shown.last_good.with(|c| {
            let bd = c.as_ref().and_then(good)?;
            bd.find(&id).map(|i| bd.annual(i, measure))
        });
        app.with_plan(Part::Planning, |p| {
            let level = match p.locate(&id)? {
                NodePos::Region(..) => Level::Region,
                NodePos::Subdistrict(..) => Level::Subdistrict,
                NodePos::Salesperson(..) => Level::Salesperson,
            };
            let s = p.scenario(&sid)?;
            let lp = lock_panel(t, s, &id, measure, current, s.methods.get(level));
            Some((id, measure, lp))
        })
    });
    // What is drawn: a value change keeps the inputs in place; locking, another node or
    // another measure redraws.
    let shape = Memo::new(move |_| {
        panel.with(|p| {
            p.as_ref().map(|(id, measure, lp)| {
                (
                    id.clone(),
                    *measure,
                    lp.locked.clone(),
                    lp.unlock.clone(),
                    lp.lock.label.clone(),
                    lp.manual.as_ref().map(|m| m.label.clone()),
                )
            })
        })
    });
    move || {
        shape
            .get()
            .map(|(id, measure, locked, unlock, lock_label, manual_label)| {
                let node = id.clone();
                let lock = match locked {
                    Some(text) => {
                        let do_unlock = move |_| {
                            let t = app.t_now();
                            let edit = Edit::Scenario {
                                scenario: app.scenario.get_untracked(),
                                field: ScenarioField::Lock(measure, node.clone(), None),
                            };
                            if let Err(e) = app.apply(edit, What::Text(t.unlock.to_string())) {
                                app.notify_error(t.edit_error(&e));
                            }
                        };
                        view! {
                            <p class="locked-at" id="locked-at">
                                "🔒 " {text}
                                <button type="button" class="btn" id="unlock" title=unlock.clone()
                                    on:click=do_unlock>{unlock.clone()}</button>
                            </p>
                        }
                        .into_any()
                    }
                    None => view! {
                        <NodeValueInput kind=NodeValue::Lock node=id.clone() measure=measure
                            label=lock_label id="lock-value" panel=panel />
                    }
                    .into_any(),
                };
                let manual = manual_label.map(|label| {
                    view! {
                        <NodeValueInput kind=NodeValue::Manual node=id.clone() measure=measure
                            label=label id="manual-value" panel=panel />
                    }
                });
                view! { <div class="lock-box">{lock} {manual}</div> }
            })
    }
}
