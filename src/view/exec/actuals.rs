//! Actuals (实际销售): a month's figures per salesperson, typed in a paged table, and the preview
//! of an imported file with every problem per line before anything is stored.

use rust_decimal::Decimal;

use super::{ImportPreview, import_preview, rate};
use crate::core::breakdown::Breakdown;
use crate::core::execution::{Actual, ActualsPreview, Figure, ratio};
use crate::core::field::{FieldError, parse_non_negative};
use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::core::period::YearMonth;
use crate::core::scenario::Measure;
use crate::i18n::exec::ExecText;
use crate::i18n::fill;
use crate::view::numbers::amount;

/// Rows per page of the entry table: enough to fill a screen, few enough to stay quick at ten
/// thousand salespeople.
pub const PAGE_SIZE: usize = 50;

/// A salesperson as the entry table lists them.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub region: String,
    pub subdistrict: String,
}

/// The salespeople whose name, id, region or sub-district contains `search` (any case), in
/// plan order.
pub fn matching_people(plan: &Plan, search: &str) -> Vec<Person> {
    let needle = search.trim().to_lowercase();
    let mut out = Vec::new();
    for r in &plan.regions {
        for d in &r.subdistricts {
            for p in &d.salespeople {
                let texts = [&r.name, &d.name, &p.name, &p.id];
                if needle.is_empty() || texts.iter().any(|s| s.to_lowercase().contains(&needle)) {
                    out.push(Person {
                        id: p.id.clone(),
                        name: p.name.clone(),
                        region: r.name.clone(),
                        subdistrict: d.name.clone(),
                    });
                }
            }
        }
    }
    out
}

/// The entry table's column headings.
pub fn columns(t: &ExecText) -> [&'static str; 8] {
    [
        t.region,
        t.subdistrict,
        t.salesperson,
        t.target,
        t.measure_amount,
        t.measure_quantity,
        t.collections,
        t.completion,
    ]
}

/// A figure's name in the table and in messages.
pub fn figure_label(t: &ExecText, figure: Figure) -> &'static str {
    match figure {
        Figure::Amount => t.measure_amount,
        Figure::Quantity => t.measure_quantity,
        Figure::Collections => t.collections,
    }
}

/// A typed figure that was refused: it stays in its input, with the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    pub salesperson: String,
    pub month: YearMonth,
    pub figure: Figure,
    /// What was typed.
    pub typed: String,
    /// Why it was refused, naming the figure: "Amount: “12x” is not a number."
    pub message: String,
}

/// One input of a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureCell {
    pub figure: Figure,
    /// What the input says to a screen reader: the salesperson and the figure.
    pub label: String,
    /// The stored figure, or the refused text still being corrected.
    pub value: String,
    /// Why the text in the input was refused.
    pub error: Option<String>,
}

/// A salesperson's row for one month: the month's amount target, the three figures and the
/// completion of the amount.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryRow {
    /// Empty when the adopted scenario has no breakdown.
    pub target: String,
    pub figures: [FigureCell; 3],
    /// Empty until something is recorded.
    pub completion: String,
}

/// The row of `person` in `month`; `refused` are the figures refused on this page.
pub fn entry_row(
    t: &ExecText,
    lang: Lang,
    plan: &Plan,
    b: Option<&Breakdown>,
    month: YearMonth,
    person: &Person,
    refused: &[Refused],
) -> EntryRow {
    let actual = stored_actual(plan, &person.id, month);
    let target = b.and_then(|b| {
        let k = b.months().iter().position(|m| *m == month)?;
        let node = b.find(&person.id)?;
        Some(b.month_value(node, Measure::Amount, k))
    });
    let figures = Figure::ALL.map(|figure| {
        let error = refused
            .iter()
            .find(|r| r.salesperson == person.id && r.month == month && r.figure == figure);
        FigureCell {
            figure,
            label: format!("{} {}", person.name, figure_label(t, figure)),
            value: match (error, actual) {
                (Some(r), _) => r.typed.clone(),
                (None, Some(a)) => a.get(figure).normalize().to_string(),
                (None, None) => String::new(),
            },
            error: error.map(|r| r.message.clone()),
        }
    });
    let completion = match (actual, target) {
        (Some(a), Some(target)) => rate(t, ratio(a.amount, target)),
        _ => String::new(),
    };
    EntryRow {
        target: target.map_or(String::new(), |v| amount(v, lang)),
        figures,
        completion,
    }
}

/// The figures stored for a salesperson's month, if any.
pub fn stored_actual(plan: &Plan, salesperson: &str, month: YearMonth) -> Option<Actual> {
    plan.execution
        .actuals
        .get(salesperson)
        .and_then(|m| m.get(&month))
        .copied()
}

