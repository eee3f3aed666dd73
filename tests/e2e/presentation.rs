//! Presentation mode in the room: slides that fill the screen at projector and full-HD sizes,
//! every kind of slide, picking slides and going straight to a region, zeros as warnings.

use region_planner::core::execution::sample_execution;
use region_planner::core::lang::Lang;
use region_planner::core::model::Plan;
use region_planner::core::sample::sample_plan;
use region_planner::core::scenario::NodeValues;
use rust_decimal::Decimal;
use serde_json::Value;

use super::support::{Browser, Key, artifacts_dir, open_stored};

fn shot(name: &str) -> std::path::PathBuf {
    artifacts_dir().join("screens").join(name)
}

/// The repository's `docs/` folder, where the screenshots of the presentation are kept.
fn docs(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs")
        .join(name)
}

/// A browser of `lang` whose screen is `width` × `height` with `plan` (or the sample) open in
/// presentation mode, on its first slide.
async fn presenting(lang: &str, (width, height): (u32, u32), plan: Option<&Plan>) -> Browser {
    let b = Browser::options()
        .lang(lang)
        .window_size(width, height)
        .launch()
        .await;
    // The page is the whole screen, as a full-screen presentation on a projector is (a headless
    // window keeps a frame).
    b.cdp(
        "Emulation.setDeviceMetricsOverride",
        serde_json::json!({
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false,
            "screenWidth": width, "screenHeight": height,
        }),
    )
    .await;
    match plan {
        Some(plan) => open_stored(&b, plan, "/#/territory").await,
        None => {
            b.open("/#/territory").await;
            b.wait_for(r#"body[data-ready="1"]"#).await;
        }
    }
    b.click("#present").await;
    b.wait_for_text("#presentation .slide-count", "1 / ").await;
    b
}

/// The sample plan with three months of actuals.
fn plan_with_actuals(lang: Lang) -> Plan {
    let mut plan = sample_plan(lang);
    plan.execution = sample_execution(&plan, 3);
    plan
}

/// The smallest type on screen in the presentation, in CSS pixels as drawn (SVG text scaled
/// with its chart), with the text that has it.
async fn smallest_type(b: &Browser) -> (f64, String) {
    let found = b
        .exec_js(
            "const root = document.querySelector('#presentation');
             const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
             let least = [1e9, ''];
             while (walker.nextNode()) {
               const text = walker.currentNode.textContent.trim();
               const el = walker.currentNode.parentElement;
               if (!text || el.closest('title')) continue;
               const r = el.getBoundingClientRect();
               if (r.width === 0 || r.height === 0) continue;
               let px = parseFloat(getComputedStyle(el).fontSize);
               const svg = el.closest('text');
               if (svg) px *= svg.getScreenCTM().a;
               if (px < least[0]) least = [px, text.slice(0, 40)];
             }
             return least;",
        )
        .await;
    (
        found[0].as_f64().unwrap(),
        found[1].as_str().unwrap_or_default().to_string(),
    )
}

/// What does not fit on the slide: the slide itself taller or wider than the screen leaves it,
/// or a card or table wider than its box (text cut off or running over a border).
async fn overflowing(b: &Browser) -> Vec<String> {
    let found = b
        .exec_js(
            "const out = [];
             const wrap = document.querySelector('#presentation .slide-wrap');
             if (wrap.scrollHeight > wrap.clientHeight + 1 || wrap.scrollWidth > wrap.clientWidth + 1)
               out.push(`the slide: ${wrap.scrollWidth}×${wrap.scrollHeight} in ${wrap.clientWidth}×${wrap.clientHeight}`);
             for (const el of document.querySelectorAll('#presentation .sub-card, #presentation table')) {
               if (el.scrollWidth > el.clientWidth + 1)
                 out.push(`${el.className} ${el.textContent.trim().slice(0, 30)}: ${el.scrollWidth} in ${el.clientWidth}`);
             }
             return out;",
        )
        .await;
    serde_json::from_value(found).unwrap()
}

/// How much of the window the slide's chart (or else its body) covers: (width, height) as
/// fractions of the window's.
async fn coverage(b: &Browser) -> (f64, f64) {
    let found = b
        .exec_js(
            "const svg = document.querySelector('#presentation .slide-body > svg.chart');
             let w, h;
             if (svg) {
               const vb = svg.viewBox.baseVal, m = svg.getScreenCTM();
               w = vb.width * m.a; h = vb.height * m.d;
             } else {
               const r = document.querySelector('#presentation .slide-body').getBoundingClientRect();
               w = r.width; h = r.height;
             }
             return [w / innerWidth, h / innerHeight];",
        )
        .await;
    (found[0].as_f64().unwrap(), found[1].as_f64().unwrap())
}

/// The kind of the slide on screen (`kind-region`) and its place (`3 / 15`).
async fn on_screen(b: &Browser) -> (String, String) {
    let kind = b
        .exec_js(
            "const s = document.querySelector('#presentation .slide');
             return Array.from(s.classList).find(c => c.startsWith('kind-'));",
        )
        .await;
    (
        kind.as_str().unwrap_or_default().to_string(),
        b.text_of("#presentation .slide-count").await,
    )
}

/// Waits until the slide on screen is number `place` of `of` shown.
async fn at_slide(b: &Browser, place: usize, of: usize) {
    b.wait_until(&format!(
        "document.querySelector('#presentation .slide-count')?.textContent === '{place} / {of}'"
    ))
    .await;
}

/// Steps to the next slide, number `place` of `of`.
async fn next(b: &Browser, place: usize, of: usize) {
    b.press(&Key::Right).await;
    at_slide(b, place, of).await;
}

#[tokio::test]
async fn slides_fill_the_screen_at_projector_and_full_hd_sizes() {
    // The smallest type allowed at each size: the footer's hint is the smallest text.
    for (lang, l, (size, least)) in [
        ("zh-CN", Lang::Zh, ((1280, 720), 16.0)),
        ("zh-CN", Lang::Zh, ((1920, 1080), 24.0)),
        ("en-US", Lang::En, ((1280, 720), 16.0)),
        ("en-US", Lang::En, ((1920, 1080), 24.0)),
    ] {
        let b = presenting(lang, size, Some(&plan_with_actuals(l))).await;
        let total: usize = b
            .text_of("#presentation .slide-count")
            .await
            .rsplit(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        for place in 1..=total {
            if place > 1 {
                next(&b, place, total).await;
            }
            let (kind, _) = on_screen(&b).await;
            b.screenshot(shot(&format!("slide-{place}-{}-{lang}.png", size.0)))
                .await;
            let (px, text) = smallest_type(&b).await;
            assert!(
                px >= least,
                "{lang} {size:?} {kind}: {text:?} is drawn at {px:.1} px (at least {least})"
            );
            let cut = overflowing(&b).await;
            assert!(cut.is_empty(), "{lang} {size:?} {kind}: {cut:?}");
            if ["kind-regions", "kind-monthly"].contains(&kind.as_str()) {
                let (w, h) = coverage(&b).await;
                assert!(
                    w >= 0.85 || h >= 0.6,
                    "{size:?} {kind}: the chart covers {w:.2} of the width and {h:.2} of the height"
                );
            }
        }
    }
}

#[tokio::test]
async fn the_presentation_is_screenshot_for_the_docs_in_both_languages() {
    for (lang, file) in [
        ("zh-CN", "presentation-zh.png"),
        ("en-US", "presentation-en.png"),
    ] {
        let b = presenting(lang, (1920, 1080), None).await;
        // Targets by region: the slide a room looks at longest.
        next(&b, 2, 13).await;
        next(&b, 3, 13).await;
        let (kind, _) = on_screen(&b).await;
        assert_eq!(kind, "kind-regions");
        let (px, text) = smallest_type(&b).await;
        assert!(px >= 24.0, "{lang}: {text:?} at {px:.1} px");
        let size = b.exec_js("return [innerWidth, innerHeight];").await;
        assert_eq!(
            size,
            serde_json::json!([1920, 1080]),
            "{lang}: the screen of a projector"
        );
        b.screenshot(docs(file)).await;
    }
}

#[tokio::test]
async fn every_slide_fills_a_4k_screen_too() {
    let plan = plan_with_actuals(Lang::En);
    let b = presenting("en-US", (3840, 2160), Some(&plan)).await;
    let total = 3 + plan.regions.len() + 4;
    for place in 1..=total {
        if place > 1 {
            next(&b, place, total).await;
        }
        let (kind, _) = on_screen(&b).await;
        let (px, text) = smallest_type(&b).await;
        assert!(px >= 48.0, "{kind} at 4K: {text:?} at {px:.1} px");
        let cut = overflowing(&b).await;
        assert!(cut.is_empty(), "{kind} at 4K: {cut:?}");
        if ["kind-regions", "kind-monthly"].contains(&kind.as_str()) {
            let (w, h) = coverage(&b).await;
            assert!(w >= 0.85 || h >= 0.6, "{kind} at 4K: {w:.2} × {h:.2}");
        }
        if ["kind-title", "kind-regions", "kind-leaderboard"].contains(&kind.as_str()) {
            b.screenshot(shot(&format!("slide-{place}-4k-en.png")))
                .await;
        }
    }
}

#[tokio::test]
async fn every_kind_of_slide_shows_in_workshop_order() {
    let plan = plan_with_actuals(Lang::En);
    let b = presenting("en-US", (1280, 720), Some(&plan)).await;
    let regions = plan.regions.len();
    let total = 3 + regions + 4;
    let mut kinds = Vec::new();
    for place in 1..=total {
        if place > 1 {
            next(&b, place, total).await;
        }
        let (kind, count) = on_screen(&b).await;
        assert_eq!(count, format!("{place} / {total}"));
        kinds.push(kind);
    }
    let mut expected = vec!["kind-title", "kind-tiers", "kind-regions"];
    expected.extend(std::iter::repeat_n("kind-region", regions));
    expected.extend([
        "kind-monthly",
        "kind-compare",
        "kind-completion",
        "kind-leaderboard",
    ]);
    assert_eq!(kinds, expected);
    // The last slide stays on →; ← goes back.
    b.press(&Key::Right).await;
    at_slide(&b, total, total).await;
    assert!(b.exists("#presentation .leaderboard tr.podium-1").await);
    b.press(&Key::Left).await;
    at_slide(&b, total - 1, total).await;
    b.wait_for_text("#presentation .completion-table", &plan.regions[0].name)
        .await;
    b.press(&Key::Home).await;
    at_slide(&b, 1, total).await;
    let title = b.text_of("#presentation .title-slide").await;
    assert!(
        title.contains("118,000,000") && title.contains(&plan.company),
        "{title}"
    );
    b.press(&Key::Escape).await;
    b.wait_gone("#presentation").await;
}

#[tokio::test]
async fn the_manager_picks_the_slides_and_jumps_to_a_region() {
    let plan = sample_plan(Lang::Zh);
    let b = presenting("zh-CN", (1280, 720), Some(&plan)).await;
    let total = 3 + plan.regions.len() + 2;
    at_slide(&b, 1, total).await;
    b.click("#slide-menu").await;
    b.wait_for("#slide-list").await;
    b.screenshot(shot("slide-list-zh.png")).await;
    let titles = b.texts_of("#slide-list .slide-jump").await;
    assert_eq!(titles.len(), total, "{titles:?}");
    assert_eq!(titles[1], "区域类型");
    // The region left at zero (怀化) is marked before the room sees it.
    let marked = b.texts_of("#slide-list .slide-jump:has(.zero-mark)").await;
    assert_eq!(marked.len(), 1, "{marked:?}");
    assert!(marked[0].contains(&plan.regions[7].name), "{marked:?}");
    // The tier board and the comparison are left out of this workshop.
    let untick = |i: usize| format!("#slide-list li:nth-child({i}) .slide-show");
    b.click(&untick(2)).await;
    b.click(&untick(total)).await;
    at_slide(&b, 1, total - 2).await;
    // Going to a region closes the list and shows that region's people and their numbers.
    let region = &plan.regions[3];
    b.click_text("#slide-list .slide-jump", &region.name).await;
    b.wait_gone("#slide-list").await;
    let place = 3 + 3; // title, regions, then the fourth region (the tier board is hidden)
    at_slide(&b, place, total - 2).await;
    let slide = b.text_of("#presentation .slide").await;
    assert!(slide.contains(&region.name), "{slide}");
    for person in region.subdistricts.iter().flat_map(|d| &d.salespeople) {
        assert!(
            slide.contains(&person.name),
            "{} missing: {slide}",
            person.name
        );
    }
    // Stepping skips what is hidden: → from the title goes to the regions, not the tier board.
    b.press(&Key::Home).await;
    next(&b, 2, total - 2).await;
    assert_eq!(on_screen(&b).await.0, "kind-regions");
    b.press(&Key::End).await;
    at_slide(&b, total - 2, total - 2).await;
    assert_eq!(
        on_screen(&b).await.0,
        "kind-monthly",
        "the comparison is hidden"
    );
    // A hidden slide comes back when the manager goes to it.
    b.click("#slide-menu").await;
    b.click_text("#slide-list .slide-jump", "区域类型").await;
    at_slide(&b, 2, total - 1).await;
    assert_eq!(on_screen(&b).await.0, "kind-tiers");
}

#[tokio::test]
async fn a_zero_target_is_a_warning_on_the_slides_not_an_empty_bar() {
    let mut plan = sample_plan(Lang::En);
    let region = plan.regions[2].clone();
    let adopted = plan.adopted_scenario.clone();
    let s = plan.scenarios.iter_mut().find(|s| s.id == adopted).unwrap();
    s.locks.insert(
        region.id.clone(),
        NodeValues {
            amount: Some(Decimal::ZERO),
            quantity: None,
        },
    );
    let b = presenting("en-US", (1920, 1080), Some(&plan)).await;
    let total = 3 + plan.regions.len() + 2;
    next(&b, 2, total).await;
    // The tier board: Huaihua has no market share.
    let warned = b.texts_of("#presentation .slide-tier li.warn").await;
    assert_eq!(warned, ["Huaihua ⚠ 0%"]);
    next(&b, 3, total).await;
    let warned: Value = b
        .exec_js(
            "return Array.from(document.querySelectorAll('#presentation text.bar-value.warn'), t => t.textContent);",
        )
        .await;
    let warned: Vec<String> = serde_json::from_value(warned).unwrap();
    assert!(
        warned.iter().any(|t| t.starts_with("⚠ 0 — no target")),
        "{warned:?}"
    );
    assert!(
        b.exists("#presentation rect.bar-warn").await,
        "the empty track is outlined"
    );
    b.screenshot(shot("slide-zero-en.png")).await;
    // The region's own slide says so, and marks each of its people.
    b.click("#slide-menu").await;
    b.click_text("#slide-list .slide-jump", &region.name).await;
    b.wait_for_text("#presentation .slide-warn", "0 — no target")
        .await;
    let people: usize = region
        .subdistricts
        .iter()
        .map(|d| d.salespeople.len())
        .sum();
    assert_eq!(b.count("#presentation .people tr.warn").await, people);
    // The comparison marks both regions left at zero in the adopted scenario.
    b.press(&Key::End).await;
    at_slide(&b, total, total).await;
    b.wait_for("#presentation .compare-table").await;
    let warned = b
        .texts_of("#presentation .compare-table tr.warn .row-name")
        .await;
    assert_eq!(warned, [region.name.as_str(), "Huaihua"]);
    assert_eq!(
        b.count("#presentation .compare-table tr.warn .zero-mark")
            .await,
        2
    );
    b.screenshot(shot("slide-compare-zero-en.png")).await;
}
