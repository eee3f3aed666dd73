//! View models: what the screens show, computed from the plan without any browser code, so it
//! is tested natively and shared by the UI.

pub mod bidi;
pub mod breakdown_table;
pub mod change_log;
pub mod charts;
pub mod compare;
pub mod detail_forms;
pub mod diff_chart;
pub mod exec;
pub mod explain;
pub mod lock_form;
pub mod merge_flow;
pub mod merge_view;
pub mod numbers;
pub mod people_table;
pub mod period_label;
pub mod plan_diff;
pub mod print_doc;
pub mod scenario_settings;
pub mod settings_form;
pub mod slides;
pub mod tier_board;
pub mod tree_keys;
pub mod tree_rows;
pub mod zero_notes;
