//! The plan document (区域销售计划书), printed from the plan's data: goals, market analysis,
//! tiers and strategies, targets by region, sub-district and salesperson and month, the
//! development schedule, budget, team and incentives, training, monitoring and evaluation,
//! rewards and penalties, and risks. Sections the manager writes come from the
//! plan's notes ([`written`]), apart from the rest, so writing one redraws only that section.
//!
//! Sections are numbered as they print ([`numbering`]): a section that is only the manager's
//! text and is not written yet is left out of the print (unless the manager asks for it), and
//! the others are numbered without a gap.

use std::collections::BTreeSet;

use super::charts::BarChart;
use super::numbers::{grouped, percent};
use super::slides::{region_bars, zero_marks};
use rust_decimal::Decimal;

use crate::core::breakdown::{Breakdown, node_name};
use crate::core::execution::{BudgetItem, ExpenseRow, expense_report};
use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::core::scenario::{Level, Measure, Scenario};
use crate::i18n::{Catalogue, fill};

/// The most rows a table shows on screen: a plan of ten thousand salespeople opens its document
/// at once, and the rest of a long table is drawn for printing.
pub const ROWS_ON_SCREEN: usize = 60;

/// Above this many salespeople the printed plan opens on one region at a time: a plan of ten
/// thousand drawn whole for printing is hundreds of thousands of cells, seconds before the
/// browser's print dialog opens and a stack of paper nobody reads at once.
pub const ONE_REGION_ABOVE: usize = 2_000;

/// Whether the printed plan opens on one region (a plan of more than [`ONE_REGION_ABOVE`]
/// salespeople), and the line saying why.
pub fn one_region_at_a_time(t: &Catalogue, plan: &Plan) -> Option<String> {
    let people: usize = plan
        .regions
        .iter()
        .flat_map(|r| &r.subdistricts)
        .map(|d| d.salespeople.len())
        .sum();
    (people > ONE_REGION_ABOVE).then(|| fill(t.doc_one_region_note, &[&grouped(people.into())]))
}

/// The sections written by the manager, by note key.
pub const WRITTEN_SECTIONS: [&str; 8] = [
    "goals",
    "market",
    "strategy",
    "incentives",
    "training",
    "review",
    "rewards",
    "risks",
];

/// The whole document.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanDocument {
    pub title: &'static str,
    pub plan_name: String,
    /// Company, period and scenario: `Hunan Co. · Year 2027 · scenario “Baseline”`.
    pub headline: String,
    /// When the document holds one region's people: the line under the headline that says so.
    pub scope: Option<String>,
    pub sections: Vec<DocSection>,
}

/// A section of the document; its number comes from [`numbering`].
#[derive(Clone, Debug, PartialEq)]
pub struct DocSection {
    pub title: &'static str,
    /// Its CSS classes: what it is (`doc-risks`), and `page-break` before the long tables.
    pub class: &'static str,
    pub blocks: Vec<DocBlock>,
}

impl DocSection {
    /// The note keys of a section that is only the manager's text (market analysis, risks);
    /// empty when the section also holds the plan's figures.
    pub fn only_written(&self) -> Vec<&'static str> {
        let keys: Vec<&'static str> = self
            .blocks
            .iter()
            .filter_map(|b| match b {
                DocBlock::Written(key) => Some(*key),
                _ => None,
            })
            .collect();
        if keys.len() == self.blocks.len() {
            keys
        } else {
            Vec::new()
        }
    }
}

/// The number each section prints with (`三、`, `3. `), or `None` for a section left out of the
/// print: one that is only the manager's text, not written yet, and not in `print_anyway` (the
/// note keys of the sections the manager chose to print blank). The others are numbered in
/// order without a gap.
pub fn numbering(
    lang: Lang,
    sections: &[DocSection],
    plan: &Plan,
    print_anyway: &BTreeSet<&'static str>,
) -> Vec<Option<String>> {
    let mut n = 0;
    sections
        .iter()
        .map(|section| {
            let keys = section.only_written();
            let unwritten = !keys.is_empty()
                && keys.iter().all(|k| {
                    plan.notes.get(*k).is_none_or(|t| t.trim().is_empty())
                        && !print_anyway.contains(k)
                });
            (!unwritten).then(|| {
                n += 1;
                section_number(lang, n)
            })
        })
        .collect()
}

/// A section's number as a heading starts with it: `十二、` in Chinese, `12. ` in English.
pub fn section_number(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("{n}. "),
        Lang::Zh => {
            const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
            let (tens, ones) = (n / 10, n % 10);
            let tens = match tens {
                0 => String::new(),
                1 => "十".to_string(),
                t => format!("{}十", DIGITS[t % 10]),
            };
            format!("{tens}{}、", DIGITS[ones])
        }
    }
}

/// A piece of a section, in order.
#[derive(Clone, Debug, PartialEq)]
pub enum DocBlock {
    /// A paragraph from the plan's figures; `class` styles it (`doc-targets`) or is empty.
    Line {
        class: &'static str,
        text: String,
    },
    /// A sub-heading (which measure the next table shows).
    Heading(&'static str),
    /// The section the manager writes, by note key (its text: [`written`]).
    Written(&'static str),
    Chart(BarChart),
    Table(DocTable),
    /// Shown on screen, not printed: what is missing and why.
    Missing(&'static str),
}

/// A table: a header row, then rows whose first cell names the row. On screen a long table
/// holds only its first rows ([`ROWS_ON_SCREEN`]); `total` counts them all. Each header is
/// aligned as its column is: words from the left, numbers from the right.
#[derive(Clone, Debug, PartialEq)]
pub struct DocTable {
    pub headers: Vec<DocCell>,
    pub rows: Vec<DocRow>,
    pub total: usize,
}

impl DocTable {
    /// A table of the rows `rows` yields (`total` of them): all of them, or only the first
    /// [`ROWS_ON_SCREEN`] (the others are not even made).
    fn of(
        headers: Vec<DocCell>,
        rows: impl Iterator<Item = DocRow>,
        total: usize,
        all: bool,
    ) -> Self {
        let limit = if all { total } else { ROWS_ON_SCREEN };
        DocTable {
            headers,
            rows: rows.take(limit).collect(),
            total,
        }
    }

    /// When rows are left out on screen, the sentence that says so (`60 of 10,000 rows…`).
    pub fn left_out(&self, t: &Catalogue) -> Option<String> {
        rows_left_out(t, self.rows.len(), self.total)
    }
}

/// The sentence saying a table shows `drawn` of its `total` rows, when it leaves some out.
pub fn rows_left_out(t: &Catalogue, drawn: usize, total: usize) -> Option<String> {
    (drawn < total).then(|| {
        fill(
            t.doc_rows_shown,
            &[&drawn.to_string(), &grouped(total.into())],
        )
    })
}

/// A table row: its name (a row header) and its cells.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DocRow {
    pub name: String,
    pub cells: Vec<DocCell>,
    /// The node's target is zero while the company's is not: the row is marked (⚠).
    pub zero: bool,
}

impl DocRow {
    fn new(name: impl Into<String>, cells: Vec<DocCell>) -> Self {
        DocRow {
            name: name.into(),
            cells,
            zero: false,
        }
    }
}

/// A table cell; `class` marks the year column and the columns of words (`doc-year`,
/// `doc-parent`, `doc-strategy`, `doc-text`, `doc-date`: read from the left) or is empty (a
/// number).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DocCell {
    pub text: String,
    pub class: &'static str,
}

impl DocCell {
    /// A number, read from the right.
    fn plain(text: impl Into<String>) -> Self {
        DocCell {
            text: text.into(),
            class: "",
        }
    }

