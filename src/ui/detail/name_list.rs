//! The named target distributors or retail terminals a sub-district must win.

use leptos::prelude::*;

use crate::core::field::parse_name;
use crate::ui::state::use_app;

#[component]
pub fn NameList(id: String, terminals: bool) -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let read_id = id.clone();
    let names = Memo::new(move |_| {
        app.plan.with(|p| {
            p.subdistrict(&read_id)
                .map(|d| {
                    if terminals {
                        d.target_terminals.clone()
                    } else {
                        d.target_distributors.clone()
                    }
                })
                .unwrap_or_default()
        })
    });
    let error = RwSignal::new(None::<String>);
    let draft = RwSignal::new(String::new());
    let add_id = id.clone();
    let add = move || match parse_name(&draft.get_untracked()) {
        Ok(name) => {
            app.edit(|p| {
                if let Some(d) = p.subdistrict_mut(&add_id) {
                    if terminals {
                        d.target_terminals.push(name)
                    } else {
                        d.target_distributors.push(name)
                    }
                }
            });
            draft.set(String::new());
            error.set(None);
        }
        Err(e) => error.set(Some(t.field_error(&e))),
    };
    let add_on_enter = add.clone();
    let list_class = if terminals {
        "name-list terminals"
    } else {
        "name-list distributors"
    };
    view! {
        <div class=list_class>
            <h3>{move || if terminals { t.target_terminals } else { t.target_distributors }}</h3>
            <ul>
                {move || names.get().into_iter().enumerate().map(|(i, name)| {
                    let rm = id.clone();
                    view! {
                        <li>
                            <span>{name}</span>
                            <button class="icon danger" title=t.remove aria-label=t.remove
                                on:click=move |_| app.edit(|p| if let Some(d) = p.subdistrict_mut(&rm) {
                                    let list = if terminals { &mut d.target_terminals } else { &mut d.target_distributors };
                                    if i < list.len() { list.remove(i); }
                                })>"✕"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="add-name">
                <input type="text"
                    aria-label=move || if terminals { t.new_terminal_name } else { t.new_distributor_name }
                    placeholder=move || if terminals { t.new_terminal_name } else { t.new_distributor_name }
                    prop:value=draft
                    on:input=move |ev| draft.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { add_on_enter() } />
                <button class="btn" on:click=move |_| add()>
                    "+ " {move || if terminals { t.add_terminal } else { t.add_distributor }}
                </button>
            </div>
            <span class="field-error" role="alert">{move || error.get()}</span>
        </div>
    }
}
