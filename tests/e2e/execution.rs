//! The execution routes of the app (计划执行): actuals typed and imported, the deviation list,
//! the leaderboard, the customer archive, the distributor scorecard and expenses — and that all
//! of it is still there after a reload, in one history with the planning routes.

use std::path::Path;

use region_planner::core::breakdown::compute;
use region_planner::core::lang::Lang;
use region_planner::core::model::Plan;
use region_planner::core::sample::sample_plan;
use region_planner::core::scenario::{Level, Measure};
use rust_decimal::Decimal;

use super::support::budget::check_ms;
use super::support::{Browser, Key, STORED_JS, artifacts_dir, open_large, temp_file};

const READY: &str = r#"body[data-ready="1"]"#;

async fn open(path: &str) -> Browser {
    open_in(path, "en-US").await
}

/// At the projector's size, so the screenshots show what a workshop sees.
async fn open_in(path: &str, lang: &str) -> Browser {
    Browser::options()
        .lang(lang)
        .window_size(1280, 720)
        .open(path)
        .await
}

/// Waits until the input matching `css` shows `value` (what the person sees, not the attribute).
async fn value_becomes(b: &Browser, css: &str, value: &str) {
    b.wait_until(&format!(
        "document.querySelector({}).value === {}",
        serde_json::to_string(css).unwrap(),
        serde_json::to_string(value).unwrap()
    ))
    .await;
}

/// The amount input of a salesperson's row on the actuals route.
fn amount_input(salesperson: &str) -> String {
    format!("tr[data-person=\"{salesperson}\"] input.figure-amount")
}

/// The salespeople with actuals in the stored plan `plan_id` (none when it is not stored yet).
async fn stored_actuals(b: &Browser, plan_id: &str) -> Vec<String> {
    let Some(text) = b.stored_plan(plan_id).await else {
        return Vec::new();
    };
    let plan = region_planner::core::format::read_plan(&text).unwrap();
    plan.execution.actuals.keys().cloned().collect()
}

/// Renames the open plan from the header (a change of the planning part).
async fn rename_plan(b: &Browser, name: &str) {
    b.click("#plan-rename-button").await;
    b.type_into("#plan-rename", name).await;
    b.press(&Key::Enter).await;
    b.wait_for_text("#plan-select", name).await;
}

async fn pick_file(b: &Browser, css: &str, path: &Path) {
    b.wait_for(css)
        .await
        .send_keys(&path.display().to_string())
        .await
        .expect("the file input takes the path");
}

/// January and February actuals for every salesperson of the English sample: each on target,
/// except `slow` people at half of it. Returns the CSV and the slow people's (id, name).
fn sample_actuals(slow: usize) -> (String, Vec<(String, String)>) {
    let plan = sample_plan(Lang::En);
    let b = compute(&plan, plan.adopted().unwrap()).unwrap();
    let mut csv = String::from("salesperson_id,month,amount,quantity,collections\n");
    let mut slow_people = Vec::new();
    for (n, i) in b.at_level(Level::Salesperson).enumerate() {
        let id = &b.nodes()[i].id;
        let behind = n < slow;
        if behind {
            let name = plan.salesperson(id).unwrap().name.clone();
            slow_people.push((id.clone(), name));
        }
        for k in 0..2 {
            let month = b.months()[k];
            let mut amount = b.month_value(i, Measure::Amount, k);
            let mut quantity = b.month_value(i, Measure::Quantity, k);
            if behind {
                amount /= Decimal::TWO;
                quantity /= Decimal::TWO;
            }
            csv.push_str(&format!(
                "{id},{month},{amount},{quantity},{}\n",
                amount / Decimal::TWO
            ));
        }
    }
    (csv, slow_people)
}

fn plan_people(plan: &Plan) -> usize {
    plan.salespeople().count()
}

/// Before anything is sold everyone with a target is level: all first, no medals, not ranked
/// by name; once one person sells, that person alone is first.
#[tokio::test]
async fn before_anything_is_sold_everyone_is_level_on_the_leaderboard() {
    let b = open("/#/competition").await;
    b.wait_for(".leaderboard").await;
    let ranks = b.texts_of(".leaderboard tr.standing td.rank").await;
    let rated: Vec<&String> = ranks.iter().filter(|r| *r != "—").collect();
    assert!(rated.len() > 3, "{ranks:?}");
    assert!(rated.iter().all(|r| *r == "1"), "{ranks:?}");
    assert_eq!(
        b.count(".leaderboard tr[class*=\"podium\"]").await,
        0,
        "no medal before a sale"
    );

    // One figure typed: its salesperson leads alone, the others share second place.
    b.click("#tab-actuals").await;
    b.wait_for(".actuals tbody tr").await;
    let person = b
        .exec_js(
            "const rows = [...document.querySelectorAll('.actuals tbody tr')];
             return rows.find(r => /[1-9]/.test(r.querySelector('td.target').textContent))
               .dataset.person;",
        )
        .await;
    let row = format!(".actuals tr[data-person={person}]");
    let name = b.text_of(&format!("{row} td.name")).await;
    b.type_into(&format!("{row} input.figure-amount"), "50000")
        .await;
    b.press(&Key::Enter).await;
    b.wait_for_text(&format!("{row} td.completion"), "%").await;
    b.click("#tab-competition").await;
    b.wait_for(".leaderboard tr.podium-1").await;
    assert_eq!(b.text_of(".leaderboard tr.podium-1 td.name").await, name);
    let ranks = b.texts_of(".leaderboard tr.standing td.rank").await;
    assert_eq!(ranks[0], "1");
    let rated: Vec<&String> = ranks[1..].iter().filter(|r| *r != "—").collect();
    assert!(rated.iter().all(|r| *r == "2"), "{ranks:?}");
}

