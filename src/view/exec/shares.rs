//! Market share during the year (市场占有率): per region, the share typed for the as-of month,
//! the latest recorded, its completion against the target share, and a tier drift to review.

use crate::core::execution::share_report;
use crate::core::model::Plan;
use crate::core::period::YearMonth;
use crate::core::scenario::Scenario;
use crate::core::tier::Tier;
use crate::i18n::exec::ExecText;
use crate::i18n::fill;
use crate::view::numbers::percent;

use super::rate;

/// One region's line.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ShareLine {
    pub id: String,
    pub name: String,
    /// The tier the adopted scenario gives it, and its key (a CSS class).
    pub tier: &'static str,
    pub tier_key: &'static str,
    pub planned: String,
    pub target: String,
    /// The share recorded for the month shown, as typed (empty when none).
    pub value: String,
    /// `38% (2027-03)`, or "—".
    pub latest: String,
    pub completion: String,
    /// The share crossed a tier threshold: the tier it would be, and what to do.
    pub drift: Option<ShareDrift>,
}

/// A region whose latest share would give another tier.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ShareDrift {
    pub tier: Tier,
    /// `株洲目前为 38%：应属运动区域，请复核策略`.
    pub message: String,
    /// The label of the reason field that adopts it (`Adopt Contested: reason`).
    pub adopt_label: String,
}

/// The market-share table for `month` under `scenario` (the adopted one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareView {
    pub month: YearMonth,
    pub columns: [String; 8],
    pub lines: Vec<ShareLine>,
}

/// Every region's share line, the share typed for `month`.
pub fn share_view(x: &ExecText, plan: &Plan, scenario: &Scenario, month: YearMonth) -> ShareView {
    let at = plan.period.months().iter().position(|m| *m == month);
    let lines = share_report(plan, scenario)
        .into_iter()
        .map(|r| ShareLine {
            tier: x.tier(r.tier),
            tier_key: r.tier.key(),
            planned: percent(r.planned_share),
            target: r.target.map_or_else(|| x.none_dash.to_string(), percent),
            value: at
                .and_then(|i| r.months.get(i).copied().flatten())
                .map(|s| s.normalize().to_string())
                .unwrap_or_default(),
            latest: r.latest.map_or_else(
                || x.none_dash.to_string(),
                |(m, s)| format!("{} ({m})", percent(s)),
            ),
            completion: rate(x, r.completion),
            drift: r.drift.zip(r.latest).map(|(tier, (_, share))| ShareDrift {
                tier,
                message: fill(x.share_drift, &[&r.name, &percent(share), x.tier(tier)]),
                adopt_label: fill(x.share_adopt, &[x.tier(tier)]),
            }),
            id: r.id,
            name: r.name,
        })
        .collect();
    ShareView {
        month,
        columns: [
            x.region.to_string(),
            x.tier.to_string(),
            x.share_planned.to_string(),
            x.share_target.to_string(),
            fill(x.share_in, &[&month.to_string()]),
            x.share_latest.to_string(),
            x.share_completion.to_string(),
            x.share_review.to_string(),
        ],
        lines,
    }
}

/// The preview of a picked market-share file: what it would store, and every problem by line
/// and column in the page's language.
pub fn share_preview(
    t: &ExecText,
    plan: &Plan,
    file: &str,
    preview: &crate::core::execution::SharePreview,
) -> super::ImportPreview {
    let mut ids: Vec<&str> = preview.rows.iter().map(|r| r.region.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    let replaced = preview
        .rows
        .iter()
        .filter(|r| {
            plan.execution
                .shares
                .get(&r.region)
                .is_some_and(|m| m.contains_key(&r.month))
        })
        .count();
    let summary = fill(
        t.share_preview_summary,
        &[
            &preview.rows.len().to_string(),
            &ids.len().to_string(),
            &preview.months().len().to_string(),
            &replaced.to_string(),
        ],
    );
    super::import_preview(
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
    use crate::core::execution::set_share;
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;
    use crate::i18n::exec::{EXEC_EN, EXEC_ZH};
    use rust_decimal::Decimal;

    /// A market-share file's problems read with their line, column and reason in the page's
    /// language (the column by its template label in Chinese, by its header key in English).
    #[test]
    fn a_share_files_problems_read_by_line_and_column_in_both_languages() {
        use crate::core::execution::{SHARE_HEADER, parse_shares};
        let plan = sample_plan(Lang::Zh);
        let r1 = &plan.regions[0].id;
        let file = format!("{SHARE_HEADER}\n{r1},2027-01,64\n{r1},2027-02,120\nr99,2027-02,5\n");
        let preview = parse_shares(&plan, file.as_bytes());
        let zh = share_preview(&EXEC_ZH, &plan, "shares.csv", &preview);
        assert_eq!(
            zh.problems,
            [
                "第 3 行，市场占有率（%）：“120”不是 0 到 100% 之间的占有率",
                "第 4 行，区域编号：计划中没有编号为“r99”的区域",
            ]
        );
        assert_eq!(
            zh.summary,
            "1 行，涉及 1 个区域、1 个月；其中 0 行将替换已有记录。"
        );
        let en = share_preview(&EXEC_EN, &plan, "shares.csv", &preview);
        assert_eq!(
            en.problems,
            [
                "Line 3, share: “120” is not a share from 0 to 100%",
                "Line 4, region_id: no region with id “r99” in the plan",
            ]
        );
    }

    #[test]
    fn a_region_whose_share_crosses_a_threshold_reads_as_a_review_in_both_languages() {
        let mut plan = sample_plan(Lang::Zh);
        let s = plan.adopted().unwrap().clone();
        let zhuzhou = plan.regions[1].id.clone();
        let march = YearMonth::new(2027, 3).unwrap();
        set_share(&mut plan, &zhuzhou, march, Some(Decimal::from(38))).unwrap();
        let view = share_view(&EXEC_ZH, &plan, &s, march);
        let line = &view.lines[1];
        assert_eq!(line.name, "株洲");
        assert_eq!(line.tier, "根据地");
        assert_eq!(line.planned, "47.2%");
        assert_eq!(line.value, "38");
        assert_eq!(line.latest, "38% (2027-03)");
        let drift = line.drift.as_ref().unwrap();
        assert_eq!(drift.message, "株洲目前为 38%：应属运动区域，请复核策略");
        assert_eq!(drift.adopt_label, "采用运动区域：理由");
        assert_eq!(view.columns[4], "2027-03 占有率");
        assert!(view.lines[0].drift.is_none() && view.lines[0].latest == "—");
        let april = YearMonth::new(2027, 4).unwrap();
        let en = share_view(&EXEC_EN, &sample_with(&plan, Lang::En), &s, april);
        assert_eq!(en.lines[1].value, "", "nothing typed for April");
        assert_eq!(
            en.lines[1].drift.as_ref().unwrap().message,
            "Zhuzhou now 38%: would be Contested — review the strategy"
        );
    }

    /// `plan`'s execution on the sample in `lang` (the same ids).
    fn sample_with(plan: &Plan, lang: Lang) -> Plan {
        let mut other = sample_plan(lang);
        other.execution = plan.execution.clone();
        other
    }
}
