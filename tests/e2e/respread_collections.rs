//! Collections (回款) re-spread and compared: a region behind on collections is re-spread into a
//! new scenario, whose collections targets Compare shows beside the adopted scenario's — per
//! node, each scenario and the difference, as the core computes them — then adopted and undone.
//! In English here; the Chinese walk is in `respread`.

use region_planner::core::breakdown::{collections, compute};
use region_planner::core::execution::Figure;
use region_planner::core::format::read_plan;
use region_planner::core::model::Plan;
use region_planner::core::scenario::Scenario;
use region_planner::view::numbers::grouped;
use rust_decimal::Decimal;

use super::support::{Browser, Key, STORED_JS, artifacts_dir};

/// The texts of the Compare row of node `id`: each scenario's value, then the difference.
fn row_js(id: &str) -> String {
    format!(
        "[...document.querySelectorAll('#compare-table tr[data-node=' + {} + '] td')].map(c => c.textContent)",
        serde_json::to_string(&format!("\"{id}\"")).unwrap()
    )
}

/// A difference as Compare writes it: `+1,000`, `-1,000` or `0`.
fn signed(d: Decimal) -> String {
    if d > Decimal::ZERO {
        format!("+{}", grouped(d))
    } else {
        grouped(d)
    }
}

/// Waits until node `id`'s row reads `expected` (a value per scenario, then the difference).
async fn wait_row(b: &Browser, id: &str, expected: &[String]) {
    let want = serde_json::to_string(expected).unwrap();
    b.wait_until(&format!(
        "JSON.stringify({}) === {}",
        row_js(id),
        serde_json::to_string(&want).unwrap()
    ))
    .await;
}

/// On Compare, opened on the adopted scenario and `made` (a collections re-spread of
/// `region`): `hint` says the collections differ; the collections button shows them side by
/// side — the years the same (and the months hint says so), the last month's region and
/// company collections in both scenarios and the difference, as the core computes them.
/// Returns the last month's region row as seen.
pub async fn collections_side_by_side(
    b: &Browser,
    plan: &Plan,
    made: &Scenario,
    region: &str,
    hint: &str,
) -> Vec<String> {
    let adopted = plan.adopted().unwrap();
    let (before, after) = (
        compute(plan, adopted).unwrap(),
        compute(plan, made).unwrap(),
    );
    let (c0, c1) = (
        collections(adopted, &before).unwrap().unwrap(),
        collections(made, &after).unwrap().unwrap(),
    );
    let (i, j) = (before.find(region).unwrap(), after.find(region).unwrap());
    let company = before.nodes()[0].id.clone();

    b.wait_for_text(".collections-hint", hint).await;
    b.click("#compare-collections").await;
    b.wait_for("#compare-collections[aria-pressed=\"true\"]")
        .await;
    b.wait_gone(".collections-hint").await;
    // The year: collections years are kept by a re-spread.
    b.wait_for(".months-hint").await;
    assert_eq!(c0.annual(i), c1.annual(j));
    let year = grouped(c0.annual(i));
    wait_row(b, region, &[year.clone(), year, "0".into()]).await;
    let total = grouped(c0.annual(0));
    wait_row(b, &company, &[total.clone(), total, "0".into()]).await;

    // The last month carries part of the uncollected balance.
    b.exec_js(
        "const s = document.querySelector('#compare-span');
         s.value = String(s.options.length - 1);
         s.dispatchEvent(new Event('change', { bubbles: true }));",
    )
    .await;
    b.wait_gone(".months-hint").await;
    let last = before.months().len() - 1;
    let (was, now) = (c0.month_value(i, last), c1.month_value(j, last));
    assert_ne!(was, now, "the region's last month moves");
    let expected = [grouped(was), grouped(now), signed(now - was)];
    wait_row(b, region, &expected).await;
    let (was, now) = (c0.month_value(0, last), c1.month_value(0, last));
    wait_row(
        b,
        &company,
        &[grouped(was), grouped(now), signed(now - was)],
    )
    .await;
    b.wait_for(&format!(
        "#compare-table tr[data-node=\"{region}\"] td.delta.up"
    ))
    .await;
    expected.to_vec()
}