    /// Words (names, titles), read from the left.
    fn words(text: impl Into<String>) -> Self {
        Self::with("doc-text", text)
    }

    fn with(class: &'static str, text: impl Into<String>) -> Self {
        DocCell {
            text: text.into(),
            class,
        }
    }

    /// Whether the column reads from the left (words) rather than from the right (numbers).
    pub fn is_words(&self) -> bool {
        matches!(
            self.class,
            "doc-text" | "doc-parent" | "doc-strategy" | "doc-date"
        )
    }
}

/// Headers of columns of words.
fn word_headers(texts: &[&'static str]) -> Vec<DocCell> {
    texts.iter().map(|t| DocCell::words(*t)).collect()
}

/// A written section as it prints: its paragraphs, or the invitation to write it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Written {
    pub key: &'static str,
    /// The note's non-empty lines, trimmed; empty when nothing is written yet.
    pub paragraphs: Vec<String>,
    /// Shown (on screen only) when nothing is written.
    pub invitation: &'static str,
}

/// The manager's text of section `key`.
pub fn written(t: &Catalogue, plan: &Plan, key: &'static str) -> Written {
    let text = plan.notes.get(key).map(String::as_str).unwrap_or("");
    Written {
        key,
        paragraphs: text
            .split('\n')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect(),
        // The source's sections say what to write; the others invite the manager to.
        invitation: match key {
            "risks" => t.doc_risks_prompt,
            "incentives" => t.doc_incentives_prompt,
            "training" => t.doc_training_prompt,
            _ => t.doc_to_write,
        },
    }
}

/// The label of the written section `key`, as its editor shows it.
pub fn written_label(t: &Catalogue, key: &str) -> &'static str {
    match key {
        "goals" => t.note_goals,
        "market" => t.note_market,
        "strategy" => t.note_strategy,
        "incentives" => t.note_incentives,
        "training" => t.note_training,
        "review" => t.note_review,
        "rewards" => t.note_rewards,
        _ => t.note_risks,
    }
}

/// The document for scenario `s` (the adopted one), with its breakdown when it can be computed;
/// with every row of the long tables (`all`, for printing) or their first rows (on screen).
/// With `region` (an id), the tables of sub-districts and salespeople (targets, schedule, team)
/// hold only that region's; the company's sections (goals, tiers, targets by region, budget)
/// stay whole. An id the plan does not hold gives the whole plan.
pub fn plan_document(
    t: &Catalogue,
    lang: Lang,
    plan: &Plan,
    s: &Scenario,
    bd: Option<&Breakdown>,
    all: bool,
    region: Option<&str>,
) -> PlanDocument {
    let period = super::period_label::period_label(t, &plan.period);
    let only = region.and_then(|id| plan.regions.iter().position(|r| r.id == id));
    let mut sections = vec![
        goals(t, lang, plan, s),
        DocSection {
            title: t.doc_market,
            class: "doc-section doc-market",
            blocks: vec![DocBlock::Written("market")],
        },
        tiers(t, plan, s, all),
    ];
    match bd {
        Some(bd) => sections.extend(targets(t, lang, plan, s, bd, all, only)),
        None => sections.push(DocSection {
            title: t.doc_targets_region,
            class: "doc-section doc-regions",
            blocks: vec![DocBlock::Missing(t.doc_no_breakdown)],
        }),
    }
    sections.extend([
        schedule(t, plan, all, only),
        budget(t, lang, plan, s, all),
        team(t, plan, all, only),
        DocSection {
            title: t.doc_training,
            class: "doc-section doc-training",
            blocks: vec![DocBlock::Written("training")],
        },
        DocSection {
            title: t.doc_review,
            class: "doc-section doc-review",
            blocks: vec![
                DocBlock::Line {
                    class: "",
                    text: fill(
                        t.doc_review_line,
                        &[
                            &s.name,
                            &percent(plan.execution.settings.deviation_threshold),
                        ],
                    ),
                },
                DocBlock::Written("review"),
            ],
        },
        DocSection {
            title: t.doc_rewards,
            class: "doc-section doc-rewards",
            blocks: vec![
                DocBlock::Line {
                    class: "",
                    text: t.doc_rewards_line.to_string(),
                },
                DocBlock::Written("rewards"),
            ],
        },
        DocSection {
            title: t.doc_risks,
            class: "doc-section doc-risks",
            blocks: vec![DocBlock::Written("risks")],
        },
    ]);
    PlanDocument {
        title: t.doc_title,
        plan_name: plan.name.clone(),
        headline: fill(t.doc_headline, &[&plan.company, &period, &s.name]),
        scope: only.map(|r| fill(t.doc_scope_line, &[&plan.regions[r].name])),
        sections,
    }
}

fn goals(t: &Catalogue, lang: Lang, plan: &Plan, s: &Scenario) -> DocSection {
    let amount = super::numbers::amount(s.amount_target, lang);
    // A measure without a target is left out, not printed as 0.
    let targets = if s.quantity_target.is_zero() {
        fill(t.doc_amount_line, &[&amount, &plan.currency])
    } else {
        fill(
            t.doc_targets_line,
            &[&amount, &plan.currency, &grouped(s.quantity_target)],
        )
    };
    let mut blocks = vec![DocBlock::Line {
        class: "doc-targets",
        text: targets,
    }];
    if let Some(c) = s.collections_target {
        blocks.push(DocBlock::Line {
            class: "",
            text: fill(t.doc_collections, &[&grouped(c), &plan.currency]),
        });
    }
    blocks.push(DocBlock::Written("goals"));
    DocSection {
        title: t.doc_goals,
        class: "doc-section doc-goals",
        blocks,
    }
}

fn tiers(t: &Catalogue, plan: &Plan, s: &Scenario, all: bool) -> DocSection {
    let rows = plan.regions.iter().map(|r| {
        let tier = s.tier_of(r);
        let tier_text = match s.tier_overrides.get(&r.id) {
            Some(o) => fill(t.override_note, &[t.tier(tier), t.overridden, &o.reason]),
            None => t.tier(tier).to_string(),
        };
        DocRow::new(
            r.name.clone(),
            vec![
                DocCell::plain(percent(r.market_share)),
                DocCell::plain(r.active_customers.to_string()),
                DocCell::words(tier_text),
                DocCell::with("doc-strategy", t.strategy(tier)),
            ],
        )
    });
    DocSection {
        title: t.doc_tiers,
        class: "doc-section doc-tiers",
        blocks: vec![
            DocBlock::Table(DocTable::of(
                vec![
                    DocCell::words(t.region),
                    DocCell::plain(t.market_share),
                    DocCell::plain(t.active_customers),
                    DocCell::words(t.x_tier),
                    DocCell::words(t.doc_strategy),
                ],
                rows,
                plan.regions.len(),
                all,
            )),
            DocBlock::Written("strategy"),
        ],
    }
}