/// What a typed figure makes of a month's actual: `Ok(None)` when every figure is then zero
/// (nothing reported), else the new actual; an empty input is zero. A refused text says why,
/// naming the figure.
pub fn typed_actual(
    t: &ExecText,
    current: Option<Actual>,
    figure: Figure,
    text: &str,
) -> Result<Option<Actual>, String> {
    let value = if text.trim().is_empty() {
        Ok(Decimal::ZERO)
    } else {
        parse_non_negative(text)
    };
    let value = value
        .map_err(|e: FieldError| format!("{}: {}", figure_label(t, figure), t.field_error(&e)))?;
    let mut figures: [Decimal; 3] = current.unwrap_or_default().into();
    figures[figure.index()] = value;
    let next = Actual::from(figures);
    Ok((next != Actual::default()).then_some(next))
}

/// The month the page opens on: the latest with actuals, else the period's first.
pub fn first_month(plan: &Plan) -> YearMonth {
    crate::core::execution::latest_actual_month(plan)
        .or_else(|| plan.period.months().first().copied())
        .unwrap_or(plan.period.start)
}

/// What an actuals import would do, every problem per line, and the choices.
pub fn preview(t: &ExecText, plan: &Plan, file: &str, preview: &ActualsPreview) -> ImportPreview {
    let mut ids: Vec<&str> = preview
        .rows
        .iter()
        .map(|r| r.salesperson.as_str())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let replaced = preview
        .rows
        .iter()
        .filter(|r| stored_actual(plan, &r.salesperson, r.month).is_some())
        .count();
    let summary = fill(
        t.preview_summary,
        &[
            &preview.rows.len().to_string(),
            &ids.len().to_string(),
            &preview.months().len().to_string(),
            &replaced.to_string(),
        ],
    );
    import_preview(
        t,
        file,
        summary,
        preview.problems.iter().map(|p| t.problem(p)),
        preview.bad_lines(),
        preview.rows.len(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::breakdown::compute;
    use crate::core::execution::{parse_actuals, set_actual};
    use crate::core::sample::sample_plan;
    use crate::i18n::exec::{EXEC_EN, EXEC_ZH};

    fn jan() -> YearMonth {
        YearMonth::new(2027, 1).unwrap()
    }

    #[test]
    fn the_table_lists_everyone_and_filters_by_any_name_in_any_case() {
        let plan = sample_plan(Lang::En);
        assert_eq!(matching_people(&plan, "").len(), plan.salespeople().count());
        let region = &plan.regions[1];
        let in_region: usize = region
            .subdistricts
            .iter()
            .map(|d| d.salespeople.len())
            .sum();
        let found = matching_people(&plan, &format!(" {} ", region.name.to_uppercase()));
        assert_eq!(found.len(), in_region);
        assert!(found.iter().all(|p| p.region == region.name));
        let person = plan.salespeople().nth(3).unwrap();
        let by_id = matching_people(&plan, &person.id);
        assert_eq!(by_id[0].name, person.name);
        assert!(matching_people(&plan, "nobody at all").is_empty());
    }

    #[test]
    fn the_first_page_lists_the_first_salespeople() {
        let plan = sample_plan(Lang::En);
        let people = matching_people(&plan, "");
        let first = crate::view::exec::page_rows(&people, 0, PAGE_SIZE);
        assert_eq!(first.len(), people.len().min(PAGE_SIZE));
        assert_eq!(first[0].id, plan.salespeople().next().unwrap().id);
    }

    #[test]
    fn a_row_shows_the_month_target_the_figures_and_the_completion() {
        let mut plan = sample_plan(Lang::En);
        let b = compute(&plan, plan.adopted().unwrap()).unwrap();
        let person = matching_people(&plan, "").remove(0);
        let node = b.find(&person.id).unwrap();
        let target = b.month_value(node, Measure::Amount, 0);
        let empty = entry_row(&EXEC_EN, Lang::En, &plan, Some(&b), jan(), &person, &[]);
        assert_eq!(empty.target, amount(target, Lang::En));
        assert_eq!(empty.completion, "", "nothing recorded yet");
        assert!(empty.figures.iter().all(|f| f.value.is_empty()));
        let half = Actual {
            amount: target / Decimal::TWO,
            quantity: Decimal::from(3),
            collections: Decimal::ZERO,
        };
        set_actual(&mut plan, &person.id, jan(), half).unwrap();
        let row = entry_row(&EXEC_EN, Lang::En, &plan, Some(&b), jan(), &person, &[]);
        assert_eq!(row.completion, "50%");
        assert_eq!(row.figures[1].value, "3");
        assert_eq!(row.figures[2].value, "0");
        assert_eq!(row.figures[0].label, format!("{} Amount", person.name));
        let no_breakdown = entry_row(&EXEC_EN, Lang::En, &plan, None, jan(), &person, &[]);
        assert_eq!(
            (no_breakdown.target, no_breakdown.completion),
            (String::new(), String::new())
        );
    }

    #[test]
    fn a_refused_value_stays_in_its_input_with_the_reason() {
        let plan = sample_plan(Lang::En);
        let person = matching_people(&plan, "").remove(0);
        let message = typed_actual(&EXEC_EN, None, Figure::Amount, "12x").unwrap_err();
        assert_eq!(message, "Amount: “12x” is not a number.");
        let refused = [Refused {
            salesperson: person.id.clone(),
            month: jan(),
            figure: Figure::Amount,
            typed: "12x".into(),
            message: message.clone(),
        }];
        let row = entry_row(&EXEC_EN, Lang::En, &plan, None, jan(), &person, &refused);
        assert_eq!(row.figures[0].value, "12x");
        assert_eq!(row.figures[0].error.as_deref(), Some(message.as_str()));
        assert_eq!(row.figures[1].error, None, "only that figure");
        let feb = YearMonth::new(2027, 2).unwrap();
        let other_month = entry_row(&EXEC_EN, Lang::En, &plan, None, feb, &person, &refused);
        assert_eq!(other_month.figures[0].error, None);
        assert!(
            typed_actual(&EXEC_ZH, None, Figure::Quantity, "-1")
                .unwrap_err()
                .starts_with("销量: ")
        );
    }

    #[test]
    fn a_typed_figure_keeps_the_others_and_an_all_zero_month_is_nothing() {
        let current = Actual {
            amount: Decimal::from(100),
            quantity: Decimal::from(2),
            collections: Decimal::ZERO,
        };
        let next = typed_actual(&EXEC_EN, Some(current), Figure::Collections, " 40 ")
            .unwrap()
            .unwrap();
        assert_eq!(next.collections, Decimal::from(40));
        assert_eq!(
            (next.amount, next.quantity),
            (current.amount, current.quantity)
        );
        let one = Actual {
            quantity: Decimal::ZERO,
            ..current
        };
        assert_eq!(
            typed_actual(&EXEC_EN, Some(one), Figure::Amount, ""),
            Ok(None)
        );
    }

    #[test]
    fn the_page_opens_on_the_latest_month_with_actuals() {
        let mut plan = sample_plan(Lang::En);
        assert_eq!(first_month(&plan), plan.period.months()[0]);
        let id = plan.salespeople().next().unwrap().id.clone();
        let march = YearMonth::new(2027, 3).unwrap();
        set_actual(
            &mut plan,
            &id,
            march,
            Actual {
                amount: Decimal::ONE,
                ..Actual::default()
            },
        )
        .unwrap();
        assert_eq!(first_month(&plan), march);
    }

    #[test]
    fn the_preview_lists_problems_and_offers_to_skip_them() {
        let mut plan = sample_plan(Lang::En);
        let id = plan.salespeople().next().unwrap().id.clone();
        set_actual(
            &mut plan,
            &id,
            jan(),
            Actual {
                amount: Decimal::ONE,
                ..Actual::default()
            },
        )
        .unwrap();
        let csv = format!(
            "salesperson_id,month,amount,quantity,collections\n{id},2027-01,100,1,50\nnobody,2027-01,1,1,1\n{id},2027-02,abc,1,1\n"
        );
        let parsed = parse_actuals(&plan, csv.as_bytes());
        let p = preview(&EXEC_EN, &plan, "march.csv", &parsed);
        assert_eq!(
            p.summary,
            "1 rows for 1 salespeople in 1 month(s); 1 replace figures already stored."
        );
        assert_eq!(
            p.problems,
            [
                "Line 3, salesperson_id: no salesperson with id “nobody” in the plan",
                "Line 4, amount: “abc” is not a number",
            ]
        );
        assert_eq!(p.skip.as_deref(), Some("Import, skipping 2 bad line(s)"));
        assert_eq!(p.apply, None);
    }

    #[test]
    fn a_file_with_many_problems_lists_the_first_and_offers_them_all() {
        let plan = sample_plan(Lang::En);
        let mut csv = String::from("salesperson_id,month,amount,quantity,collections\n");
        for i in 0..250 {
            csv.push_str(&format!("nobody-{i},2027-01,1,1,1\n"));
        }
        let parsed = parse_actuals(&plan, csv.as_bytes());
        let p = preview(&EXEC_EN, &plan, "big.csv", &parsed);
        assert_eq!(p.problems.len(), super::super::PROBLEMS_SHOWN);
        assert_eq!(p.more.as_deref(), Some("… and 50 more"));
        assert_eq!(p.download_all.as_deref(), Some("Download all 250 problems"));
        assert_eq!(p.skip, None, "no good row to import");
    }
}
