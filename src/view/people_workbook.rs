//! The breakdown's "Excel table" as a real `.xlsx` workbook: one sheet per level (regions,
//! sub-districts, salespeople), each a title, a bold header, one row per node with its names
//! down and its months across, the period total, and a bold total row. Numbers are numbers
//! (summable in Excel) with thousands separators; the title, the header and the name columns
//! stay in view when scrolling; columns are as wide as their widest cell, Chinese characters
//! counting double.
//!
//! Names are written as text cells, which a spreadsheet never runs as formulas, so unlike the
//! CSV exports they need no guard.

use rust_decimal::Decimal;
use rust_xlsxwriter::{ColNum, Format, RowNum, Workbook, Worksheet, XlsxError};

use super::numbers::grouped;
use super::people_table::PeopleTable;
use crate::i18n::Catalogue;

/// The MIME type of an `.xlsx` file.
pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Rows above the data: the title, then the header.
const TITLE_ROW: RowNum = 0;
const HEADER_ROW: RowNum = 1;
const FIRST_DATA_ROW: RowNum = 2;

/// The workbook's bytes: one sheet per table, in order.
pub fn people_workbook(t: &Catalogue, tables: &[PeopleTable]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    for table in tables {
        let sheet = workbook.add_worksheet();
        sheet.set_name(&table.sheet)?;
        write_table(sheet, t, table)?;
    }
    workbook.save_to_buffer()
}

fn write_table(sheet: &mut Worksheet, t: &Catalogue, table: &PeopleTable) -> Result<(), XlsxError> {
    let depth = table.header.len() - table.total.len();
    let number = Format::new().set_num_format(number_format(table));
    let bold = Format::new().set_bold();
    let bold_number = number.clone().set_bold();

    sheet.write_string_with_format(TITLE_ROW, 0, &table.title, &bold.clone().set_font_size(14))?;
    for (col, head) in table.header.iter().enumerate() {
        sheet.write_string_with_format(HEADER_ROW, col as ColNum, head, &bold)?;
    }
    for (i, row) in table.rows.iter().enumerate() {
        let r = FIRST_DATA_ROW + i as RowNum;
        for (col, name) in row.names.iter().enumerate() {
            sheet.write_string(r, col as ColNum, name)?;
        }
        for (k, v) in row.values.iter().enumerate() {
            sheet.write_with_format(r, (depth + k) as ColNum, *v, &number)?;
        }
    }
    let total_row = FIRST_DATA_ROW + table.rows.len() as RowNum;
    sheet.write_string_with_format(total_row, 0, t.people_table_total, &bold)?;
    for (k, v) in table.total.iter().enumerate() {
        sheet.write_with_format(total_row, (depth + k) as ColNum, *v, &bold_number)?;
    }
    for (col, width) in column_widths(t, table).into_iter().enumerate() {
        sheet.set_column_width(col as ColNum, width)?;
    }
    sheet.set_freeze_panes(FIRST_DATA_ROW, depth as ColNum)?;
    Ok(())
}

/// Thousands separators, and as many decimals as the table's most precise figure (none for
/// whole amounts; a unit of 0.01 shows cents).
fn number_format(table: &PeopleTable) -> String {
    let decimals = table
        .rows
        .iter()
        .flat_map(|r| &r.values)
        .chain(&table.total)
        .map(|v| v.normalize().scale())
        .max()
        .unwrap_or(0)
        .min(6);
    if decimals == 0 {
        "#,##0".to_string()
    } else {
        format!("#,##0.{}", "0".repeat(decimals as usize))
    }
}

/// Each column's width in Excel's units (the width of a digit): its widest cell, shown as in
/// the sheet, plus a margin. The title is left out: it may run over the columns beside it.
pub fn column_widths(t: &Catalogue, table: &PeopleTable) -> Vec<f64> {
    let depth = table.header.len() - table.total.len();
    let mut widths: Vec<usize> = table.header.iter().map(|h| display_width(h)).collect();
    let mut widen = |col: usize, text: &str| widths[col] = widths[col].max(display_width(text));
    widen(0, t.people_table_total);
    for row in &table.rows {
        for (col, name) in row.names.iter().enumerate() {
            widen(col, name);
        }
        for (k, v) in row.values.iter().enumerate() {
            widen(depth + k, &shown(*v));
        }
    }
    for (k, v) in table.total.iter().enumerate() {
        widen(depth + k, &shown(*v));
    }
    widths.into_iter().map(|w| (w + 2) as f64).collect()
}

