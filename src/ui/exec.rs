//! What the execution routes (计划执行) share: the page frame, the measure toggle, choices,
//! CSV file buttons, an import's preview, paging, "show all", and the adopted scenario's
//! breakdown they measure against.

mod choice_select;
mod exec_page;
mod file_buttons;
mod import_preview_card;
mod imports;
mod measure_toggle;
mod more_rows_line;
mod pager_bar;
mod tracked;

pub use choice_select::ChoiceSelect;
pub use exec_page::ExecPage;
pub use file_buttons::FileButtons;
pub use import_preview_card::ImportPreviewCard;
pub use imports::{download_problems, store_import};
pub use measure_toggle::{MeasureToggle, OtherFigure};
pub use more_rows_line::MoreRowsLine;
pub use pager_bar::PagerBar;
pub use tracked::{Tracked, with_adopted};
