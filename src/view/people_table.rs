//! The breakdown as tables a manager hands out as they are: one table per level (regions,
//! sub-districts, salespeople), names down, months across, each row's period total and the
//! level's total underneath. Each level is its own CSV file with a byte-order mark, which Excel
//! opens directly, sorts and filters as one table (see docs/FORMAT.md for why not an .xlsx
//! workbook).

use rust_decimal::Decimal;

use crate::core::breakdown::{Breakdown, node_name};
use crate::core::csv_export::table_record;
use crate::core::model::Plan;
use crate::core::scenario::{Level, Measure};
use crate::i18n::Catalogue;

/// One level's table.
#[derive(Clone, Debug, PartialEq)]
pub struct PeopleTable {
    /// The level's name, which names its file: "业务人员".
    pub level_name: String,
    /// The level and the measure: "业务人员 · 销售额目标".
    pub title: String,
    /// Name columns (region, then sub-district, then salesperson as deep as the level), then
    /// the months, then the period.
    pub header: Vec<String>,
    /// Each node of the level, in tree order.
    pub rows: Vec<PeopleRow>,
    /// The level's totals: each month and the period.
    pub total: Vec<Decimal>,
}

/// One node of a level: the names down to it, its months and its period total.
#[derive(Clone, Debug, PartialEq)]
pub struct PeopleRow {
    pub names: Vec<String>,
    /// Each month, then the period total.
    pub values: Vec<Decimal>,
}

/// The levels handed out, in order.
const LEVELS: [Level; 3] = [Level::Region, Level::Subdistrict, Level::Salesperson];

/// The three tables of a breakdown in one measure.
pub fn people_tables(
    t: &Catalogue,
    plan: &Plan,
    b: &Breakdown,
    measure: Measure,
) -> Vec<PeopleTable> {
    let months: Vec<String> = b.months().iter().map(|m| m.to_string()).collect();
    let measure_name = match measure {
        Measure::Amount => t.amount_target,
        Measure::Quantity => t.quantity_target,
    };
    LEVELS
        .iter()
        .enumerate()
        .map(|(depth, &level)| {
            let level_names = [t.region, t.subdistrict, t.salesperson];
            let header = level_names[..=depth]
                .iter()
                .map(|s| s.to_string())
                .chain(months.iter().cloned())
                .chain([t.col_year.to_string()])
                .collect();
            let rows: Vec<PeopleRow> = b
                .nodes()
                .iter()
                .enumerate()
                .filter(|(_, n)| n.level == level)
                .map(|(i, _)| {
                    // The names of the node and its ancestors below the company, top first.
                    let mut names = Vec::with_capacity(depth + 1);
                    let mut at = Some(i);
                    while let Some(k) = at {
                        let n = &b.nodes()[k];
                        if n.level == Level::Company {
                            break;
                        }
                        names.push(node_name(plan, n.pos).to_string());
                        at = n.parent;
                    }
                    names.reverse();
                    let values = b
                        .monthly(i, measure)
                        .chain([b.annual(i, measure)])
                        .collect();
                    PeopleRow { names, values }
                })
                .collect();
            let mut total = vec![Decimal::ZERO; months.len() + 1];
            for row in &rows {
                for (sum, v) in total.iter_mut().zip(&row.values) {
                    *sum += v;
                }
            }
            PeopleTable {
                level_name: level_names[depth].to_string(),
                title: format!("{} · {measure_name}", level_names[depth]),
                header,
                rows,
                total,
            }
        })
        .collect()
}

