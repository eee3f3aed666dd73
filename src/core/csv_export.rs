//! CSV exports of a plan (RFC 4180, UTF-8, one record per line ended by `\n`): the breakdown,
//! the territory and the tier board. The web app offers them as downloads and `planner` prints
//! them; both call these functions. Columns are documented in `docs/FORMAT.md`.
//!
//! For Excel, pass the text through [`with_bom`]: without a byte-order mark Excel reads UTF-8
//! as the local code page and garbles Chinese names.
//!
//! Text fields (names, notes, roles) that begin with `=`, `+`, `-`, `@`, a tab or a carriage
//! return get a leading `'`, so that a spreadsheet shows them as text instead of running them
//! as formulas (a plan may come from anyone). Numbers are written as plain decimals.

use std::fmt::Write;

use rust_decimal::Decimal;

use super::breakdown::{Breakdown, BreakdownErrors, Collections, compute, node_name, tier_rows};
use super::model::{Factor, Plan, Sales};
use super::scenario::{Measure, Scenario};

pub const BREAKDOWN_HEADER: &str = "level,id,name,parent_id,period,amount,quantity";
/// The breakdown's header with the collections (回款) targets after the quantity.
pub const BREAKDOWN_COLLECTIONS_HEADER: &str =
    "level,id,name,parent_id,period,amount,quantity,collections";

pub const TERRITORY_HEADER: &str = "region_id,region,manager,market_share,active_customers,\
region_last_amount,region_last_quantity,subdistrict_id,subdistrict,target_share,admin_division,\
population,consumption,transport,customer_distribution,policy_investment,\
subdistrict_last_amount,subdistrict_last_quantity,salesperson_id,salesperson,role,\
last_amount,last_quantity";

pub const TIERS_HEADER: &str = "region_id,name,market_share,tier,overridden";

/// The UTF-8 byte-order mark Excel needs to read a CSV file as UTF-8.
pub const BOM: char = '\u{feff}';

/// The text with a byte-order mark in front (once), for Excel.
pub fn with_bom(csv: &str) -> String {
    let mut out = String::with_capacity(csv.len() + BOM.len_utf8());
    out.push(BOM);
    out.push_str(csv.strip_prefix(BOM).unwrap_or(csv));
    out
}

/// A field as written: quoted, with quotes doubled, when it holds a comma, a quote or a line
/// break; as it is otherwise.
fn push_field(out: &mut String, text: &str) {
    if text.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

/// One record of fields written as given (quoted where they must be, no formula guard: for
/// numbers and words the program wrote), ended by a line feed.
pub fn record(fields: &[&str]) -> String {
    let mut out = String::new();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(&mut out, f);
    }
    out.push('\n');
    out
}

/// One row of a table for people to read: text cells first (guarded against formulas, as names
/// are typed by people), then numbers the program wrote.
pub fn table_record(texts: &[&str], numbers: &[String]) -> String {
    let cells: Vec<Cell> = texts
        .iter()
        .map(|t| text(t))
        .chain(numbers.iter().map(|n| Cell::Number(n.clone())))
        .collect();
    let mut out = String::new();
    push_record(&mut out, &cells);
    out
}

/// A cell of a record: typed text (guarded against formulas) or a number we wrote.
enum Cell<'a> {
    Text(&'a str),
    Number(String),
    Empty,
}

fn text(s: &str) -> Cell<'_> {
    Cell::Text(s)
}

fn num(v: impl ToString) -> Cell<'static> {
    Cell::Number(v.to_string())
}

fn push_record(out: &mut String, cells: &[Cell]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match cell {
            Cell::Text(t) if t.starts_with(['=', '+', '-', '@', '\t', '\r']) => {
                push_field(out, &format!("'{t}"))
            }
            Cell::Text(t) => push_field(out, t),
            Cell::Number(n) => out.push_str(n),
            Cell::Empty => {}
        }
    }
    out.push('\n');
}

/// The breakdown of a scenario: every node in tree order (company, then each region followed by
/// its sub-districts and theirs salespeople), a `total` row and then one row per month.
pub fn breakdown_csv(plan: &Plan, scenario: &Scenario) -> Result<String, BreakdownErrors> {
    Ok(breakdown_csv_of(plan, &compute(plan, scenario)?))
}

/// [`breakdown_csv`] of a breakdown already computed.
pub fn breakdown_csv_of(plan: &Plan, b: &Breakdown) -> String {
    breakdown_csv_with(plan, b, None)
}

