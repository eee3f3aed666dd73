//! The live breakdown table: tree rows × year and months. Only the rows in view are in the
//! page (spacers stand for the others), so ten thousand salespeople scroll smoothly; rows are
//! keyed by what they show, so an edit redraws only the rows whose numbers moved.

use leptos::html::Div;
use leptos::prelude::*;

use super::breakdown_row::BreakdownRowView;
use super::{good, use_shown};
use crate::core::edit::Part;
use crate::ui::state::use_app;
use crate::view::breakdown_table::{
    ROW_HEIGHT, RowSource, Window, table_head, table_rows, visible_nodes,
};

/// The table, scrolled in its own box.
#[component]
pub fn BreakdownTable() -> impl IntoView {
    let app = use_app();
    let shown = use_shown();
    let scroller = NodeRef::<Div>::new();
    let scroll_top = RwSignal::new(0u32);
    let viewport = RwSignal::new(600u32);

    // Node indices of every row that would be shown, in order.
    let visible = Memo::new(move |_| {
        shown.last_good.with(|c| {
            c.as_ref()
                .and_then(good)
                .map(|bd| app.bd_expanded.with(|e| visible_nodes(bd, e)))
                .unwrap_or_default()
        })
    });
    let window =
        Memo::new(move |_| visible.with(|v| Window::of(v.len(), scroll_top.get(), viewport.get())));
    let rows = Memo::new(move |_| {
        let w = window.get();
        let measure = app.measure.get();
        let sid = app.scenario.get();
        shown.before.with(|before| {
            shown.last_good.with(|c| {
                let Some(bd) = c.as_ref().and_then(good) else {
                    return Vec::new();
                };
                app.with_plan(Part::Planning, |plan| {
                    app.bd_expanded.with(|expanded| {
                        visible.with(|v| {
                            let src = RowSource {
                                plan,
                                scenario: plan.scenario(&sid),
                                bd,
                                measure,
                                expanded,
                                previous: before.as_ref().and_then(good),
                            };
                            table_rows(&src, &v[w.start.min(v.len())..w.end.min(v.len())])
                        })
                    })
                })
            })
        })
    });
    let head = Memo::new(move |_| {
        let t = app.t();
        shown.last_good.with(|c| {
            c.as_ref()
                .and_then(good)
                .map(|bd| table_head(t, bd))
                .unwrap_or_default()
        })
    });
    let columns = move || head.with(Vec::len).max(1).to_string();

    let measure_viewport = move || {
        if let Some(el) = scroller.get_untracked() {
            scroll_top.set(el.scroll_top().max(0) as u32);
            viewport.set(el.client_height().max(0) as u32);
        }
    };
    Effect::new(move |_| {
        if scroller.get().is_some() {
            measure_viewport();
        }
    });
    // A taller window shows more rows.
    let resize = window_event_listener(leptos::ev::resize, move |_| measure_viewport());
    on_cleanup(move || resize.remove());

    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let key = ev.key();
        let (selected, expand) = visible.with_untracked(|rows| {
            shown.last_good.with_untracked(|c| {
                let Some(bd) = c.as_ref().and_then(good) else {
                    return (None, None);
                };
                let nodes = bd.nodes();
                let current = app.selected.with_untracked(|s| {
                    rows.iter()
                        .position(|&i| match s {
                            Some(id) => nodes[i].id == *id,
                            None => i == 0,
                        })
                        .unwrap_or(0)
                });
                let at = |k: usize| rows.get(k).map(|&i| (k, nodes[i].id.clone(), i == 0));
                match key.as_str() {
                    "ArrowDown" => (at(current + 1), None),
                    "ArrowUp" => (current.checked_sub(1).and_then(at), None),
                    "ArrowRight" => (None, at(current).map(|(_, id, _)| (id, true))),
                    "ArrowLeft" => (None, at(current).map(|(_, id, _)| (id, false))),
                    _ => (None, None),
                }
            })
        });
        if !matches!(
            key.as_str(),
            "ArrowDown" | "ArrowUp" | "ArrowRight" | "ArrowLeft"
        ) {
            return;
        }
        ev.prevent_default();
        if let Some((id, open)) = expand {
            app.bd_expanded.update(|e| {
                if open {
                    e.insert(id);
                } else {
                    e.remove(&id);
                }
            });
        }
        if let Some((position, id, company)) = selected {
            app.selected.set((!company).then_some(id));
            // Keep the selected row in view.
            if let Some(el) = scroller.get_untracked() {
                let (row, pos) = (ROW_HEIGHT as i32, position as i32 * ROW_HEIGHT as i32);
                let (top, height) = (el.scroll_top(), el.client_height());
                if pos < top + row {
                    el.set_scroll_top((pos - row).max(0));
                } else if pos + 2 * row > top + height {
                    el.set_scroll_top(pos + 2 * row - height);
                }
            }
        }
    };

    view! {
        <div class="bd-scroll" node_ref=scroller tabindex="0" id="breakdown-table"
            aria-label=move || app.t().view_breakdown
            on:scroll=move |_| measure_viewport() on:keydown=on_key>
            <table class="bd-table">
                <thead>
                    <tr>
                        {move || {
                            head.get()
                                .into_iter()
                                .enumerate()
                                .map(|(i, h)| {
                                    let class = match i {
                                        0 => "name",
                                        1 => "year",
                                        _ => "",
                                    };
                                    view! { <th scope="col" class=class>{h}</th> }
                                })
                                .collect_view()
                        }}
                    </tr>
                </thead>
                <tbody>
                    <Show when=move || window.with(|w| w.before > 0)>
                        <tr class="spacer" style:height=move || format!("{}px", window.get().before)>
                            <td colspan=columns></td>
                        </tr>
                    </Show>
                    <For each=move || rows.get() key=|row| row.clone() let:row>
                        <BreakdownRowView row=row />
                    </For>
                    <Show when=move || window.with(|w| w.after > 0)>
                        <tr class="spacer" style:height=move || format!("{}px", window.get().after)>
                            <td colspan=columns></td>
                        </tr>
                    </Show>
                </tbody>
            </table>
        </div>
    }
}
