//! The source text's method on the execution routes: overdue milestones on the deviation list,
//! market share during the year with tier drift, the printed plan's budget in money.

use region_planner::core::lang::Lang;
use region_planner::core::model::Plan;
use region_planner::core::sample::sample_plan;
use region_planner::i18n::{EN, ZH};

use super::support::{Browser, Key, artifacts_dir, open_stored};

/// The app on `path` with `plan` as the only plan, at the projector's size.
async fn open_with(plan: &Plan, path: &str, lang: &str) -> Browser {
    let b = Browser::options()
        .lang(lang)
        .window_size(1280, 720)
        .launch()
        .await;
    open_stored(&b, plan, path).await;
    b
}

/// Today in UTC, the machines' time zone (the app counts in the browser's local day).
fn today() -> chrono::NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    chrono::DateTime::from_timestamp(secs as i64, 0)
        .unwrap()
        .date_naive()
}

/// The sample with its first sub-district's first milestone due `days` ago.
fn plan_with_overdue_milestone(lang: Lang, days: i64) -> Plan {
    let mut plan = sample_plan(lang);
    plan.regions[0].subdistricts[0].milestones[0].date = today() - chrono::Duration::days(days);
    plan
}

#[tokio::test]
async fn an_overdue_milestone_is_a_deviation_with_an_action_and_a_done_tick() {
    let plan = plan_with_overdue_milestone(Lang::En, 20);
    let d = &plan.regions[0].subdistricts[0];
    let row = format!("tr.milestone-overdue[data-milestone=\"{}|0\"]", d.id);
    let b = open_with(&plan, "/#/tracking", "en-US").await;
    b.wait_for_text("#milestones-title", "Overdue milestones")
        .await;
    b.wait_for_text(&format!("{row} td.name"), &format!("{} · Changsha", d.name))
        .await;
    b.wait_for_text(&format!("{row} td.behind"), "20 days")
        .await;
    assert_eq!(
        b.text_of(&format!("{row} td:nth-child(2)")).await,
        d.milestones[0].title
    );
    b.type_into(
        &format!("{row} td.note-cell input"),
        "Director visits the distributor",
    )
    .await;
    b.press(&Key::Enter).await;
    b.wait_stored(&plan.id, "Director visits").await;
    b.screenshot(artifacts_dir().join("screens/method-milestone-overdue.png"))
        .await;
    // Ticked done: it leaves the list, done today, the action kept.
    b.click(&format!("{row} td.done-cell input[type=checkbox]"))
        .await;
    b.wait_gone(&row).await;
    b.wait_stored(&plan.id, "\"done_on\"").await;
    let stored = b.stored_plan(&plan.id).await.unwrap();
    let stored = region_planner::core::format::read_plan(&stored).unwrap();
    let m = &stored.regions[0].subdistricts[0].milestones[0];
    assert!(m.done);
    assert_eq!(m.done_on, Some(today()));
    assert_eq!(m.note, "Director visits the distributor");
    // One step of the history: undo puts it back on the list.
    b.click("#undo").await;
    b.wait_for(&row).await;
}

#[tokio::test]
async fn overdue_milestones_read_in_chinese_on_the_deviation_list_and_the_subdistrict() {
    let plan = plan_with_overdue_milestone(Lang::Zh, 3);
    let d = &plan.regions[0].subdistricts[0];
    let row = format!("tr.milestone-overdue[data-milestone=\"{}|0\"]", d.id);
    let b = open_with(&plan, "/#/tracking", "zh-CN").await;
    b.wait_for_text("#milestones-title", "逾期的进度节点").await;
    b.wait_for_text(&format!("{row} td.behind"), "3 天").await;
    assert!(
        b.texts_of("table.overdue-milestones th")
            .await
            .contains(&"纠正措施".to_string()),
        "the same corrective action as a target deviation"
    );
    b.screenshot(artifacts_dir().join("screens/method-milestone-overdue-zh.png"))
        .await;
    // Its sub-district marks it, with the same action field.
    b.click("#tab-territory").await;
    b.click_text(".tree-row", &d.name).await;
    b.wait_for_text(".milestone.overdue .overdue-badge", "逾期 3 天")
        .await;
    assert_eq!(b.count(".milestone.overdue").await, 1);
    let inputs =
        |css: &str| format!("document.querySelector('{css}').querySelectorAll('input').length");
    let overdue = b
        .exec_js(&format!("return {}", inputs(".milestone.overdue")))
        .await;
    let other = b
        .exec_js(&format!("return {}", inputs(".milestone:not(.overdue)")))
        .await;
    assert_eq!(
        overdue.as_u64().unwrap(),
        other.as_u64().unwrap() + 1,
        "an overdue milestone has its corrective-action field"
    );
    b.exec_js("document.querySelector('.milestone.overdue').scrollIntoView({block: 'center'})")
        .await;
    b.screenshot(artifacts_dir().join("screens/method-milestone-subdistrict-zh.png"))
        .await;
}

