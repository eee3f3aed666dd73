//! Updating a piece of the page to new HTML while keeping the elements that did not change, so
//! focus, a half-typed value, a dragged slider and screen-reader position all survive a redraw.
//! (Replacing `innerHTML` would rebuild every input on each edit.)

use web_sys::wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement, Node};

/// Makes the children of `target` match `html`.
pub fn morph_inner(target: &Element, html: &str) {
    let Ok(template) = document().create_element("template") else {
        target.set_inner_html(html);
        return;
    };
    template.set_inner_html(html);
    let source: Node = match template.dyn_ref::<web_sys::HtmlTemplateElement>() {
        Some(t) => t.content().into(),
        None => template.into(),
    };
    morph_children(target, &source);
}

fn document() -> web_sys::Document {
    leptos::prelude::document()
}

fn morph_children(old: &Node, new: &Node) {
    let old_children = old.child_nodes();
    let new_children = new.child_nodes();
    let (old_len, new_len) = (old_children.length(), new_children.length());
    // New nodes are moved out of `new` as they are adopted, so walk a snapshot.
    let fresh: Vec<Node> = (0..new_len).filter_map(|i| new_children.item(i)).collect();
    for (i, n) in fresh.iter().enumerate() {
        match old_children.item(i as u32) {
            Some(o) if same_kind(&o, n) => morph_node(&o, n),
            Some(o) => {
                let _ = old.replace_child(n, &o);
            }
            None => {
                let _ = old.append_child(n);
            }
        }
    }
    for _ in new_len..old_len {
        if let Some(last) = old.last_child() {
            let _ = old.remove_child(&last);
        }
    }
}

fn same_kind(a: &Node, b: &Node) -> bool {
    a.node_type() == b.node_type() && a.node_name() == b.node_name()
}

fn morph_node(old: &Node, new: &Node) {
    if old.node_type() != Node::ELEMENT_NODE {
        if old.node_value() != new.node_value() {
            old.set_node_value(new.node_value().as_deref());
        }
        return;
    }
    let (Some(o), Some(n)) = (old.dyn_ref::<Element>(), new.dyn_ref::<Element>()) else {
        return;
    };
    let value_before = o.get_attribute("value");
    let checked_before = o.has_attribute("checked");
    sync_attributes(o, n);
    // The model's value changed: show it (a refused value leaves the typed text alone).
    if let Some(input) = o.dyn_ref::<HtmlInputElement>() {
        let value_after = o.get_attribute("value");
        if value_after != value_before {
            input.set_value(value_after.as_deref().unwrap_or_default());
        }
        if o.has_attribute("checked") != checked_before {
            input.set_checked(o.has_attribute("checked"));
        }
    }
    // As with inputs, a choice the model refused stays on screen until the model changes.
    let selected_before = o.dyn_ref::<HtmlSelectElement>().map(|_| selected_value(o));
    let text_before = o
        .dyn_ref::<web_sys::HtmlTextAreaElement>()
        .map(|_| o.text_content());
    morph_children(old, new);
    if let (Some(area), Some(before)) = (o.dyn_ref::<web_sys::HtmlTextAreaElement>(), text_before)
        && o.text_content() != before
    {
        area.set_value(&o.text_content().unwrap_or_default());
    }
    if let (Some(select), Some(before)) = (o.dyn_ref::<HtmlSelectElement>(), selected_before)
        && let Some(after) = selected_value(o)
        && Some(&after) != before.as_ref()
    {
        select.set_value(&after);
    }
}

/// The value of the option marked `selected` in the markup.
fn selected_value(select: &Element) -> Option<String> {
    select
        .query_selector("option[selected]")
        .ok()
        .flatten()
        .map(|o| o.get_attribute("value").unwrap_or_default())
}

fn sync_attributes(old: &Element, new: &Element) {
    let new_attrs = new.attributes();
    for i in 0..new_attrs.length() {
        if let Some(a) = new_attrs.item(i) {
            let (name, value) = (a.name(), a.value());
            if old.get_attribute(&name).as_deref() != Some(value.as_str()) {
                let _ = old.set_attribute(&name, &value);
            }
        }
    }
    let old_attrs = old.attributes();
    let stale: Vec<String> = (0..old_attrs.length())
        .filter_map(|i| old_attrs.item(i))
        .map(|a| a.name())
        .filter(|name| !new.has_attribute(name))
        // Whether a <details> is open is the reader's choice, not the model's.
        .filter(|name| !(name == "open" && old.tag_name() == "DETAILS"))
        .collect();
    for name in stale {
        let _ = old.remove_attribute(&name);
    }
}