/// Sections 4–6: targets by region (with the chart), sub-district and salesperson, by amount
/// and by quantity; a measure the scenario has no target for gets no table (it would be all
/// zeros). Nodes left at zero under a non-zero company target are marked. With `only` (a
/// region's index), the sub-districts and salespeople are that region's, under a line naming it.
fn targets(
    t: &Catalogue,
    lang: Lang,
    plan: &Plan,
    s: &Scenario,
    bd: &Breakdown,
    all: bool,
    only: Option<usize>,
) -> Vec<DocSection> {
    // The region's subtree: its node and every node under it, in tree order.
    let subtree = only.and_then(|r| {
        let i = bd.find(&plan.regions[r].id)?;
        Some((r, i..bd.nodes()[i].subtree_end))
    });
    let measures: Vec<(Measure, &'static str)> = [
        (Measure::Amount, t.amount_target),
        (Measure::Quantity, t.quantity_target),
    ]
    .into_iter()
    .filter(|(m, _)| !bd.annual(0, *m).is_zero())
    .collect();
    let zeros = measures
        .iter()
        .map(|(m, _)| zero_marks(bd, *m))
        .collect::<Vec<_>>();
    [
        (
            t.doc_targets_region,
            Level::Region,
            "doc-section doc-regions",
        ),
        (
            t.doc_targets_sub,
            Level::Subdistrict,
            "doc-section doc-subs page-break",
        ),
        (
            t.doc_targets_people,
            Level::Salesperson,
            "doc-section doc-people page-break",
        ),
    ]
    .into_iter()
    .map(|(title, level, class)| {
        let mut blocks = Vec::new();
        if level == Level::Region && measures.first().is_some_and(|m| m.0 == Measure::Amount) {
            blocks.push(DocBlock::Chart(region_bars(t, lang, plan, s, bd, title)));
        }
        let within = subtree.as_ref().filter(|_| level != Level::Region);
        if let Some((r, _)) = within {
            blocks.push(DocBlock::Line {
                class: "doc-scope",
                text: fill(t.doc_scope_section, &[&plan.regions[*r].name]),
            });
        }
        let nodes = within.map_or(0..bd.nodes().len(), |(_, nodes)| nodes.clone());
        for ((measure, label), zeros) in measures.iter().zip(&zeros) {
            blocks.push(DocBlock::Heading(label));
            let table = targets_table(t, plan, bd, level, nodes.clone(), *measure, zeros, all);
            let marked = table.rows.iter().any(|r| r.zero);
            blocks.push(DocBlock::Table(table));
            if marked {
                blocks.push(DocBlock::Line {
                    class: "doc-zero-note",
                    text: t.doc_zero_mark.to_string(),
                });
            }
        }
        if measures.is_empty() {
            blocks.push(DocBlock::Line {
                class: "",
                text: t.doc_no_targets.to_string(),
            });
        }
        DocSection {
            title,
            class,
            blocks,
        }
    })
    .collect()
}

/// The nodes of one level among `nodes` (indices in tree order): name, parent (below regions),
/// year and months, for one measure; `zeros` marks the nodes left at zero.
#[allow(clippy::too_many_arguments)]
fn targets_table(
    t: &Catalogue,
    plan: &Plan,
    bd: &Breakdown,
    level: Level,
    nodes: std::ops::Range<usize>,
    measure: Measure,
    zeros: &[bool],
    all: bool,
) -> DocTable {
    let parent_level = match level {
        Level::Salesperson => Some(Level::Subdistrict),
        Level::Subdistrict => Some(Level::Region),
        _ => None,
    };
    let mut headers = vec![DocCell::words(t.level(level))];
    headers.extend(parent_level.map(|l| DocCell::with("doc-parent", t.level(l))));
    headers.push(DocCell::with("doc-year", t.col_year));
    headers.extend(
        bd.months()
            .iter()
            .map(|m| DocCell::plain(t.month_name(m.month))),
    );
    let of_level = || {
        bd.nodes()[nodes.clone()]
            .iter()
            .zip(nodes.clone())
            .map(|(n, i)| (i, n))
            .filter(move |(_, n)| n.level == level)
    };
    let rows = of_level().map(|(i, n)| {
        let mut cells = Vec::with_capacity(2 + bd.months().len());
        if parent_level.is_some() {
            let parent = n.parent.map(|p| node_name(plan, bd.nodes()[p].pos));
            cells.push(DocCell::with("doc-parent", parent.unwrap_or_default()));
        }
        cells.push(DocCell::with("doc-year", grouped(bd.annual(i, measure))));
        cells.extend(bd.monthly(i, measure).map(|v| DocCell::plain(grouped(v))));
        DocRow {
            name: node_name(plan, n.pos).to_string(),
            cells,
            zero: zeros.get(i).copied().unwrap_or(false),
        }
    });
    DocTable::of(headers, rows, of_level().count(), all)
}

/// The regions whose sub-districts and people a section holds: the one of index `only`, or all.
fn regions_of(plan: &Plan, only: Option<usize>) -> &[crate::core::model::Region] {
    match only {
        Some(r) => &plan.regions[r..=r],
        None => &plan.regions,
    }
}

/// Every sub-district's milestones (a row each), with its target distributors and terminals on
/// its first row; with `only`, that region's sub-districts.
fn schedule(t: &Catalogue, plan: &Plan, all: bool, only: Option<usize>) -> DocSection {
    let subdistricts = || regions_of(plan, only).iter().flat_map(|r| &r.subdistricts);
    let total = subdistricts().map(|d| d.milestones.len().max(1)).sum();
    let mut rows = Vec::new();
    for d in subdistricts() {
        if !all && rows.len() >= ROWS_ON_SCREEN {
            break;
        }
        for i in 0..d.milestones.len().max(1) {
            let mut cells = match d.milestones.get(i) {
                Some(m) => vec![
                    // A date is not broken across lines.
                    DocCell::with("doc-date", m.date.to_string()),
                    DocCell::words(m.title.clone()),
                    DocCell::words(if m.done { "✓" } else { "" }),
                ],
                None => vec![DocCell::words(""), DocCell::words(""), DocCell::words("")],
            };
            let names = |v: &[String]| if i == 0 { v.join("、") } else { String::new() };
            cells.push(DocCell::words(names(&d.target_distributors)));
            cells.push(DocCell::words(names(&d.target_terminals)));
            rows.push(DocRow::new(
                if i == 0 { d.name.as_str() } else { "" },
                cells,
            ));
        }
    }
    DocSection {
        title: t.doc_schedule,
        class: "doc-section doc-schedule page-break",
        blocks: vec![DocBlock::Table(DocTable::of(
            word_headers(&[
                t.subdistrict,
                t.milestone_date,
                t.milestone_title,
                t.milestone_done,
                t.target_distributors,
                t.target_terminals,
            ]),
            rows.into_iter(),
            total,
            all,
        ))],
    }
}