/// The share typed for 株洲 falls below the stronghold threshold: flagged, then adopted as
/// 运动区域 with a reason (an override of the adopted scenario, in the change log).
#[tokio::test]
async fn a_share_below_its_tiers_threshold_is_flagged_and_the_new_tier_adopted_with_a_reason() {
    let plan = sample_plan(Lang::Zh);
    let zhuzhou = &plan.regions[1];
    let row = format!("tr.share-row[data-region=\"{}\"]", zhuzhou.id);
    let b = open_with(&plan, "/#/tracking", "zh-CN").await;
    b.wait_for_text("#shares-title", "市场占有率").await;
    b.type_into(&format!("{row} td.share-input input"), "38")
        .await;
    b.press(&Key::Enter).await;
    b.wait_for_text(
        &format!("{row} .drift-message"),
        "株洲目前为 38%：应属运动区域，请复核策略",
    )
    .await;
    assert_eq!(b.count("tr.share-row.drift").await, 1, "only 株洲");
    b.screenshot(artifacts_dir().join("screens/method-share-drift-zh.png"))
        .await;
    // A reason adopts the tier.
    b.type_into(&format!("{row} td.review-cell input"), "二季度竞品降价")
        .await;
    b.press(&Key::Enter).await;
    b.wait_gone(&format!("{row}.drift")).await;
    b.wait_for_text(&format!("{row} .tier-badge"), "运动区域")
        .await;
    let stored = b.stored_plan(&plan.id).await.unwrap();
    let stored = region_planner::core::format::read_plan(&stored).unwrap();
    let o = &stored.adopted().unwrap().tier_overrides[&zhuzhou.id];
    assert_eq!(o.reason, "二季度竞品降价");
    assert_eq!(
        stored.execution.shares[&zhuzhou.id]
            .values()
            .copied()
            .collect::<Vec<_>>(),
        [rust_decimal::Decimal::from(38)]
    );
    b.click("#tab-log").await;
    b.wait_for_text("main", "二季度竞品降价").await;
}

#[tokio::test]
async fn market_shares_read_in_english() {
    let plan = sample_plan(Lang::En);
    let row = format!("tr.share-row[data-region=\"{}\"]", plan.regions[1].id);
    let b = open_with(&plan, "/#/tracking", "en-US").await;
    b.wait_for_text("#shares-title", "Market share during the year")
        .await;
    b.type_into(&format!("{row} td.share-input input"), "38")
        .await;
    b.press(&Key::Enter).await;
    b.wait_for_text(
        &format!("{row} .drift-message"),
        "Zhuzhou now 38%: would be Contested — review the strategy",
    )
    .await;
    assert!(
        b.text_of(&format!("{row} td.review-cell"))
            .await
            .contains("Adopt Contested: reason")
    );
    b.type_into(&format!("{row} td.share-input input"), "140")
        .await;
    b.press(&Key::Enter).await;
    b.wait_for(&format!("{row} .field-error")).await;
    b.exec_js("document.querySelector('#shares-title').scrollIntoView()")
        .await;
    b.screenshot(artifacts_dir().join("screens/method-share-drift-en.png"))
        .await;
}