#[tokio::test]
async fn imported_actuals_show_deviations_and_the_leaderboard_and_survive_a_reload() {
    let b = open("/#/actuals").await;
    let (csv, slow) = sample_actuals(2);
    let people = plan_people(&sample_plan(Lang::En));
    let path = temp_file("actuals-jan-feb.csv", csv.as_bytes());
    pick_file(&b, "#actuals-file", &path).await;
    b.wait_for_text(
        "#actuals-preview .preview-summary",
        &format!("{} rows for {people} salespeople in 2 month(s)", people * 2),
    )
    .await;
    b.click("#import-apply").await;
    b.wait_for_text(".toast-text", "Imported").await;

    // The deviation list names the two people at half their target, and nobody else's pace.
    b.click("#tab-tracking").await;
    b.wait_for(".deviations").await;
    let listed = b.texts_of(".deviation td.name").await;
    for (_, name) in &slow {
        assert!(listed.iter().any(|n| n == name), "{name} in {listed:?}");
    }
    let (slow_id, _) = &slow[0];
    let note = format!(".deviation[data-node=\"{slow_id}\"] input[type=text]");
    b.type_into(&note, "Joint visits with the dealer in March")
        .await;
    b.press(&Key::Enter).await;
    b.click(&format!(
        ".deviation[data-node=\"{slow_id}\"] input[type=checkbox]"
    ))
    .await;

    // The leaderboard ranks everyone; the slow people come last.
    b.click("#tab-competition").await;
    b.wait_for(".leaderboard").await;
    assert_eq!(b.count(".leaderboard tr.standing").await, people);
    // Ranked by completion: everyone on target, then the two at half of it (people without a
    // target come last, unranked).
    let names = b.texts_of(".leaderboard tr.standing td.name").await;
    let rates = b.texts_of(".leaderboard tr.standing td.completion").await;
    let halves: Vec<&String> = names
        .iter()
        .zip(&rates)
        .filter(|(_, r)| *r == "50%")
        .map(|(n, _)| n)
        .collect();
    assert_eq!(halves.len(), slow.len(), "{names:?} {rates:?}");
    assert!(slow.iter().all(|(_, n)| halves.contains(&n)));
    let first_half = rates.iter().position(|r| r == "50%").unwrap();
    assert!(rates[..first_half].iter().all(|r| r == "100%"), "{rates:?}");
    b.click("#present-leaderboard").await;
    b.wait_for("#leaderboard-presentation .leaderboard").await;
    b.screenshot(artifacts_dir().join("screens/execution-leaderboard-presented.png"))
        .await;
    b.press(&Key::Escape).await;
    b.wait_gone("#leaderboard-presentation").await;

    // The app reopens on the route used last, with everything saved.
    b.reload().await;
    b.wait_for(READY).await;
    b.wait_for(".leaderboard").await;
    assert_eq!(b.count(".leaderboard tr.standing").await, people);
    b.click("#tab-tracking").await;
    b.wait_for(".deviations").await;
    assert_eq!(
        b.value_of(&note).await,
        "Joint visits with the dealer in March"
    );
    let done = b
        .exec_js_with(
            "return document.querySelector(arguments[0]).checked;",
            vec![format!(".deviation[data-node=\"{slow_id}\"] input[type=checkbox]").into()],
        )
        .await;
    assert_eq!(
        done,
        serde_json::Value::Bool(true),
        "the action stays ticked off"
    );
    b.screenshot(artifacts_dir().join("screens/execution-tracking.png"))
        .await;
}