/// Presented, the comparison slide sets the re-spread scenario (on screen) against the adopted
/// one alone. Their years are the same, so it shows the collections in the first month that
/// differs and says so in a caption that starts with `figure` and says `same_year`; the region
/// moves in that month. The slide is saved as `shot`, and the presentation left.
pub async fn presented_comparison(
    b: &Browser,
    region: &str,
    slide: &str,
    (figure, same_year): (&str, &str),
    shot: &str,
) {
    b.click("#present").await;
    b.wait_for("#presentation").await;
    b.click("#slide-menu").await;
    b.click_text("#slide-list .slide-jump", slide).await;
    let caption = b
        .wait_for_text("#presentation .compare-caption", same_year)
        .await
        .text()
        .await
        .unwrap();
    assert!(caption.starts_with(figure), "{caption}");
    assert_eq!(
        b.count("#presentation .compare-table thead th").await,
        4,
        "the adopted scenario, the re-spread one and the difference"
    );
    assert!(
        !b.exists(&format!(
            "#presentation .compare-table tr[data-node=\"{region}\"] td.delta.same"
        ))
        .await,
        "the region moves in the month shown"
    );
    b.screenshot(artifacts_dir().join(shot)).await;
    b.press(&Key::Escape).await;
    b.wait_gone("#presentation").await;
}

#[tokio::test]
async fn a_region_s_uncollected_balance_is_re_spread_compared_adopted_and_undone_in_english() {
    let b = Browser::options()
        .lang("en-US")
        .window_size(1920, 1080)
        .open("/#/actuals")
        .await;
    b.click("#fill-sample").await;
    b.wait_for(".toast-text").await;
    b.click("#tab-tracking").await;
    b.wait_for(".deviations").await;
    b.click("#track-collections").await;
    b.wait_for("#track-collections[aria-pressed=\"true\"]")
        .await;
    let region_row = "const r = [...document.querySelectorAll('.deviations tr.deviation')].find(r => r.children[1].textContent === 'Region'); return r ? r.dataset.node : null;";
    b.wait_until(&format!("(() => {{ {region_row} }})() !== null"))
        .await;
    let region = b.exec_js(region_row).await.as_str().unwrap().to_string();
    b.click(&format!(
        ".deviation[data-node=\"{region}\"] button.respread-open"
    ))
    .await;
    b.wait_for("#respread-host").await;
    assert!(
        b.text_of("#respread-title")
            .await
            .contains("uncollected balance")
    );
    let name = b.value_of("#respread-name").await;
    b.set_field("#respread-reason", "slow payers, collected later")
        .await;
    b.wait_gone("#respread-host").await;
    b.wait_for_text("#respread-made", "created").await;

    let index: serde_json::Value =
        serde_json::from_str(&b.stored_index().await.expect("the index is stored")).unwrap();
    let plan_id = index["current"].as_str().unwrap().to_string();
    b.wait_stored(&plan_id, "\"measure\":\"collections\"").await;
    let plan = read_plan(&b.stored_plan(&plan_id).await.unwrap()).unwrap();
    let made = plan.scenarios.iter().find(|s| s.name == name).unwrap();
    assert_eq!(made.respreads[0].measure, Figure::Collections);

    // Compare opens on the adopted scenario and the new one; their collections side by side.
    b.click("#respread-compare").await;
    b.wait_for_text("#compare-table", &name).await;
    let row = collections_side_by_side(
        &b,
        &plan,
        made,
        &region,
        "choose “Collections target” to compare them side by side",
    )
    .await;
    let head = b.texts_of("#compare-table thead th").await;
    assert_eq!(head.len(), 4, "{head:?}");
    assert!(head[3].starts_with(&name), "{head:?}");
    assert!(row[2].starts_with('+'), "{row:?}");
    b.screenshot(artifacts_dir().join("screens/compare-collections-en-1920x1080.png"))
        .await;
    presented_comparison(
        &b,
        &region,
        "Scenarios compared",
        ("Collections target · ", "every scenario has the same year"),
        "screens/slide-compare-collections-en-1920x1080.png",
    )
    .await;
    // Back to the amount: unchanged by a collections re-spread, and the hint is back.
    b.click("#compare-amount").await;
    b.wait_for(".collections-hint").await;
    b.wait_for(&format!(
        "#compare-table tr[data-node=\"{region}\"] td.delta.same"
    ))
    .await;

    // Adopted: on collections the region is on plan to date, so it leaves the deviation list.
    b.click("#tab-breakdown").await;
    b.click("#scenario-adopt").await;
    b.wait_for("#scenario-adopted").await;
    b.click("#tab-tracking").await;
    b.click("#track-collections").await;
    b.wait_for("#track-collections[aria-pressed=\"true\"]")
        .await;
    b.wait_for(".deviations").await;
    b.wait_gone(&format!(".deviation[data-node=\"{region}\"]"))
        .await;
    // Both steps undone: the region is behind on collections again, the scenario gone.
    b.click("#undo").await;
    b.wait_for(&format!(".deviation[data-node=\"{region}\"]"))
        .await;
    b.click("#undo").await;
    b.wait_until_async_true(&format!(
        "{STORED_JS}({plan_id:?}).then(t => !!t && !t.includes('\"respreads\"'))"
    ))
    .await;
    assert!(b.js_errors().await.is_empty());
}