/// Customers belong to people: the archive narrowed to one salesperson, the pipeline's counts,
/// stale records per person, and a record given an owner and a status.
#[tokio::test]
async fn the_archive_follows_each_salespersons_customers_and_the_pipeline() {
    let mut plan = sample_plan(Lang::Zh);
    plan.execution = region_planner::core::execution::sample_execution(&plan, 3);
    let first = plan.execution.customers[0].clone();
    let owner = plan.salesperson(&first.owner).unwrap().name.clone();
    let b = open_with(&plan, "/#/customers", "zh-CN").await;
    b.wait_for_text(".pipeline-step[data-status=\"prospect\"]", "潜在1")
        .await;
    assert_eq!(
        b.texts_of(".pipeline-step").await,
        ["潜在1", "开发中2", "合作5", "停止0"]
    );
    // One person's records.
    b.exec_js_with(
        "const s = document.querySelector('#owner-filter'); s.value = arguments[0];
         s.dispatchEvent(new Event('change', {bubbles: true}));",
        vec![first.owner.clone().into()],
    )
    .await;
    b.wait_until(&format!(
        "[...document.querySelectorAll('table.customers tr.customer td.owner')].every(td => td.textContent === {})",
        serde_json::to_string(&owner).unwrap()
    ))
    .await;
    let owned = plan
        .execution
        .customers
        .iter()
        .filter(|c| c.owner == first.owner)
        .count();
    assert_eq!(b.count("table.customers tr.customer").await, owned);
    // The stale records per person; the person's own list.
    b.wait_for("#stale-by-owner").await;
    assert!(b.count("button.stale-owner").await >= 1);
    b.screenshot(artifacts_dir().join("screens/method-archive-owners-zh.png"))
        .await;
    // The prospects step narrows the list to prospects.
    b.exec_js(
        "const s = document.querySelector('#owner-filter'); s.value = '';
         s.dispatchEvent(new Event('change', {bubbles: true}));",
    )
    .await;
    b.click(".pipeline-step[data-status=\"prospect\"]").await;
    b.wait_until(
        "[...document.querySelectorAll('table.customers tr.customer td.status')].every(td => td.textContent === '潜在')",
    )
    .await;
    assert_eq!(b.count("table.customers tr.customer").await, 1);
    // A record gets another owner and moves on in the pipeline; both are in its history.
    b.click(".pipeline-step[data-status=\"prospect\"]").await;
    b.click("table.customers tr.customer button").await;
    b.wait_for("#customer-owner").await;
    let other = plan
        .subdistrict(&first.subdistrict)
        .unwrap()
        .salespeople
        .iter()
        .find(|p| p.id != first.owner)
        .unwrap()
        .clone();
    b.exec_js_with(
        "for (const [id, v] of [['#customer-owner', arguments[0]], ['#customer-status', 'developing']]) {
             const s = document.querySelector(id); s.value = v;
             s.dispatchEvent(new Event('change', {bubbles: true}));
         }",
        vec![other.id.clone().into()],
    )
    .await;
    b.wait_stored(&plan.id, "\"developing\"").await;
    let stored = b.stored_plan(&plan.id).await.unwrap();
    let stored = region_planner::core::format::read_plan(&stored).unwrap();
    let c = stored.execution.customer(&first.id).unwrap();
    assert_eq!(c.owner, other.id);
    assert_eq!(c.status.key(), "developing");
    b.wait_for_text(".history", &other.name).await;
}

