//! What the room notices in a workshop: no silent zeros, numbers typed the Chinese way, messages
//! that time out and stay out of the tables, no English words in the Chinese screens.

use fantoccini::key::Key;

use super::support::Browser;

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
