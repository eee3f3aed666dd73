//! Send a part: the whole plan exported with one region marked as the recipient's part.

use leptos::prelude::*;

use super::m;
use crate::core::edit::Part;
use crate::i18n::fill;
use crate::ui::state::use_app;

/// A region to choose and a button that downloads the copy for it; on a copy that was sent as
/// a part, which part it is.
#[component]
pub fn SendPart() -> impl IntoView {
    let app = use_app();
    let regions = Memo::new(move |_| {
        app.with_plan(Part::Planning, |p| {
            p.regions
                .iter()
                .map(|r| (r.id.clone(), r.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let chosen = RwSignal::new(String::new());
    let part_line = Memo::new(move |_| {
        app.with_plan(Part::Planning, |p| {
            let id = p.recipient_part.as_ref()?;
            let region = p.regions.iter().find(|r| r.id == *id)?;
            Some(format!("{} ({})", region.name, region.id))
        })
    });
    let send = move |_| {
        let region = match chosen.get_untracked() {
            id if id.is_empty() => regions.with_untracked(|r| r.first().map(|x| x.0.clone())),
            id => Some(id),
        };
        let Some(region) = region else { return };
        // The copy carries every restore patch of its log: it is placed by it when merged back.
        app.settle();
        let result = app.with_plan_untracked(|p| {
            let mut copy = p.clone();
            let name = p
                .regions
                .iter()
                .find(|r| r.id == region)
                .map_or(region.clone(), |r| r.name.clone());
            copy.recipient_part = Some(region.clone());
            crate::storage::files::download(
                &crate::storage::files::safe_file_name(&format!("{} - {name}", p.name), "json"),
                "application/json",
                &crate::core::format::write_plan_pretty(&copy),
            )
            .map(|()| name)
        });
        match result {
            Ok(name) => app.notify(fill(m(app).sent_what, &[&name]), None),
            Err(e) => app.notify_error(e),
        }
    };
    view! {
        <section class="merge-section send-part" id="send-part">
            <h3>{move || m(app).send_title}</h3>
            <p class="hint">{move || m(app).send_hint}</p>
            {move || part_line.get().map(|name| view! {
                <p class="part-line" id="part-line">{fill(m(app).part_line, &[&name])}</p>
            })}
            <div class="merge-controls">
                <label>
                    {move || m(app).send_region} " "
                    <select id="send-region" on:change=move |ev| chosen.set(event_target_value(&ev))>
                        <For each=move || regions.get() key=|r| r.clone() let:region>
                            {
                                let (id, name) = region;
                                let value = id.clone();
                                view! {
                                    <option value=value selected=move || chosen.get() == id>{name}</option>
                                }
                            }
                        </For>
                    </select>
                </label>
                <button type="button" class="btn" id="send-part-button" on:click=send>
                    {move || m(app).send_button}
                </button>
            </div>
        </section>
    }
}
