//! Editing the territory tree: add, rename, move and delete at every level.

use rust_decimal::Decimal;

use super::model::{Factors, Plan, Region, Sales, Salesperson, SubDistrict};

/// Where a node sits in the tree, by index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodePos {
    Region(usize),
    Subdistrict(usize, usize),
    Salesperson(usize, usize, usize),
}

/// Why a tree edit could not be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TreeError {
    #[error("no node with id '{0}'")]
    NotFound(String),
    #[error("'{0}' cannot hold that kind of node")]
    WrongParent(String),
}

impl Plan {
    /// Finds a node by id.
    pub fn locate(&self, id: &str) -> Option<NodePos> {
        for (ri, r) in self.regions.iter().enumerate() {
            if r.id == id {
                return Some(NodePos::Region(ri));
            }
            for (di, d) in r.subdistricts.iter().enumerate() {
                if d.id == id {
                    return Some(NodePos::Subdistrict(ri, di));
                }
                if let Some(pi) = d.salespeople.iter().position(|p| p.id == id) {
                    return Some(NodePos::Salesperson(ri, di, pi));
                }
            }
        }
        None
    }

    /// The display name of any node (region, sub-district, salesperson).
    pub fn node_name(&self, id: &str) -> Option<&str> {
        Some(match self.locate(id)? {
            NodePos::Region(r) => &self.regions[r].name,
            NodePos::Subdistrict(r, d) => &self.regions[r].subdistricts[d].name,
            NodePos::Salesperson(r, d, p) => &self.regions[r].subdistricts[d].salespeople[p].name,
        })
    }

