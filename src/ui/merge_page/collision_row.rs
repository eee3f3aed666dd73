//! One collision side by side: when sent, this plan, the copy; and the choice.

use leptos::prelude::*;

use crate::core::merge::Choice;
use crate::view::merge_view::CollisionRow;

/// The collision with its three values and the choice: this plan's, the copy's, or a typed
/// value (where one can be typed).
#[component]
pub fn CollisionLine(
    /// The collision.
    row: CollisionRow,
    /// The choice made so far.
    #[prop(into)]
    chosen: Signal<Option<Choice>>,
    /// A choice was made.
    on_choose: Callback<Choice>,
) -> impl IntoView {
    let name = format!("collision-{}", row.index);
    // A value typed earlier stays when the row is drawn again.
    let typed = RwSignal::new(match chosen.get_untracked() {
        Some(Choice::Value(text)) => text,
        _ => String::new(),
    });
    let is = move |c: &Choice| chosen.with(|x| x.as_ref() == Some(c));
    let is_value = move || chosen.with(|x| matches!(x, Some(Choice::Value(_))));
    let value_choice = row.value_label.map(|label| {
        let name = name.clone();
        view! {
            <label class="choice choice-value">
                <input type="radio" name=name value="value" prop:checked=is_value
                    on:change=move |_| on_choose.run(Choice::Value(typed.get_untracked())) />
                {label}
                <input type="text" class="collision-value" aria-label=label
                    prop:value=move || typed.get()
                    on:change=move |ev| {
                        let text = event_target_value(&ev);
                        typed.set(text.clone());
                        on_choose.run(Choice::Value(text));
                    } />
            </label>
        }
    });
    view! {
        <tr class="collision" id=format!("collision-{}", row.index)>
            <td class="collision-number">{row.index + 1}</td>
            <td>
                <div class="collision-item">{row.item.clone()}</div>
                <div class="collision-what">{row.what.clone()}</div>
                <div class="collision-file hint">{row.file.clone()}</div>
            </td>
            <td class="collision-base">{row.base.clone()}</td>
            <td class="collision-mine" class:picked=move || is(&Choice::Mine)>{row.mine.clone()}</td>
            <td class="collision-theirs" class:picked=move || is(&Choice::Theirs)>{row.theirs.clone()}</td>
            <td class="collision-choice">
                <label class="choice choice-mine">
                    <input type="radio" name=name.clone() value="mine" prop:checked=move || is(&Choice::Mine)
                        on:change=move |_| on_choose.run(Choice::Mine) />
                    {row.mine_label}
                </label>
                <label class="choice choice-theirs">
                    <input type="radio" name=name.clone() value="theirs" prop:checked=move || is(&Choice::Theirs)
                        on:change=move |_| on_choose.run(Choice::Theirs) />
                    {row.theirs_label}
                </label>
                {value_choice}
            </td>
        </tr>
    }
}