/// [`breakdown_csv_of`], with a `collections` column after `quantity` when the collections
/// targets are given.
pub fn breakdown_csv_with(plan: &Plan, b: &Breakdown, collections: Option<&Collections>) -> String {
    let months: Vec<String> = b.months().iter().map(|m| m.to_string()).collect();
    let mut out = String::with_capacity(64 * b.nodes().len() * (months.len() + 1));
    out.push_str(match collections {
        Some(_) => BREAKDOWN_COLLECTIONS_HEADER,
        None => BREAKDOWN_HEADER,
    });
    out.push('\n');
    for (i, node) in b.nodes().iter().enumerate() {
        let parent_id = node.parent.map_or("", |p| b.nodes()[p].id.as_str());
        let name = node_name(plan, node.pos);
        let mut row = |period: &str, figures: [Option<Decimal>; 3]| {
            let mut cells = vec![
                text(node.level.key()),
                text(&node.id),
                text(name),
                text(parent_id),
                text(period),
            ];
            cells.extend(
                figures
                    .iter()
                    .flatten()
                    .map(|v| Cell::Number(v.to_string())),
            );
            push_record(&mut out, &cells)
        };
        let collected = |k: Option<usize>| {
            collections.map(|c| k.map_or_else(|| c.annual(i), |k| c.month_value(i, k)))
        };
        let (amount, quantity) = (b.annual(i, Measure::Amount), b.annual(i, Measure::Quantity));
        row("total", [Some(amount), Some(quantity), collected(None)]);
        let monthly = b
            .monthly(i, Measure::Amount)
            .zip(b.monthly(i, Measure::Quantity));
        for (k, (month, (amount, quantity))) in months.iter().zip(monthly).enumerate() {
            row(month, [Some(amount), Some(quantity), collected(Some(k))]);
        }
    }
    out
}

/// The territory: one row per salesperson with their region and sub-district; a region without
/// sub-districts, or a sub-district without salespeople, has one row with the columns of the
/// missing levels empty. Rows follow the tree's order.
pub fn territory_csv(plan: &Plan) -> String {
    let mut out = String::new();
    out.push_str(TERRITORY_HEADER);
    out.push('\n');
    let sales = |s: &Sales| [num(s.amount), num(s.quantity)];
    for r in &plan.regions {
        let region = [
            text(&r.id),
            text(&r.name),
            text(&r.manager),
            num(r.market_share),
            num(r.active_customers),
        ];
        let region_sales = sales(&r.last_sales);
        let mut row = |district: Vec<Cell>, person: Vec<Cell>| {
            let mut cells: Vec<Cell> = Vec::with_capacity(23);
            cells.extend(region.iter().map(copy));
            cells.extend(region_sales.iter().map(copy));
            cells.extend(district);
            cells.extend(person);
            push_record(&mut out, &cells);
        };
        if r.subdistricts.is_empty() {
            row(empty(11), empty(5));
        }
        for d in &r.subdistricts {
            let district = || {
                let mut cells = vec![text(&d.id), text(&d.name), num(d.target_share)];
                cells.extend(Factor::ALL.map(|f| num(d.factors.get(f))));
                cells.extend(sales(&d.last_sales));
                cells
            };
            if d.salespeople.is_empty() {
                row(district(), empty(5));
            }
            for p in &d.salespeople {
                let mut person = vec![text(&p.id), text(&p.name), text(&p.role)];
                person.extend(sales(&p.last_sales));
                row(district(), person);
            }
        }
    }
    out
}

fn copy<'a>(cell: &Cell<'a>) -> Cell<'a> {
    match cell {
        Cell::Text(t) => Cell::Text(t),
        Cell::Number(n) => Cell::Number(n.clone()),
        Cell::Empty => Cell::Empty,
    }
}

fn empty(n: usize) -> Vec<Cell<'static>> {
    (0..n).map(|_| Cell::Empty).collect()
}

