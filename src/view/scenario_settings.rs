//! The editable assumptions of a scenario as fields: what each one edits ([`Setting`]), its
//! stored value as text, and how typed text becomes an [`Edit`]. The breakdown settings and the
//! tier board are made of these.

use rust_decimal::Decimal;

use crate::core::edit::{Edit, ScenarioField, Threshold};
use crate::core::field::{FieldError, parse_non_negative, parse_percent, parse_positive};
use crate::core::model::Factor;
use crate::core::scenario::{Level, Method, Scenario};
use crate::core::tier::Tier;

/// One assumption of a scenario a manager can type or choose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Setting {
    AmountTarget,
    QuantityTarget,
    AmountUnit,
    QuantityUnit,
    /// The method that splits a level's parents over the level's nodes.
    Method(Level),
    /// Whether region weights are multiplied by their tier's factor.
    TierMultiplier,
    /// A factor's weight in the sub-district index.
    Weight(Factor),
    /// A month's seasonality weight, by position in the period.
    Season(usize),
    Threshold(Threshold),
    /// A tier's weight multiplier.
    TierFactor(Tier),
    /// A tier's distributor share of spend, in percent.
    DistributorSpend(Tier),
    /// A tier's market-share aim, in percent (empty: none).
    ShareGoal(Tier),
}

/// An empty text is `None`; anything else must parse.
fn optional(
    text: &str,
    parse: fn(&str) -> Result<Decimal, FieldError>,
) -> Result<Option<Decimal>, FieldError> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse(text).map(Some)
    }
}

/// A decimal as a field shows it: no trailing zeros.
fn shown(v: Decimal) -> String {
    v.normalize().to_string()
}

impl Setting {
    /// The setting's value in `s`, as the field holds it (`"true"`/`"false"` for a check box,
    /// a method's key for a choice, empty for a missing month or goal).
    pub fn value(self, s: &Scenario) -> String {
        match self {
            Setting::AmountTarget => shown(s.amount_target),
            Setting::QuantityTarget => shown(s.quantity_target),
            Setting::AmountUnit => shown(s.amount_unit),
            Setting::QuantityUnit => shown(s.quantity_unit),
            Setting::Method(level) => s.methods.get(level).key().to_string(),
            Setting::TierMultiplier => s.methods.region_tier_multiplier.to_string(),
            Setting::Weight(f) => shown(s.factor_weights.get(f)),
            Setting::Season(i) => s
                .seasonality
                .get(i)
                .copied()
                .flatten()
                .map(shown)
                .unwrap_or_default(),
            Setting::Threshold(which) => shown(match which {
                Threshold::BaseCamp => s.thresholds.base_camp,
                Threshold::Stronghold => s.thresholds.stronghold,
                Threshold::GuerrillaFloor => s.thresholds.guerrilla_floor,
            }),
            Setting::TierFactor(tier) => shown(s.tier_policies.get(tier).multiplier),
            Setting::DistributorSpend(tier) => shown(s.tier_policies.get(tier).distributor_spend),
            Setting::ShareGoal(tier) => s
                .tier_policies
                .get(tier)
                .share_goal
                .map(shown)
                .unwrap_or_default(),
        }
    }

    /// The edit that writes `text` into this setting of scenario `scenario`, or why the text
    /// cannot be taken.
    pub fn edit(self, scenario: &str, text: &str) -> Result<Edit, FieldError> {
        let field = match self {
            Setting::AmountTarget => ScenarioField::AmountTarget(parse_non_negative(text)?),
            Setting::QuantityTarget => ScenarioField::QuantityTarget(parse_non_negative(text)?),
            Setting::AmountUnit => ScenarioField::AmountUnit(parse_positive(text)?),
            Setting::QuantityUnit => ScenarioField::QuantityUnit(parse_positive(text)?),
            Setting::Method(level) => {
                let method = Method::from_key(text.trim())
                    .filter(|m| level.methods().contains(m))
                    .ok_or(FieldError::Empty)?;
                ScenarioField::Method(level, method)
            }
            Setting::TierMultiplier => ScenarioField::TierMultiplier(text == "true"),
            Setting::Weight(f) => ScenarioField::Weight(f, parse_non_negative(text)?),
            Setting::Season(i) => ScenarioField::Season(i, optional(text, parse_non_negative)?),
            Setting::Threshold(which) => ScenarioField::Threshold(which, parse_percent(text)?),
            Setting::TierFactor(tier) => ScenarioField::TierFactor(tier, parse_non_negative(text)?),
            Setting::DistributorSpend(tier) => {
                ScenarioField::DistributorSpend(tier, parse_percent(text)?)
            }
            Setting::ShareGoal(tier) => {
                ScenarioField::ShareGoal(tier, optional(text, parse_percent)?)
            }
        };
        Ok(Edit::Scenario {
            scenario: scenario.to_string(),
            field,
        })
    }
}

