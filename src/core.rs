//! The pure domain core: plan model, tiers, breakdown, validation, import/export. No browser or
//! UI code lives here; it compiles and is tested natively and is shared by the app and the CLI.

pub mod breakdown;
pub mod changelog;
pub mod csv_export;
pub mod decimal_text;
pub mod diff;
pub mod edit;
pub mod editor;
pub mod execution;
pub mod field;
pub mod format;
pub mod json_merge;
pub mod lang;
pub mod merge;
pub mod model;
pub mod period;
pub mod respread;
pub mod sample;
pub mod scenario;
pub mod scenario_list;
pub mod share_link;
pub mod tier;
pub mod tree;
pub mod validate;