/// A figure as the sheet shows it (thousands separators), for its column's width.
fn shown(v: Decimal) -> String {
    grouped(v.normalize())
}

/// The width of a text in digit widths: characters of the wide East Asian ranges (Chinese,
/// full-width forms) take two.
pub fn display_width(text: &str) -> usize {
    text.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

    use super::*;
    use crate::core::breakdown::compute;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;
    use crate::core::scenario::Measure;
    use crate::i18n::{EN, ZH};
    use crate::view::people_table::people_tables;

    fn open(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
        open_workbook_from_rs(Cursor::new(bytes)).expect("the bytes are an .xlsx workbook")
    }

    fn number(cell: Option<&Data>) -> f64 {
        match cell {
            Some(Data::Float(v)) => *v,
            Some(Data::Int(v)) => *v as f64,
            other => panic!("not a number: {other:?}"),
        }
    }

    fn text(cell: Option<&Data>) -> String {
        match cell {
            Some(Data::String(s)) => s.clone(),
            other => panic!("not text: {other:?}"),
        }
    }

    #[test]
    fn one_sheet_per_level_with_names_down_months_across_and_a_total_row() {
        let plan = sample_plan(Lang::Zh);
        let scenario = plan.scenario(&plan.adopted_scenario).unwrap();
        let b = compute(&plan, scenario).unwrap();
        let tables = people_tables(&ZH, &plan, &b, Measure::Amount);
        let mut book = open(people_workbook(&ZH, &tables).unwrap());
        assert_eq!(book.sheet_names(), ["区域", "分区", "业务人员"]);
        let company = b.total(Measure::Amount).to_string().parse::<f64>().unwrap();

        let people = book.worksheet_range("业务人员").unwrap();
        assert_eq!(text(people.get((0, 0))), "业务人员 · 销售额目标");
        let header: Vec<String> = (0..16).map(|c| text(people.get((1, c)))).collect();
        assert_eq!(header[..4], ["区域", "分区", "业务人员", "2027-01"]);
        assert_eq!(header[15], "全期");
        assert_eq!(people.get((1, 16)), None, "12 months and the period");
        let wang = (2..people.height())
            .find(|&r| people.get((r, 2)) == Some(&Data::String("王伟".into())))
            .expect("王伟 has a row");
        let months: f64 = (3..15).map(|c| number(people.get((wang, c)))).sum();
        assert_eq!(
            months,
            number(people.get((wang, 15))),
            "王伟's months add up"
        );
        let row = &tables[2]
            .rows
            .iter()
            .find(|r| r.names[2] == "王伟")
            .unwrap();
        assert_eq!(text(people.get((wang, 0))), row.names[0]);
        assert_eq!(
            number(people.get((wang, 3))),
            row.values[0].to_string().parse::<f64>().unwrap()
        );
        // The total row closes each sheet, and every level adds up to the company.
        for (sheet, names) in [("区域", 1), ("分区", 2), ("业务人员", 3)] {
            let range = book.worksheet_range(sheet).unwrap();
            let last = range.height() - 1;
            assert_eq!(text(range.get((last, 0))), "合计", "{sheet}");
            assert_eq!(number(range.get((last, names + 12))), company, "{sheet}");
            let summed: f64 = (2..last).map(|r| number(range.get((r, names + 12)))).sum();
            assert_eq!(summed, company, "{sheet}: the rows add up to the total");
        }
        assert_eq!(
            book.worksheet_range("区域").unwrap().height(),
            2 + plan.regions.len() + 1
        );
    }

    #[test]
    fn english_sheets_are_named_in_english() {
        let plan = sample_plan(Lang::En);
        let scenario = plan.scenario(&plan.adopted_scenario).unwrap();
        let b = compute(&plan, scenario).unwrap();
        let tables = people_tables(&EN, &plan, &b, Measure::Quantity);
        let mut book = open(people_workbook(&EN, &tables).unwrap());
        assert_eq!(
            book.sheet_names(),
            ["Region", "Sub-district", "Salesperson"]
        );
        let regions = book.worksheet_range("Region").unwrap();
        assert_eq!(text(regions.get((0, 0))), "Region · Quantity target");
        assert_eq!(text(regions.get((regions.height() - 1, 0))), "Total");
    }

    /// The parts of the workbook the reader does not show: formats, panes and widths.
    fn part(bytes: &[u8], name: &str) -> String {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut file = zip.by_name(name).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut file, &mut xml).unwrap();
        xml
    }

    #[test]
    fn numbers_have_thousands_separators_headers_are_bold_and_frozen() {
        let plan = sample_plan(Lang::Zh);
        let scenario = plan.scenario(&plan.adopted_scenario).unwrap();
        let b = compute(&plan, scenario).unwrap();
        let tables = people_tables(&ZH, &plan, &b, Measure::Amount);
        let bytes = people_workbook(&ZH, &tables).unwrap();
        let styles = part(&bytes, "xl/styles.xml");
        assert!(styles.contains(r##"formatCode="#,##0""##), "{styles}");
        assert!(styles.contains("<b/>"), "{styles}");
        // The people's sheet: title and header rows and the three name columns stay in view.
        let people = part(&bytes, "xl/worksheets/sheet3.xml");
        assert!(
            people.contains(
                r#"xSplit="3" ySplit="2" topLeftCell="D3" activePane="bottomRight" state="frozen""#
            ),
            "{people}"
        );
        let regions = part(&bytes, "xl/worksheets/sheet1.xml");
        assert!(regions.contains(r#"xSplit="1" ySplit="2""#), "{regions}");
    }

    #[test]
    fn columns_fit_chinese_names_and_grouped_figures() {
        assert_eq!(display_width("王伟"), 4);
        assert_eq!(display_width("Wang Wei"), 8);
        assert_eq!(display_width("５０万"), 6);
        let table = PeopleTable {
            sheet: "业务人员".into(),
            title: "业务人员 · 销售额目标".into(),
            header: vec!["业务人员".into(), "2027-01".into(), "全期".into()],
            rows: vec![crate::view::people_table::PeopleRow {
                names: vec!["欧阳娜娜娜娜".into()],
                values: vec![Decimal::from(1_234_567), Decimal::from(12_345_678)],
            }],
            total: vec![Decimal::from(1_234_567), Decimal::from(12_345_678)],
        };
        // 欧阳娜娜娜娜: 12; 1,234,567: 9; 12,345,678: 10; each plus 2.
        assert_eq!(column_widths(&ZH, &table), [14.0, 11.0, 12.0]);
        assert_eq!(number_format(&table), "#,##0");
    }

    #[test]
    fn fractions_of_the_unit_keep_their_decimals() {
        let table = PeopleTable {
            sheet: "区域".into(),
            title: String::new(),
            header: vec!["区域".into(), "全期".into()],
            rows: vec![crate::view::people_table::PeopleRow {
                names: vec!["长沙".into()],
                values: vec![Decimal::new(12_345, 2)],
            }],
            total: vec![Decimal::new(12_345, 2)],
        };
        assert_eq!(number_format(&table), "#,##0.00");
        let mut book = open(people_workbook(&ZH, &[table]).unwrap());
        let range = book.worksheet_range("区域").unwrap();
        assert_eq!(number(range.get((2, 1))), 123.45);
    }

    #[test]
    fn a_name_that_looks_like_a_formula_is_text_as_typed() {
        let mut plan = sample_plan(Lang::Zh);
        plan.regions[0].name = "=HYPERLINK(\"x\")".into();
        let scenario = plan.scenario(&plan.adopted_scenario).unwrap().clone();
        let b = compute(&plan, &scenario).unwrap();
        let bytes = people_workbook(&ZH, &people_tables(&ZH, &plan, &b, Measure::Amount)).unwrap();
        let mut book = open(bytes.clone());
        let regions = book.worksheet_range("区域").unwrap();
        assert_eq!(text(regions.get((2, 0))), "=HYPERLINK(\"x\")");
        assert!(!part(&bytes, "xl/worksheets/sheet1.xml").contains("<f>"));
    }
}