/// How a setting is entered.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Input {
    /// A number, shown with thousands separators.
    Number,
    /// One of (value, label) pairs.
    Choice(Vec<(String, String)>),
    /// A check box.
    Check,
    /// A slider from 0 to the maximum.
    Slider(u32),
}

/// One field of a scenario's settings.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SettingField {
    pub setting: Setting,
    /// The input's DOM id (labels, shortcuts and tests use it).
    pub id: String,
    pub label: String,
    /// The stored value, as [`Setting::value`] gives it.
    pub value: String,
    pub input: Input,
}

impl SettingField {
    pub fn new(s: &Scenario, setting: Setting, id: &str, label: &str, input: Input) -> Self {
        SettingField {
            setting,
            id: id.to_string(),
            label: label.to_string(),
            value: setting.value(s),
            input,
        }
    }

    /// What identifies the field on screen apart from its value (a value change keeps the
    /// input where it is; a language switch redraws it).
    pub fn shape(&self) -> (Setting, String, Input) {
        (self.setting, self.label.clone(), self.input.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn typed_text_becomes_the_edit_of_its_setting() {
        let cases = [
            (
                Setting::AmountTarget,
                "120,000,000",
                ScenarioField::AmountTarget(d("120000000")),
            ),
            (
                Setting::AmountUnit,
                "100",
                ScenarioField::AmountUnit(d("100")),
            ),
            (
                Setting::Method(Level::Region),
                "even",
                ScenarioField::Method(Level::Region, Method::Even),
            ),
            (
                Setting::TierMultiplier,
                "true",
                ScenarioField::TierMultiplier(true),
            ),
            (
                Setting::Weight(Factor::Transport),
                "23",
                ScenarioField::Weight(Factor::Transport, d("23")),
            ),
            (
                Setting::Season(0),
                "12",
                ScenarioField::Season(0, Some(d("12"))),
            ),
            (Setting::Season(3), " ", ScenarioField::Season(3, None)),
            (
                Setting::Threshold(Threshold::BaseCamp),
                "65%",
                ScenarioField::Threshold(Threshold::BaseCamp, d("65")),
            ),
            (
                Setting::DistributorSpend(Tier::Stronghold),
                "30",
                ScenarioField::DistributorSpend(Tier::Stronghold, d("30")),
            ),
            (
                Setting::ShareGoal(Tier::Contested),
                "",
                ScenarioField::ShareGoal(Tier::Contested, None),
            ),
        ];
        for (setting, text, field) in cases {
            assert_eq!(
                setting.edit("s1", text),
                Ok(Edit::Scenario {
                    scenario: "s1".into(),
                    field
                }),
                "{setting:?} = {text:?}"
            );
        }
    }

    #[test]
    fn refused_text_names_its_reason() {
        let cases = [
            (Setting::AmountUnit, "0", FieldError::NotPositive),
            (Setting::AmountTarget, "-5", FieldError::Negative),
            (
                Setting::Threshold(Threshold::Stronghold),
                "120",
                FieldError::PercentRange,
            ),
            (
                Setting::Method(Level::Region),
                "weighted",
                FieldError::Empty,
            ),
            (
                Setting::Season(0),
                "abc",
                FieldError::NotANumber("abc".into()),
            ),
        ];
        for (setting, text, error) in cases {
            assert_eq!(
                setting.edit("s1", text),
                Err(error),
                "{setting:?} = {text:?}"
            );
        }
    }

    #[test]
    fn values_read_back_as_a_field_shows_them() {
        let plan = sample_plan(Lang::En);
        let s = plan.adopted().unwrap();
        assert_eq!(Setting::AmountTarget.value(s), "118000000");
        assert_eq!(Setting::Method(Level::Subdistrict).value(s), "weighted");
        assert_eq!(Setting::TierMultiplier.value(s), "false");
        assert_eq!(Setting::Threshold(Threshold::Stronghold).value(s), "40");
        assert_eq!(Setting::DistributorSpend(Tier::Stronghold).value(s), "30");
        let mut s = s.clone();
        s.seasonality[2] = None;
        assert_eq!(Setting::Season(2).value(&s), "", "a missing month is empty");
    }
}