/// One table as CSV text (the byte-order mark is added when it is downloaded): its header, its
/// rows and its total row.
pub fn people_table_csv(t: &Catalogue, table: &PeopleTable) -> String {
    let numbers = |values: &[Decimal]| -> Vec<String> {
        values.iter().map(|v| v.normalize().to_string()).collect()
    };
    let mut out = String::new();
    let header: Vec<&str> = table.header.iter().map(String::as_str).collect();
    out.push_str(&table_record(&header, &[]));
    for row in &table.rows {
        let names: Vec<&str> = row.names.iter().map(String::as_str).collect();
        out.push_str(&table_record(&names, &numbers(&row.values)));
    }
    let depth = table.header.len() - table.total.len();
    let mut label = vec![t.people_table_total];
    label.resize(depth, "");
    out.push_str(&table_record(&label, &numbers(&table.total)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::breakdown::compute;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;
    use crate::i18n::ZH;

    #[test]
    fn one_table_per_level_with_names_down_months_across_and_totals() {
        let plan = sample_plan(Lang::Zh);
        let scenario = plan.scenario(&plan.adopted_scenario).unwrap();
        let b = compute(&plan, scenario).unwrap();
        let tables = people_tables(&ZH, &plan, &b, Measure::Amount);
        assert_eq!(tables.len(), 3);
        assert_eq!(tables[0].title, "区域 · 销售额目标");
        assert_eq!(tables[2].title, "业务人员 · 销售额目标");
        // Names down (as deep as the level), months across, then the period.
        assert_eq!(tables[2].header[..3], ["区域", "分区", "业务人员"]);
        assert_eq!(tables[2].header[3], "2027-01");
        assert_eq!(tables[2].header.last().unwrap(), "全期");
        assert_eq!(tables[2].header.len(), 3 + 12 + 1);
        let wang = tables[2]
            .rows
            .iter()
            .find(|r| r.names[2] == "王伟")
            .unwrap();
        assert_eq!(
            wang.names[..2],
            [
                plan.regions[0].name.clone(),
                plan.regions[0].subdistricts[0].name.clone()
            ]
        );
        // Each row's months add up to its period total, and every level adds up to the company.
        assert_eq!(wang.values[..12].iter().sum::<Decimal>(), wang.values[12]);
        for table in &tables {
            assert_eq!(table.total[12], b.total(Measure::Amount), "{}", table.title);
        }
        let people = plan
            .regions
            .iter()
            .flat_map(|r| &r.subdistricts)
            .map(|d| d.salespeople.len())
            .sum::<usize>();
        assert_eq!(tables[2].rows.len(), people);
        assert_eq!(tables[0].rows.len(), plan.regions.len());
    }

    #[test]
    fn each_level_is_a_csv_of_its_header_rows_and_total_row() {
        let plan = sample_plan(Lang::Zh);
        let scenario = plan.scenario(&plan.adopted_scenario).unwrap();
        let b = compute(&plan, scenario).unwrap();
        let tables = people_tables(&ZH, &plan, &b, Measure::Quantity);
        assert_eq!(tables[0].level_name, "区域");
        assert_eq!(tables[2].level_name, "业务人员");
        let total = format!(",{}", b.total(Measure::Quantity).normalize());
        let regions = people_table_csv(&ZH, &tables[0]);
        let lines: Vec<&str> = regions.lines().collect();
        assert!(
            lines[0].starts_with("区域,2027-01,2027-02,"),
            "{}",
            lines[0]
        );
        assert!(lines[0].ends_with(",全期"));
        assert_eq!(lines.len(), 1 + plan.regions.len() + 1);
        let region_total = lines.last().unwrap();
        assert!(region_total.starts_with("合计,"), "{region_total}");
        assert!(region_total.ends_with(&total), "{region_total}");
        let people = people_table_csv(&ZH, &tables[2]);
        assert!(
            people.starts_with("区域,分区,业务人员,2027-01,"),
            "{people}"
        );
        let people_total = people.lines().last().unwrap();
        assert!(people_total.starts_with("合计,,,"), "{people_total}");
        assert!(people_total.ends_with(&total), "{people_total}");
    }

    #[test]
    fn a_name_that_looks_like_a_formula_is_kept_as_text() {
        let mut plan = sample_plan(Lang::Zh);
        plan.regions[0].name = "=HYPERLINK(\"x\")".into();
        let scenario = plan.scenario(&plan.adopted_scenario).unwrap().clone();
        let b = compute(&plan, &scenario).unwrap();
        let csv = people_table_csv(&ZH, &people_tables(&ZH, &plan, &b, Measure::Amount)[0]);
        assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{csv}");
    }
}