#[tokio::test]
async fn a_broken_actuals_file_lists_every_problem_and_stores_nothing_until_skipped() {
    let b = open("/#/actuals").await;
    let plan = sample_plan(Lang::En);
    let id = &plan.salespeople().next().unwrap().id;
    let csv = format!(
        "salesperson_id,month,amount,quantity,collections\n\
         {id},2027-01,1000,2,500\n\
         nobody,2027-01,1,1,1\n\
         {id},2026-12,1,1,1\n\
         {id},2027-02,lots,1,1\n\
         {id},2027-01,9,9,9\n"
    );
    let path = temp_file("broken-actuals.csv", csv.as_bytes());
    pick_file(&b, "#actuals-file", &path).await;
    b.wait_for("#actuals-preview .problems").await;
    let problems = b.texts_of("#actuals-preview .problems li").await;
    let expected = [
        "Line 3, salesperson_id: no salesperson with id “nobody” in the plan",
        "Line 4, month: 2026-12 is outside the plan's period",
        "Line 5, amount: “lots” is not a number",
        "Line 6: repeats the salesperson and month of line 2",
    ];
    for e in expected {
        assert!(problems.iter().any(|p| p == e), "{e:?} in {problems:?}");
    }
    assert!(
        !b.exists("#import-apply").await,
        "no plain import while there are problems"
    );
    b.screenshot(artifacts_dir().join("screens/execution-import-problems.png"))
        .await;
    // Nothing was stored: the plan in storage (saved when the app opened) has no actuals.
    assert!(stored_actuals(&b, &plan.id).await.is_empty());
    assert_eq!(b.value_of(&amount_input(id)).await, "");

    // A wrong header and a file saved in another encoding are refused as a whole.
    let path = temp_file("wrong-header.csv", b"person,month,sales\nx,2027-01,1\n");
    pick_file(&b, "#actuals-file", &path).await;
    b.wait_for_text(
        "#actuals-preview .problems",
        "the header is “person,month,sales”",
    )
    .await;
    let gbk = [
        b"salesperson_id,month,amount,quantity,collections\n".as_slice(),
        &[0xd5, 0xc5, 0xc8, 0xfd, b'\n'],
    ]
    .concat();
    let path = temp_file("gbk.csv", &gbk);
    pick_file(&b, "#actuals-file", &path).await;
    b.wait_for_text("#actuals-preview .problems", "not UTF-8")
        .await;
    // Excel's "Unicode text" is UTF-16: refused the same way.
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(
            "salesperson_id,month,amount,quantity,collections\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let path = temp_file("utf16.csv", &utf16);
    pick_file(&b, "#actuals-file", &path).await;
    b.wait_for_text("#actuals-preview .preview-summary", "0 rows")
        .await;
    b.wait_for_text("#actuals-preview .problems", "not UTF-8")
        .await;
    assert!(stored_actuals(&b, &plan.id).await.is_empty());

    // Skipping the bad lines imports the one good line.
    let path = temp_file("broken-actuals-again.csv", csv.as_bytes());
    pick_file(&b, "#actuals-file", &path).await;
    b.click("#import-skip").await;
    b.wait_for_text(".toast-text", "Imported 1 rows").await;
    value_becomes(&b, &amount_input(id), "1000").await;
    b.wait_gone("#actuals-preview").await;
}

#[tokio::test]
async fn typed_actuals_are_checked_saved_and_shown_after_a_reload() {
    let b = open("/#/actuals").await;
    let plan = sample_plan(Lang::En);
    let id = &plan.salespeople().nth(1).unwrap().id;
    let amount = amount_input(id);
    b.type_into(&amount, "12x").await;
    b.press(&Key::Enter).await;
    b.wait_for(&format!("{amount}[aria-invalid=\"true\"]"))
        .await;
    b.wait_for_text(".actuals ~ .field-error", "Amount: “12x” is not a number.")
        .await;
    assert_eq!(b.value_of(&amount).await, "12x", "the refused text stays");
    assert!(stored_actuals(&b, &plan.id).await.is_empty());
    b.type_into(&amount, "380000").await;
    b.press(&Key::Enter).await;
    b.wait_gone(&format!("{amount}[aria-invalid=\"true\"]"))
        .await;
    b.wait_gone(".actuals ~ .field-error").await;
    b.reload().await;
    b.wait_for(READY).await;
    b.wait_for(&amount).await;
    assert_eq!(b.value_of(&amount).await, "380000");
}

#[tokio::test]
async fn the_customer_archive_keeps_history_visits_and_links_target_customers() {
    let b = open("/execution.html#/customers").await;
    b.type_into("#new-customer-name", "Xiangjiang Trading")
        .await;
    b.click("#add-customer").await;
    b.wait_for_text("#customer-record h3", "Xiangjiang Trading")
        .await;
    assert_eq!(
        b.value_of("#new-customer-name").await,
        "",
        "the name box empties for the next record"
    );
    b.type_into("#customer-phone", "0731-8888-1234").await;
    b.press(&Key::Enter).await;
    b.wait_for_text("#customer-record .history", "0731-8888-1234")
        .await;
    // Never visited: on the list of records not visited for 30 days.
    b.wait_for_text(".stale-list", "Xiangjiang Trading").await;
    b.click("#visit-today").await;
    b.wait_for_text("#customer-record .history", "Last visit")
        .await;
    b.wait_until("!document.querySelector('.stale-list') || !document.querySelector('.stale-list').textContent.includes('Xiangjiang Trading')").await;

    // A sub-district's named target distributor gets a record from its link.
    let before = b.count("button.create-record").await;
    assert!(before > 0, "the sample names target customers");
    b.click("button.create-record").await;
    b.wait_for("#customer-record").await;
    // (A name listed in several sub-districts links to the same record.)
    assert!(b.count("button.create-record").await < before);

    b.reload().await;
    b.wait_for(READY).await;
    b.wait_for_text(".customers", "Xiangjiang Trading").await;
    b.click_text(".customers tr", "Xiangjiang Trading").await;
    b.click_text(".customers tr.customer button", "Open").await;
    b.wait_for_text("#customer-record .history", "0731-8888-1234")
        .await;
    b.screenshot(artifacts_dir().join("screens/execution-customers.png"))
        .await;
}

#[tokio::test]
async fn the_scorecard_ranks_distributors_with_reasons_and_weights() {
    let b = open("/execution.html#/customers").await;
    for name in ["Alpha Trading", "Beta Trading"] {
        b.type_into("#new-customer-name", name).await;
        b.click("#add-customer").await;
        b.wait_for_text("#customer-record h3", name).await;
    }
    b.click("#tab-scorecard").await;
    let figures = |contract: &'static str, done: &'static str, ours: &'static str| {
        [
            ("contract_volume", contract),
            ("completed_volume", done),
            ("our_volume", ours),
            ("category_volume", "200"),
            ("our_sales", ours),
            ("category_sales", "200"),
        ]
    };
    for (name, values) in [
        ("Alpha Trading", figures("100", "95", "120")),
        ("Beta Trading", figures("100", "60", "40")),
    ] {
        b.wait_for("#score-customer").await;
        let value = b
            .exec_js_with(
                "const s = document.querySelector('#score-customer');
                 const o = [...s.options].find(o => o.textContent === arguments[0]);
                 s.value = o.value; s.dispatchEvent(new Event('change', { bubbles: true }));
                 return o.value;",
                vec![name.into()],
            )
            .await;
        assert!(value.is_string());
        b.wait_for_text(".figures h3", name).await;
        for (key, v) in values {
            b.type_into(&format!("#fig-{key}"), v).await;
        }
        b.click("#save-figures").await;
        b.wait_for_text(".scorecard", name).await;
    }
    let names = b.texts_of(".scorecard tr.score-row td.name").await;
    assert_eq!(names, ["Alpha Trading", "Beta Trading"]);
    // Each weight is shown as its real share of the composite: four measures can be scored
    // (no growth, profit or collection figures), each weighing 1 of 4.
    b.wait_for_text(".scorecard td.why", "Task completion 95% → 95 × 1/4 = 23.8")
        .await;
    // Weighing only the share of category sales still ranks Alpha first (60% against 20%).
    let composite = b.text_of(".scorecard tr.score-row td.composite").await;
    for m in [
        "completion",
        "growth",
        "profit",
        "price",
        "cross_territory",
        "collection",
    ] {
        b.type_into(&format!("#weight-{m}"), "0").await;
        b.press(&Key::Enter).await;
    }
    b.wait_for_text(".scorecard tr.score-row td.composite", "60")
        .await;
    b.wait_for_text(".scorecard td.why", "Sales share 60% → 60 × 1/1 = 60")
        .await;
    b.wait_for_text(".scorecard td.why", "Task completion 95% → 95 × 0 = 0")
        .await;
    assert_ne!(composite, "60");
    // A refused figure names the field and stores nothing.
    b.type_into("#fig-costs", "-5").await;
    b.click("#save-figures").await;
    b.wait_for_text(".figures .field-error", "Costs").await;

    // Figures imported from a file: the bad line is listed, the good one imported when the
    // bad one is skipped, and March shows the imported distributor.
    let id = b
        .exec_js(
            "const s = document.querySelector('#score-customer');
             return [...s.options].find(o => o.textContent === 'Beta Trading').value;",
        )
        .await;
    let id = id.as_str().unwrap();
    // A file from before the volume columns still imports.
    let header = region_planner::core::execution::LEGACY_SCORE_HEADER;
    let csv = format!(
        "{header}\n{id},2027-03,100,99,150,300,40,100,1000,500,50,20,0,0,30\n{id},2027-13,1,1,1,1,1,1,1,1,1,1,0,0,\n"
    );
    let path = temp_file("scorecard-march.csv", csv.as_bytes());
    pick_file(&b, "#score-file", &path).await;
    b.wait_for_text(
        "#score-preview .problems",
        "Line 3, month: “2027-13” is not a month",
    )
    .await;
    b.click("#import-skip").await;
    b.wait_for_text(".toast-text", "Imported 1 rows").await;
    b.wait_for_text(".scorecard tr.score-row", "Beta Trading")
        .await;
    assert_eq!(
        b.count(".scorecard tr.score-row").await,
        1,
        "March has Beta only"
    );
}

