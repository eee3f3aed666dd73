//! The scenario's breakdown settings, folded to one line by default so the table has the
//! screen: company targets, rounding units, methods, factor weights and seasonality.

use leptos::prelude::*;

use crate::core::edit::{Edit, Part, ScenarioField};
use crate::ui::setting_field::SettingInput;
use crate::ui::state::{What, use_app};
use crate::view::settings_form::{SettingsPanel as Panel, SettingsSection, settings_panel};

/// The settings of the scenario on screen.
#[component]
pub fn SettingsPanel() -> impl IntoView {
    let app = use_app();
    let panel = Memo::new(move |_| {
        let sid = app.scenario.get();
        let t = app.t();
        app.with_plan(Part::Planning, |p| {
            p.scenario(&sid).map(|s| settings_panel(t, p, s))
        })
    });
    let section = move |class: &'static str, pick: fn(&Panel) -> &SettingsSection| {
        view! {
            <section class=class>
                <h3>{move || panel.with(|p| p.as_ref().map(|p| pick(p).title.clone()))}</h3>
                <Section panel=panel pick=pick />
            </section>
        }
    };
    let make_flat = move |_| {
        let t = app.t_now();
        let edit = Edit::Scenario {
            scenario: app.scenario.get_untracked(),
            field: ScenarioField::FlatSeasonality,
        };
        if let Err(e) = app.apply(edit, What::Text(t.flat_profile.to_string())) {
            app.notify_error(t.edit_error(&e));
        }
    };
    let total_ok = move || panel.with(|p| p.as_ref().is_some_and(|p| p.season_total.ok));
    view! {
        <details class="card bd-settings" id="bd-settings">
            <summary>{move || panel.with(|p| p.as_ref().map(|p| p.summary.clone()))}</summary>
            <div class="settings-grid">
                {section("", |p| &p.targets)}
                {section("", |p| &p.methods)}
                {section("bd-weights", |p| &p.weights)}
                <section class="seasonality">
                    <h3>{move || panel.with(|p| p.as_ref().map(|p| p.seasonality.title.clone()))}</h3>
                    <div class="season-grid">
                        <Section panel=panel pick=|p| &p.seasonality />
                    </div>
                    <p class="season-total" class:bad=move || !total_ok() id="season-total">
                        {move || panel.with(|p| p.as_ref().map(|p| p.season_total.text.clone()))}
                        <button type="button" class="btn subtle" id="season-flat" on:click=make_flat>
                            {move || panel.with(|p| p.as_ref().map(|p| p.make_flat.clone()))}
                        </button>
                    </p>
                </section>
            </div>
        </details>
    }
}

/// The fields of one section. A field stays in place while its value changes (a slider being
/// dragged keeps its grip); a language switch redraws it.
#[component]
fn Section(
    /// The settings panel of the scenario on screen.
    panel: Memo<Option<Panel>>,
    /// Which section of it.
    pick: fn(&Panel) -> &SettingsSection,
) -> impl IntoView {
    let fields = move || {
        panel.with(|p| {
            p.as_ref()
                .map(|p| pick(p).fields.clone())
                .unwrap_or_default()
        })
    };
    view! {
        <For each=fields key=|f| f.shape() let:field>
            {
                let setting = field.setting;
                let value = Signal::derive(move || {
                    panel.with(|p| p.as_ref().map(|p| p.value(setting)).unwrap_or_default())
                });
                view! { <SettingInput field=field value=value /> }
            }
        </For>
    }
}