    /// The id of a node's parent; `None` for regions (their parent is the company).
    pub fn parent_id(&self, id: &str) -> Option<String> {
        match self.locate(id)? {
            NodePos::Region(_) => None,
            NodePos::Subdistrict(r, _) => Some(self.regions[r].id.clone()),
            NodePos::Salesperson(r, d, _) => Some(self.regions[r].subdistricts[d].id.clone()),
        }
    }

    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }

    pub fn region_mut(&mut self, id: &str) -> Option<&mut Region> {
        self.regions.iter_mut().find(|r| r.id == id)
    }

    pub fn subdistrict(&self, id: &str) -> Option<&SubDistrict> {
        self.regions
            .iter()
            .flat_map(|r| &r.subdistricts)
            .find(|d| d.id == id)
    }

    pub fn subdistrict_mut(&mut self, id: &str) -> Option<&mut SubDistrict> {
        self.regions
            .iter_mut()
            .flat_map(|r| &mut r.subdistricts)
            .find(|d| d.id == id)
    }

    /// Every salesperson, in tree order.
    pub fn salespeople(&self) -> impl Iterator<Item = &Salesperson> {
        self.regions
            .iter()
            .flat_map(|r| &r.subdistricts)
            .flat_map(|d| &d.salespeople)
    }

    pub fn salesperson(&self, id: &str) -> Option<&Salesperson> {
        self.salespeople().find(|p| p.id == id)
    }

    pub fn salesperson_mut(&mut self, id: &str) -> Option<&mut Salesperson> {
        self.regions
            .iter_mut()
            .flat_map(|r| &mut r.subdistricts)
            .flat_map(|d| &mut d.salespeople)
            .find(|p| p.id == id)
    }

    pub fn add_region(&mut self, name: &str) -> String {
        let id = self.fresh_id("r");
        self.regions.push(Region {
            id: id.clone(),
            name: name.to_string(),
            manager: String::new(),
            market_share: Decimal::ZERO,
            active_customers: 0,
            last_sales: Sales::default(),
            notes: String::new(),
            subdistricts: Vec::new(),
        });
        id
    }

    pub fn add_subdistrict(&mut self, region_id: &str, name: &str) -> Result<String, TreeError> {
        let Some(NodePos::Region(ri)) = self.locate(region_id) else {
            return Err(self.parent_error(region_id));
        };
        let id = self.fresh_id("d");
        self.regions[ri].subdistricts.push(SubDistrict {
            id: id.clone(),
            name: name.to_string(),
            factors: Factors::uniform(Decimal::ONE),
            target_share: Decimal::ZERO,
            last_sales: Sales::default(),
            milestones: Vec::new(),
            target_distributors: Vec::new(),
            target_terminals: Vec::new(),
            salespeople: Vec::new(),
        });
        Ok(id)
    }

    pub fn add_salesperson(&mut self, sub_id: &str, name: &str) -> Result<String, TreeError> {
        let Some(NodePos::Subdistrict(ri, di)) = self.locate(sub_id) else {
            return Err(self.parent_error(sub_id));
        };
        let id = self.fresh_id("p");
        self.regions[ri].subdistricts[di]
            .salespeople
            .push(Salesperson {
                id: id.clone(),
                name: name.to_string(),
                role: String::new(),
                last_sales: Sales::default(),
            });
        Ok(id)
    }

    fn parent_error(&self, id: &str) -> TreeError {
        if self.locate(id).is_some() {
            TreeError::WrongParent(id.to_string())
        } else {
            TreeError::NotFound(id.to_string())
        }
    }

    /// Renames any node. The caller validates the name first.
    pub fn rename_node(&mut self, id: &str, name: &str) -> Result<(), TreeError> {
        let name = name.to_string();
        match self
            .locate(id)
            .ok_or_else(|| TreeError::NotFound(id.to_string()))?
        {
            NodePos::Region(r) => self.regions[r].name = name,
            NodePos::Subdistrict(r, d) => self.regions[r].subdistricts[d].name = name,
            NodePos::Salesperson(r, d, p) => {
                self.regions[r].subdistricts[d].salespeople[p].name = name
            }
        }
        Ok(())
    }

    /// Deletes a node and everything under it, and forgets the scenarios' locks, manual numbers
    /// and tier overrides that named them.
    pub fn delete_node(&mut self, id: &str) -> Result<(), TreeError> {
        let pos = self
            .locate(id)
            .ok_or_else(|| TreeError::NotFound(id.to_string()))?;
        let mut gone: Vec<String> = vec![id.to_string()];
        match pos {
            NodePos::Region(r) => {
                let region = self.regions.remove(r);
                for d in region.subdistricts {
                    gone.push(d.id);
                    gone.extend(d.salespeople.into_iter().map(|p| p.id));
                }
            }
            NodePos::Subdistrict(r, d) => {
                let sub = self.regions[r].subdistricts.remove(d);
                gone.extend(sub.salespeople.into_iter().map(|p| p.id));
            }
            NodePos::Salesperson(r, d, p) => {
                self.regions[r].subdistricts[d].salespeople.remove(p);
            }
        }
        for s in &mut self.scenarios {
            for g in &gone {
                s.locks.remove(g);
                s.manual.remove(g);
                s.tier_overrides.remove(g);
            }
        }
        Ok(())
    }

    /// Moves a node one place up (`-1`) or down (`+1`) among its siblings. Returns whether it
    /// moved (it does not move past either end).
    pub fn move_among_siblings(&mut self, id: &str, delta: isize) -> Result<bool, TreeError> {
        fn shift<T>(v: &mut [T], i: usize, delta: isize) -> bool {
            let j = i as isize + delta;
            if j < 0 || j as usize >= v.len() {
                return false;
            }
            v.swap(i, j as usize);
            true
        }
        Ok(
            match self
                .locate(id)
                .ok_or_else(|| TreeError::NotFound(id.to_string()))?
            {
                NodePos::Region(r) => shift(&mut self.regions, r, delta),
                NodePos::Subdistrict(r, d) => shift(&mut self.regions[r].subdistricts, d, delta),
                NodePos::Salesperson(r, d, p) => {
                    shift(&mut self.regions[r].subdistricts[d].salespeople, p, delta)
                }
            },
        )
    }

    /// Moves a sub-district to another region, or a salesperson to another sub-district; the node
    /// goes to the end of its new parent's children.
    pub fn move_to_parent(&mut self, id: &str, new_parent: &str) -> Result<(), TreeError> {
        let pos = self
            .locate(id)
            .ok_or_else(|| TreeError::NotFound(id.to_string()))?;
        let target = self
            .locate(new_parent)
            .ok_or_else(|| TreeError::NotFound(new_parent.to_string()))?;
        match (pos, target) {
            (NodePos::Subdistrict(r, d), NodePos::Region(to)) => {
                let sub = self.regions[r].subdistricts.remove(d);
                self.regions[to].subdistricts.push(sub);
                Ok(())
            }
            (NodePos::Salesperson(r, d, p), NodePos::Subdistrict(tr, td)) => {
                let person = self.regions[r].subdistricts[d].salespeople.remove(p);
                self.regions[tr].subdistricts[td].salespeople.push(person);
                Ok(())
            }
            _ => Err(TreeError::WrongParent(new_parent.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;

    #[test]
    fn added_nodes_get_fresh_ids_and_can_be_found() {
        let mut plan = sample_plan(Lang::En);
        let r = plan.add_region("North");
        let d = plan.add_subdistrict(&r, "North-1").unwrap();
        let p = plan.add_salesperson(&d, "Ann").unwrap();
        assert_eq!(
            plan.locate(&p),
            Some(NodePos::Salesperson(plan.regions.len() - 1, 0, 0))
        );
        assert_eq!(plan.node_name(&d), Some("North-1"));
        assert_eq!(plan.parent_id(&p).as_deref(), Some(d.as_str()));
        assert_ne!(r, d);
        assert_eq!(
            plan.add_salesperson(&r, "x"),
            Err(TreeError::WrongParent(r.clone()))
        );
        assert_eq!(
            plan.add_subdistrict("nope", "x"),
            Err(TreeError::NotFound("nope".into()))
        );
    }

    #[test]
    fn deleting_a_region_removes_its_locks_in_every_scenario() {
        let mut plan = sample_plan(Lang::En);
        let region = plan.regions[0].clone();
        let person = region.subdistricts[0].salespeople[0].id.clone();
        for s in &mut plan.scenarios {
            s.locks.insert(person.clone(), Default::default());
            s.locks.insert(region.id.clone(), Default::default());
        }
        plan.delete_node(&region.id).unwrap();
        assert!(plan.locate(&person).is_none());
        assert!(plan.scenarios.iter().all(|s| s.locks.is_empty()));
    }

    #[test]
    fn nodes_move_among_siblings_and_to_other_parents() {
        let mut plan = sample_plan(Lang::En);
        let first = plan.regions[0].id.clone();
        assert!(!plan.move_among_siblings(&first, -1).unwrap());
        assert!(plan.move_among_siblings(&first, 1).unwrap());
        assert_eq!(plan.regions[1].id, first);
        let person = plan.regions[0].subdistricts[0].salespeople[0].id.clone();
        let other_sub = plan.regions[2].subdistricts[0].id.clone();
        plan.move_to_parent(&person, &other_sub).unwrap();
        assert_eq!(plan.parent_id(&person).as_deref(), Some(other_sub.as_str()));
        let region = plan.regions[3].id.clone();
        assert!(plan.move_to_parent(&person, &region).is_err());
    }
}