/// Each region's market share and tier in the scenario, and whether the tier is overridden.
pub fn tiers_csv(plan: &Plan, scenario: &Scenario) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{TIERS_HEADER}");
    for row in tier_rows(plan, scenario) {
        push_record(
            &mut out,
            &[
                text(&row.region_id),
                text(&row.name),
                num(row.market_share),
                text(row.tier.key()),
                text(if row.overridden { "true" } else { "false" }),
            ],
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;

    fn field(t: &str) -> String {
        let mut out = String::new();
        push_field(&mut out, t);
        out
    }

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        let cases = [
            ("Changsha", "Changsha"),
            ("长沙", "长沙"),
            (
                "Huaxin Beverages Co., Ltd.",
                "\"Huaxin Beverages Co., Ltd.\"",
            ),
            ("The \"North\"", "\"The \"\"North\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("", ""),
        ];
        for (t, want) in cases {
            assert_eq!(field(t), want, "field {t:?}");
        }
    }

    #[test]
    fn plain_records_are_quoted_but_not_guarded() {
        assert_eq!(record(&["a", "b,c", "", "-5"]), "a,\"b,c\",,-5\n");
    }

    #[test]
    fn text_that_a_spreadsheet_would_run_as_a_formula_is_kept_as_text() {
        let mut out = String::new();
        push_record(
            &mut out,
            &[
                text("=HYPERLINK(\"http://x\",\"y\")"),
                text("@SUM(A1)"),
                text("-1+2"),
                text("North-East"),
                num(rust_decimal::Decimal::from(-5)),
            ],
        );
        assert_eq!(
            out,
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'@SUM(A1),'-1+2,North-East,-5\n"
        );
    }

    #[test]
    fn the_breakdown_has_a_total_and_twelve_months_per_node() {
        let plan = sample_plan(Lang::En);
        let s = plan.adopted().unwrap();
        let text = breakdown_csv(&plan, s).unwrap();
        let b = compute(&plan, s).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], BREAKDOWN_HEADER);
        assert_eq!(lines.len(), 1 + b.nodes().len() * 13);
        assert_eq!(
            lines[1],
            "company,sample,\"Huaxin Beverages Co., Ltd.\",,total,118000000,4720000"
        );
        assert_eq!(
            lines[2],
            "company,sample,\"Huaxin Beverages Co., Ltd.\",,2027-01,12980000,519200"
        );
        assert!(
            lines[14].starts_with("region,r1,Changsha,sample,total,"),
            "{}",
            lines[14]
        );
    }

    #[test]
    fn collections_come_after_the_quantity_when_asked_for() {
        let mut plan = sample_plan(Lang::En);
        plan.scenarios[0].collections_target = Some(Decimal::from(100_000_000));
        let s = plan.adopted().unwrap();
        let b = compute(&plan, s).unwrap();
        let c = crate::core::breakdown::collections(s, &b).unwrap().unwrap();
        let text = breakdown_csv_with(&plan, &b, Some(&c));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], BREAKDOWN_COLLECTIONS_HEADER);
        // January is 11% of the year: 11,000,000 of the 100,000,000 to collect.
        assert_eq!(
            lines[1..3],
            [
                "company,sample,\"Huaxin Beverages Co., Ltd.\",,total,118000000,4720000,100000000",
                "company,sample,\"Huaxin Beverages Co., Ltd.\",,2027-01,12980000,519200,11000000",
            ]
        );
        let without = breakdown_csv_of(&plan, &b);
        let stripped: Vec<String> = lines[1..]
            .iter()
            .map(|l| l.rsplit_once(',').unwrap().0.to_string())
            .collect();
        assert_eq!(stripped, without.lines().skip(1).collect::<Vec<_>>());
    }

    #[test]
    fn a_breakdown_that_cannot_be_computed_gives_its_problems() {
        let mut plan = sample_plan(Lang::En);
        plan.scenarios[0].seasonality[3] = None;
        let err = breakdown_csv(&plan, &plan.scenarios[0]).unwrap_err();
        assert!(err.to_string().contains("2027-04"), "{err}");
    }

    #[test]
    fn the_territory_has_a_row_per_salesperson_and_per_empty_node() {
        let mut plan = sample_plan(Lang::Zh);
        let (_, _, people) = plan.size();
        plan.regions[1].subdistricts[0].salespeople.clear();
        let emptied = plan.regions[1].subdistricts[0].id.clone();
        plan.regions[2].subdistricts.clear();
        let bare = plan.regions[2].id.clone();
        let text = territory_csv(&plan);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], TERRITORY_HEADER);
        assert!(
            lines.iter().all(|l| l.split(',').count() == 23),
            "23 columns everywhere"
        );
        let (_, _, left) = plan.size();
        assert!(left < people);
        assert_eq!(
            lines.len(),
            1 + left + 2,
            "people, the emptied sub-district, the bare region"
        );
        let r = &plan.regions[0];
        let (d, p) = (&r.subdistricts[0], &r.subdistricts[0].salespeople[0]);
        let f = &d.factors;
        assert_eq!(
            lines[1],
            format!(
                "{},长沙,{},64.5,{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
                r.id,
                r.manager,
                r.active_customers,
                r.last_sales.amount,
                r.last_sales.quantity,
                d.id,
                d.name,
                d.target_share,
                f.admin_division,
                f.population,
                f.consumption,
                f.transport,
                f.customer_distribution,
                f.policy_investment,
                d.last_sales.amount,
                d.last_sales.quantity,
                p.id,
                p.name,
                p.role,
                p.last_sales.amount,
                p.last_sales.quantity
            )
        );
        let emptied_row = lines
            .iter()
            .find(|l| l.contains(&format!(",{emptied},")))
            .unwrap();
        assert!(emptied_row.ends_with(",,,,,"), "{emptied_row}");
        let bare_row = lines
            .iter()
            .find(|l| l.starts_with(&format!("{bare},")))
            .unwrap();
        assert!(bare_row.ends_with(&",".repeat(16)), "{bare_row}");
    }

    #[test]
    fn tiers_name_each_region_and_its_override() {
        let mut plan = sample_plan(Lang::Zh);
        let id = plan.regions[0].id.clone();
        let over = crate::core::tier::TierOverride {
            tier: crate::core::tier::Tier::Stronghold,
            reason: "理由".into(),
        };
        plan.scenarios[0].tier_overrides.insert(id, over);
        let text = tiers_csv(&plan, &plan.scenarios[0]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], TIERS_HEADER);
        assert_eq!(lines[1], "r1,长沙,64.5,stronghold,true");
        assert_eq!(lines[8], "r63,怀化,0,guerrilla,false");
    }

    #[test]
    fn the_byte_order_mark_is_added_once() {
        let once = with_bom("a,b\n");
        assert_eq!(once.as_bytes()[..3], [0xEF, 0xBB, 0xBF]);
        assert_eq!(with_bom(&once), once);
        assert_eq!(&once[3..], "a,b\n");
    }
}
