//! What the room notices in a workshop: no silent zeros, numbers typed the Chinese way, messages
//! that time out and stay out of the tables, no English words in the Chinese screens.

use fantoccini::key::Key;

use super::support::{Browser, artifacts_dir, dist::dist_dir};

const READY: &str = r#"body[data-ready="1"]"#;

async fn chinese(path: &str) -> Browser {
    Browser::options().lang("zh-CN").open(path).await
}

async fn english(path: &str) -> Browser {
    Browser::options().lang("en-US").open(path).await
}

/// The year column of the breakdown row named `name`.
async fn year_of(b: &Browser, name: &str) -> String {
    b.exec_js_with(
        "for (const tr of document.querySelectorAll('#breakdown-table tr[data-node]')) {
           if (tr.querySelector('.row-name').textContent === arguments[0]) return tr.querySelector('td.year').textContent;
         } return null;",
        vec![name.into()],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

#[tokio::test]
async fn a_region_left_at_zero_is_named_with_its_people_and_one_click_gives_it_a_share() {
    let b = chinese("/#/breakdown").await;
    let banner = b
        .wait_for_text(
            "#zero-targets",
            "怀化及其 2 名业务人员的销售额和销量指标为 0",
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(banner.contains("上期没有销售"), "{banner}");
    assert_eq!(year_of(&b, "怀化").await, "0");
    // "Show" selects it: why this number says why it is 0.
    b.click("#zero-targets .zero-show").await;
    b.wait_for_text(".explain-panel", "为何为 0").await;
    b.wait_for_text(".explain-panel", "上期没有销售").await;
    // The fix: the regions split evenly, everybody gets a share.
    b.click_text("#zero-targets .zero-fix", "区域改为平均分配")
        .await;
    b.wait_gone("#zero-targets").await;
    assert_ne!(year_of(&b, "怀化").await, "0");
    // It is one step of the history, and the log says what changed.
    b.click("#undo").await;
    b.wait_for_text("#zero-targets", "怀化").await;
    b.click("#redo").await;
    b.wait_gone("#zero-targets").await;
    b.click("#tab-log").await;
    b.wait_for_text("#log-table", "历史比例 → 平均分配").await;
}

/// The text shown beside the input `css` while a number is being typed.
async fn reading_of(b: &Browser, css: &str) -> String {
    b.exec_js_with(
        "const i = document.querySelector(arguments[0]);
         const r = i && i.closest('label').querySelector('.field-reading');
         return r ? r.textContent : null;",
        vec![css.into()],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

async fn value_becomes(b: &Browser, css: &str, value: &str) {
    b.wait_until(&format!(
        "document.querySelector({}).value === {}",
        serde_json::to_string(css).unwrap(),
        serde_json::to_string(value).unwrap()
    ))
    .await;
}

#[tokio::test]
async fn amounts_typed_in_wan_yi_and_full_width_are_read_shown_back_and_kept() {
    // The territory: last period's sales of a region.
    let b = chinese("/#/territory").await;
    b.click_text(".tree-row", "长沙").await;
    let last = "#region-last-amount";
    b.type_into(last, "1.18亿").await;
    assert_eq!(
        reading_of(&b, last).await,
        "= 118,000,000",
        "shown before it is committed"
    );
    b.press(&Key::Enter).await;
    value_becomes(&b, last, "118,000,000").await;
    assert_eq!(reading_of(&b, last).await, "", "gone once committed");
    // Full-width digits and a trailing 元.
    b.type_into(last, "５０００００００元").await;
    assert_eq!(reading_of(&b, last).await, "= 50,000,000");
    b.press(&Key::Enter).await;
    value_becomes(&b, last, "50,000,000").await;
    // A share with a full-width percent sign.
    b.set_field("#region-share", "４５％").await;
    value_becomes(&b, "#region-share", "45").await;
    // What reads two ways is refused beside the field, and nothing changes.
    b.type_into(last, "1万5").await;
    assert_eq!(reading_of(&b, last).await, "");
    b.press(&Key::Enter).await;
    b.wait_for_text(".field.invalid .field-error", "有多种读法")
        .await;
    b.click("#tab-log").await;
    // New values are logged formatted like the old ones, however they were typed.
    b.wait_for_text("#log-table", "118,000,000 → 50,000,000")
        .await;
}

#[tokio::test]
async fn a_company_target_typed_in_wan_splits_down_the_breakdown() {
    let b = chinese("/#/breakdown").await;
    b.exec_js("document.querySelector('#bd-settings').open = true;")
        .await;
    let target = "#bd-amount-target";
    b.type_into(target, "5千万").await;
    assert_eq!(reading_of(&b, target).await, "= 50,000,000");
    b.press(&Key::Enter).await;
    b.wait_until(
        "Array.from(document.querySelectorAll('#breakdown-table tr.lvl-company td.year')).some(td => td.textContent === '50,000,000')",
    )
    .await;
    b.set_field(target, "１.２亿").await;
    b.wait_until(
        "Array.from(document.querySelectorAll('#breakdown-table tr.lvl-company td.year')).some(td => td.textContent === '120,000,000')",
    )
    .await;
}

#[tokio::test]
async fn an_actual_typed_in_wan_is_stored_as_the_amount() {
    use region_planner::core::lang::Lang;
    use region_planner::core::sample::sample_plan;
    let b = chinese("/#/actuals").await;
    let plan = sample_plan(Lang::Zh);
    let id = &plan.salespeople().nth(1).unwrap().id;
    let amount = format!("tr[data-person=\"{id}\"] input.figure-amount");
    b.type_into(&amount, "３.８万").await;
    b.press(&Key::Enter).await;
    value_becomes(&b, &amount, "38000").await;
    b.reload().await;
    b.wait_for(READY).await;
    b.wait_for(&amount).await;
    assert_eq!(b.value_of(&amount).await, "38000");
}

/// Whether the message overlaps any table, tree, chart or scrolled table box on the page.
async fn toast_covers_content(b: &Browser) -> bool {
    b.exec_js(
        "const t = document.querySelector('.toast').getBoundingClientRect();
         return Array.from(document.querySelectorAll('main table, main .tree, main .bd-scroll, main svg'))
           .some(e => { const r = e.getBoundingClientRect();
             return r.width > 0 && r.left < t.right && t.left < r.right && r.top < t.bottom && t.top < r.bottom; });",
    )
    .await
    .as_bool()
    .unwrap()
}

#[tokio::test]
async fn messages_sit_in_the_header_time_out_and_errors_stay_until_closed() {
    use std::time::{Duration, Instant};
    for (w, h) in [(1280, 720), (1920, 1080)] {
        let b = Browser::options()
            .lang("en-US")
            .window_size(w, h)
            .open("/#/territory")
            .await;
        b.click_text(".tree-row", "Zhao Min").await;
        b.click(".tree-row.selected .icon.danger").await;
        b.wait_for_text(".toast", "Zhao Min").await;
        let shown = Instant::now();
        assert!(
            !toast_covers_content(&b).await,
            "{w}×{h}: the message covers the page"
        );
        let in_header = b
            .exec_js(
                "const t = document.querySelector('.toast').getBoundingClientRect();
                 const h = document.querySelector('.topbar').getBoundingClientRect();
                 return t.top === 0 && t.bottom <= h.bottom + 8;",
            )
            .await;
        assert_eq!(
            in_header.as_bool(),
            Some(true),
            "{w}×{h}: the message sits in the header"
        );
        let menu_free = b
            .exec_js(
                "const t = document.querySelector('.toast').getBoundingClientRect();
                 return t.right <= document.querySelector('#plan-new').getBoundingClientRect().left;",
            )
            .await;
        assert_eq!(
            menu_free.as_bool(),
            Some(true),
            "{w}×{h}: the message leaves the plan menu (New plan … Versions…) in reach"
        );
        b.screenshot(super::support::artifacts_dir().join(format!("shots/toast-{w}.png")))
            .await;
        for route in ["breakdown", "actuals", "log"] {
            b.click(&format!("#tab-{route}")).await;
            b.wait_for("main table").await;
            if b.exists(".toast").await {
                assert!(
                    !toast_covers_content(&b).await,
                    "{route}: the message covers a table"
                );
            }
        }
        b.wait_gone(".toast").await;
        let after = shown.elapsed();
        assert!(
            after >= Duration::from_millis(5_000) && after <= Duration::from_millis(8_500),
            "the message went after {after:?}, not about 6 s"
        );
    }

    // An error stays until it is closed.
    let b = english("/#/territory").await;
    let dir = super::support::artifacts_dir().join("files");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("not-a-plan.json");
    std::fs::write(&path, "{\"format_version\": 1, \"id\": ").unwrap();
    b.wait_for("#import-file")
        .await
        .send_keys(&path.display().to_string())
        .await
        .unwrap();
    b.wait_for(".toast.error").await;
    tokio::time::sleep(Duration::from_secs(8)).await;
    assert!(b.exists(".toast.error").await, "an error stays");
    b.click(".toast .icon").await;
    b.wait_gone(".toast").await;
}

/// A long message is read whole at 1280×720: it grows over the tabs, never below the header
/// block, and covers no table; an error naming a field deep in a plan file is not cut.
#[tokio::test]
async fn a_long_message_is_read_whole_and_still_covers_nothing() {
    let b = Browser::options()
        .lang("en-US")
        .window_size(1280, 720)
        .open("/#/breakdown")
        .await;
    let mut plan = region_planner::core::sample::sample_plan(region_planner::core::lang::Lang::En);
    plan.id = "returned-copy".into();
    plan.regions[3].subdistricts[1].salespeople[1].name = "Liu\u{7}Yang".into();
    let text = region_planner::core::format::write_plan_pretty(&plan);
    let path = super::support::temp_file(
        "Hunan 2027 annual sales plan - returned by the Changsha region manager after the workshop.json",
        text,
    );
    b.wait_for("#import-file")
        .await
        .send_keys(&path.display().to_string())
        .await
        .unwrap();
    let toast = b.wait_for(".toast.error").await.text().await.unwrap();
    assert!(
        toast.contains("salespeople[1].name") && toast.contains("control character"),
        "the message names the field and the reason: {toast}"
    );
    let fits = b
        .exec_js(
            "const t = document.querySelector('.toast');
             const text = t.querySelector('.toast-text');
             const frame = document.querySelector('.frame').getBoundingClientRect();
             const r = t.getBoundingClientRect();
             t.scrollTop = 0;
             const first = text.getBoundingClientRect().top >= r.top - 1;
             t.scrollTop = t.scrollHeight;
             const last = text.getBoundingClientRect().bottom <= r.bottom + 1;
             const close = t.querySelector('.icon').getBoundingClientRect();
             t.scrollTop = 0;
             return { whole: first && last, close: close.top >= r.top - 1 && close.bottom <= r.bottom + 1,
                      lines: Math.round(text.getBoundingClientRect().height / parseFloat(getComputedStyle(text).lineHeight)),
                      within: r.bottom <= frame.bottom + 1 };",
        )
        .await;
    b.screenshot(super::support::artifacts_dir().join("shots/toast-long-1280.png"))
        .await;
    assert_eq!(
        fits["whole"].as_bool(),
        Some(true),
        "the first and the last line can be read: {fits}"
    );
    assert_eq!(
        fits["close"].as_bool(),
        Some(true),
        "✕ stays in view: {fits}"
    );
    assert_eq!(fits["within"].as_bool(), Some(true), "{fits}");
    assert!(
        fits["lines"].as_i64().unwrap() > 2,
        "a long message: {fits}"
    );
    assert!(
        !toast_covers_content(&b).await,
        "the message covers a table"
    );
}

/// ASCII words of two letters or more in the page's text, its placeholders, titles and labels
/// (plan data aside: the sample's own names are Chinese), less the few that are Chinese
/// managers' words too.
async fn english_words(b: &Browser) -> Vec<String> {
    let found = b
        .exec_js(
            "const texts = [document.body.innerText];
             for (const e of document.querySelectorAll('[placeholder],[title],[aria-label]')) {
               if (e.offsetParent === null) continue;
               for (const a of ['placeholder', 'title', 'aria-label']) if (e.getAttribute(a)) texts.push(e.getAttribute(a));
             }
             const allowed = new Set(['JSON', 'CSV', 'CNY', 'Excel', 'PDF', 'Ctrl', 'Shift', 'Enter', 'Insert', 'Delete', 'Esc', 'Tab', 'English', 'Alt', 'YYYY', 'MM', 'DD']);
             const words = new Set();
             for (const t of texts) for (const w of t.match(/[A-Za-z]{2,}/g) || []) if (!allowed.has(w)) words.add(w);
             return Array.from(words);",
        )
        .await;
    found
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn the_chinese_screens_have_no_english_words_on_any_route() {
    let b = chinese("/#/actuals").await;
    b.click("#fill-sample").await;
    b.wait_for_text(".toast-text", "已填入示例执行数据").await;
    let mut found = Vec::new();
    for route in [
        "territory",
        "tiers",
        "breakdown",
        "compare",
        "print",
        "log",
        "actuals",
        "tracking",
        "competition",
        "customers",
        "scorecard",
        "expenses",
    ] {
        b.click(&format!("#tab-{route}")).await;
        b.wait_for("main").await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        b.screenshot(super::support::artifacts_dir().join(format!("shots/zh-{route}.png")))
            .await;
        let words = english_words(&b).await;
        if !words.is_empty() {
            found.push(format!("{route}: {words:?}"));
        }
    }
    assert!(
        found.is_empty(),
        "English words in the Chinese screens:\n{}",
        found.join("\n")
    );
}

/// The texts of the change log's rows, newest first.
async fn log_rows(b: &Browser) -> Vec<String> {
    b.click("#tab-log").await;
    b.wait_for("#log-table").await;
    b.texts_of("#log-table tbody tr").await
}

#[tokio::test]
async fn people_added_one_after_another_log_one_line_each_and_the_plus_stays_on_the_parent() {
    let b = english("/").await;
    // The hint names the button, not only a key many laptops lack.
    let hint = b.text_of("#tree-add-hint").await;
    assert!(hint.contains("“+”"), "{hint}");
    b.click_text(".tree-row", "Changsha").await;
    b.press(&Key::Right).await;
    b.click_text(".tree-row", "Furong District").await;
    b.click(".tree-row.selected .icon.add").await;
    b.set_field("#detail-name", "Peng Li").await;
    b.wait_for_text(".tree-row.selected", "Peng Li").await;
    // While the new one is named, the "+" stays shown on its parent: the next is one click away.
    b.wait_for_text(".tree-row.adding-into", "Furong District")
        .await;
    let visible = b
        .exec_js(
            "return getComputedStyle(document.querySelector('.tree-row.adding-into .row-tools')).visibility;",
        )
        .await;
    assert_eq!(visible.as_str(), Some("visible"));
    b.click(".tree-row.adding-into .icon.add").await;
    b.set_field("#detail-name", "Xu Ming").await;
    b.wait_for_text(".tree-row.selected", "Xu Ming").await;
    let tree = b.text_of(".tree").await;
    assert!(
        tree.contains("Peng Li") && tree.contains("Xu Ming"),
        "{tree}"
    );
    // One line per person added, under the name given.
    let rows = log_rows(&b).await;
    let added: Vec<&String> = rows.iter().filter(|r| r.contains("Added")).collect();
    assert_eq!(added.len(), 2, "{rows:#?}");
    assert!(added[0].contains("Added “Xu Ming”"), "{rows:#?}");
    assert!(added[1].contains("Added “Peng Li”"), "{rows:#?}");
    assert!(
        !rows.iter().any(|r| r.contains("New salesperson")),
        "{rows:#?}"
    );
    // One undo takes back the second person, named and all.
    b.click("#undo").await;
    b.click("#tab-territory").await;
    b.wait_for_text(".tree", "Peng Li").await;
    assert!(!b.text_of(".tree").await.contains("Xu Ming"));
}

#[tokio::test]
async fn the_change_log_records_the_tier_change_itself() {
    let b = english("/#/tiers").await;
    let select = "#tier-board .tier-col-guerrilla .tier-region select";
    b.wait_for(select).await;
    b.exec_js_with(
        "const s = document.querySelector(arguments[0]); s.value = 'contested'; s.dispatchEvent(new Event('change', { bubbles: true }));",
        vec![select.into()],
    )
    .await;
    b.set_field(
        ".tier-col-guerrilla .tier-region input[type=text]",
        "Dealer network signed in March",
    )
    .await;
    b.wait_for_text(".tier-col-contested", "Dealer network signed in March")
        .await;
    let rows = log_rows(&b).await;
    assert!(
        rows[0].contains(
            "Zhangjiajie · Tier: By rule (Guerrilla) → Contested (Dealer network signed in March)"
        ),
        "{rows:#?}"
    );
}

#[tokio::test]
async fn the_six_factors_show_their_scale() {
    let b = chinese("/").await;
    b.click_text(".tree-row", "长沙").await;
    b.press(&Key::Right).await;
    b.click_text(".tree-row", "芙蓉区").await;
    assert_eq!(
        b.text_of("#factor-scale-admin_division").await,
        "评分 1–5：1 = 乡镇，5 = 省会城区"
    );
    assert_eq!(b.text_of("#factor-scale-population").await, "万人");
    assert_eq!(b.count(".factors .factor-scale").await, 6);
    assert!(b.text_of(".factors-note").await.contains("同一标尺"));
    // Every score shown is on that scale, and a score off it is refused beside its field.
    for f in [
        "admin_division",
        "consumption",
        "transport",
        "policy_investment",
    ] {
        let score: f64 = b.value_of(&format!("#factor-{f}")).await.parse().unwrap();
        assert!((1.0..=5.0).contains(&score), "{f}: {score}");
    }
    let kept = b.value_of("#factor-transport").await;
    b.set_field("#factor-transport", "8").await;
    b.wait_for_text(".field-error", "评分须在 1 到 5 之间")
        .await;
    b.set_field("#factor-population", "１２０").await;
    b.reload().await;
    b.wait_for(READY).await;
    b.click_text(".tree-row", "芙蓉区").await;
    assert_eq!(b.value_of("#factor-transport").await, kept);
    assert_eq!(b.value_of("#factor-population").await, "120");
}

#[tokio::test]
async fn the_first_open_labels_the_sample_and_a_new_plan_starts_empty_under_its_company() {
    let b = chinese("/").await;
    let note = b.text_of("#sample-note").await;
    assert!(note.contains("这是示例计划"), "{note}");
    assert!(note.contains("从这里开始"), "{note}");
    b.click("#sample-new-plan").await;
    // The company is asked for, not taken from the sample.
    assert_eq!(b.value_of("#new-plan-company").await, "");
    b.type_into("#new-plan-company", "春风饮料").await;
    b.click("#new-plan-create").await;
    b.wait_gone("#sample-note").await;
    b.wait_for_text(".tree", "春风饮料").await;
    assert_eq!(b.count(".tree-row.region").await, 0);
    assert_eq!(b.value_of("#plan-company").await, "春风饮料");
}

/// The breakdown's Excel table of the level at `index` in the select (0 regions, 1
/// sub-districts, 2 salespeople): its file name and its lines, the byte-order mark checked.
async fn excel_table(b: &Browser, index: usize, n: usize) -> (String, Vec<String>) {
    b.exec_js_with(
        "const s = document.querySelector('#people-table-level');
         s.value = String(arguments[0]);
         s.dispatchEvent(new Event('change', { bubbles: true }));",
        vec![index.into()],
    )
    .await;
    b.click("#people-table").await;
    let name = b.downloaded_name(n).await;
    let text = b.downloaded(n).await;
    assert!(
        b.downloaded_with_bom(n).await,
        "{name} has no byte-order mark for Excel"
    );
    (name, text.lines().map(str::to_string).collect())
}

#[tokio::test]
async fn the_excel_table_is_a_file_per_level_names_down_months_across_and_totals() {
    let b = chinese("/#/breakdown").await;
    b.wait_for("#breakdown-table").await;
    b.capture_downloads().await;
    // Salespeople unless another level is chosen.
    assert_eq!(b.value_of("#people-table-level").await, "2");
    let mut totals = Vec::new();
    for (index, (level, header)) in [
        ("区域", "区域,2027-01,"),
        ("分区", "区域,分区,2027-01,"),
        ("业务人员", "区域,分区,业务人员,2027-01,"),
    ]
    .into_iter()
    .enumerate()
    {
        let (name, lines) = excel_table(&b, index, index).await;
        assert!(
            name.ends_with(&format!("指标分解表 - {level} - 销售额目标.csv")),
            "{name}"
        );
        assert!(lines[0].starts_with(header), "{level}: {}", lines[0]);
        assert!(lines[0].ends_with(",全期"), "{level}: {}", lines[0]);
        let total = lines.last().unwrap();
        assert!(total.starts_with("合计,"), "{level}: {total}");
        totals.push(total.rsplit(',').next().unwrap().to_string());
    }
    // Every level adds up to the same company total.
    assert_eq!(totals[0], totals[1]);
    assert_eq!(totals[0], totals[2]);
    let (_, people) = excel_table(&b, 2, 3).await;
    assert!(people.iter().any(|l| l.contains(",王伟,")), "{people:?}");
}

#[tokio::test]
async fn the_english_excel_table_is_named_in_english_in_the_measure_on_screen() {
    let b = english("/#/breakdown").await;
    b.wait_for("#breakdown-table").await;
    b.click("#measure-quantity").await;
    b.capture_downloads().await;
    let (name, lines) = excel_table(&b, 0, 0).await;
    assert!(
        name.ends_with("Targets by person - Region - Quantity target.csv"),
        "{name}"
    );
    assert!(lines[0].starts_with("Region,2027-01,"), "{}", lines[0]);
    assert!(lines.last().unwrap().starts_with("Total,"), "{lines:?}");
}

#[tokio::test]
async fn a_share_link_made_from_the_offline_file_says_where_it_opens() {
    let out = artifacts_dir().join("region-planner-share.html");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_planner"))
        .args(["bundle"])
        .arg(dist_dir())
        .arg(&out)
        .status()
        .expect("planner bundle runs");
    assert!(status.success(), "planner bundle failed");
    let b = Browser::options().lang("en-US").launch().await;
    b.client()
        .goto(&format!("file://{}", out.display()))
        .await
        .unwrap();
    b.wait_for(READY).await;
    b.click("#share-link").await;
    let warning = b.text_of("#share-offline").await;
    assert!(warning.contains("opens only here"), "{warning}");
    assert!(
        b.exists("#share-offline-file").await,
        "the plan file is offered"
    );
}

#[tokio::test]
async fn the_share_link_of_the_hosted_app_has_no_offline_warning() {
    let b = english("/").await;
    b.click("#share-link").await;
    b.wait_for("#share-url").await;
    assert!(!b.exists("#share-offline").await);
}

#[tokio::test]
async fn the_tabs_stay_on_screen_under_the_header_when_a_long_page_is_scrolled() {
    for (w, h) in [(1280, 720), (1920, 1080)] {
        let b = Browser::options()
            .lang("zh-CN")
            .window_size(w, h)
            .open("/#/actuals")
            .await;
        b.click("#fill-sample").await;
        b.wait_for_text(".toast-text", "已填入示例执行数据").await;
        for route in ["customers", "territory", "breakdown", "log"] {
            b.click(&format!("#tab-{route}")).await;
            b.wait_for("main").await;
            // Each route opens at its top, wherever the one before was scrolled to.
            let top = b
                .exec_js("return document.querySelector('main').scrollTop;")
                .await;
            assert_eq!(top.as_f64(), Some(0.0), "{w}×{h} {route}");
            b.exec_js("window.scrollTo(0, 1e9); document.querySelector('main').scrollTo(0, 1e9);")
                .await;
            // The header and the tabs are at the top, and the page scrolls below them.
            let placed = b
                .exec_js(
                    "const f = document.querySelector('.frame').getBoundingClientRect();
                     const m = document.querySelector('main').getBoundingClientRect();
                     return f.top === 0 && f.bottom <= m.top + 0.5 && m.bottom <= innerHeight + 0.5;",
                )
                .await;
            assert_eq!(placed.as_bool(), Some(true), "{w}×{h} {route}");
        }
        // A tab is clicked from the foot of a long page.
        b.click("#tab-tiers").await;
        b.wait_for("#tier-board").await;
    }
}

/// Screens of this file's features at the projector and laptop sizes in both languages, for a
/// person to look at (target/tmp/e2e/shots/room-*.png); no script error on the way.
#[tokio::test]
async fn room_screens_at_projector_and_laptop_sizes() {
    let shots = artifacts_dir().join("shots");
    for (lang, region, sub) in [
        ("zh-CN", "长沙", "芙蓉区"),
        ("en-US", "Changsha", "Furong District"),
    ] {
        for (w, h) in [(1280, 720), (1920, 1080)] {
            let b = Browser::options()
                .lang(lang)
                .window_size(w, h)
                .open("/")
                .await;
            b.wait_for("#sample-note").await;
            b.click_text(".tree-row", region).await;
            b.press(&Key::Right).await;
            b.click_text(".tree-row", sub).await;
            b.click(".tree-row.selected .icon.add").await;
            b.wait_for(".tree-row.adding-into").await;
            b.screenshot(shots.join(format!("room-territory-{lang}-{w}.png")))
                .await;
            b.click_text(".tree-row", sub).await;
            b.wait_for(".factor-scale").await;
            b.exec_js("document.querySelector('.factors').scrollIntoView();")
                .await;
            b.screenshot(shots.join(format!("room-factors-{lang}-{w}.png")))
                .await;
            b.click("#tab-breakdown").await;
            b.wait_for("#people-table").await;
            b.screenshot(shots.join(format!("room-breakdown-{lang}-{w}.png")))
                .await;
            b.click("#tab-scorecard").await;
            b.wait_for("main").await;
            assert!(b.js_errors().await.is_empty(), "{:?}", b.js_errors().await);
        }
    }
}

/// The monthly cells of the company's row, in order.
async fn company_months(b: &Browser) -> Vec<String> {
    b.exec_js(
        "const tr = document.querySelector('#breakdown-table tr.lvl-company');
         return tr ? Array.from(tr.querySelectorAll('td:not(.year)')).map(td => td.textContent) : [];",
    )
    .await
    .as_array()
    .map(|cells| {
        cells
            .iter()
            .map(|c| c.as_str().unwrap_or_default().to_string())
            .collect()
    })
    .unwrap_or_default()
}

#[tokio::test]
async fn an_even_year_splits_into_equal_months_by_largest_remainder_and_why_says_so() {
    let b = chinese("/").await;
    // A new plan, named, under its own company, with one region, one sub-district, one person.
    b.click("#plan-new").await;
    b.type_into("#new-plan-name", "均分年度").await;
    b.type_into("#new-plan-company", "春风饮料").await;
    b.click("#new-plan-create").await;
    b.wait_for_text("#plan-select", "均分年度").await;
    b.click("#add-region").await;
    b.set_field("#detail-name", "南通").await;
    b.wait_for_text(".tree-row.selected", "南通").await;
    b.click(".tree-row.selected .icon.add").await;
    b.set_field("#detail-name", "崇川区").await;
    b.wait_for_text(".tree-row.selected", "崇川区").await;
    b.click(".tree-row.selected .icon.add").await;
    b.set_field("#detail-name", "王芳").await;
    b.wait_for_text(".tree-row.selected", "王芳").await;
    // The company target typed in 万, the amount rounded to thousands.
    b.click("#tab-breakdown").await;
    b.wait_for("#breakdown-table tr.lvl-company").await;
    b.exec_js("document.querySelector('#bd-settings').open = true;")
        .await;
    b.set_field("#bd-amount-target", "5000万").await;
    value_becomes(&b, "#bd-amount-target", "50,000,000").await;
    b.exec_js(
        "const s = document.querySelector('#amount-unit'); s.value = '1000'; s.dispatchEvent(new Event('change', { bubbles: true }));",
    )
    .await;
    value_becomes(&b, "#amount-unit", "1000").await;
    // 50,000 units over twelve equal months: 4,166 each and 8 left over, one each to the
    // first eight months (equal remainders and weights: the earlier month first).
    let want: Vec<String> = (0..12)
        .map(|m| if m < 8 { "4,167,000" } else { "4,166,000" }.to_string())
        .collect();
    let mut months = Vec::new();
    for _ in 0..100 {
        months = company_months(&b).await;
        if months == want {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(months, want, "the company's months");
    // Why this number, from a month of the company's row, names equal weights and the rounding.
    b.click("#breakdown-table tr.lvl-company td:nth-of-type(3)")
        .await;
    let why = b
        .wait_for_text(
            "#explain-body",
            "每月权重相同（各占 1/12），按最大余数法取整到单位。",
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(why.contains("月度分配"), "{why}");
    let month_table = b.text_of("#explain-body .explain-months").await;
    assert!(
        month_table.contains("4,167,000") && month_table.contains("4,166,000"),
        "{month_table}"
    );
    // And in English.
    b.click("#switch-language").await;
    b.wait_for_text(
        "#explain-body",
        "Every month weighs the same (1/12 each); months are rounded to the unit by largest remainder.",
    )
    .await;
    assert_eq!(company_months(&b).await, want);
}
