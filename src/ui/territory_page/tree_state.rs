//! What the tree's rows, buttons and keys do: each reads the app state and makes one change,
//! then keeps the selected row in view and its keyboard focus.

use std::collections::HashSet;

use leptos::html::Ul;
use leptos::prelude::*;
use web_sys::wasm_bindgen::JsCast;

use crate::core::edit::{Applied, Edit, Part};
use crate::core::tree::NodePos;
use crate::i18n::fill;
use crate::ui::fields::next_gesture;
use crate::ui::library;
use crate::ui::state::{App, UndoAction, What};
use crate::view::tree_keys::TreeCommand;
use crate::view::tree_rows::{
    ROW_HEIGHT, TreeRow, all_expandable, dom_id, scroll_to_show, visible_rows, window,
};

/// The tree on screen: its visible rows and how far it is scrolled.
#[derive(Clone, Copy)]
pub struct TreeState {
    app: App,
    /// Every visible row (expansion respected), in order.
    pub rows: Memo<Vec<TreeRow>>,
    /// The scrolling list.
    pub list: NodeRef<Ul>,
    /// The list's scroll position and height, in CSS pixels.
    scroll_top: RwSignal<u32>,
    viewport: RwSignal<u32>,
    /// The node just added with "+" (or Insert), while it is being named.
    pub just_added: RwSignal<Option<JustAdded>>,
}

/// A node just added, whose naming completes the adding: one step, one log line.
#[derive(Clone, Debug, PartialEq)]
pub struct JustAdded {
    pub id: String,
    /// Its parent (`None`: the company), where the next sibling goes.
    pub parent: Option<String>,
    /// The gesture of the adding, which the naming continues.
    pub gesture: u64,
}

impl TreeState {
    pub fn new(app: App) -> Self {
        let rows = Memo::new(move |_| {
            let scenario = app.scenario.get();
            app.expanded.with(|open| {
                app.with_plan(Part::Planning, |p| {
                    visible_rows(p, p.scenario(&scenario), open)
                })
            })
        });
        TreeState {
            app,
            rows,
            list: NodeRef::new(),
            scroll_top: RwSignal::new(0),
            // Until measured: about a screenful.
            viewport: RwSignal::new(20 * ROW_HEIGHT),
            just_added: RwSignal::new(None),
        }
    }

    /// The range of rows to draw, and the rows' count (tracked).
    pub fn drawn(&self) -> (std::ops::Range<usize>, usize) {
        let len = self.rows.with(Vec::len);
        (window(len, self.scroll_top.get(), self.viewport.get()), len)
    }

    /// Reads the list's scroll position and height (after a scroll or a resize).
    pub fn measure(&self) {
        if let Some(el) = self.list.get_untracked() {
            let top = el.scroll_top().max(0) as u32;
            let height = el.client_height().max(0) as u32;
            if self.scroll_top.get_untracked() != top {
                self.scroll_top.set(top);
            }
            if height > 0 && self.viewport.get_untracked() != height {
                self.viewport.set(height);
            }
        }
    }

    pub fn select(&self, id: Option<String>) {
        if self.app.selected.with_untracked(|s| *s != id) {
            self.app.selected.set(id);
        }
    }

    /// Scrolls the node's row into view (if it is among the visible rows).
    pub fn scroll_to(&self, id: Option<&str>) {
        let index = self
            .rows
            .with_untracked(|rows| rows.iter().position(|r| r.id.as_deref() == id));
        if let (Some(index), Some(el)) = (index, self.list.get_untracked()) {
            let top = self.scroll_top.get_untracked();
            if let Some(to) = scroll_to_show(index, top, self.viewport.get_untracked()) {
                el.set_scroll_top(to as i32);
                self.scroll_top.set(to);
            }
        }
    }

    /// Scrolls the node's row into view and gives it the keyboard once it is drawn.
    pub fn reveal(&self, id: Option<String>) {
        self.scroll_to(id.as_deref());
        let dom = dom_id(id.as_deref());
        request_animation_frame(move || focus_element(&dom));
    }

    /// Keeps node `id` in sight when it moves to another parent (`parent` reads where it is
    /// now): the new parent opens and the row scrolls into view.
    pub fn follow_moves(&self, id: String, parent: impl Fn() -> Option<String> + 'static) {
        let tree = *self;
        Effect::new(move |before: Option<Option<String>>| {
            let now = parent();
            if before.is_some_and(|b| b != now) && now.is_some() {
                let ancestors = tree.app.with_plan_untracked(|p| {
                    std::iter::successors(p.parent_id(&id), |up| p.parent_id(up))
                        .collect::<Vec<_>>()
                });
                tree.app.expanded.update(|e| e.extend(ancestors));
                tree.scroll_to(Some(&id));
            }
            now
        });
    }

    pub fn set_expanded(&self, id: &str, open: bool) {
        self.app.expanded.update(|e| {
            if open {
                e.insert(id.to_string());
            } else {
                e.remove(id);
            }
        });
    }

    pub fn toggle(&self, id: &str) {
        let open = self.app.expanded.with_untracked(|e| e.contains(id));
        self.set_expanded(id, !open);
    }

    /// Opens every region and sub-district.
    pub fn expand_all(&self) {
        let all = self.app.with_plan_untracked(all_expandable);
        self.app.expanded.set(all);
    }

    /// Closes every node: only the regions show.
    pub fn collapse_all(&self) {
        self.app.expanded.set(HashSet::new());
        if let Some(el) = self.list.get_untracked() {
            el.set_scroll_top(0);
        }
        self.scroll_top.set(0);
    }