/// The printed plan: section 八 in money against the expense-ratio target, and the source's
/// sections on training, monitoring, rewards and risks, in both languages.
#[tokio::test]
async fn the_printed_plan_budgets_money_and_covers_training_review_rewards_and_risks() {
    for (lang, browser_lang) in [(Lang::Zh, "zh-CN"), (Lang::En, "en-US")] {
        let mut plan = sample_plan(lang);
        plan.execution = region_planner::core::execution::sample_execution(&plan, 3);
        let b = open_with(&plan, "/#/print", browser_lang).await;
        // The sample has no notes: its training is not written yet, so it is left out of the
        // print (no number) and invites the manager to write who, what and when.
        let (total, target, training, review, prompt, course, numbered) = match lang {
            Lang::Zh => (
                "合计",
                "费用控制指标",
                "培训对象",
                "落后进度超过 10%",
                "市场风险",
                "三月经销商管理培训",
                "九、培训计划",
            ),
            Lang::En => (
                "Total",
                "Expense-ratio target",
                "who is trained",
                "behind pace by more than 10%",
                "market risks",
                "Distributor management course in March",
                "9. Training",
            ),
        };
        let t = if lang == Lang::Zh { &ZH } else { &EN };
        b.wait_for_text("#plan-doc .doc-budget .doc-budget-target", target)
            .await;
        let budget_rows = b.count("#plan-doc .doc-budget tbody tr").await;
        assert_eq!(
            budget_rows,
            plan.regions.len() + 1,
            "{lang:?}: a row per region and the total"
        );
        b.wait_for_text("#plan-doc .doc-budget tbody tr:last-child", total)
            .await;
        b.wait_for_text("#plan-doc .doc-training", training).await;
        assert_eq!(
            b.text_of("#plan-doc .doc-training h2").await.trim(),
            t.doc_training,
            "{lang:?}: unwritten, no number"
        );
        b.wait_for_text("#plan-doc .doc-training", t.doc_left_out)
            .await;
        b.wait_for_text("#plan-doc .doc-review", review).await;
        b.wait_for_text("#plan-doc .doc-risks", prompt).await;
        b.exec_js("document.querySelector('#plan-doc .doc-budget').scrollIntoView()")
            .await;
        b.screenshot(
            artifacts_dir().join(format!("screens/method-print-budget-{browser_lang}.png")),
        )
        .await;
        // Written, it prints, numbered after the team (goals, tiers, three target tables,
        // schedule, budget, team: 8 sections before it).
        b.exec_js("document.querySelector('#notes-editor').open = true;")
            .await;
        b.type_into("#note-training", course).await;
        b.click("#plan-doc").await;
        b.wait_for_text("#plan-doc .doc-training", course).await;
        b.wait_for_text("#plan-doc .doc-training h2", numbered)
            .await;
    }
}

/// The scorecard's growth is 同比 or 环比 as the manager chooses; the choice is kept in the plan
/// and rescores the distributors.
#[tokio::test]
async fn the_scorecards_growth_is_year_on_year_or_month_on_month() {
    let mut plan = sample_plan(Lang::Zh);
    plan.execution = region_planner::core::execution::sample_execution(&plan, 3);
    let b = open_with(&plan, "/#/scorecard", "zh-CN").await;
    b.wait_for("#growth-basis").await;
    let before = b.texts_of("table tbody tr").await;
    b.exec_js(
        "const s = document.querySelector('#growth-basis'); s.value = 'month_on_month';
         s.dispatchEvent(new Event('change', {bubbles: true}));",
    )
    .await;
    b.wait_stored(&plan.id, "month_on_month").await;
    b.wait_until(&format!(
        "JSON.stringify([...document.querySelectorAll('table tbody tr')].map(r => r.innerText)) !== {}",
        serde_json::to_string(&serde_json::to_string(&before).unwrap()).unwrap()
    ))
    .await;
    b.screenshot(artifacts_dir().join("screens/method-scorecard-growth-zh.png"))
        .await;
}

/// A sub-district shows its distributors' contract volumes against its quantity target.
#[tokio::test]
async fn a_subdistrict_holds_its_distributors_contracts_against_its_target() {
    let mut plan = sample_plan(Lang::Zh);
    plan.execution = region_planner::core::execution::sample_execution(&plan, 3);
    let d = plan.regions[0].subdistricts[0].clone();
    let b = open_with(&plan, "/#/territory", "zh-CN").await;
    b.click_text(".tree-row", &d.name).await;
    b.wait_for_text(".contracts-line", "经销商合同销量合计 10,000")
        .await;
    assert!(b.text_of(".contracts-line").await.contains("分区销量目标"));
}

