//! What a key does in the territory tree, in the way of the WAI-ARIA tree pattern: arrows move
//! the selection and open or close nodes, Alt+arrows move a node among its siblings, Enter
//! edits its name, Insert adds a child and Delete removes it.

use super::tree_rows::{RowKind, TreeRow};

/// What a key press asks of the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TreeCommand {
    /// Select this node (`None`: the company) and give its row the keyboard.
    Select(Option<String>),
    /// Open or close a node.
    SetExpanded(String, bool),
    /// Move a node up (`-1`) or down (`1`) among its siblings.
    Move(String, isize),
    /// Put the cursor in the selected node's name.
    EditName,
    /// Add a child under this node (beside it, for a salesperson).
    AddChild(Option<String>),
    /// Delete a node, then select the row that takes its place.
    Delete {
        node: String,
        then_select: Option<String>,
    },
}

/// The command for `key` (a `KeyboardEvent.key`) with Alt held or not, on the selected row of
/// `rows`; `None` if the key means nothing here.
pub fn command_for(
    key: &str,
    alt: bool,
    rows: &[TreeRow],
    selected: Option<&str>,
) -> Option<TreeCommand> {
    let i = rows.iter().position(|r| r.id.as_deref() == selected)?;
    let row = &rows[i];
    let select = |target: Option<&TreeRow>| target.map(|t| TreeCommand::Select(t.id.clone()));
    match (key, alt) {
        ("ArrowUp" | "ArrowDown", true) => {
            let delta = if key == "ArrowUp" { -1 } else { 1 };
            row.id.clone().map(|id| TreeCommand::Move(id, delta))
        }
        ("ArrowDown", false) => select(rows.get(i + 1)),
        ("ArrowUp", false) => select(i.checked_sub(1).and_then(|j| rows.get(j))),
        ("Home", _) => select(rows.first()),
        ("End", _) => select(rows.last()),
        ("ArrowRight", _) if row.children > 0 => match (&row.id, row.expanded) {
            (Some(id), false) => Some(TreeCommand::SetExpanded(id.clone(), true)),
            _ => select(rows.get(i + 1)),
        },
        ("ArrowLeft", _) if row.kind != RowKind::Company => match &row.id {
            Some(id) if row.expanded => Some(TreeCommand::SetExpanded(id.clone(), false)),
            _ => Some(TreeCommand::Select(row.parent.clone())),
        },
        ("Enter" | "F2", _) => Some(TreeCommand::EditName),
        ("Insert" | "+", _) => Some(TreeCommand::AddChild(row.id.clone())),
        ("Delete", _) => {
            let node = row.id.clone()?;
            // The next sibling, else the row above.
            let next = rows
                .get(i + 1)
                .filter(|r| r.kind == row.kind)
                .or_else(|| rows.get(i - 1));
            Some(TreeCommand::Delete {
                node,
                then_select: next.and_then(|r| r.id.clone()),
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;
    use crate::view::tree_rows::visible_rows;

    fn rows() -> (Vec<TreeRow>, [String; 4]) {
        let plan = sample_plan(Lang::En);
        let r = &plan.regions[0];
        let d = &r.subdistricts[0];
        let open: HashSet<String> = [r.id.clone(), d.id.clone()].into();
        let ids = [
            r.id.clone(),
            d.id.clone(),
            d.salespeople[0].id.clone(),
            plan.regions[1].id.clone(),
        ];
        (visible_rows(&plan, plan.adopted(), &open), ids)
    }

    fn select(id: &str) -> Option<TreeCommand> {
        Some(TreeCommand::Select(Some(id.to_string())))
    }

    #[test]
    fn arrows_walk_the_visible_rows() {
        let (rows, [region, sub, person, _]) = rows();
        assert_eq!(
            command_for("ArrowDown", false, &rows, None),
            select(&region)
        );
        assert_eq!(
            command_for("ArrowDown", false, &rows, Some(&sub)),
            select(&person)
        );
        assert_eq!(
            command_for("ArrowUp", false, &rows, Some(&sub)),
            select(&region)
        );
        assert_eq!(
            command_for("ArrowUp", false, &rows, Some(&region)),
            Some(TreeCommand::Select(None)),
            "up from the first region is the company"
        );
        assert_eq!(command_for("ArrowUp", false, &rows, None), None);
        assert_eq!(
            command_for("Home", false, &rows, Some(&person)),
            Some(TreeCommand::Select(None))
        );
        let last = rows.last().and_then(|r| r.id.clone()).unwrap();
        assert_eq!(command_for("End", false, &rows, None), select(&last));
    }

    #[test]
    fn left_closes_then_climbs_and_right_opens_then_descends() {
        let (rows, [region, sub, person, other]) = rows();
        assert_eq!(
            command_for("ArrowLeft", false, &rows, Some(&sub)),
            Some(TreeCommand::SetExpanded(sub.clone(), false))
        );
        assert_eq!(
            command_for("ArrowLeft", false, &rows, Some(&person)),
            select(&sub)
        );
        assert_eq!(
            command_for("ArrowLeft", false, &rows, Some(&other)),
            Some(TreeCommand::Select(None)),
            "a closed region's parent is the company"
        );
        assert_eq!(command_for("ArrowLeft", false, &rows, None), None);
        assert_eq!(
            command_for("ArrowRight", false, &rows, Some(&other)),
            Some(TreeCommand::SetExpanded(other.clone(), true))
        );
        assert_eq!(
            command_for("ArrowRight", false, &rows, Some(&region)),
            select(&sub)
        );
        assert_eq!(command_for("ArrowRight", false, &rows, Some(&person)), None);
    }

    #[test]
    fn alt_arrows_move_enter_edits_insert_adds() {
        let (rows, [region, _, person, _]) = rows();
        assert_eq!(
            command_for("ArrowDown", true, &rows, Some(&region)),
            Some(TreeCommand::Move(region.clone(), 1))
        );
        assert_eq!(
            command_for("ArrowUp", true, &rows, Some(&person)),
            Some(TreeCommand::Move(person.clone(), -1))
        );
        assert_eq!(
            command_for("ArrowUp", true, &rows, None),
            None,
            "the company stays"
        );
        assert_eq!(
            command_for("F2", false, &rows, Some(&region)),
            Some(TreeCommand::EditName)
        );
        assert_eq!(
            command_for("Insert", false, &rows, None),
            Some(TreeCommand::AddChild(None))
        );
        assert_eq!(
            command_for("+", false, &rows, Some(&person)),
            Some(TreeCommand::AddChild(Some(person.clone())))
        );
        assert_eq!(command_for("x", false, &rows, Some(&person)), None);
    }

    #[test]
    fn delete_hands_the_selection_to_the_next_sibling_or_the_row_above() {
        let (rows, [region, _, person, _]) = rows();
        let next_person = rows[4].id.clone();
        assert_eq!(
            command_for("Delete", false, &rows, Some(&person)),
            Some(TreeCommand::Delete {
                node: person.clone(),
                then_select: next_person
            })
        );
        // The last region: no sibling below, so the row above.
        let last = rows.last().unwrap();
        let above = rows[rows.len() - 2].id.clone();
        assert_eq!(
            command_for("Delete", false, &rows, last.id.as_deref()),
            Some(TreeCommand::Delete {
                node: last.id.clone().unwrap(),
                then_select: above
            })
        );
        // A region's next row is its open sub-district, not a sibling: the next region is
        // further down, so the row above (the company) takes it.
        assert_eq!(
            command_for("Delete", false, &rows, Some(&region)),
            Some(TreeCommand::Delete {
                node: region.clone(),
                then_select: None
            })
        );
        assert_eq!(command_for("Delete", false, &rows, None), None);
    }
}