#[tokio::test]
async fn expenses_show_variance_and_flag_large_discounts() {
    let b = open("/execution.html#/expenses").await;
    let plan = sample_plan(Lang::En);
    let region = &plan.regions[0];
    let row = format!("tr.expense-row[data-region=\"{}\"]", region.id);
    b.type_into(&format!("{row} input"), "100000").await;
    b.press(&Key::Enter).await;
    // The sample budgets salaries too: none here, so the promotion budget alone is spent.
    b.type_into(&format!("{row} td.budget-salaries input"), "0")
        .await;
    b.press(&Key::Enter).await;
    b.type_into("#spend-amount", "120000").await;
    b.type_into("#spend-discount", "15").await;
    b.type_into("#spend-note", "Spring push").await;
    b.click("#add-spend").await;
    b.wait_for("tr.spend-row.flagged").await;
    b.wait_for_text(&format!("{row} td.over"), "-20,000").await;
    b.click("tr.spend-row.flagged input[type=checkbox]").await;
    b.wait_for_text("tr.spend-row .review", "Reviewed").await;
    // A refused amount names the field.
    b.type_into("#spend-amount", "a lot").await;
    b.click("#add-spend").await;
    b.wait_for_text(".spend-form .field-error", "Amount").await;
    b.reload().await;
    b.wait_for(READY).await;
    b.wait_for_text("tr.spend-row .review", "Reviewed").await;
    b.screenshot(artifacts_dir().join("screens/execution-expenses.png"))
        .await;
}

/// Entry hygiene: after a spend is recorded, the form forgets its amount, discount and note, so
/// the next spend never inherits the last one's discount (and is never flagged for it); the
/// date, region and channel stay for the next entry.
#[tokio::test]
async fn the_expense_form_clears_after_adding() {
    let b = open("/execution.html#/expenses").await;
    let plan = sample_plan(Lang::En);
    let second = &plan.regions[1];
    // A date picker's typing depends on the browser's locale: the date is set as a pick would.
    b.exec_js_with(
        "const s = document.querySelector('#spend-region');
         s.value = arguments[0]; s.dispatchEvent(new Event('change', { bubbles: true }));
         const d = document.querySelector('#spend-date');
         d.value = '2027-02-03'; d.dispatchEvent(new Event('input', { bubbles: true }));",
        vec![second.id.clone().into()],
    )
    .await;
    b.type_into("#spend-amount", "120000").await;
    b.type_into("#spend-discount", "15").await;
    b.type_into("#spend-note", "Spring push").await;
    b.click("#add-spend").await;
    b.wait_for("tr.spend-row.flagged").await;
    for input in ["#spend-amount", "#spend-discount", "#spend-note"] {
        value_becomes(&b, input, "").await;
    }
    assert_eq!(b.value_of("#spend-date").await, "2027-02-03");
    assert_eq!(b.value_of("#spend-region").await, second.id);
    // The cursor is back in the amount: the next spend is typed at once, Enter records it.
    b.press("3000").await;
    b.press(&Key::Enter).await;
    b.wait_until("document.querySelectorAll('tr.spend-row').length === 2")
        .await;
    let rows = b.texts_of("tr.spend-row").await;
    assert_eq!(rows.len(), 2);
    let next = rows
        .iter()
        .find(|r| r.contains("3,000"))
        .expect("the second spend is listed");
    assert!(
        !next.contains("15%") && !next.contains("Spring push"),
        "the second spend inherits nothing: {next:?}"
    );
    assert!(next.contains(&second.name), "{next:?}");
    assert_eq!(
        b.count("tr.spend-row.flagged").await,
        1,
        "only the discounted spend is flagged"
    );
    assert!(b.exists("#undo:not([disabled])").await);
}

/// Chinese typed by pinyin sends Enter to pick a candidate: that Enter never adds a record or
/// records a spend; the Enter after the composition does.
#[tokio::test]
async fn pinyin_enter_never_adds_a_record_or_a_spend() {
    const COMPOSE: &str = "const el = document.querySelector(arguments[0]);
        el.focus(); el.value = arguments[1];
        el.dispatchEvent(new InputEvent('input', { bubbles: true }));
        el.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
        el.dispatchEvent(new KeyboardEvent('keydown',
            { key: 'Enter', keyCode: 229, isComposing: true, bubbles: true, cancelable: true }));
        el.dispatchEvent(new KeyboardEvent('keydown',
            { key: 'Enter', isComposing: true, bubbles: true, cancelable: true }));
        el.dispatchEvent(new CompositionEvent('compositionend', { data: arguments[1], bubbles: true }));";
    let b = open_in("/execution.html#/customers", "zh-CN").await;
    b.wait_for("#new-customer-name").await;
    b.exec_js_with(
        COMPOSE,
        vec!["#new-customer-name".into(), "湘通商贸".into()],
    )
    .await;
    assert!(
        !b.exists("#customer-record").await,
        "no record mid-composition"
    );
    assert_eq!(b.value_of("#new-customer-name").await, "湘通商贸");
    b.press(&Key::Enter).await;
    b.wait_for_text("#customer-record h3", "湘通商贸").await;
    value_becomes(&b, "#new-customer-name", "").await;
    assert_eq!(b.count(".customers tr.customer").await, 1);

    b.click("#tab-expenses").await;
    b.type_into("#spend-amount", "5000").await;
    b.exec_js_with(COMPOSE, vec!["#spend-note".into(), "春季促销".into()])
        .await;
    assert!(!b.exists("tr.spend-row").await, "no spend mid-composition");
    b.press(&Key::Enter).await;
    b.wait_for_text("tr.spend-row", "春季促销").await;
    value_becomes(&b, "#spend-note", "").await;
}