/// Section 八 in money: each region's budget by item (推广费用, 人员薪酬) and by channel, split
/// by its tier's policy, a total row, and the budgets' total against the company's
/// expense-ratio target (费用控制指标) applied to the amount target.
///
/// A plan without budgets says so, on screen and in print, instead of a table of zeros and a
/// total of 0 "within the target"; a plan that budgets some regions names the others.
fn budget(t: &Catalogue, lang: Lang, plan: &Plan, s: &Scenario, all: bool) -> DocSection {
    let unbudgeted: Vec<&str> = plan
        .regions
        .iter()
        .filter(|r| {
            plan.execution
                .budgets
                .get(&r.id)
                .is_none_or(|b| b.total().is_zero())
        })
        .map(|r| r.name.as_str())
        .collect();
    if unbudgeted.len() == plan.regions.len() {
        return DocSection {
            title: t.doc_budget,
            class: "doc-section doc-budget",
            blocks: vec![DocBlock::Line {
                class: "doc-budget-missing",
                text: fill(
                    t.doc_budget_none,
                    &[&percent(plan.execution.settings.expense_ratio_target)],
                ),
            }],
        };
    }
    let report = expense_report(plan, s);
    let money = |v: Decimal| DocCell::plain(grouped(v.round_dp(2)));
    let cells = |row: &ExpenseRow, tier: String, split: String| {
        vec![
            DocCell::words(tier),
            DocCell::plain(split),
            money(row.items[BudgetItem::Promotion.index()]),
            money(row.items[BudgetItem::Salaries.index()]),
            DocCell::with("doc-year", grouped(row.year.budget.round_dp(2))),
            money(row.year.distributor_budget),
            money(row.year.terminal_budget),
        ]
    };
    let total_row = DocRow::new(
        t.doc_budget_sum,
        cells(&report.total, String::new(), String::new()),
    );
    let rows = report
        .rows
        .iter()
        .map(|row| {
            DocRow::new(
                row.name.clone(),
                cells(
                    row,
                    row.tier
                        .map(|tier| t.tier(tier))
                        .unwrap_or_default()
                        .to_string(),
                    row.distributor_percent.map(percent).unwrap_or_default(),
                ),
            )
        })
        .chain(std::iter::once(total_row));
    let budgets = report.total.year.budget;
    let share =
        (!s.amount_target.is_zero()).then(|| budgets * Decimal::ONE_HUNDRED / s.amount_target);
    let within = share.is_none_or(|share| share <= report.target_percent);
    let target_line = fill(
        t.doc_budget_target,
        &[
            &percent(report.target_percent),
            &super::numbers::amount(budgets, lang),
            &plan.currency,
            &share.map(percent).unwrap_or_else(|| "—".into()),
            if within {
                t.doc_budget_within
            } else {
                t.doc_budget_over
            },
        ],
    );
    DocSection {
        title: t.doc_budget,
        class: "doc-section doc-budget",
        blocks: vec![
            DocBlock::Line {
                class: "",
                text: t.doc_spend_note.to_string(),
            },
            DocBlock::Table(DocTable::of(
                vec![
                    DocCell::words(t.region),
                    DocCell::words(t.x_tier),
                    DocCell::plain(t.distributor_spend),
                    DocCell::plain(t.doc_budget_promotion),
                    DocCell::plain(t.doc_budget_salaries),
                    DocCell::plain(t.doc_budget_total),
                    DocCell::plain(t.doc_budget_distributors),
                    DocCell::plain(t.doc_budget_terminals),
                ],
                rows,
                plan.regions.len() + 1,
                all,
            )),
            DocBlock::Line {
                class: if within {
                    "doc-budget-target"
                } else {
                    "doc-budget-target over"
                },
                text: target_line,
            },
        ]
        .into_iter()
        .chain((!unbudgeted.is_empty()).then(|| DocBlock::Line {
            class: "doc-budget-missing",
            text: fill(
                t.doc_budget_some_missing,
                &[&unbudgeted.join(match lang {
                    Lang::Zh => "、",
                    Lang::En => ", ",
                })],
            ),
        }))
        .collect(),
    }
}

