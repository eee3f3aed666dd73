//! Scenarios side by side.

use super::support::Browser;

const READY: &str = r#"body[data-ready="1"]"#;

#[tokio::test]
async fn two_scenarios_side_by_side_with_differences_movers_and_tier_changes() {
    let b = Browser::options().lang("en-US").launch().await;
    b.open("/#/tiers").await;
    b.wait_for(READY).await;
    // Make the stretch scenario classify Xiangtan (41%) as contested.
    b.exec_js("const s = document.querySelector('#scenario-select'); s.selectedIndex = 1; s.dispatchEvent(new Event('change', { bubbles: true }));").await;
    b.wait_for("#scenario-adopt").await;
    b.exec_js("document.querySelector('#thresholds').open = true;")
        .await;
    b.type_into("#threshold-stronghold", "45").await;
    b.press(&super::support::Key::Enter).await;
    b.wait_for_text(".tier-col-contested", "Xiangtan").await;

    b.click("#tab-compare").await;
    let table = b
        .wait_for_text("#compare-table", "Stretch")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        table.contains("Baseline") && table.contains("+12,000,000"),
        "{table}"
    );
    assert!(
        table.contains("⇄ Stronghold → Contested"),
        "the tier change is marked: {table}"
    );
    assert!(b.count("#compare-table tr.mover").await >= 1);
    b.click("#compare-table tr.lvl-region button.twisty").await;
    b.wait_for_text("#compare-table", "Furong District").await;
    b.exec_js("document.querySelector('.compare-picker input[type=checkbox]:checked').click();")
        .await;
    b.wait_for_text("#compare", "Pick at least two scenarios.")
        .await;
}
