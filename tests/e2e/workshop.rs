//! The workshop room: two languages, presentation mode, undo and redo, the printed plan.

use super::support::{Browser, Key, artifacts_dir};

const READY: &str = r#"body[data-ready="1"]"#;

async fn open(lang: &str, path: &str) -> Browser {
    Browser::options().lang(lang).open(path).await
}

fn shot(name: &str) -> std::path::PathBuf {
    artifacts_dir().join("screens").join(name)
}

#[tokio::test]
async fn the_browser_language_picks_chinese_or_english_tier_names() {
    let zh = open("zh-CN", "/#/tiers").await;
    let board = zh
        .wait_for_text("#tier-board", "大本营")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        board.contains("根据地") && board.contains("运动区域") && board.contains("游击区域"),
        "{board}"
    );
    let en = open("en-US", "/#/tiers").await;
    let board = en
        .wait_for_text("#tier-board", "Base camp")
        .await
        .text()
        .await
        .unwrap();
    assert!(board.contains("Stronghold"), "{board}");
}

#[tokio::test]
async fn switching_language_changes_every_label_and_is_remembered() {
    let b = open("en-US", "/#/breakdown").await;
    let labels = "return Array.from(document.querySelectorAll('.tabs button, .topbar button, .topbar .file-button, .scenario-bar button, #breakdown-table thead th, .measure-label'), e => e.innerText.trim()).filter(s => s);";
    let before: Vec<String> = serde_json::from_value(b.exec_js(labels).await).unwrap();
    b.click("#switch-language").await;
    b.wait_for_text(".tabs", "目标分解").await;
    let after: Vec<String> = serde_json::from_value(b.exec_js(labels).await).unwrap();
    assert_eq!(before.len(), after.len(), "{before:?} / {after:?}");
    let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for (en, zh) in before.iter().zip(&after) {
        // Arrows, "JSON" and the language switch's own name may stay; words must change.
        if en.chars().any(|c| c.is_ascii_alphabetic()) && en != "中文" {
            assert!(cjk(zh), "label {en:?} became {zh:?}");
        }
    }
    b.reload().await;
    b.wait_for(READY).await;
    b.wait_for_text(".tabs", "目标分解").await;
    b.screenshot(shot("breakdown-zh.png")).await;
}

#[tokio::test]
async fn presentation_mode_opens_and_steps_with_the_keyboard() {
    for lang in ["en-US", "zh-CN"] {
        let b = open(lang, "/#/territory").await;
        b.click(".tree-row.region").await;
        b.press("p").await;
        b.wait_for("#presentation").await;
        // The title, the tier board, targets by region, the 8 regions, the monthly plan and the
        // comparison.
        b.wait_for_text("#presentation .slide-count", "1 / 13")
            .await;
        b.screenshot(shot(&format!("present-1-{lang}.png"))).await;
        let mut at = 1;
        for (n, expect) in [
            (2, "slide-tiers"),
            (3, "<svg"),
            (4, "sub-card"),
            (12, "month-col"),
            (13, "compare-table"),
        ] {
            while at < n {
                at += 1;
                b.press(&Key::Right).await;
                b.wait_for_text("#presentation .slide-count", &format!("{at} / 13"))
                    .await;
            }
            let html = b
                .exec_js("return document.querySelector('#presentation').innerHTML;")
                .await;
            assert!(
                html.as_str().unwrap().contains(expect),
                "slide {n} shows {expect}"
            );
            b.screenshot(shot(&format!("present-{n}-{lang}.png"))).await;
        }
        b.press(&Key::Left).await;
        b.wait_for_text("#presentation .slide-count", "12 / 13")
            .await;
        b.press(&Key::Escape).await;
        b.wait_gone("#presentation").await;
    }
}

#[tokio::test]
async fn an_edit_made_outside_presentation_shows_in_it() {
    let b = open("en-US", "/#/territory").await;
    b.click_text(".tree-row", "Changsha").await;
    b.type_into("#detail-name", "Greater Changsha").await;
    b.press(&Key::Enter).await;
    b.wait_for_text(".tree-row.selected", "Greater Changsha")
        .await;
    b.click("#present").await;
    // Targets by region, after the title and the tier board.
    b.wait_for_text("#presentation .slide-count", "1 / ").await;
    b.press(&Key::Right).await;
    b.press(&Key::Right).await;
    b.wait_for_text("#presentation .slide-count", "3 / ").await;
    b.wait_for_text("#presentation", "Greater Changsha").await;
}

#[tokio::test]
async fn undo_restores_the_value_before_an_edit_and_redo_reapplies_it() {
    let b = open("en-US", "/#/territory").await;
    b.click_text(".tree-row", "Zhuzhou").await;
    b.type_into("#region-share", "50").await;
    b.press(&Key::Enter).await;
    b.wait_until("document.querySelector('#region-share').value === '50'")
        .await;
    b.click("#undo").await;
    b.wait_until("document.querySelector('#region-share').value === '47.2'")
        .await;
    b.click("#redo").await;
    b.wait_until("document.querySelector('#region-share').value === '50'")
        .await;
    // And from the keyboard, outside a field.
    b.click(".tree-row.selected").await;
    b.press(&(Key::Control + "z")).await;
    b.wait_until("document.querySelector('#region-share').value === '47.2'")
        .await;
    b.press(&(Key::Control + &(Key::Shift + "z"))).await;
    b.wait_until("document.querySelector('#region-share').value === '50'")
        .await;
}

#[tokio::test]
async fn the_printed_plan_holds_every_region_and_salesperson() {
    for lang in ["en-US", "zh-CN"] {
        let b = open(lang, "/#/print").await;
        let doc = b.wait_for("#plan-doc").await.text().await.unwrap();
        let plan = region_planner::core::sample::sample_plan(if lang == "zh-CN" {
            region_planner::core::lang::Lang::Zh
        } else {
            region_planner::core::lang::Lang::En
        });
        for r in &plan.regions {
            assert!(doc.contains(&r.name), "{lang}: region {} missing", r.name);
            for d in &r.subdistricts {
                for p in &d.salespeople {
                    assert!(
                        doc.contains(&p.name),
                        "{lang}: salesperson {} missing",
                        p.name
                    );
                }
            }
        }
        b.screenshot(shot(&format!("print-{lang}.png"))).await;
    }
}

#[tokio::test]
async fn a_written_section_appears_in_the_document() {
    let b = open("en-US", "/#/print").await;
    b.exec_js("document.querySelector('#notes-editor').open = true;")
        .await;
    b.type_into("#note-risks", "Competitor price cuts in Hengyang")
        .await;
    b.click("#plan-doc").await;
    b.wait_for_text("#plan-doc .doc-risks", "Competitor price cuts in Hengyang")
        .await;
}