/// Section 八 without budgets: a warning on screen and in print instead of a table of zeros and
/// "0 … within the target"; the expenses route says so too. The sample has budgets in money.
#[tokio::test]
async fn a_plan_without_budgets_is_told_so_and_the_sample_budgets_money() {
    for (lang, browser_lang) in [(Lang::Zh, "zh-CN"), (Lang::En, "en-US")] {
        let t = if lang == Lang::Zh { &ZH } else { &EN };
        let x = if lang == Lang::Zh {
            &region_planner::i18n::exec::EXEC_ZH
        } else {
            &region_planner::i18n::exec::EXEC_EN
        };
        let mut plan = sample_plan(lang);
        plan.execution.budgets.clear();
        let b = open_with(&plan, "/#/print", browser_lang).await;
        let prompt = t.doc_budget_none.split('{').next().unwrap();
        b.wait_for_text("#plan-doc .doc-budget .doc-budget-missing", prompt)
            .await;
        assert_eq!(
            b.count("#plan-doc .doc-budget table").await,
            0,
            "{lang:?}: no zeros"
        );
        assert_eq!(b.count("#plan-doc .doc-budget-target").await, 0, "{lang:?}");
        b.exec_js("document.querySelector('#plan-doc .doc-budget').scrollIntoView()")
            .await;
        b.screenshot(
            artifacts_dir().join(format!("screens/method-print-no-budget-{browser_lang}.png")),
        )
        .await;
        // It prints: the warning is not one of the screen-only hints.
        b.cdp(
            "Emulation.setEmulatedMedia",
            serde_json::json!({"media": "print"}),
        )
        .await;
        let shown = b
            .exec_js(
                "const e = document.querySelector('#plan-doc .doc-budget .doc-budget-missing');
                 const s = e.closest('section');
                 return getComputedStyle(e).display !== 'none' && getComputedStyle(s).display !== 'none';",
            )
            .await;
        assert_eq!(shown, serde_json::json!(true), "{lang:?}: printed");
        b.cdp(
            "Emulation.setEmulatedMedia",
            serde_json::json!({"media": ""}),
        )
        .await;
        b.open("/#/expenses").await;
        b.wait_for_text(
            "#no-budget",
            x.no_budget
                .trim_start_matches("⚠ ")
                .split('：')
                .next()
                .unwrap(),
        )
        .await;

        // The sample: every region budgeted, 7,848,000 in all, within the 8% target.
        let sample = sample_plan(lang);
        let b = open_with(&sample, "/#/print", browser_lang).await;
        b.wait_for_text("#plan-doc .doc-budget tbody tr:last-child", "7,848,000")
            .await;
        b.wait_for_text(
            "#plan-doc .doc-budget .doc-budget-target",
            t.doc_budget_within,
        )
        .await;
        assert_eq!(b.count("#plan-doc .doc-budget-missing").await, 0);
        b.open("/#/expenses").await;
        b.wait_for("#expenses .toolbar").await;
        assert!(
            !b.exists("#no-budget").await,
            "{lang:?}: the sample has budgets"
        );
    }
}

/// Market share by month or quarter from a CSV file: the template names every region, a file
/// with problems lists each by line, column and reason in the page's language, and the good
/// rows are stored when the bad lines are skipped.
#[tokio::test]
async fn market_shares_are_imported_from_csv_with_every_problem_named() {
    use region_planner::core::execution::SHARE_HEADER;
    for (lang, browser_lang) in [(Lang::Zh, "zh-CN"), (Lang::En, "en-US")] {
        let plan = sample_plan(lang);
        let b = open_with(&plan, "/#/tracking", browser_lang).await;
        b.wait_for("#share-file").await;
        b.capture_downloads().await;
        b.click(".share-files .template-button").await;
        let template = b.downloaded(0).await;
        assert!(
            template.starts_with(&format!("{SHARE_HEADER},name\n")),
            "{template}"
        );
        assert_eq!(template.lines().count(), 2 + plan.regions.len());
        let (r1, r2) = (&plan.regions[0].id, &plan.regions[1].id);
        let csv =
            format!("{SHARE_HEADER}\n{r1},2027-02,63.5\n{r2},2027-Q1,38%\n{r2},2027-04,120\n");
        let path = super::support::temp_file(&format!("shares-{browser_lang}.csv"), csv);
        b.wait_for("#share-file")
            .await
            .send_keys(&path.display().to_string())
            .await
            .unwrap();
        let problem = match lang {
            Lang::Zh => "第 4 行，市场占有率（%）：“120”不是 0 到 100% 之间的占有率",
            Lang::En => "Line 4, share: “120” is not a share from 0 to 100%",
        };
        b.wait_for_text("#share-preview .problems", problem).await;
        b.screenshot(
            artifacts_dir().join(format!("screens/method-share-import-{browser_lang}.png")),
        )
        .await;
        b.click("#import-skip").await;
        b.wait_stored(&plan.id, "\"share\":\"38\"").await;
        let stored = b.stored_plan(&plan.id).await.unwrap();
        let stored = region_planner::core::format::read_plan(&stored).unwrap();
        let march = region_planner::core::period::YearMonth::new(2027, 3).unwrap();
        let feb = region_planner::core::period::YearMonth::new(2027, 2).unwrap();
        assert_eq!(stored.execution.shares[r2][&march].to_string(), "38");
        assert_eq!(stored.execution.shares[r1][&feb].to_string(), "63.5");
        assert_eq!(stored.execution.shares[r2].len(), 1, "line 4 was skipped");
        // 株洲 at 38% (below the 40% stronghold threshold) is flagged for review.
        b.wait_for(".shares .drift").await;
    }
}

