//! View models: what the screens show, computed from the plan without any browser code, so it
//! is tested natively and shared by the UI.

pub mod numbers;
pub mod tree_rows;