/// Ids are values, never text to split: a region and a sub-district whose ids hold separators,
/// quotes, backslashes and a right-to-left mark get the budget and the record typed for them.
#[tokio::test]
async fn awkward_ids_reach_their_budget_and_record() {
    let mut plan = sample_plan(Lang::En);
    // Only the budget typed below: the sample's own are left out.
    plan.execution.budgets.clear();
    let (region, sub) = ("长沙|\"r\"\\1".to_string(), "d|'\u{202e}1".to_string());
    plan.regions[0].id = region.clone();
    plan.regions[0].subdistricts[0].id = sub.clone();
    let b = open("/").await;
    b.wait_for(READY).await;
    b.exec_js_with(
        "localStorage.clear(); localStorage.setItem('region-planner/plan/' + arguments[0], arguments[1]);",
        vec![
            plan.id.clone().into(),
            region_planner::core::format::write_plan(&plan).into(),
        ],
    )
    .await;
    b.open("/#/expenses").await;
    b.reload().await;
    b.wait_for(READY).await;
    b.wait_for("tr.expense-row input").await;
    let found = b
        .exec_js_with(
            "const row = [...document.querySelectorAll('tr.expense-row')]
                 .find(r => r.dataset.region === arguments[0]);
             if (!row) return false;
             const input = row.querySelector('input'); input.focus(); input.select();
             return true;",
            vec![region.clone().into()],
        )
        .await;
    assert_eq!(found, serde_json::Value::Bool(true), "the region's row");
    b.press("100000").await;
    b.press(&Key::Enter).await;
    b.wait_for_text("tr.expense-row td.name", "Changsha").await;

    b.click("#tab-customers").await;
    b.wait_for_text(".target-group h4", "Changsha · Furong District")
        .await;
    b.click(".target-group button.create-record").await;
    b.wait_for("#customer-record").await;
    b.wait_for_text(".customers tr.customer", "Furong District")
        .await;
    b.wait_stored(&plan.id, "100000").await;
    let stored = b.stored_plan(&plan.id).await.unwrap();
    let stored = region_planner::core::format::read_plan(&stored).unwrap();
    assert_eq!(
        stored.execution.budgets.get(&region).map(|b| b.promotion),
        Some(Decimal::from(100_000))
    );
    assert_eq!(stored.execution.budgets.len(), 1);
    assert_eq!(stored.execution.customers[0].subdistrict, sub);
}

/// The execution routes are tabs of the one app: reached and left like any other, the address
/// follows them, and an old bookmark of the execution pages (`execution.html#/…`) opens the
/// same route.
#[tokio::test]
async fn the_tabs_reach_the_execution_routes_and_back() {
    let b = open("/").await;
    b.wait_for(READY).await;
    for (tab, probe) in [
        ("actuals", ".actuals"),
        ("tracking", ".deviations-none, .deviations"),
        ("competition", ".leaderboard"),
    ] {
        b.click(&format!("#tab-{tab}")).await;
        b.wait_for(probe).await;
        b.wait_for(&format!("#tab-{tab}[aria-selected=\"true\"]"))
            .await;
        assert!(b.url().await.ends_with(&format!("#/{tab}")));
        b.wait_for_text("#tracked-scenario", "★ Baseline").await;
    }
    b.click("#tab-breakdown").await;
    b.wait_for("#tab-breakdown[aria-selected=\"true\"]").await;
    assert!(b.url().await.ends_with("#/breakdown"));
    assert!(
        !b.exists("#tracked-scenario").await,
        "only the execution routes say what they track"
    );
    b.click("#tab-actuals").await;
    b.wait_for(".actuals").await;

    // Old bookmarks of the execution pages open the same route of the app.
    b.open("/execution.html#/competition").await;
    b.wait_for(READY).await;
    b.wait_for(".leaderboard").await;
    let url = b.url().await;
    assert!(url.ends_with("/index.html#/competition"), "{url}");
    b.open("/execution.html").await;
    b.wait_for(READY).await;
    b.wait_for("#tab-tracking[aria-selected=\"true\"]").await;
    assert!(b.url().await.ends_with("/index.html#/tracking"));
}

/// A sub-district's named target customers lead to their records in the customer archive.
#[tokio::test]
async fn a_subdistricts_target_customers_lead_to_their_records() {
    let b = open("/").await;
    b.click_text(".tree-row", "Furong District").await;
    b.wait_for("#open-archive").await;
    b.screenshot(artifacts_dir().join("screens/planner-subdistrict-archive-link.png"))
        .await;
    b.click("#open-archive").await;
    b.wait_for_text(".targets", "Target customers of Changsha · Furong District")
        .await;
}