/// The scorecard's share and growth are on volume (销量) unless the manager chooses amount; each
/// measure's 0–100 scale is shown and edited, and a scale that does not rise is refused with
/// the measure named, in both languages.
#[tokio::test]
async fn the_scorecard_is_on_volume_and_its_scales_are_edited_and_checked() {
    for (lang, browser_lang) in [(Lang::Zh, "zh-CN"), (Lang::En, "en-US")] {
        let mut plan = sample_plan(lang);
        plan.execution = region_planner::core::execution::sample_execution(&plan, 3);
        let b = open_with(&plan, "/#/scorecard", browser_lang).await;
        b.wait_for("#score-basis").await;
        assert_eq!(b.value_of("#score-basis").await, "volume");
        b.exec_js("document.querySelector('#score-scales').open = true;")
            .await;
        b.wait_for("#scale-share-full").await;
        let full = b.value_of("#scale-share-full").await;
        assert_eq!(full, "100");
        assert_eq!(b.value_of("#scale-growth-zero").await, "-20");
        assert_eq!(b.value_of("#scale-collection-zero").await, "90");
        b.screenshot(artifacts_dir().join(format!(
            "screens/method-scorecard-scales-{browser_lang}.png"
        )))
        .await;
        // Share: 100 points at 50% — the ranking rescored and the scale kept in the plan.
        let before = b.texts_of(".scorecard tr.score-row").await;
        b.set_field("#scale-share-full", "50").await;
        b.wait_stored(&plan.id, "\"scale.share\":\"0 50\"").await;
        b.wait_until(&format!(
            "JSON.stringify([...document.querySelectorAll('.scorecard tr.score-row')].map(r => r.innerText)) !== {}",
            serde_json::to_string(&serde_json::to_string(&before).unwrap()).unwrap()
        ))
        .await;
        // 0 points at 60%: above the 100-point value, refused, the measure named.
        b.set_field("#scale-share-zero", "60").await;
        let (measure, reason) = match lang {
            Lang::Zh => ("销售比重评分标准", "必须大于 0 分对应值（60）"),
            Lang::En => (
                "Sales share scale",
                "must be above the value for 0 points (60)",
            ),
        };
        b.wait_for_text("label:has(#scale-share-zero) .field-error", measure)
            .await;
        b.wait_for_text("label:has(#scale-share-zero) .field-error", reason)
            .await;
        b.screenshot(artifacts_dir().join(format!(
            "screens/method-scorecard-scale-refused-{browser_lang}.png"
        )))
        .await;
        // Amount instead of volume: chosen and kept.
        b.exec_js(
            "const s = document.querySelector('#score-basis'); s.value = 'amount';
             s.dispatchEvent(new Event('change', {bubbles: true}));",
        )
        .await;
        b.wait_stored(&plan.id, "\"score_basis\":\"amount\"").await;
    }
}