    /// Adds a child under a node (a region under the company, a sub-district under a region, a
    /// salesperson under a sub-district or beside a salesperson), selects it and puts the
    /// cursor in its name.
    pub fn add_child(&self, parent: Option<String>) {
        let app = self.app;
        let t = app.t_now();
        let (edit, name) = match parent {
            None => (
                Edit::AddRegion {
                    name: t.new_region_name.into(),
                },
                t.new_region_name,
            ),
            Some(id) => {
                let Some((pos, parent_of)) =
                    app.with_plan_untracked(|p| p.locate(&id).map(|pos| (pos, p.parent_id(&id))))
                else {
                    return;
                };
                match pos {
                    NodePos::Region(_) => (
                        Edit::AddSubdistrict {
                            region: id,
                            name: t.new_subdistrict_name.into(),
                        },
                        t.new_subdistrict_name,
                    ),
                    NodePos::Subdistrict(..) => (
                        Edit::AddSalesperson {
                            subdistrict: id,
                            name: t.new_salesperson_name.into(),
                        },
                        t.new_salesperson_name,
                    ),
                    NodePos::Salesperson(..) => (
                        Edit::AddSalesperson {
                            subdistrict: parent_of.unwrap_or_default(),
                            name: t.new_salesperson_name.into(),
                        },
                        t.new_salesperson_name,
                    ),
                }
            }
        };
        let gesture = next_gesture();
        match app.apply_in_gesture(edit, What::Text(fill(t.log_added, &[name])), Some(gesture)) {
            Ok(Applied {
                created: Some(id), ..
            }) => {
                let parent = app.with_plan_untracked(|p| p.parent_id(&id));
                if let Some(parent) = &parent {
                    self.set_expanded(parent, true);
                }
                self.just_added.set(Some(JustAdded {
                    id: id.clone(),
                    parent,
                    gesture,
                }));
                self.select(Some(id.clone()));
                self.reveal(Some(id));
                request_animation_frame(|| {
                    if let Some(input) = document()
                        .get_element_by_id("detail-name")
                        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
                    {
                        let _ = input.focus();
                        input.select();
                    }
                });
            }
            Ok(_) => {}
            Err(e) => app.notify_error(t.edit_error(&e)),
        }
    }

    /// For the name field of node `id`: while it is the node just added, its new name
    /// completes the adding (the gesture to continue and the log line "Added “name”").
    pub fn completes_adding(&self, id: &str) -> Callback<String, Option<(u64, String)>> {
        let (app, just_added, id) = (self.app, self.just_added, id.to_string());
        Callback::new(move |name: String| {
            let gesture = just_added
                .with_untracked(|j| j.as_ref().filter(|j| j.id == id).map(|j| j.gesture))?;
            Some((gesture, fill(app.t_now().log_added, &[&name])))
        })
    }

    /// Whether the row of `id` is where the node being named was added: its "+" stays shown.
    pub fn is_adding_into(&self, id: Option<&str>) -> bool {
        let selected = self.app.selected.get();
        self.just_added.with(|j| {
            j.as_ref()
                .is_some_and(|j| j.parent.as_deref() == id && selected.as_deref() == Some(&j.id))
        })
    }

    /// Deletes a node with everything under it; the message offers to undo.
    pub fn delete(&self, id: &str) {
        let app = self.app;
        let t = app.t_now();
        let Some(name) = app.with_plan_untracked(|p| p.node_name(id).map(str::to_string)) else {
            return;
        };
        let text = fill(t.node_deleted, &[&name]);
        let edit = Edit::DeleteNode {
            node: id.to_string(),
        };
        match app.apply(edit, What::Text(text.clone())) {
            Ok(_) => app.notify(text, Some(UndoAction::LastStep)),
            Err(e) => app.notify_error(t.edit_error(&e)),
        }
    }

    /// Moves a node up (`-1`) or down (`1`) among its siblings.
    pub fn move_node(&self, id: &str, delta: isize) {
        let app = self.app;
        let t = app.t_now();
        let name = app.with_plan_untracked(|p| p.node_name(id).unwrap_or_default().to_string());
        let edit = Edit::MoveAmongSiblings {
            node: id.to_string(),
            delta,
        };
        if let Err(e) = app.apply(edit, What::Text(fill(t.log_moved, &[&name]))) {
            app.notify_error(t.edit_error(&e));
        }
    }

    /// Carries out a key's command.
    pub fn run(&self, command: TreeCommand) {
        match command {
            TreeCommand::Select(id) => {
                self.select(id.clone());
                self.reveal(id);
            }
            TreeCommand::SetExpanded(id, open) => {
                self.set_expanded(&id, open);
                self.reveal(Some(id));
            }
            TreeCommand::Move(id, delta) => {
                self.move_node(&id, delta);
                self.reveal(Some(id));
            }
            TreeCommand::EditName => focus_element("detail-name"),
            TreeCommand::AddChild(parent) => self.add_child(parent),
            TreeCommand::Delete { node, then_select } => {
                self.delete(&node);
                self.select(then_select.clone());
                self.reveal(then_select);
            }
        }
    }

    /// Downloads the territory as CSV: one row per salesperson with region and sub-district.
    pub fn export_csv(&self) {
        let app = self.app;
        let (name, csv) = app
            .with_plan_untracked(|p| (p.name.clone(), crate::core::csv_export::territory_csv(p)));
        library::download_csv(app, &format!("{name} - {}", app.t_now().territory), &csv);
    }
}

/// Gives an element the keyboard, if it is on the page.
pub fn focus_element(dom_id: &str) {
    if let Some(el) = document()
        .get_element_by_id(dom_id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
