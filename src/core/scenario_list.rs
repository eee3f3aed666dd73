//! Managing a plan's scenarios: add, duplicate, rename, delete, adopt.

use super::model::Plan;
use super::scenario::Scenario;

/// Why a scenario operation was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScenarioError {
    #[error("no scenario with id '{0}'")]
    NotFound(String),
    /// A plan always keeps at least one scenario.
    #[error("the last scenario cannot be deleted")]
    LastScenario,
}

impl Plan {
    /// Adds a copy of a scenario under a new name and returns its id.
    pub fn duplicate_scenario(&mut self, id: &str, name: &str) -> Result<String, ScenarioError> {
        let mut copy = self
            .scenario(id)
            .cloned()
            .ok_or_else(|| ScenarioError::NotFound(id.into()))?;
        copy.id = self.fresh_id("s");
        copy.name = name.to_string();
        let new_id = copy.id.clone();
        let at = self
            .scenarios
            .iter()
            .position(|s| s.id == id)
            .map_or(self.scenarios.len(), |i| i + 1);
        self.scenarios.insert(at, copy);
        Ok(new_id)
    }

    /// Adds a scenario with the default rules and the given targets' company totals.
    pub fn add_scenario(&mut self, name: &str) -> String {
        let id = self.fresh_id("s");
        let mut s =
            Scenario::with_defaults(id.clone(), name.to_string(), self.period.month_count());
        if let Some(adopted) = self.adopted() {
            s.amount_target = adopted.amount_target;
            s.quantity_target = adopted.quantity_target;
            s.amount_unit = adopted.amount_unit;
            s.quantity_unit = adopted.quantity_unit;
        }
        self.scenarios.push(s);
        id
    }

    pub fn rename_scenario(&mut self, id: &str, name: &str) -> Result<(), ScenarioError> {
        let s = self
            .scenario_mut(id)
            .ok_or_else(|| ScenarioError::NotFound(id.into()))?;
        s.name = name.to_string();
        Ok(())
    }

    /// Deletes a scenario; if it was adopted, the first remaining one is adopted.
    pub fn delete_scenario(&mut self, id: &str) -> Result<(), ScenarioError> {
        let i = self
            .scenarios
            .iter()
            .position(|s| s.id == id)
            .ok_or_else(|| ScenarioError::NotFound(id.into()))?;
        if self.scenarios.len() == 1 {
            return Err(ScenarioError::LastScenario);
        }
        self.scenarios.remove(i);
        if self.adopted_scenario == id {
            self.adopted_scenario = self.scenarios[0].id.clone();
        }
        Ok(())
    }

    /// Marks a scenario adopted (采用).
    pub fn adopt(&mut self, id: &str) -> Result<(), ScenarioError> {
        if self.scenario(id).is_none() {
            return Err(ScenarioError::NotFound(id.into()));
        }
        self.adopted_scenario = id.to_string();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;

    #[test]
    fn a_duplicate_is_an_independent_copy_next_to_its_original() {
        let mut plan = sample_plan(Lang::En);
        let first = plan.scenarios[0].id.clone();
        let copy = plan.duplicate_scenario(&first, "North +5%").unwrap();
        assert_eq!(plan.scenarios[1].id, copy);
        assert_eq!(
            plan.scenarios[1].amount_target,
            plan.scenarios[0].amount_target
        );
        plan.scenario_mut(&copy).unwrap().amount_target += rust_decimal::Decimal::ONE;
        assert_ne!(
            plan.scenarios[1].amount_target,
            plan.scenarios[0].amount_target
        );
    }

    #[test]
    fn deleting_the_adopted_scenario_adopts_another_and_the_last_one_stays() {
        let mut plan = sample_plan(Lang::En);
        let adopted = plan.adopted_scenario.clone();
        plan.delete_scenario(&adopted).unwrap();
        assert_eq!(plan.adopted_scenario, plan.scenarios[0].id);
        let last = plan.scenarios[0].id.clone();
        assert_eq!(
            plan.delete_scenario(&last),
            Err(ScenarioError::LastScenario)
        );
        assert_eq!(
            plan.adopt("nope"),
            Err(ScenarioError::NotFound("nope".into()))
        );
    }
}