/// A distributor whose month has amounts but no volume typed is scored on amount for sales
/// share and growth, not left blank: the scorecard names it, says why, and says how to score
/// everyone on amount; choosing amount for everyone removes the warning. Both languages.
#[tokio::test]
async fn a_distributor_without_volumes_is_scored_on_amount_and_named() {
    for (lang, browser_lang) in [(Lang::Zh, "zh-CN"), (Lang::En, "en-US")] {
        let mut plan = sample_plan(lang);
        plan.execution = region_planner::core::execution::sample_execution(&plan, 3);
        // The first distributor's figures: amounts only.
        let first = &mut plan.execution.scorecard[0];
        let name = plan
            .execution
            .customers
            .iter()
            .find(|c| c.id == first.customer)
            .unwrap()
            .name
            .clone();
        let f = &mut first.figures;
        for v in [
            &mut f.our_volume,
            &mut f.category_volume,
            &mut f.last_month_volume,
            &mut f.last_year_volume,
        ] {
            *v = rust_decimal::Decimal::ZERO;
        }
        // Chinese on a small screen, English on a large one: the scales and the warning fit.
        let (width, height) = match lang {
            Lang::Zh => (1280, 720),
            Lang::En => (1920, 1080),
        };
        let b = Browser::options()
            .lang(browser_lang)
            .window_size(width, height)
            .launch()
            .await;
        open_stored(&b, &plan, "/#/scorecard").await;
        b.wait_for("#score-scales").await;
        b.exec_js(
            "const d = document.querySelector('#score-scales'); d.open = true; d.scrollIntoView();",
        )
        .await;
        b.wait_for("#scale-share-full").await;
        // The scales table fits the page: no input runs past the window.
        let right = b
            .exec_js("return Math.max(...[...document.querySelectorAll('.scale-table input')].map(i => i.getBoundingClientRect().right));")
            .await
            .as_f64()
            .unwrap();
        assert!(
            right < f64::from(width) - 20.0,
            "scale inputs end at {right}px"
        );
        b.screenshot(artifacts_dir().join(format!(
            "screens/method-scorecard-scales-{browser_lang}-{width}.png"
        )))
        .await;
        let (warning, row_note) = match lang {
            Lang::Zh => (
                format!(
                    "⚠ {name}未填写销量：其销售比重与销量增长率按销售额计算。如需全部按销售额计算"
                ),
                "销售比重与增长率按销售额计算（未填销量）",
            ),
            Lang::En => (
                format!(
                    "⚠ No volume is typed for {name}: their sales share and volume growth are scored on amount"
                ),
                "Share and growth on amount: no volume typed",
            ),
        };
        b.wait_for_text("#score-no-volume", &warning).await;
        // Its row has a share score and says it is on amount; the others do not say so.
        let rows = b.texts_of(".scorecard tr.score-row").await;
        let row = rows.iter().find(|r| r.contains(&name)).unwrap();
        assert!(row.contains(row_note), "{row}");
        let share_score = b
            .exec_js_with(
                "const r = [...document.querySelectorAll('.scorecard tr.score-row')]
                   .find(r => r.querySelector('.name').innerText === arguments[0]);
                 return r.querySelectorAll('td')[4].innerText;",
                vec![serde_json::json!(name)],
            )
            .await;
        let share_score = share_score.as_str().unwrap().to_string();
        assert!(
            share_score.parse::<f64>().is_ok(),
            "sales share scored, not blank: {share_score:?}"
        );
        assert_eq!(
            rows.iter().filter(|r| r.contains(row_note)).count(),
            1,
            "only the distributor without volumes: {rows:?}"
        );
        b.exec_js("document.querySelector('#score-no-volume').scrollIntoView();")
            .await;
        b.screenshot(artifacts_dir().join(format!(
            "screens/method-scorecard-no-volume-{browser_lang}-{width}.png"
        )))
        .await;
        // Amount for everyone: the warning and the row note go.
        b.exec_js(
            "const s = document.querySelector('#score-basis'); s.value = 'amount';
             s.dispatchEvent(new Event('change', {bubbles: true}));",
        )
        .await;
        b.wait_gone("#score-no-volume").await;
        assert!(
            !b.text_of(".scorecard").await.contains(row_note),
            "no row note once amount is chosen"
        );
    }
}
