//! Charts as SVG components, drawn from the chart geometry of [`crate::view::charts`]. Every
//! bar and point has its text beside it, so nothing is told by colour alone.

mod bar_chart;
mod monthly_chart;

pub use bar_chart::BarChartView;
pub use monthly_chart::MonthlyChartView;