/// A year of actuals for `planner sample --scale 10000` (120,000 rows): from picking the file
/// to the preview, and from "Import" to the figures stored and shown, within 1 s in all (the
/// issue's figure; `support::budget` has the test machines'); then each execution route opens
/// within the route budget (300 ms in the issue) and a typed figure is on screen within 100 ms.
#[tokio::test]
async fn a_year_of_actuals_for_ten_thousand_salespeople_imports_within_a_second() {
    let budget = super::support::budget::ACTUALS_IMPORT_10K;
    let route_budget = super::support::budget::ROUTE_10K;
    const TYPING_MS: f64 = 100.0;
    let mut plan = region_planner::core::sample::scaled_plan(10_000);
    let year = region_planner::core::execution::sample_execution(&plan, 12);
    let mut holder = plan.clone();
    holder.execution.actuals = year.actuals;
    let csv = region_planner::core::execution::actuals_csv(&holder);
    plan.execution = Default::default();
    let (plan, csv) = (&plan, &csv);
    super::support::budget::within_attempts("a year of actuals at 10,000 salespeople", || async move {
    let b = open_large(plan, "/#/actuals").await;
    b.wait_for("#actuals-file").await;
    // Timed in the page: from the file input's change to the preview on screen.
    b.exec_js(
        "window.__t = {};
         document.addEventListener('change', e => {
           if (e.target.id === 'actuals-file') window.__t.picked = performance.now();
         }, true);
         new MutationObserver(() => {
           if (!window.__t.preview && document.querySelector('#actuals-preview')) {
             requestAnimationFrame(() => { window.__t.preview = performance.now(); });
           }
         }).observe(document.body, { childList: true, subtree: true });",
    )
    .await;
    let path = temp_file("actuals-10000-year.csv", csv.as_bytes());
    pick_file(&b, "#actuals-file", &path).await;
    b.wait_until("window.__t.preview > 0").await;
    let preview_ms = b
        .exec_js("return window.__t.preview - window.__t.picked;")
        .await
        .as_f64()
        .unwrap();
    assert!(
        b.text_of("#actuals-preview .preview-summary")
            .await
            .starts_with("120,000 rows")
            || b.text_of("#actuals-preview .preview-summary")
                .await
                .starts_with("120000 rows"),
    );
    let apply_ms = b
        .exec_js(
            "const start = performance.now();
             document.querySelector('#import-apply').click();
             return new Promise(resolve => {
               const check = () => {
                 const t = document.querySelector('.toast-text');
                 if (t && t.textContent.includes('Imported') && !document.querySelector('#actuals-preview'))
                   requestAnimationFrame(() => resolve(performance.now() - start));
                 else requestAnimationFrame(check);
               };
               check();
             });",
        )
        .await
        .as_f64()
        .unwrap();
    let stored = b.stored_plan(&plan.id).await.unwrap_or_default();
    assert!(stored.contains("\"actuals\""), "the year is saved");
    assert!(!b.exists("#save-error").await, "no storage error");
    println!(
        "actuals import (browser): 120,000 rows, {} MB: preview {preview_ms:.0} ms, import and save {apply_ms:.0} ms, total {:.0} ms ({})",
        csv.len() / 1_000_000,
        preview_ms + apply_ms,
        budget.describe()
    );
    budget.check(
        &format!("the preview ({preview_ms:.0} ms) and the import"),
        preview_ms + apply_ms,
    )?;

    // The other routes at this size: from the tab's click to the page on screen, each opened
    // three times in turn (ending on Actuals), the median asserted.
    let routes = [
        ("#tab-tracking", ".deviations"),
        ("#tab-competition", ".leaderboard"),
        ("#tab-actuals", ".actuals"),
    ];
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); routes.len()];
    for _ in 0..3 {
        for (k, (tab, probe)) in routes.iter().enumerate() {
            let ms = b
                .exec_js_with(
                    "const [tab, probe] = arguments;
                 const start = performance.now();
                 document.querySelector(tab).click();
                 return new Promise(resolve => {
                   const check = () => {
                     if (document.querySelector(probe))
                       requestAnimationFrame(() => resolve(performance.now() - start));
                     else requestAnimationFrame(check);
                   };
                   check();
                 });",
                    vec![(*tab).into(), (*probe).into()],
                )
                .await
                .as_f64()
                .unwrap();
            times[k].push(ms);
        }
    }
    let mut figures = Vec::new();
    let mut medians = Vec::new();
    for ((tab, _), mut ms) in routes.iter().zip(times) {
        ms.sort_by(f64::total_cmp);
        medians.push((format!("{tab} at 10,000 salespeople (median of {ms:.0?})"), ms[1]));
        figures.push(format!("{tab} {:.0} ms (of {ms:.0?})", ms[1]));
    }
    // Typing one figure: checked, stored and logged, the row's completion redrawn (the
    // breakdown is not recomputed: it depends on the planning part only). Timed to the frame
    // that draws it; the change log's restore patch and the save come after that frame, and
    // are timed too.
    let timing = b
        .exec_js_with(
            &[
                "const stored = ",
                STORED_JS,
                ";
             const row = document.querySelector('.actuals tbody tr');
             const input = row.querySelector('input.figure-amount');
             const completion = row.querySelector('td.completion');
             const before = completion.textContent;
             input.value = '123457';
             const start = performance.now();
             input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
             return new Promise(resolve => {
               const check = () => {
                 if (completion.textContent !== before) {
                   const drawn = performance.now() - start;
                   const saved = () => stored(arguments[0]).then(t => {
                     if ((t || '').includes('123457'))
                       resolve([drawn, performance.now() - start]);
                     else setTimeout(saved, 5);
                   });
                   saved();
                 } else requestAnimationFrame(check);
               };
               check();
             });",
            ]
            .concat(),
            vec![plan.id.clone().into()],
        )
        .await;
    let drawn = timing[0].as_f64().unwrap();
    let idle = timing[1].as_f64().unwrap();
    figures.push(format!(
        "typing one figure {drawn:.0} ms on screen ({idle:.0} ms with its log entry and save)"
    ));
    println!(
        "execution routes at 10,000 salespeople with a year of actuals: {}",
        figures.join(", ")
    );
    for (what, median) in medians {
        route_budget.check(&what, median)?;
    }
    check_ms("typing one figure, to show", drawn, TYPING_MS)
    })
    .await;
}

/// At 10,000 salespeople (a thousand sub-districts, 200 archive records, figures and spend),
/// the archive, the scorecard and expenses each open within the route budget (300 ms in the
/// issue; see `support::budget`): from the tab's click to the route drawn on screen (the
/// median of three openings; every figure is printed).
#[tokio::test]
async fn the_archive_scorecard_and_expenses_open_within_budget_at_ten_thousand_salespeople() {
    let budget = super::support::budget::ROUTE_10K;
    use region_planner::core::execution::{CustomerKind, add_customer, sample_execution};
    let mut plan = region_planner::core::sample::scaled_plan(10_000);
    plan.execution = sample_execution(&plan, 3);
    for i in 0..200 {
        let sub = plan.regions[i % plan.regions.len()].subdistricts[0]
            .id
            .clone();
        let kind = [CustomerKind::Distributor, CustomerKind::Terminal][i % 2];
        add_customer(&mut plan, kind, &format!("Customer {i}"), &sub).unwrap();
    }
    let plan = &plan;
    super::support::budget::within_attempts(
        "the archive, scorecard and expenses at 10,000",
        || async move {
            let b = open_large(plan, "/#/expenses").await;
            b.wait_for("tr.total").await;
            let routes = [
                ("customers", ".customers tr.customer"),
                ("scorecard", ".scorecard tr.score-row"),
                ("expenses", "tr.total"),
            ];
            let mut times: Vec<(&str, Vec<f64>)> =
                routes.iter().map(|(r, _)| (*r, Vec::new())).collect();
            for _ in 0..3 {
                for (k, (route, drawn)) in routes.iter().enumerate() {
                    let ms = b
                        .client()
                        .execute_async(
                            "const [tab, drawn, done] = arguments;
                         const start = performance.now();
                         document.querySelector(tab).click();
                         const check = () => document.querySelector(drawn)
                             ? setTimeout(() => done(performance.now() - start), 0)
                             : requestAnimationFrame(check);
                         requestAnimationFrame(check);",
                            vec![format!("#tab-{route}").into(), (*drawn).into()],
                        )
                        .await
                        .unwrap()
                        .as_f64()
                        .unwrap();
                    times[k].1.push(ms);
                    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
                }
            }
            println!("route opening at 10,000 salespeople (ms): {times:?}");
            for (route, mut ms) in times {
                ms.sort_by(f64::total_cmp);
                budget.check(&format!("opening {route} (median of {ms:.0?})"), ms[1])?;
            }
            Ok(())
        },
    )
    .await;
}

