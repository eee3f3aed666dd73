//! The form that records a spend. After adding, it keeps the date, region and channel and
//! empties the rest, so the next spend never inherits the last one's amount, discount or note.

use leptos::html::Input;
use leptos::prelude::*;

use crate::core::edit::{Edit, ExecutionEdit, Part};
use crate::core::execution::Channel;
use crate::ui::exec::ChoiceSelect;
use crate::ui::fields::is_commit_enter;
use crate::ui::state::{What, today, use_app};
use crate::view::exec::expenses::{
    SpendDraft, SpendInput, channel_choices, item_choices, region_choices,
};

/// One typed input of the form, with its refusal beside it.
#[component]
fn SpendText(
    /// The label.
    #[prop(into)]
    label: Signal<&'static str>,
    /// The input's DOM id.
    id: &'static str,
    /// The input's type (`text`, `date`).
    kind: &'static str,
    /// Right-aligned digits.
    #[prop(optional)]
    numeric: bool,
    /// What is typed, kept by the form.
    #[prop(into)]
    value: Signal<String>,
    /// Takes what is typed.
    #[prop(into)]
    on_input: Callback<String>,
    /// Why the typed value was refused, if it was.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Enter (outside an input method's composition) adds the spend.
    #[prop(into)]
    on_enter: Callback<()>,
    /// Reaches the input (to put the cursor back after adding).
    #[prop(optional)]
    node_ref: Option<NodeRef<Input>>,
) -> impl IntoView {
    let node_ref = node_ref.unwrap_or_default();
    view! {
        <label class="field-inline" class:invalid=move || error.with(Option::is_some)>
            <span>{move || label.get()}</span>
            <input type=kind id=id node_ref=node_ref
                class=numeric.then_some("numeric") inputmode=numeric.then_some("decimal")
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
                on:keydown=move |ev| {
                    if is_commit_enter(&ev) {
                        ev.prevent_default();
                        on_enter.run(());
                    }
                } />
            <span class="field-error" role="alert">{move || error.get()}</span>
        </label>
    }
}

/// Records a spend for a region and channel.
#[component]
pub fn SpendForm() -> impl IntoView {
    let app = use_app();
    let regions = Memo::new(move |_| app.with_plan(Part::Planning, region_choices));
    let first_region = regions.with_untracked(|r| r.first().map(|c| c.value.clone()));
    let draft = RwSignal::new(SpendDraft::new(
        today(),
        &first_region.unwrap_or_default(),
        Channel::Distributor,
    ));
    let errors = RwSignal::new(Vec::<(SpendInput, String)>::new());
    // Refusals of the plan itself (an unknown region), not of one input.
    let refused = RwSignal::new(None::<String>);
    let amount_input = NodeRef::<Input>::new();

    let add = move || {
        let x = app.x_now();
        let typed = draft.get_untracked();
        let expense = match typed.parse(x) {
            Ok(expense) => expense,
            Err(list) => {
                refused.set(None);
                return errors.set(list);
            }
        };
        errors.set(Vec::new());
        let region = app.with_plan_untracked(|p| {
            p.region(&expense.region)
                .map_or_else(|| expense.region.clone(), |r| r.name.clone())
        });
        let what = What::Text(format!(
            "{} · {region} · {} · {}",
            x.record_spend,
            expense.date,
            typed.amount.trim()
        ));
        match app.apply(Edit::Execution(ExecutionEdit::AddExpense(expense)), what) {
            Ok(_) => {
                refused.set(None);
                draft.set(typed.after_adding());
                if let Some(input) = amount_input.get_untracked() {
                    let _ = input.focus();
                }
            }
            Err(e) => refused.set(Some(app.t_now().edit_error(&e))),
        }
    };
    let error_of = move |input: SpendInput| {
        Signal::derive(move || {
            errors.with(|list| {
                list.iter()
                    .find(|(i, _)| *i == input)
                    .map(|(_, m)| m.clone())
            })
        })
    };
    let text_of = move |f: fn(&SpendDraft) -> String| Signal::derive(move || draft.with(f));
    let on_enter = Callback::new(move |()| add());

    view! {
        <fieldset class="spend-form">
            <legend>{move || app.x().record_spend}</legend>
            <SpendText label=Signal::derive(move || app.x().date) id="spend-date" kind="date"
                value=text_of(|d| d.date.clone())
                on_input=move |v| draft.update(|d| d.date = v)
                error=error_of(SpendInput::Date) on_enter=on_enter />
            <ChoiceSelect label=Signal::derive(move || app.x().region.to_string())
                id="spend-region" choices=regions value=text_of(|d| d.region.clone())
                on_change=move |v: String| draft.update(|d| d.region = v) />
            <ChoiceSelect label=Signal::derive(move || app.x().channel.to_string())
                id="spend-channel" choices=Signal::derive(move || channel_choices(app.x()))
                value=text_of(|d| d.channel.clone())
                on_change=move |v: String| draft.update(|d| d.channel = v) />
            <ChoiceSelect label=Signal::derive(move || app.x().item.to_string())
                id="spend-item" choices=Signal::derive(move || item_choices(app.x()))
                value=text_of(|d| d.item.clone())
                on_change=move |v: String| draft.update(|d| d.item = v) />
            <SpendText label=Signal::derive(move || app.x().amount) id="spend-amount" kind="text"
                numeric=true node_ref=amount_input
                value=text_of(|d| d.amount.clone())
                on_input=move |v| draft.update(|d| d.amount = v)
                error=error_of(SpendInput::Amount) on_enter=on_enter />
            <SpendText label=Signal::derive(move || app.x().discount) id="spend-discount"
                kind="text" numeric=true
                value=text_of(|d| d.discount.clone())
                on_input=move |v| draft.update(|d| d.discount = v)
                error=error_of(SpendInput::Discount) on_enter=on_enter />
            <SpendText label=Signal::derive(move || app.x().note) id="spend-note" kind="text"
                value=text_of(|d| d.note.clone())
                on_input=move |v| draft.update(|d| d.note = v)
                error=error_of(SpendInput::Note) on_enter=on_enter />
            <button type="button" class="btn primary" id="add-spend" on:click=move |_| add()>
                {move || app.x().add}
            </button>
            <span class="field-error" role="alert">{move || refused.get()}</span>
        </fieldset>
    }
}