/// Each sub-district's people (with their roles), under its region and manager; with `only`,
/// that region's.
fn team(t: &Catalogue, plan: &Plan, all: bool, only: Option<usize>) -> DocSection {
    let regions = regions_of(plan, only);
    let total = regions.iter().map(|r| r.subdistricts.len()).sum();
    let mut rows = Vec::new();
    for r in regions {
        if !all && rows.len() >= ROWS_ON_SCREEN {
            break;
        }
        for (i, d) in r.subdistricts.iter().enumerate() {
            let people: Vec<String> = d
                .salespeople
                .iter()
                .map(|p| {
                    if p.role.is_empty() {
                        p.name.clone()
                    } else {
                        format!("{}（{}）", p.name, p.role)
                    }
                })
                .collect();
            rows.push(DocRow::new(
                if i == 0 { r.name.as_str() } else { "" },
                vec![
                    DocCell::words(if i == 0 { r.manager.as_str() } else { "" }),
                    DocCell::words(d.name.clone()),
                    DocCell::words(people.join("、")),
                ],
            ));
        }
    }
    DocSection {
        title: t.doc_team,
        class: "doc-section doc-team",
        blocks: vec![
            DocBlock::Table(DocTable::of(
                word_headers(&[t.region, t.manager, t.subdistrict, t.salespeople]),
                rows.into_iter(),
                total,
                all,
            )),
            DocBlock::Written("incentives"),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::breakdown::compute;
    use crate::core::sample::sample_plan;
    use crate::i18n::{EN, ZH};

    /// Every text of the document, in order (sections' titles, lines, tables, chart labels).
    fn texts(doc: &PlanDocument) -> Vec<String> {
        let mut out = vec![
            doc.title.to_string(),
            doc.plan_name.clone(),
            doc.headline.clone(),
        ];
        for s in &doc.sections {
            out.push(s.title.to_string());
            for b in &s.blocks {
                match b {
                    DocBlock::Line { text, .. } => out.push(text.clone()),
                    DocBlock::Heading(h) | DocBlock::Missing(h) => out.push(h.to_string()),
                    DocBlock::Written(_) => {}
                    DocBlock::Chart(c) => out.extend(
                        c.rows
                            .iter()
                            .flat_map(|r| [r.label.clone(), r.text.clone()]),
                    ),
                    DocBlock::Table(table) => {
                        out.extend(table.headers.iter().map(|h| h.text.clone()));
                        for row in &table.rows {
                            out.push(row.name.clone());
                            out.extend(row.cells.iter().map(|c| c.text.clone()));
                        }
                    }
                }
            }
        }
        out
    }

    fn section<'a>(doc: &'a PlanDocument, class: &str) -> &'a DocSection {
        doc.sections
            .iter()
            .find(|s| s.class.split(' ').any(|c| c == class))
            .unwrap_or_else(|| panic!("no section {class}"))
    }

    #[test]
    fn the_document_holds_every_region_and_salesperson_and_the_written_sections() {
        let mut plan = sample_plan(Lang::Zh);
        plan.notes
            .insert("risks".into(), "竞品降价\n\n  经销商资金紧张 ".into());
        let s = plan.adopted().unwrap().clone();
        let bd = compute(&plan, &s).unwrap();
        let doc = plan_document(&ZH, Lang::Zh, &plan, &s, Some(&bd), false, None);
        let all = texts(&doc);
        let has = |text: &str| all.iter().any(|x| x.contains(text));
        for r in &plan.regions {
            assert!(has(&r.name), "missing region {}", r.name);
            for d in &r.subdistricts {
                for p in &d.salespeople {
                    assert!(has(&p.name), "missing salesperson {}", p.name);
                }
            }
        }
        assert_eq!(doc.title, "区域销售计划书");
        assert_eq!(doc.sections.last().unwrap().title, "风险与对策");
        for part in ["大本营", "1.18亿"] {
            assert!(has(part), "missing {part}");
        }
        assert_eq!(
            section(&doc, "doc-risks").blocks,
            [DocBlock::Written("risks")]
        );
        assert_eq!(
            written(&ZH, &plan, "risks").paragraphs,
            ["竞品降价", "经销商资金紧张"],
            "a paragraph per written line"
        );
        let empty = written(&ZH, &plan, "goals");
        assert!(empty.paragraphs.is_empty());
        assert!(empty.invitation.starts_with("待填写"));
        let en = plan_document(&EN, Lang::En, &plan, &s, None, false, None);
        assert_eq!(en.title, "Regional Sales Plan");
        assert_eq!(
            section(&en, "doc-regions").blocks,
            [DocBlock::Missing(EN.doc_no_breakdown)]
        );
        assert!(EN.doc_no_breakdown.contains("cannot be computed"));
    }

    #[test]
    fn target_tables_give_each_node_its_parent_year_and_months() {
        let plan = sample_plan(Lang::En);
        let s = plan.adopted().unwrap();
        let bd = compute(&plan, s).unwrap();
        let doc = plan_document(&EN, Lang::En, &plan, s, Some(&bd), false, None);
        let people = section(&doc, "doc-people");
        assert!(people.class.contains("page-break"));
        let DocBlock::Table(amounts) = &people.blocks[1] else {
            panic!("{:?}", people.blocks[1]);
        };
        assert_eq!(people.blocks[0], DocBlock::Heading(EN.amount_target));
        assert_eq!(amounts.headers.len(), 3 + 12, "name, parent, year, months");
        let count: usize = plan
            .regions
            .iter()
            .flat_map(|r| &r.subdistricts)
            .map(|d| d.salespeople.len())
            .sum();
        assert_eq!(amounts.rows.len(), count);
        let first = &amounts.rows[0];
        let d = &plan.regions[0].subdistricts[0];
        assert_eq!(first.name, d.salespeople[0].name);
        assert_eq!(first.cells[0], DocCell::with("doc-parent", d.name.clone()));
        assert_eq!(first.cells[1].class, "doc-year");
        assert_eq!(first.cells.len(), 2 + 12);
        let regions = section(&doc, "doc-regions");
        let DocBlock::Chart(chart) = &regions.blocks[0] else {
            panic!("targets by region open with the chart");
        };
        assert_eq!(chart.rows.len(), plan.regions.len());
        let DocBlock::Table(region_table) = &regions.blocks[2] else {
            panic!("{:?}", regions.blocks[2]);
        };
        assert_eq!(
            region_table.headers.len(),
            2 + 12,
            "regions have no parent column"
        );
        assert_eq!(
            region_table.rows[0].cells[0].text,
            grouped(bd.annual(bd.find(&plan.regions[0].id).unwrap(), Measure::Amount))
        );
    }

    #[test]
    fn a_long_table_holds_its_first_rows_on_screen_and_all_for_printing() {
        let plan = crate::core::sample::scaled_plan(1_000);
        let s = plan.adopted().unwrap();
        let bd = compute(&plan, s).unwrap();
        let people = |all: bool| {
            let doc = plan_document(&EN, Lang::En, &plan, s, Some(&bd), all, None);
            let DocBlock::Table(table) = section(&doc, "doc-people").blocks[1].clone() else {
                panic!("the salespeople's amounts");
            };
            (doc, table)
        };
        let (doc, screen) = people(false);
        assert_eq!(screen.rows.len(), ROWS_ON_SCREEN);
        assert_eq!(screen.total, 1_000);
        assert_eq!(
            screen.left_out(&EN).as_deref(),
            Some("60 of 1,000 rows shown here; the printed plan holds them all.")
        );
        let DocBlock::Table(tiers) = &section(&doc, "doc-tiers").blocks[0] else {
            panic!("the tier table");
        };
        assert_eq!(tiers.rows.len(), plan.regions.len());
        assert_eq!(tiers.left_out(&EN), None, "a short table is whole");
        let (printed, all) = people(true);
        assert_eq!(all.rows.len(), 1_000);
        assert_eq!(all.left_out(&EN), None);
        assert_eq!(
            all.rows[..ROWS_ON_SCREEN],
            screen.rows[..],
            "the same first rows"
        );
        for class in ["doc-schedule", "doc-team"] {
            let DocBlock::Table(table) = &section(&printed, class).blocks[0] else {
                panic!("{class}");
            };
            assert_eq!(table.rows.len(), table.total, "{class} prints whole");
        }
    }

    #[test]
    fn one_region_printed_holds_only_its_rows_and_the_company_sections_whole() {
        let plan = crate::core::sample::scaled_plan(1_000);
        let s = plan.adopted().unwrap();
        let bd = compute(&plan, s).unwrap();
        let region = &plan.regions[1];
        let doc = plan_document(&EN, Lang::En, &plan, s, Some(&bd), true, Some(&region.id));
        let whole = plan_document(&EN, Lang::En, &plan, s, Some(&bd), true, None);
        assert_eq!(
            doc.scope.as_deref(),
            Some(
                "Sub-districts and salespeople of Region 2 only; the company's sections cover every region."
            )
        );
        assert_eq!(whole.scope, None);
        let tables = |doc: &PlanDocument, class: &str| -> Vec<DocTable> {
            section(doc, class)
                .blocks
                .iter()
                .filter_map(|b| match b {
                    DocBlock::Table(t) => Some(t.clone()),
                    _ => None,
                })
                .collect()
        };
        let subs: Vec<&str> = region
            .subdistricts
            .iter()
            .map(|d| d.name.as_str())
            .collect();
        let people: Vec<&str> = region
            .subdistricts
            .iter()
            .flat_map(|d| &d.salespeople)
            .map(|p| p.name.as_str())
            .collect();
        assert!(people.len() < 1_000 && subs.len() < 100);
        // The people's tables: that region's sub-districts and salespeople, every one.
        for table in tables(&doc, "doc-subs") {
            let names: Vec<&str> = table.rows.iter().map(|r| r.name.as_str()).collect();
            assert_eq!(names, subs);
            assert_eq!(table.total, subs.len());
            assert!(table.rows.iter().all(|r| r.cells[0].text == region.name));
        }
        let people_tables = tables(&doc, "doc-people");
        assert_eq!(people_tables.len(), 2, "amount and quantity");
        for table in people_tables {
            let names: Vec<&str> = table.rows.iter().map(|r| r.name.as_str()).collect();
            assert_eq!(names, people);
            assert_eq!(table.left_out(&EN), None);
            assert!(
                table
                    .rows
                    .iter()
                    .all(|r| subs.contains(&r.cells[0].text.as_str()))
            );
        }
        assert_eq!(
            section(&doc, "doc-people").blocks[0],
            DocBlock::Line {
                class: "doc-scope",
                text: "Region 2 only".into()
            },
            "the section says whose people it holds"
        );
        let schedule = &tables(&doc, "doc-schedule")[0];
        let named: Vec<&str> = schedule
            .rows
            .iter()
            .map(|r| r.name.as_str())
            .filter(|n| !n.is_empty())
            .collect();
        assert_eq!(named, subs, "the schedule of its sub-districts");
        let team = &tables(&doc, "doc-team")[0];
        assert_eq!(team.rows.len(), subs.len());
        assert_eq!(team.rows[0].name, region.name);
        // The company's sections stay whole: every region's target and the company total.
        for class in ["doc-goals", "doc-tiers", "doc-regions", "doc-budget"] {
            assert_eq!(section(&doc, class), section(&whole, class), "{class}");
        }
        let regions = &tables(&doc, "doc-regions")[0];
        assert_eq!(regions.rows.len(), plan.regions.len());
        let DocBlock::Line { text, .. } = &section(&doc, "doc-goals").blocks[0] else {
            panic!("the company's targets");
        };
        assert!(
            text.contains(&crate::view::numbers::amount(s.amount_target, Lang::En)),
            "{text}"
        );
        // On screen the region's people hold their first rows, like the whole plan's.
        let screen = plan_document(&EN, Lang::En, &plan, s, Some(&bd), false, Some(&region.id));
        let screen_people = &tables(&screen, "doc-people")[0];
        assert_eq!(screen_people.rows.len(), ROWS_ON_SCREEN);
        assert_eq!(screen_people.total, people.len());
        // An id the plan no longer holds prints the whole plan.
        let gone = plan_document(&EN, Lang::En, &plan, s, Some(&bd), true, Some("gone"));
        assert_eq!(gone, whole);
    }

    #[test]
    fn a_plan_above_the_threshold_prints_one_region_at_a_time_and_says_why() {
        assert_eq!(
            one_region_at_a_time(&EN, &crate::core::sample::scaled_plan(ONE_REGION_ABOVE)),
            None
        );
        assert_eq!(one_region_at_a_time(&EN, &sample_plan(Lang::En)), None);
        let big = crate::core::sample::scaled_plan(10_000);
        assert_eq!(
            one_region_at_a_time(&EN, &big).as_deref(),
            Some(
                "This plan has 10,000 salespeople: printing one region at a time (all regions stay a choice)."
            )
        );
        assert_eq!(
            one_region_at_a_time(&ZH, &big).as_deref(),
            Some("本计划有 10,000 名业务人员：按区域逐一打印（仍可选择全部区域）。")
        );
        let s = big.adopted().unwrap();
        let doc = plan_document(
            &ZH,
            Lang::Zh,
            &big,
            s,
            None,
            false,
            Some(&big.regions[0].id),
        );
        assert_eq!(
            doc.scope.as_deref(),
            Some("仅含Region 1的分区与业务人员；公司部分涵盖全部区域。")
        );
    }

    #[test]
    fn tiers_schedule_budget_and_team_come_from_the_plan() {
        let plan = sample_plan(Lang::En);
        let s = plan.adopted().unwrap();
        let doc = plan_document(&EN, Lang::En, &plan, s, None, false, None);
        let DocBlock::Table(tiers) = &section(&doc, "doc-tiers").blocks[0] else {
            panic!("the tier table");
        };
        assert_eq!(tiers.rows[0].name, "Changsha");
        assert_eq!(tiers.rows[0].cells[0].text, "64.5%");
        assert_eq!(tiers.rows[0].cells[2].text, "Base camp");
        assert_eq!(tiers.rows[0].cells[3].class, "doc-strategy");
        let DocBlock::Table(schedule) = &section(&doc, "doc-schedule").blocks[0] else {
            panic!("the schedule");
        };
        let milestones: usize = plan
            .regions
            .iter()
            .flat_map(|r| &r.subdistricts)
            .map(|d| d.milestones.len().max(1))
            .sum();
        assert_eq!(schedule.rows.len(), milestones, "a row per milestone");
        let DocBlock::Table(team) = &section(&doc, "doc-team").blocks[0] else {
            panic!("the team");
        };
        assert_eq!(
            team.rows[0].cells[0],
            DocCell::words(plan.regions[0].manager.clone()),
            "names read from the left"
        );
        assert_eq!(
            team.rows[1].name, "",
            "a region is named on its first row only"
        );
        let DocBlock::Table(budget) = &section(&doc, "doc-budget").blocks[1] else {
            panic!("the budget");
        };
        assert_eq!(budget.rows.len(), plan.regions.len() + 1, "and a total row");
        assert!(budget.rows[0].cells[1].text.ends_with('%'));
    }

    #[test]
    fn sections_are_numbered_as_they_print_and_unwritten_ones_are_left_out() {
        let mut plan = sample_plan(Lang::Zh);
        plan.notes.clear();
        let s = plan.adopted().unwrap().clone();
        let doc = plan_document(&ZH, Lang::Zh, &plan, &s, None, false, None);
        let market = doc
            .sections
            .iter()
            .position(|x| x.class.contains("doc-market"))
            .unwrap();
        assert_eq!(doc.sections[market].only_written(), ["market"]);
        assert!(
            doc.sections[0].only_written().is_empty(),
            "the goals hold the targets too"
        );
        let numbers = numbering(Lang::Zh, &doc.sections, &plan, &BTreeSet::new());
        assert_eq!(numbers[0].as_deref(), Some("一、"));
        assert_eq!(
            numbers[market], None,
            "an unwritten analysis is not printed"
        );
        assert_eq!(numbers.last().unwrap(), &None, "nor unwritten risks");
        let printed: Vec<&str> = numbers.iter().flatten().map(String::as_str).collect();
        let expected: Vec<String> = (1..=printed.len())
            .map(|n| section_number(Lang::Zh, n))
            .collect();
        assert_eq!(printed, expected, "numbered without a gap");
        assert_eq!(numbers[market + 1].as_deref(), Some("二、"));

        plan.notes.insert("market".into(), "需求稳定增长".into());
        let numbers = numbering(Lang::Zh, &doc.sections, &plan, &BTreeSet::new());
        assert_eq!(numbers[market].as_deref(), Some("二、"), "once written");
        let anyway = BTreeSet::from(["risks"]);
        let numbers = numbering(Lang::En, &doc.sections, &plan, &anyway);
        let printed = numbers.iter().flatten().count();
        assert_eq!(
            numbers.last().unwrap().as_deref(),
            Some(format!("{printed}. ").as_str()),
            "the manager can print a blank section to fill by hand, numbered after the others"
        );
        plan.notes.insert("risks".into(), "  \n ".into());
        assert_eq!(
            numbering(Lang::En, &doc.sections, &plan, &BTreeSet::new())
                .last()
                .unwrap(),
            &None,
            "blank lines are not writing"
        );
    }

    #[test]
    fn section_numbers_read_as_in_a_chinese_document() {
        let zh: Vec<String> = [1, 2, 9, 10, 11, 12, 20, 21]
            .into_iter()
            .map(|n| section_number(Lang::Zh, n))
            .collect();
        assert_eq!(
            zh,
            [
                "一、",
                "二、",
                "九、",
                "十、",
                "十一、",
                "十二、",
                "二十、",
                "二十一、"
            ]
        );
        assert_eq!(section_number(Lang::En, 3), "3. ");
    }

    #[test]
    fn a_measure_without_a_target_prints_no_tables_of_zeros() {
        let mut plan = sample_plan(Lang::En);
        let sid = plan.adopted_scenario.clone();
        plan.scenarios
            .iter_mut()
            .find(|x| x.id == sid)
            .unwrap()
            .quantity_target = rust_decimal::Decimal::ZERO;
        let s = plan.adopted().unwrap();
        let bd = compute(&plan, s).unwrap();
        let doc = plan_document(&EN, Lang::En, &plan, s, Some(&bd), false, None);
        for class in ["doc-regions", "doc-subs", "doc-people"] {
            let blocks = &section(&doc, class).blocks;
            assert!(
                !blocks.contains(&DocBlock::Heading(EN.quantity_target)),
                "{class}: no quantity table"
            );
            assert!(
                blocks.contains(&DocBlock::Heading(EN.amount_target)),
                "{class}"
            );
        }
        let DocBlock::Line { text, .. } = &section(&doc, "doc-goals").blocks[0] else {
            panic!("the targets line");
        };
        assert!(!text.contains("quantity"), "{text}");
        assert!(text.starts_with("Amount 118,000,000"), "{text}");
    }

    #[test]
    fn columns_of_words_read_from_the_left_and_numbers_from_the_right() {
        let plan = sample_plan(Lang::En);
        let s = plan.adopted().unwrap();
        let bd = compute(&plan, s).unwrap();
        let doc = plan_document(&EN, Lang::En, &plan, s, Some(&bd), false, None);
        let mut tables = 0;
        for section in &doc.sections {
            for block in &section.blocks {
                let DocBlock::Table(table) = block else {
                    continue;
                };
                tables += 1;
                assert!(
                    table.headers[0].is_words(),
                    "the row names: {:?}",
                    table.headers
                );
                for row in &table.rows {
                    assert_eq!(row.cells.len() + 1, table.headers.len());
                    for (cell, head) in row.cells.iter().zip(&table.headers[1..]) {
                        assert_eq!(
                            cell.is_words(),
                            head.is_words(),
                            "{:?} under {:?} in {}",
                            cell,
                            head,
                            section.title
                        );
                    }
                }
            }
        }
        assert!(tables >= 9, "{tables}");
        let DocBlock::Table(people) = &section(&doc, "doc-people").blocks[1] else {
            panic!("the salespeople's amounts");
        };
        let words: Vec<bool> = people.headers.iter().map(DocCell::is_words).collect();
        assert_eq!(
            words[..4],
            [true, true, false, false],
            "name, parent | year, Jan"
        );
        let DocBlock::Table(schedule) = &section(&doc, "doc-schedule").blocks[0] else {
            panic!("the schedule");
        };
        assert_eq!(
            schedule.rows[0].cells[0].class, "doc-date",
            "a milestone's date, kept on one line"
        );
    }

    #[test]
    fn nodes_left_at_zero_are_marked_in_the_target_tables() {
        let mut plan = sample_plan(Lang::En);
        let sid = plan.adopted_scenario.clone();
        let region = plan.regions[2].id.clone();
        plan.scenarios
            .iter_mut()
            .find(|x| x.id == sid)
            .unwrap()
            .locks
            .insert(
                region.clone(),
                crate::core::scenario::NodeValues {
                    amount: Some(rust_decimal::Decimal::ZERO),
                    quantity: None,
                },
            );
        let s = plan.adopted().unwrap();
        let bd = compute(&plan, s).unwrap();
        let doc = plan_document(&EN, Lang::En, &plan, s, Some(&bd), false, None);
        let regions = section(&doc, "doc-regions");
        let DocBlock::Table(amounts) = &regions.blocks[2] else {
            panic!("{:?}", regions.blocks[2]);
        };
        let marked: Vec<&str> = amounts
            .rows
            .iter()
            .filter(|r| r.zero)
            .map(|r| r.name.as_str())
            .collect();
        assert!(
            marked.contains(&plan.regions[2].name.as_str()),
            "{marked:?}"
        );
        assert!(!marked.contains(&plan.regions[0].name.as_str()));
        assert_eq!(
            regions.blocks[3],
            DocBlock::Line {
                class: "doc-zero-note",
                text: EN.doc_zero_mark.to_string()
            },
            "the mark is explained under the table"
        );
        let DocBlock::Table(people) = &section(&doc, "doc-people").blocks[1] else {
            panic!("the salespeople's amounts");
        };
        let under: Vec<&str> = plan.regions[2]
            .subdistricts
            .iter()
            .flat_map(|d| &d.salespeople)
            .map(|p| p.name.as_str())
            .collect();
        for row in &people.rows {
            if under.contains(&row.name.as_str()) {
                assert!(row.zero, "{} is marked", row.name);
            }
        }
    }

    /// The budget's cells of the region (or total) row `name`.
    fn budget_row(doc: &PlanDocument, name: &str) -> Vec<String> {
        let DocBlock::Table(budget) = &section(doc, "doc-budget").blocks[1] else {
            panic!("the budget");
        };
        let row = budget.rows.iter().find(|r| r.name == name).unwrap();
        row.cells.iter().map(|c| c.text.clone()).collect()
    }

    #[test]
    fn the_budget_section_shows_amounts_by_region_item_and_channel_against_the_expense_target() {
        use crate::core::execution::{BudgetItem, set_budget};
        let mut plan = sample_plan(Lang::En);
        plan.execution.budgets.clear();
        let changsha = plan.regions[0].id.clone();
        let second = plan.regions[1].id.clone();
        set_budget(&mut plan, &changsha, BudgetItem::Promotion, 100_000.into()).unwrap();
        set_budget(&mut plan, &changsha, BudgetItem::Salaries, 60_000.into()).unwrap();
        set_budget(&mut plan, &second, BudgetItem::Salaries, 40_000.into()).unwrap();
        let s = plan.adopted().unwrap().clone();
        let doc = plan_document(&EN, Lang::En, &plan, &s, None, false, None);
        // Changsha is a base camp: 30% to distributors, 70% to terminals and publicity.
        assert_eq!(
            budget_row(&doc, "Changsha"),
            [
                "Base camp",
                "30%",
                "100,000",
                "60,000",
                "160,000",
                "48,000",
                "112,000"
            ]
        );
        let second_row = budget_row(&doc, &plan.regions[1].name);
        assert_eq!(second_row[2..5], ["0", "40,000", "40,000"]);
        let total = budget_row(&doc, "Total");
        assert_eq!(total[2..5], ["100,000", "100,000", "200,000"]);
        let DocBlock::Line { class, text } = &section(&doc, "doc-budget").blocks[2] else {
            panic!("the target line");
        };
        // 200,000 of 118,000,000 is 0.17%, shown to one decimal.
        assert_eq!(
            text,
            "Expense-ratio target: spend at most 8% of sales. The budgets total 200,000 CNY, \
             0.2% of the amount target: within the target."
        );
        assert_eq!(*class, "doc-budget-target");
        // A budget of 9.6 million (8.1% of 118 million) is above an 8% target.
        set_budget(&mut plan, &second, BudgetItem::Promotion, 9_400_000.into()).unwrap();
        let zh = plan_document(&ZH, Lang::Zh, &plan, &s, None, false, None);
        let DocBlock::Line { class, text } = &section(&zh, "doc-budget").blocks[2] else {
            panic!("the target line");
        };
        assert_eq!(
            text,
            "费用控制指标：费用不超过销售额的 8%。预算合计 960万 CNY，占销售额目标的 8.1%：超出指标，请调整预算。"
        );
        assert_eq!(*class, "doc-budget-target over");
        assert_eq!(budget_row(&zh, "合计")[4], "9,600,000");
        // The six regions without a budget are named, not left at a silent zero.
        let DocBlock::Line { class, text } = &section(&zh, "doc-budget").blocks[3] else {
            panic!("the regions without a budget");
        };
        assert_eq!(*class, "doc-budget-missing");
        assert_eq!(
            text,
            "⚠ 尚未填写预算的区域：Xiangtan、Hengyang、Yueyang、Changde、Zhangjiajie、Huaihua。"
        );
    }

    /// A plan without budgets says so (on screen and in print) instead of a table of zeros and
    /// "budgets total 0 … within the target".
    #[test]
    fn a_plan_without_budgets_prompts_for_them_instead_of_printing_zeros() {
        let mut plan = sample_plan(Lang::En);
        plan.execution.budgets.clear();
        let s = plan.adopted().unwrap().clone();
        for (t, lang, prompt) in [
            (&EN, Lang::En, "No budget is set yet"),
            (&ZH, Lang::Zh, "尚未填写费用预算"),
        ] {
            let doc = plan_document(t, lang, &plan, &s, None, false, None);
            let blocks = &section(&doc, "doc-budget").blocks;
            assert_eq!(blocks.len(), 1, "{lang:?}: no table");
            let DocBlock::Line { class, text } = &blocks[0] else {
                panic!("the prompt");
            };
            assert_eq!(*class, "doc-budget-missing");
            assert!(text.contains(prompt) && text.contains("8%"), "{text}");
            assert!(!text.contains(t.doc_budget_within), "{text}");
        }
    }

    /// The sample budgets every region: 7,848,000 in all, 6.65% of its 118,000,000 target
    /// (printed to one decimal), within the 8% target, with nothing named as missing.
    #[test]
    fn the_samples_budget_section_is_in_money_within_the_target() {
        let plan = sample_plan(Lang::Zh);
        let s = plan.adopted().unwrap().clone();
        let doc = plan_document(&ZH, Lang::Zh, &plan, &s, None, false, None);
        let blocks = &section(&doc, "doc-budget").blocks;
        assert_eq!(blocks.len(), 3, "note, table, target line");
        assert_eq!(
            budget_row(&doc, "长沙"),
            [
                "大本营",
                "30%",
                "1,420,000",
                "984,000",
                "2,404,000",
                "721,200",
                "1,682,800"
            ]
        );
        assert_eq!(
            budget_row(&doc, "合计")[2..5],
            ["3,840,000", "4,008,000", "7,848,000"]
        );
        let DocBlock::Line { class, text } = &blocks[2] else {
            panic!("the target line");
        };
        assert_eq!(
            text,
            "费用控制指标：费用不超过销售额的 8%。预算合计 784.8万 CNY，占销售额目标的 6.7%：在指标之内。"
        );
        assert_eq!(*class, "doc-budget-target");
    }

    #[test]
    fn training_review_rewards_and_risks_follow_the_source_with_prompts_to_write() {
        let mut plan = sample_plan(Lang::Zh);
        plan.execution.settings.deviation_threshold = 15.into();
        let s = plan.adopted().unwrap().clone();
        let doc = plan_document(&ZH, Lang::Zh, &plan, &s, None, false, None);
        let titles: Vec<&str> = doc.sections.iter().map(|x| x.title).collect();
        assert_eq!(
            titles[titles.len() - 5..],
            [
                "团队与激励",
                "培训计划",
                "监督评估",
                "奖惩办法",
                "风险与对策"
            ]
        );
        assert_eq!(
            section(&doc, "doc-team").blocks.last(),
            Some(&DocBlock::Written("incentives")),
            "the team section lists incentives, not only names"
        );
        let DocBlock::Line { text, .. } = &section(&doc, "doc-review").blocks[0] else {
            panic!("the review line");
        };
        assert!(text.contains(&format!("“{}”", s.name)), "{text}");
        assert!(text.contains("落后进度超过 15%"), "{text}");
        let DocBlock::Line { text, .. } = &section(&doc, "doc-rewards").blocks[0] else {
            panic!("the rewards line");
        };
        assert!(
            text.contains("完成率") && text.contains("销售竞赛"),
            "{text}"
        );
        assert_eq!(
            section(&doc, "doc-training").blocks,
            [DocBlock::Written("training")]
        );
        let risks = written(&ZH, &plan, "risks").invitation;
        for part in ["市场风险", "管理风险", "竞争风险"] {
            assert!(risks.contains(part), "{risks}");
        }
        assert!(
            written(&EN, &plan, "training")
                .invitation
                .contains("who is trained")
        );
        for key in WRITTEN_SECTIONS {
            assert!(!written_label(&ZH, key).is_ascii(), "{key}");
        }
        assert_eq!(written_label(&EN, "rewards"), "Rewards and penalties");
    }
}
