//! The scenario's breakdown settings: company targets and units, the method at each level, the
//! factor weights and the seasonality profile, with a one-line summary for when they are folded.

use rust_decimal::Decimal;

use super::numbers::grouped;
use super::scenario_settings::{Input, Setting, SettingField};
use crate::core::model::{Factor, Plan};
use crate::core::scenario::{Level, Scenario};
use crate::i18n::{Catalogue, fill};

/// A titled group of fields.
#[derive(Clone, Debug, PartialEq)]
pub struct SettingsSection {
    pub title: String,
    pub fields: Vec<SettingField>,
}

/// The seasonality's total, and whether it is the 100% every month adds up to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeasonTotal {
    /// `Total 100%`.
    pub text: String,
    /// Every month has a weight and they total 100%.
    pub ok: bool,
}

/// Everything the settings panel shows.
#[derive(Clone, Debug, PartialEq)]
pub struct SettingsPanel {
    /// One line saying what the settings are (shown while they are folded away).
    pub summary: String,
    pub targets: SettingsSection,
    pub methods: SettingsSection,
    /// The six factor weights, as sliders.
    pub weights: SettingsSection,
    /// One field per month of the period.
    pub seasonality: SettingsSection,
    pub season_total: SeasonTotal,
    /// The label of the button that gives every month the same weight.
    pub make_flat: String,
}

impl SettingsPanel {
    /// Every field, section by section.
    pub fn fields(&self) -> impl Iterator<Item = &SettingField> {
        [
            &self.targets,
            &self.methods,
            &self.weights,
            &self.seasonality,
        ]
        .into_iter()
        .flat_map(|s| &s.fields)
    }

    /// The stored value of a setting, as its field holds it (empty if the panel has no such
    /// field).
    pub fn value(&self, setting: Setting) -> String {
        self.fields()
            .find(|f| f.setting == setting)
            .map(|f| f.value.clone())
            .unwrap_or_default()
    }
}

fn method_field(t: &Catalogue, s: &Scenario, level: Level, label: &str) -> SettingField {
    let options = level
        .methods()
        .iter()
        .map(|m| (m.key().to_string(), t.method(*m).to_string()))
        .collect();
    let id = format!("method-{}", level.key());
    SettingField::new(
        s,
        Setting::Method(level),
        &id,
        label,
        Input::Choice(options),
    )
}

/// A rounding unit chosen from the usual ones (the current one is offered even if unusual).
fn unit_field(
    s: &Scenario,
    setting: Setting,
    label: &str,
    choices: &[&str],
    id: &str,
) -> SettingField {
    let mut field = SettingField::new(s, setting, id, label, Input::Number);
    let mut options: Vec<(String, String)> = choices
        .iter()
        .map(|c| (c.to_string(), c.to_string()))
        .collect();
    if !options.iter().any(|(v, _)| *v == field.value) {
        options.push((field.value.clone(), field.value.clone()));
    }
    field.input = Input::Choice(options);
    field
}

/// One line saying what the settings are: targets and the methods from top to bottom.
pub fn settings_summary(t: &Catalogue, plan: &Plan, s: &Scenario) -> String {
    let methods = [Level::Region, Level::Subdistrict, Level::Salesperson]
        .map(|l| t.method(s.methods.get(l)))
        .join(" → ");
    format!(
        "{}: {} {} · {} · {}: {}",
        t.company_targets,
        grouped(s.amount_target),
        plan.currency,
        grouped(s.quantity_target),
        t.methods,
        methods
    )
}

