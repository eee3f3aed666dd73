//! A sub-district's development and promotion schedule: dated milestones.

use leptos::prelude::*;

use super::commit::commit;
use crate::core::field::{parse_date, parse_name};
use crate::core::model::Milestone;
use crate::ui::field::Field;
use crate::ui::state::use_app;

#[component]
pub fn Milestones(id: String) -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let read_id = id.clone();
    let count = Memo::new(move |_| {
        app.plan.with(|p| {
            p.subdistrict(&read_id)
                .map(|d| d.milestones.len())
                .unwrap_or(0)
        })
    });
    let add_id = id.clone();
    let add = move |_| {
        let title = t.new_milestone_title.to_string();
        let date = app.plan.with_untracked(|p| {
            let m = p.period.start;
            chrono::NaiveDate::from_ymd_opt(m.year, m.month, 1).unwrap_or_default()
        });
        app.edit(|p| {
            if let Some(d) = p.subdistrict_mut(&add_id) {
                d.milestones.push(Milestone {
                    date,
                    title,
                    done: false,
                });
            }
        });
    };
    view! {
        <h3>{t.milestones}</h3>
        <ol class="milestones">
            {move || (0..count.get()).map(|i| {
                let (rd, wd, rt, wt, dn, rm, chk) = (id.clone(), id.clone(), id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
                let get = move |sid: &str, f: fn(&Milestone) -> String| {
                    app.plan.with(|p| p.subdistrict(sid).and_then(|d| d.milestones.get(i)).map(f).unwrap_or_default())
                };
                view! {
                    <li class="milestone">
                        <Field kind="date" label=t.milestone_date
                            value=Signal::derive(move || get(&rd, |m| m.date.to_string()))
                            commit=commit(parse_date, move |p, v| if let Some(m) = p.subdistrict_mut(&wd).and_then(|d| d.milestones.get_mut(i)) { m.date = v }) />
                        <Field label=t.milestone_title
                            value=Signal::derive(move || get(&rt, |m| m.title.clone()))
                            commit=commit(parse_name, move |p, v| if let Some(m) = p.subdistrict_mut(&wt).and_then(|d| d.milestones.get_mut(i)) { m.title = v }) />
                        <label class="check">
                            <input type="checkbox"
                                prop:checked=move || app.plan.with(|p| p.subdistrict(&chk).and_then(|d| d.milestones.get(i)).is_some_and(|m| m.done))
                                on:change=move |ev| {
                                    let done = event_target_checked(&ev);
                                    app.edit(|p| if let Some(m) = p.subdistrict_mut(&dn).and_then(|d| d.milestones.get_mut(i)) { m.done = done });
                                } />
                            {t.milestone_done}
                        </label>
                        <button class="btn subtle" on:click=move |_| app.edit(|p| if let Some(d) = p.subdistrict_mut(&rm) { if i < d.milestones.len() { d.milestones.remove(i); } })>
                            {t.remove}
                        </button>
                    </li>
                }
            }).collect_view()}
        </ol>
        <button class="btn" id="add-milestone" on:click=add>"+ " {t.add_milestone}</button>
    }
}
