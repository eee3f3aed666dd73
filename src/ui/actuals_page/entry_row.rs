//! One salesperson's row of the entry table.

use leptos::prelude::*;

use super::ActualsState;
use super::figure_input::FigureInput;
use crate::core::edit::{Edit, ExecutionEdit, Part};
use crate::core::execution::Figure;
use crate::ui::state::{What, use_app};
use crate::view::exec::actuals::{
    Person, Refused, entry_row, figure_label, stored_actual, typed_actual,
};

/// A salesperson's month: target, the three figures as inputs, and the completion. Its view
/// model is a memo, so an edit of another row leaves this one's DOM alone.
#[component]
pub fn EntryRow(
    /// Who the row is for.
    person: Person,
    /// The page's state.
    state: ActualsState,
) -> impl IntoView {
    let app = use_app();
    let person = StoredValue::new(person);
    let row = Memo::new(move |_| {
        let (x, lang, month) = (app.x(), app.lang.get(), state.month.get());
        state.refused.with(|refused| {
            app.adopted_breakdown.with(|c| {
                let b = c.as_ref().and_then(|c| c.0.as_ref().as_ref().ok());
                app.with_plan(Part::Execution, |plan| {
                    person.with_value(|person| entry_row(x, lang, plan, b, month, person, refused))
                })
            })
        })
    });

    let commit = move |figure: Figure, text: String| {
        let x = app.x_now();
        let month = state.month.get_untracked();
        let id = person.with_value(|p| p.id.clone());
        let current = app.with_plan_untracked(|p| stored_actual(p, &id, month));
        let result = typed_actual(x, current, figure, &text).and_then(|actual| {
            let old = current.map_or(String::new(), |a| a.get(figure).normalize().to_string());
            let label = format!("{} · {month} · {}", x.page_actuals, figure_label(x, figure));
            let edit = Edit::Execution(ExecutionEdit::Actual {
                salesperson: id.clone(),
                month,
                actual,
            });
            app.apply(edit, What::field(&label, old, text.trim()))
                .map_err(|e| app.t_now().edit_error(&e))
        });
        let is_this = |r: &Refused| r.salesperson == id && r.month == month && r.figure == figure;
        match result {
            Ok(_) => {
                if state.refused.with_untracked(|r| r.iter().any(is_this)) {
                    state.refused.update(|r| r.retain(|r| !is_this(r)));
                }
            }
            Err(message) => state.refused.update(|r| {
                r.retain(|r| !is_this(r));
                r.push(Refused {
                    salesperson: id.clone(),
                    month,
                    figure,
                    typed: text,
                    message,
                });
            }),
        }
    };

    let (id, name, region, subdistrict) = person.with_value(|p| {
        (
            p.id.clone(),
            p.name.clone(),
            p.region.clone(),
            p.subdistrict.clone(),
        )
    });
    view! {
        <tr data-person=id>
            <td>{region}</td>
            <td>{subdistrict}</td>
            <td class="name">{name}</td>
            <td class="num target">{move || row.with(|r| r.target.clone())}</td>
            {Figure::ALL
                .map(|figure| {
                    let cell = Signal::derive(move || row.with(|r| r.figures[figure.index()].clone()));
                    view! {
                        <td class="input-cell">
                            <FigureInput cell=cell on_commit=move |text| commit(figure, text) />
                        </td>
                    }
                })
                .collect_view()}
            <td class="num completion">{move || row.with(|r| r.completion.clone())}</td>
        </tr>
    }
}