/// The settings of one scenario.
pub fn settings_panel(t: &Catalogue, plan: &Plan, s: &Scenario) -> SettingsPanel {
    let targets = vec![
        SettingField::new(
            s,
            Setting::AmountTarget,
            "bd-amount-target",
            t.amount_target,
            Input::Number,
        ),
        SettingField::new(
            s,
            Setting::QuantityTarget,
            "bd-quantity-target",
            t.quantity_target,
            Input::Number,
        ),
        unit_field(
            s,
            Setting::AmountUnit,
            t.amount_unit,
            &["1", "10", "100", "1000", "10000"],
            "amount-unit",
        ),
        unit_field(
            s,
            Setting::QuantityUnit,
            t.quantity_unit,
            &["1", "10", "100"],
            "quantity-unit",
        ),
    ];
    let methods = vec![
        method_field(t, s, Level::Region, t.split_regions),
        SettingField::new(
            s,
            Setting::TierMultiplier,
            "tier-multiplier",
            t.tier_multiplier_on,
            Input::Check,
        ),
        method_field(t, s, Level::Subdistrict, t.split_subdistricts),
        method_field(t, s, Level::Salesperson, t.split_salespeople),
    ];
    let weights = Factor::ALL
        .iter()
        .map(|&f| {
            let id = format!("weight-{}", f.key());
            SettingField::new(s, Setting::Weight(f), &id, t.factor(f), Input::Slider(100))
        })
        .collect();
    let even_shares = if s.even_months() {
        s.month_shares(plan.period.month_count())
    } else {
        Vec::new()
    };
    let months = plan
        .period
        .months()
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let id = format!("season-{i}");
            let mut field = SettingField::new(
                s,
                Setting::Season(i),
                &id,
                t.month_name(m.month),
                Input::Number,
            );
            if let Some(Some(share)) = even_shares.get(i) {
                // Equal months show their share rounded; the split uses equal weights.
                field.value = share.round_dp(2).normalize().to_string();
            }
            field
        })
        .collect();
    let total: Decimal = s.seasonality.iter().flatten().copied().sum();
    let ok = s.even_months()
        || (total == Decimal::from(100) && s.seasonality.iter().all(Option::is_some));
    let total_text = if s.even_months() {
        fill(t.season_even, &[&plan.period.month_count().to_string()])
    } else {
        fill(t.seasonality_total, &[&total.normalize().to_string()])
    };
    SettingsPanel {
        summary: settings_summary(t, plan, s),
        targets: SettingsSection {
            title: t.company_targets.to_string(),
            fields: targets,
        },
        methods: SettingsSection {
            title: t.methods.to_string(),
            fields: methods,
        },
        weights: SettingsSection {
            title: t.factor_weights.to_string(),
            fields: weights,
        },
        seasonality: SettingsSection {
            title: t.seasonality.to_string(),
            fields: months,
        },
        season_total: SeasonTotal {
            text: total_text,
            ok,
        },
        make_flat: t.flat_profile.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;
    use crate::i18n::EN;

    #[test]
    fn settings_show_every_month_weight_and_method() {
        let plan = sample_plan(Lang::En);
        let s = plan.adopted().unwrap();
        let panel = settings_panel(&EN, &plan, s);
        assert_eq!(panel.seasonality.fields.len(), 12);
        assert!(
            panel
                .seasonality
                .fields
                .iter()
                .enumerate()
                .all(|(i, f)| f.setting == Setting::Season(i) && f.id == format!("season-{i}")),
            "{:?}",
            panel.seasonality.fields
        );
        assert_eq!(panel.weights.fields.len(), 6);
        assert!(
            panel
                .weights
                .fields
                .iter()
                .all(|f| f.input == Input::Slider(100))
        );
        assert_eq!(panel.season_total.text, "Total 100%");
        assert!(panel.season_total.ok);
        let sub = panel
            .methods
            .fields
            .iter()
            .find(|f| f.id == "method-subdistrict")
            .unwrap();
        assert_eq!(sub.value, "weighted");
        assert!(
            matches!(&sub.input, Input::Choice(o) if o.contains(&("weighted".into(), "Weighted index".into()))),
            "{sub:?}"
        );
        assert_eq!(
            panel.value(Setting::Season(11)),
            panel.seasonality.fields[11].value
        );
        assert_eq!(panel.fields().count(), 4 + 4 + 6 + 12);
        assert!(
            panel.summary.contains("118,000,000 CNY")
                && panel.summary.contains("History → Weighted index → Even"),
            "{}",
            panel.summary
        );
    }

    #[test]
    fn a_seasonality_off_100_or_missing_a_month_is_not_ok() {
        let plan = sample_plan(Lang::En);
        let mut s = plan.adopted().unwrap().clone();
        s.seasonality[0] = Some(Decimal::from(20));
        let panel = settings_panel(&EN, &plan, &s);
        assert!(!panel.season_total.ok);
        assert!(
            panel.season_total.text.contains("109"),
            "{:?}",
            panel.season_total
        );
        s.seasonality = plan.adopted().unwrap().seasonality.clone();
        s.seasonality[5] = None;
        assert!(!settings_panel(&EN, &plan, &s).season_total.ok);
    }

    #[test]
    fn an_unusual_unit_is_still_offered() {
        let plan = sample_plan(Lang::En);
        let mut s = plan.adopted().unwrap().clone();
        s.amount_unit = Decimal::from(50);
        let panel = settings_panel(&EN, &plan, &s);
        let unit = panel
            .targets
            .fields
            .iter()
            .find(|f| f.id == "amount-unit")
            .unwrap();
        assert_eq!(unit.value, "50");
        assert!(matches!(&unit.input, Input::Choice(o) if o.contains(&("50".into(), "50".into()))));
    }
}