/// Every execution route in Chinese, with the sample execution data: the words are Chinese,
/// in the product's terms (业务人员, 销售额), amounts use 万, and each route is photographed
/// for a look at the projector size.
#[tokio::test]
async fn every_page_reads_in_chinese_with_sample_data() {
    let b = open_in("/#/actuals", "zh-CN").await;
    b.click("#fill-sample").await;
    b.wait_for_text(".toast-text", "已填入示例执行数据").await;
    let pages = [
        ("actuals", "实际销售", true),
        ("tracking", "偏差清单", true),
        ("competition", "排行榜", true),
        ("customers", "超过 30 天未拜访", false),
        ("scorecard", "评分依据", false),
        ("expenses", "费用率", true),
    ];
    for (slug, words, amounts) in pages {
        b.click(&format!("#tab-{slug}")).await;
        b.wait_for_text("main", words).await;
        b.screenshot(artifacts_dir().join(format!("screens/execution-{slug}-zh.png")))
            .await;
        let text = b.visible_text().await;
        for key in [
            "cross_territory",
            "price_violations",
            "collection_days",
            "Sub-district",
            "Completion",
            "销售人员",
        ] {
            assert!(
                !text.contains(key),
                "untranslated {key:?} on the {slug} route"
            );
        }
        if amounts {
            assert!(text.contains("万"), "amounts in 万 on the {slug} route");
        }
    }
    b.click("#tab-actuals").await;
    b.wait_for_text(".actuals th", "业务人员").await;
    b.wait_for_text(".actuals th", "销售额").await;
    b.click("#switch-language").await;
    b.wait_for_text("#tab-expenses", "Expenses").await;
    b.wait_for_text(".actuals th", "Salesperson").await;
}

#[tokio::test]
async fn a_full_storage_is_reported_and_the_typed_figure_stays_on_the_page() {
    let b = open("/#/actuals").await;
    b.wait_for(READY).await;
    b.fill_storage().await;
    let plan = sample_plan(Lang::En);
    let id = &plan.salespeople().next().unwrap().id;
    let amount = amount_input(id);
    b.type_into(&amount, "250000").await;
    b.press(&Key::Enter).await;
    b.wait_for_text("#save-error", "storage is full").await;
    assert!(
        b.exists("#save-error button").await,
        "the plan can be exported instead"
    );
    assert_eq!(
        b.value_of(&amount).await,
        "250000",
        "the figure stays on the page"
    );
}

/// Two tabs of the app on the same plan, one on the territory and one recording actuals: what
/// one saves, the other shows, and an edit in one never wipes out the other's. Both tabs'
/// edits are in the plan's one change log, which can bring back the state between them.
#[tokio::test]
async fn the_planning_and_the_execution_routes_in_two_tabs_keep_each_others_changes() {
    let plan = sample_plan(Lang::En);
    let b = open("/#/territory").await;
    let planning = b.client().window().await.unwrap();
    // A first edit in the planning tab stores the plan both tabs open.
    b.click_text(".tree-row", "Changsha").await;
    b.type_into("#region-notes", "Key account focus").await;
    b.press(&Key::Enter).await;
    b.wait_stored(&plan.id, "Key account focus").await;
    let execution = b.client().new_window(true).await.unwrap().handle;
    b.client()
        .switch_to_window(execution.clone())
        .await
        .unwrap();
    b.open("/#/actuals").await;
    b.wait_for(READY).await;
    let id = &plan.salespeople().next().unwrap().id;
    let amount = amount_input(id);
    b.type_into(&amount, "123456").await;
    b.press(&Key::Enter).await;
    b.wait_stored(&plan.id, "123456").await;

    // The planning tab shows the execution tab's version, then edits on top of it.
    b.client().switch_to_window(planning.clone()).await.unwrap();
    b.wait_for_text(".toast-text", "changed in another tab")
        .await;
    b.click_text(".tree-row", "Zhuzhou").await;
    b.type_into("#region-notes", "Second dealer meeting").await;
    b.press(&Key::Enter).await;

    b.client()
        .switch_to_window(execution.clone())
        .await
        .unwrap();
    b.wait_for_text(".toast-text", "changed in another tab")
        .await;
    assert_eq!(
        b.value_of(&amount).await,
        "123456",
        "the actual survived the planning tab's edit"
    );
    let stored = b.stored_plan(&plan.id).await.unwrap();
    assert!(stored.contains("123456") && stored.contains("Second dealer meeting"));
    let mut stored = region_planner::core::format::read_plan(&stored).unwrap();

    // Both tabs' changes are in the one change log, in order, and the log brings back the
    // state before the execution tab's figure: the figure and the later note go, the first
    // note stays.
    let log: Vec<&str> = stored.change_log.iter().map(|c| c.what.as_str()).collect();
    assert_eq!(log.len(), 3, "{log:?}");
    assert!(log[0].contains("Key account focus"), "{log:?}");
    assert!(
        log[1].contains("Actuals · ") && log[1].contains("Amount: 123456"),
        "{log:?}"
    );
    assert!(log[2].contains("Second dealer meeting"), "{log:?}");
    let log = stored.change_log.clone();
    let current = region_planner::core::changelog::json_without_log(&mut stored);
    let before = region_planner::core::changelog::state_at(&log, 1, &current)
        .expect("the log restores the state before the figure");
    let before = region_planner::core::format::read_plan(&before).unwrap();
    assert!(before.execution.actuals.is_empty(), "the figure is gone");
    let notes: Vec<&str> = before.regions.iter().map(|r| r.notes.as_str()).collect();
    assert!(notes.contains(&"Key account focus"), "{notes:?}");
    assert!(!notes.contains(&"Second dealer meeting"), "{notes:?}");
}

