//! A distributor's figures for the month: all thirteen typed, then saved as one step; a
//! refused figure is named beside its input and nothing is stored.

use leptos::html::Input;
use leptos::prelude::*;

use crate::core::edit::{Edit, ExecutionEdit, Part};
use crate::core::period::YearMonth;
use crate::i18n::fill;
use crate::ui::fields::is_commit_enter;
use crate::ui::state::{What, use_app};
use crate::view::exec::scorecard::{FIGURE_KEYS, FiguresForm, figures_form, parse_figures};

/// One figure's input.
#[component]
fn FigureInput(
    /// The figure's key (`completed_volume`).
    key: &'static str,
    /// The form it belongs to (its label and stored value).
    form: Memo<Option<FiguresForm>>,
    /// Reaches the input when the form is saved.
    node_ref: NodeRef<Input>,
    /// Why the typed value was refused, if it was.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Enter saves the form.
    #[prop(into)]
    on_enter: Callback<()>,
) -> impl IntoView {
    let field = move |f: fn(&crate::view::exec::scorecard::FigureInput) -> String| {
        move || {
            form.with(|form| {
                form.as_ref()
                    .and_then(|form| form.figures.iter().find(|i| i.key == key))
                    .map(f)
                    .unwrap_or_default()
            })
        }
    };
    view! {
        <label class="field-inline fig" class:invalid=move || error.with(Option::is_some)>
            <span>{field(|i| i.label.to_string())}</span>
            <input type="text" class="numeric" inputmode="decimal" id=format!("fig-{key}")
                node_ref=node_ref
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                prop:value=field(|i| i.value.clone())
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

/// The figures of the chosen distributor (else the first) in `month`.
#[component]
pub fn FiguresEntry(
    /// The month the figures are for.
    month: YearMonth,
    /// The distributor chosen on the page (`None`: the first).
    customer: RwSignal<Option<String>>,
) -> impl IntoView {
    let app = use_app();
    let form = Memo::new(move |_| {
        let x = app.x();
        customer
            .with(|c| app.with_plan(Part::Execution, |p| figures_form(x, p, c.as_deref(), month)))
    });
    let inputs = FIGURE_KEYS.map(|key| (key, NodeRef::<Input>::new()));
    let errors = RwSignal::new(Vec::<(&'static str, String)>::new());
    let refused = RwSignal::new(None::<String>);

    let save = move || {
        let x = app.x_now();
        let Some((id, name)) = form.with_untracked(|f| {
            f.as_ref().map(|f| {
                let name = f
                    .distributors
                    .iter()
                    .find(|(id, _)| *id == f.customer)
                    .map(|(_, n)| n.clone())
                    .unwrap_or_default();
                (f.customer.clone(), name)
            })
        }) else {
            return;
        };
        let typed: Vec<(&'static str, String)> = inputs
            .iter()
            .map(|(key, node)| {
                (
                    *key,
                    node.get_untracked().map(|i| i.value()).unwrap_or_default(),
                )
            })
            .collect();
        let figures = match parse_figures(x, &typed) {
            Ok(figures) => figures,
            Err(list) => return errors.set(list),
        };
        errors.set(Vec::new());
        let edit = Edit::Execution(ExecutionEdit::ScoreFigures {
            customer: id.clone(),
            month,
            figures: Box::new(figures),
        });
        let what = What::Text(fill(x.figures_of, &[&month.to_string()]));
        match app.apply(edit, what) {
            Ok(_) => {
                refused.set(None);
                customer.set(Some(id));
                app.notify(format!("{} · {name}", x.figures_saved), None);
            }
            Err(e) => refused.set(Some(app.t_now().edit_error(&e))),
        }
    };
    let on_enter = Callback::new(move |()| save());
    let error_of = move |key: &'static str| {
        Signal::derive(move || {
            errors.with(|list| list.iter().find(|(k, _)| *k == key).map(|(_, m)| m.clone()))
        })
    };

    view! {
        <Show when=move || form.with(Option::is_some)
            fallback=move || view! {
                <section class="card figures">
                    <p class="empty">{move || app.x().no_distributors}</p>
                </section>
            }>
            <section class="card figures">
                <h3>{move || form.with(|f| f.as_ref().map(|f| f.title.clone()))}</h3>
                <div class="toolbar">
                    <label class="field-inline">
                        <span>{move || app.x().distributor}</span>
                        <select id="score-customer"
                            prop:value=move || form.with(|f| f.as_ref().map(|f| f.customer.clone()))
                            on:change=move |ev| {
                                errors.set(Vec::new());
                                refused.set(None);
                                customer.set(Some(event_target_value(&ev)));
                            }>
                            {move || form.with(|f| {
                                let Some(f) = f else { return Vec::new() };
                                f.distributors
                                    .iter()
                                    .map(|(id, name)| {
                                        let selected = *id == f.customer;
                                        view! { <option value=id.clone() selected=selected>{name.clone()}</option> }
                                    })
                                    .collect::<Vec<_>>()
                            })}
                        </select>
                    </label>
                </div>
                <div class="record-fields">
                    {inputs
                        .into_iter()
                        .map(|(key, node_ref)| view! {
                            <FigureInput key=key form=form node_ref=node_ref error=error_of(key)
                                on_enter=on_enter />
                        })
                        .collect_view()}
                </div>
                <div class="actions">
                    <button type="button" class="btn primary" id="save-figures"
                        on:click=move |_| save()>
                        {move || app.x().save_figures}
                    </button>
                    <span class="field-error" role="alert">{move || refused.get()}</span>
                </div>
            </section>
        </Show>
    }
}
