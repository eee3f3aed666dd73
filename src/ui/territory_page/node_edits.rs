//! The edits the detail panel's fields make: each turns what was typed into a typed [`Edit`]
//! of one node (its id captured), or says why the text is not a value.

use leptos::prelude::*;

use crate::core::edit::{Edit, RegionField, SalespersonField, SubdistrictField};
use crate::core::field::FieldError;

/// What a field hands its text to.
pub type ToEdit = Callback<String, Result<Edit, FieldError>>;

/// An edit of a field of region `id`.
pub fn region(
    id: &str,
    field: impl Fn(&str) -> Result<RegionField, FieldError> + Send + Sync + 'static,
) -> ToEdit {
    let id = id.to_string();
    Callback::new(move |text: String| {
        Ok(Edit::Region {
            region: id.clone(),
            field: field(&text)?,
        })
    })
}

/// An edit of a field of sub-district `id`.
pub fn subdistrict(
    id: &str,
    field: impl Fn(&str) -> Result<SubdistrictField, FieldError> + Send + Sync + 'static,
) -> ToEdit {
    let id = id.to_string();
    Callback::new(move |text: String| {
        Ok(Edit::Subdistrict {
            subdistrict: id.clone(),
            field: field(&text)?,
        })
    })
}

/// An edit of a field of salesperson `id`.
pub fn salesperson(
    id: &str,
    field: impl Fn(&str) -> Result<SalespersonField, FieldError> + Send + Sync + 'static,
) -> ToEdit {
    let id = id.to_string();
    Callback::new(move |text: String| {
        Ok(Edit::Salesperson {
            salesperson: id.clone(),
            field: field(&text)?,
        })
    })
}

/// Moves node `id` to the parent chosen (its value is the parent's id).
pub fn move_to_parent(id: &str) -> ToEdit {
    let id = id.to_string();
    Callback::new(move |parent: String| {
        Ok(Edit::MoveToParent {
            node: id.clone(),
            parent,
        })
    })
}

/// A check box's value (`"true"` / `"false"`).
pub fn checked(text: &str) -> bool {
    text == "true"
}
