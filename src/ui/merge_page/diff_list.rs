//! The changes between two plans as a side-by-side list (item, field, before, after), with
//! filters by region and by kind; in a merge, what becomes of each change.

use leptos::prelude::*;

use super::m;
use crate::i18n::fill;
use crate::ui::state::use_app;
use crate::view::merge_view::MergeRow;
use crate::view::plan_diff::KindFilter;

use super::diff_line::DiffLine;

/// Rows shown at first and added by "show more": a 10,000-salesperson plan can differ in
/// thousands of places, and the list is read from the top.
const PAGE: usize = 200;

/// The list with its filters.
#[component]
pub fn DiffList(
    /// The changes, in reading order (a plain comparison has an empty status).
    #[prop(into)]
    rows: Signal<Vec<MergeRow>>,
    /// The regions the changes concern, `(id, name)`, for the region filter.
    #[prop(into)]
    regions: Signal<Vec<(String, String)>>,
    /// Whether to show what the merge does with each change.
    #[prop(optional)]
    with_status: bool,
    /// Prefix of the ids of the filters (`diff`, `merge-0`).
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let app = use_app();
    let region = RwSignal::new(String::new());
    let kind = RwSignal::new(KindFilter::All);
    let limit = RwSignal::new(PAGE);
    let shown = Memo::new(move |_| {
        let (r, k) = (region.get(), kind.get());
        rows.with(|rows| {
            rows.iter()
                .filter(|x| r.is_empty() || x.row.region.as_deref() == Some(r.as_str()))
                .filter(|x| k.keeps(&x.row))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let visible = move || {
        let n = limit.get();
        shown.with(|s| s.iter().take(n).cloned().collect::<Vec<_>>())
    };
    let has_more = move || shown.with(Vec::len) > limit.get();
    let on_kind = move |ev: leptos::ev::Event| {
        let key = event_target_value(&ev);
        if let Some((k, _)) = KindFilter::choices(m(app))
            .into_iter()
            .find(|(k, _)| k.key() == key)
        {
            kind.set(k);
            limit.set(PAGE);
        }
    };
    view! {
        <div class="diff-list" id=format!("{id}-list")>
            <div class="merge-controls diff-filters">
                <label>
                    {move || m(app).filter_region} " "
                    <select id=format!("{id}-region") class="diff-region"
                        on:change=move |ev| { region.set(event_target_value(&ev)); limit.set(PAGE); }>
                        <option value="">{move || m(app).all_regions}</option>
                        <For each=move || regions.get() key=|r| r.clone() let:choice>
                            <option value=choice.0.clone()>{choice.1.clone()}</option>
                        </For>
                    </select>
                </label>
                <label>
                    {move || m(app).filter_kind} " "
                    <select id=format!("{id}-kind") class="diff-kind" on:change=on_kind>
                        {move || KindFilter::choices(m(app)).into_iter().map(|(k, label)| view! {
                            <option value=k.key() selected=kind.get_untracked() == k>{label}</option>
                        }).collect_view()}
                    </select>
                </label>
                <span class="diff-count">
                    {move || fill(m(app).count_changes, &[&shown.with(Vec::len).to_string()])}
                </span>
            </div>
            <Show when=move || shown.with(Vec::is_empty)>
                <p class="hint diff-none">{move || m(app).none_shown}</p>
            </Show>
            <Show when=move || !shown.with(Vec::is_empty)>
                <table class="diff-table">
                    <thead>
                        <tr>
                            <th>{move || m(app).col_item}</th>
                            <th>{move || m(app).col_field}</th>
                            <th>{move || m(app).compare_left}</th>
                            <th>{move || m(app).compare_right}</th>
                            {with_status.then(|| view! { <th>{move || m(app).col_status}</th> })}
                        </tr>
                    </thead>
                    <tbody>
                        <For each=visible key=|r| r.clone() let:r>
                            <DiffLine row=r with_status=with_status />
                        </For>
                    </tbody>
                </table>
            </Show>
            <Show when=has_more>
                <button type="button" class="btn diff-more" on:click=move |_| limit.update(|n| *n += PAGE)>
                    {move || format!("+{}", shown.with(Vec::len) - limit.get())}
                </button>
            </Show>
        </div>
    }
}