/// The execution data travels with the plan: exported, imported into a fresh browser, the
/// same records and the same leaderboard show.
#[tokio::test]
async fn execution_data_is_exported_and_imported_with_the_plan() {
    let a = open("/#/actuals").await;
    a.click("#fill-sample").await;
    a.wait_for_text(".toast-text", "Sample execution data added")
        .await;
    a.click("#tab-competition").await;
    let board = a.wait_for(".leaderboard").await.text().await.unwrap();
    a.capture_downloads().await;
    a.click("#export-json").await;
    let json = a.downloaded(0).await;
    let exported = region_planner::core::format::read_plan(&json).unwrap();
    assert!(
        !exported.execution.actuals.is_empty() && !exported.execution.customers.is_empty(),
        "the export carries the execution data"
    );
    let path = temp_file("plan-with-execution.json", json.as_bytes());

    let b = open("/#/competition").await;
    pick_file(&b, "#import-file", &path).await;
    b.wait_for("#confirm-copy").await;
    b.click("#confirm-copy").await;
    b.wait_for_text(".toast", "Imported").await;
    let imported = b.wait_for(".leaderboard").await.text().await.unwrap();
    assert_eq!(imported, board);
    let copy = b.stored_current_plan().await.unwrap();
    let copy = region_planner::core::format::read_plan(&copy).unwrap();
    assert_eq!(
        copy.execution, exported.execution,
        "every record arrived: actuals, notes, customers, figures, budgets, spend"
    );
}

/// One reader checks every plan in full, execution data included: a stored plan whose
/// execution data is damaged is named as unreadable, with the reason, and left as it is; a
/// file with damaged execution data is not imported.
#[tokio::test]
async fn a_plan_with_damaged_execution_data_is_refused_and_kept_as_it_is() {
    let mut plan = sample_plan(Lang::En);
    plan.id = "damaged".into();
    plan.name = "Damaged actuals".into();
    let mut json: serde_json::Value =
        serde_json::from_str(&region_planner::core::format::write_plan(&plan)).unwrap();
    json["execution"] = serde_json::json!({
        "actuals": [{"salesperson": "p1", "months": "2027-01 lots 1 1"}]
    });
    let damaged = json.to_string();
    let reason = region_planner::core::format::read_plan(&damaged)
        .expect_err("the reader refuses damaged execution data");
    let reason = region_planner::i18n::catalogue(Lang::En).read_error(&reason);

    let b = open("/#/actuals").await;
    b.wait_for(READY).await;
    b.set_local_storage("region-planner/plan/damaged", &damaged)
        .await;
    b.set_local_storage(
        "region-planner/index",
        "{\"order\":[\"damaged\"],\"current\":\"damaged\"}",
    )
    .await;
    b.reload().await;
    b.wait_for(READY).await;
    b.wait_for_text(".banner.error", "“damaged” could not be opened")
        .await;
    b.wait_for_text(".banner.error", &reason).await;
    // Another plan is open meanwhile; working on it leaves the damaged one untouched.
    b.wait_for(".actuals").await;
    let id = &plan.salespeople().next().unwrap().id;
    b.type_into(&amount_input(id), "1000").await;
    b.press(&Key::Enter).await;
    b.wait_for("#undo:not([disabled])").await;
    b.reload().await;
    b.wait_for(READY).await;
    b.wait_for_text(".banner.error", "“damaged” could not be opened")
        .await;
    assert_eq!(
        b.stored_plan("damaged").await,
        Some(damaged.clone()),
        "the stored text is never replaced"
    );

    // The same plan as a file is refused by the same reader.
    let path = temp_file("damaged-execution.json", damaged.as_bytes());
    pick_file(&b, "#import-file", &path).await;
    b.wait_for_text(".toast", "damaged-execution.json").await;
    let options = b.texts_of("#plan-select option").await;
    assert!(
        !options.iter().any(|o| o == "Damaged actuals"),
        "{options:?}"
    );
}

/// Planning and execution share one history: every change, on any route, is undone and
/// redone in order, with the buttons or the keys.
#[tokio::test]
async fn changes_are_undone_and_redone() {
    let b = open("/#/actuals").await;
    let plan = sample_plan(Lang::En);
    // A planning change first: the plan's name.
    rename_plan(&b, "Hunan, renamed").await;
    let id = &plan.salespeople().next().unwrap().id;
    let amount = amount_input(id);
    b.type_into(&amount, "5000").await;
    b.press(&Key::Enter).await;
    value_becomes(&b, &amount, "5000").await;
    // Typed over the old value as a person does (WebDriver's clear would commit an empty
    // value first, a step of its own).
    b.click(&amount).await;
    b.press(&(Key::Control + "a")).await;
    b.press("6000").await;
    b.press(&Key::Enter).await;
    b.click("#undo").await;
    value_becomes(&b, &amount, "5000").await;
    // The keys work outside fields.
    b.click("h2").await;
    b.press(&(Key::Control + "z")).await;
    value_becomes(&b, &amount, "").await;
    assert!(
        b.exists("#undo:not([disabled])").await,
        "the rename is left"
    );
    // The same history goes on into the planning change.
    b.press(&(Key::Control + "z")).await;
    b.wait_for_text("#plan-select", &plan.name).await;
    b.wait_for("#undo[disabled]").await;
    b.press(&(Key::Control + &*(Key::Shift + "z"))).await;
    b.wait_for_text("#plan-select", "Hunan, renamed").await;
    b.press(&(Key::Control + &*(Key::Shift + "z"))).await;
    value_becomes(&b, &amount, "5000").await;
    b.click("#redo").await;
    value_becomes(&b, &amount, "6000").await;
    b.wait_for("#redo[disabled]").await;
    // An import is undone from its message.
    let csv = format!("salesperson_id,month,amount,quantity,collections\n{id},2027-01,7000,1,1\n");
    let path = temp_file("one-row.csv", csv.as_bytes());
    pick_file(&b, "#actuals-file", &path).await;
    b.click("#import-apply").await;
    value_becomes(&b, &amount, "7000").await;
    b.click("#toast-undo").await;
    value_becomes(&b, &amount, "6000").await;
    b.wait_gone("#toast-undo").await;
}
