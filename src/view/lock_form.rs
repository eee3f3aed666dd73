//! The lock (and, under the manual method, the typed number) of the selected node, for the
//! measure on screen.

use rust_decimal::Decimal;

use super::numbers::grouped;
use crate::core::edit::{Edit, ScenarioField};
use crate::core::field::{FieldError, parse_non_negative};
use crate::core::scenario::{Measure, Method, Scenario};
use crate::i18n::{Catalogue, fill};

/// What a node's value field pins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NodeValue {
    /// The node's value is fixed; its siblings share the rest.
    Lock,
    /// The node's typed number for the manual method.
    Manual,
}

impl NodeValue {
    /// The edit that writes `text` (empty: nothing) as this value of `node`.
    pub fn edit(
        self,
        scenario: &str,
        node: &str,
        measure: Measure,
        text: &str,
    ) -> Result<Edit, FieldError> {
        let value = if text.trim().is_empty() {
            None
        } else {
            Some(parse_non_negative(text)?)
        };
        let node = node.to_string();
        let field = match self {
            NodeValue::Lock => ScenarioField::Lock(measure, node, value),
            NodeValue::Manual => ScenarioField::Manual(measure, node, value),
        };
        Ok(Edit::Scenario {
            scenario: scenario.to_string(),
            field,
        })
    }
}

/// A labelled number field of the node.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NodeValueField {
    pub label: String,
    /// The value as stored text (empty when there is none).
    pub value: String,
}

/// The lock box of one node.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockPanel {
    /// `Locked at 50,000,000.` when the node is locked for the measure; then the box offers
    /// to unlock instead of a field.
    pub locked: Option<String>,
    pub unlock: String,
    /// The field to lock the node at a value; it starts at the node's current value.
    pub lock: NodeValueField,
    /// The typed number, when the node's parent splits by the manual method.
    pub manual: Option<NodeValueField>,
}

/// `current` is the node's value in the breakdown; `method` the one that splits its parent.
pub fn lock_panel(
    t: &Catalogue,
    s: &Scenario,
    id: &str,
    measure: Measure,
    current: Option<Decimal>,
    method: Method,
) -> LockPanel {
    let locked = s.locks.get(id).and_then(|v| v.get(measure));
    let manual = (method == Method::Manual).then(|| NodeValueField {
        label: fill(t.manual_value, &[t.measure(measure)]),
        value: s
            .manual
            .get(id)
            .and_then(|v| v.get(measure))
            .map(|v| v.normalize().to_string())
            .unwrap_or_default(),
    });
    LockPanel {
        locked: locked.map(|v| fill(t.x_basis_locked, &[&grouped(v)])),
        unlock: t.unlock.to_string(),
        lock: NodeValueField {
            label: fill(t.lock_at, &[t.measure(measure)]),
            value: current
                .map(|v| v.normalize().to_string())
                .unwrap_or_default(),
        },
        manual,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;
    use crate::i18n::EN;

    #[test]
    fn an_unlocked_node_offers_its_current_value_to_lock() {
        let plan = sample_plan(Lang::En);
        let s = plan.adopted().unwrap();
        let id = &plan.regions[0].id;
        let panel = lock_panel(
            &EN,
            s,
            id,
            Measure::Amount,
            Some(Decimal::from(40_000_000)),
            Method::History,
        );
        assert_eq!(panel.locked, None);
        assert_eq!(panel.lock.value, "40000000");
        assert!(panel.lock.label.contains("amount"), "{}", panel.lock.label);
        assert_eq!(panel.manual, None, "no typed numbers under history");
    }

    #[test]
    fn a_locked_node_says_so_and_a_manual_split_asks_for_its_number() {
        let plan = sample_plan(Lang::En);
        let mut s = plan.adopted().unwrap().clone();
        let id = plan.regions[0].id.clone();
        s.locks.entry(id.clone()).or_default().amount = Some(Decimal::from(50_000_000));
        s.manual.entry(id.clone()).or_default().amount = Some(Decimal::from(7));
        let panel = lock_panel(&EN, &s, &id, Measure::Amount, None, Method::Manual);
        assert_eq!(panel.locked.as_deref(), Some("Locked at 50,000,000."));
        assert_eq!(panel.manual.map(|m| m.value).as_deref(), Some("7"));
        let quantity = lock_panel(&EN, &s, &id, Measure::Quantity, None, Method::Even);
        assert_eq!(quantity.locked, None, "the lock is for the amount only");
    }

    #[test]
    fn typed_values_become_lock_and_manual_edits() {
        let lock = NodeValue::Lock.edit("s1", "r|\"1\"", Measure::Amount, "50,000,000");
        assert_eq!(
            lock,
            Ok(Edit::Scenario {
                scenario: "s1".into(),
                field: ScenarioField::Lock(
                    Measure::Amount,
                    "r|\"1\"".into(),
                    Some(Decimal::from(50_000_000))
                ),
            })
        );
        assert_eq!(
            NodeValue::Manual.edit("s1", "p1", Measure::Quantity, " "),
            Ok(Edit::Scenario {
                scenario: "s1".into(),
                field: ScenarioField::Manual(Measure::Quantity, "p1".into(), None),
            })
        );
        assert_eq!(
            NodeValue::Lock.edit("s1", "p1", Measure::Amount, "-1"),
            Err(FieldError::Negative)
        );
    }
}
