//! View models: what the screens show, computed from the plan without any browser code, so it
//! is tested natively and shared by the UI.

pub mod breakdown_table;
pub mod explain_html;
pub mod html;
pub mod numbers;
pub mod tree_rows;
