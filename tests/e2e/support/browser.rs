//! A headless Chromium session driven over WebDriver, with the helpers the app's tests use.
//! Helpers wait (up to the session timeout) instead of sleeping, and panic with what they waited
//! for, the page's URL, an excerpt of its visible text and any JavaScript errors.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use fantoccini::elements::{Element, ElementRef};
use fantoccini::error::{CmdError, ErrorStatus};
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};

use super::{artifacts_dir, driver, gate, server_url};

const POLL: Duration = Duration::from_millis(25);
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// How to start a [`Browser`]; from [`Browser::options`].
#[derive(Debug, Clone)]
pub struct Options {
    lang: Option<String>,
    window: (u32, u32),
    timeout: Duration,
    exclusive: bool,
}

impl Default for Options {
    fn default() -> Self {
        let secs = std::env::var("RP_E2E_TIMEOUT_SECS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(10);
        Self {
            lang: None,
            window: (1280, 720),
            timeout: Duration::from_secs(secs),
            exclusive: false,
        }
    }
}

impl Options {
    /// Browser language, e.g. `"zh-CN"` or `"en-US"`: sets `--lang` and the Accept-Language
    /// preference, so `navigator.language` follows it. Unset: Chromium's default.
    pub fn lang(mut self, lang: &str) -> Self {
        self.lang = Some(lang.to_owned());
        self
    }

    /// Window size in CSS pixels (default 1280×720, the projector size).
    pub fn window_size(mut self, width: u32, height: u32) -> Self {
        self.window = (width, height);
        self
    }

    /// How long helpers wait before failing (default 10 s, or `$RP_E2E_TIMEOUT_SECS`).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// No other browser session of this test process runs while this one is open: for tests
    /// that measure time.
    pub fn exclusive(mut self) -> Self {
        self.exclusive = true;
        self
    }

    /// Starts Chromium with a fresh profile and connects to it.
    pub async fn launch(self) -> Browser {
        Browser::launch(self).await
    }

    /// Starts Chromium and opens `path`, returning once the app is on screen.
    pub async fn open(self, path: &str) -> Browser {
        let b = self.launch().await;
        b.open(path).await;
        b.wait_for(r#"body[data-ready="1"]"#).await;
        b
    }
}

/// One Chromium session with its own fresh profile. Dropping it closes the browser and deletes
/// the profile; if the test is failing, it first saves a screenshot and the page's text under
/// `target/tmp/e2e/`.
pub struct Browser {
    client: Client,
    session_id: String,
    base_url: String,
    timeout: Duration,
    profile: PathBuf,
    test_name: String,
    _pass: gate::Pass,
}

impl Browser {
    /// Options for [`Options::launch`].
    pub fn options() -> Options {
        Options::default()
    }

    /// A session with the default options.
    pub async fn launch_default() -> Browser {
        Options::default().launch().await
    }

    async fn launch(options: Options) -> Browser {
        let base_url = server_url().to_owned();
        let webdriver = driver::webdriver_url();
        let pass = gate::enter(options.exclusive);
        let test_name = current_test_name();
        let profile = fresh_profile_dir(&test_name);

        let (width, height) = options.window;
        let mut args = vec![
            "--headless".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-quic".to_owned(),
            "--no-first-run".to_owned(),
            "--disable-background-networking".to_owned(),
            "--disable-component-update".to_owned(),
            "--disable-sync".to_owned(),
            format!("--user-data-dir={}", profile.display()),
            format!("--window-size={width},{height}"),
            // Headless Chromium's screen is 800×600 unless told, and full screen (presentation
            // mode) shrinks the window to it: a screen of the window's size.
            format!("--screen-info={{{width}x{height}}}"),
        ];
        let mut chrome = json!({ "args": [] });
        if let Some(lang) = &options.lang {
            args.push(format!("--lang={lang}"));
            chrome["prefs"] = json!({ "intl.accept_languages": lang });
        }
        chrome["args"] = json!(args);
        if let Ok(binary) = std::env::var("RP_CHROMIUM") {
            chrome["binary"] = json!(binary);
        }
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("chrome"));
        caps.insert("goog:chromeOptions".into(), chrome);

        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(webdriver)
            .await
            .unwrap_or_else(|err| {
                panic!(
                    "cannot start a Chromium session via chromedriver at {webdriver}: {err}\n\
                     chromedriver log: {}",
                    driver::log_path().display()
                )
            });
        let session_id = client.session_id().await.ok().flatten().unwrap_or_default();
        let browser = Browser {
            client,
            session_id,
            base_url,
            timeout: options.timeout,
            profile,
            test_name,
            _pass: pass,
        };
        browser.fit_viewport(width, height).await;
        browser.record_js_errors().await;
        browser
    }

    /// `--window-size` sizes the whole window; make the page's viewport the requested size.
    async fn fit_viewport(&self, width: u32, height: u32) {
        let frame = self
            .exec_js("return [outerWidth - innerWidth, outerHeight - innerHeight];")
            .await;
        let extra = |i: usize| frame[i].as_u64().unwrap_or(0) as u32;
        if extra(0) > 0 || extra(1) > 0 {
            self.client
                .set_window_size(width + extra(0), height + extra(1))
                .await
                .unwrap_or_else(|err| panic!("resizing the window: {err}"));
        }
    }

    /// Collects uncaught errors, rejected promises and `console.error` calls (a Rust panic
    /// lands there) of every page this session loads; see [`Browser::js_errors`].
    async fn record_js_errors(&self) {
        let source = r#"(() => {
            const errors = [];
            Object.defineProperty(window, '__rp_e2e_errors', { value: errors });
            const original = console.error.bind(console);
            console.error = (...args) => { errors.push('console.error: ' + args.map(String).join(' ')); original(...args); };
            addEventListener('error', e => errors.push('error: ' + e.message + (e.filename ? ' (' + e.filename + ':' + e.lineno + ')' : '')));
            addEventListener('unhandledrejection', e => errors.push('unhandled rejection: ' + String(e.reason)));
        })();"#;
        let cmd = Cdp {
            method: "Page.addScriptToEvaluateOnNewDocument",
            params: json!({ "source": source }),
        };
        self.client
            .issue_cmd(cmd)
            .await
            .unwrap_or_else(|err| panic!("installing the JS error recorder: {err}"));
    }

    /// Sends a Chrome DevTools Protocol command (e.g. `Network.emulateNetworkConditions`).
    pub async fn cdp(&self, method: &'static str, params: Value) -> Value {
        self.client
            .issue_cmd(Cdp { method, params })
            .await
            .unwrap_or_else(|err| panic!("CDP {method}: {err}"))
    }

    /// Slows this browser's network to `down_bytes_per_s` down and up with `latency_ms` round
    /// trips, and turns its cache off (every load is cold).
    pub async fn throttle(&self, latency_ms: u32, down_bytes_per_s: u32) {
        self.cdp("Network.enable", json!({})).await;
        self.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }))
            .await;
        self.cdp(
            "Network.emulateNetworkConditions",
            json!({
                "offline": false,
                "latency": latency_ms,
                "downloadThroughput": down_bytes_per_s,
                "uploadThroughput": down_bytes_per_s,
            }),
        )
        .await;
    }

    // ---- navigation ------------------------------------------------------------------------

    /// The app's origin, e.g. `http://127.0.0.1:40123`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The fantoccini client, for anything the helpers do not cover.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Changes how long the helpers wait before failing.
    pub fn set_timeout(&mut self, timeout: Duration) {
        self.timeout = timeout;
    }

    /// Opens `path` (e.g. `"/"`) of the app and waits for the page's load event.
    pub async fn open(&self, path: &str) {
        let url = format!("{}{}", self.base_url, path);
        self.client
            .goto(&url)
            .await
            .unwrap_or_else(|err| panic!("opening {url}: {err}"));
    }

    /// Reloads the page and waits for the load event.
    pub async fn reload(&self) {
        self.client
            .refresh()
            .await
            .unwrap_or_else(|err| panic!("reloading: {err}"));
    }

    /// The current URL.
    pub async fn url(&self) -> String {
        self.client
            .current_url()
            .await
            .map(|u| u.to_string())
            .unwrap_or_else(|err| panic!("reading the URL: {err}"))
    }

    // ---- waiting ---------------------------------------------------------------------------

    /// Waits until an element matches `css` and returns the first.
    pub async fn wait_for(&self, css: &str) -> Element {
        self.poll(
            || format!("an element matching `{css}`"),
            || async move { self.find(css).await },
        )
        .await
    }

    /// Waits until an element matching `css` has visible text containing `text`, and returns
    /// the first such element in document order.
    pub async fn wait_for_text(&self, css: &str, text: &str) -> Element {
        self.poll(
            || format!("an element matching `{css}` whose text contains {text:?}"),
            || async move { self.find_with_text(css, text).await },
        )
        .await
    }

    /// Waits until nothing matches `css`.
    pub async fn wait_gone(&self, css: &str) {
        self.poll(
            || format!("no element to match `{css}`"),
            || async move { Ok((self.count(css).await == 0).then_some(())) },
        )
        .await
    }

    /// Waits until the JavaScript expression `condition` is truthy.
    pub async fn wait_until(&self, condition: &str) {
        let script = format!("return !!({condition});");
        self.poll(
            || format!("`{condition}` to be true"),
            || {
                let script = script.clone();
                async move {
                    let value = self.client.execute(&script, vec![]).await?;
                    Ok((value == Value::Bool(true)).then_some(()))
                }
            },
        )
        .await
    }

    // ---- acting ----------------------------------------------------------------------------

    /// Clicks the first element matching `css` (waiting for it to exist and be clickable).
    pub async fn click(&self, css: &str) {
        self.poll(
            || format!("to click an element matching `{css}`"),
            || async move {
                let Some(element) = self.find(css).await? else {
                    return Ok(None);
                };
                element.click().await.map(Some)
            },
        )
        .await
    }

    /// Clicks the first element matching `css` whose visible text contains `text`.
    pub async fn click_text(&self, css: &str, text: &str) {
        self.poll(
            || format!("to click an element matching `{css}` whose text contains {text:?}"),
            || async move {
                let Some(element) = self.find_with_text(css, text).await? else {
                    return Ok(None);
                };
                element.click().await.map(Some)
            },
        )
        .await
    }

    /// Types `text` into the field matching `css` and presses Enter, which commits it.
    pub async fn set_field(&self, css: &str, text: &str) {
        self.type_into(css, text).await;
        self.press(&fantoccini::key::Key::Enter).await;
    }

    /// Clears the input matching `css` and types `text` into it (key by key, so `input`
    /// events fire). Press Tab or Enter afterwards if the app acts on `change`.
    pub async fn type_into(&self, css: &str, text: &str) {
        self.poll(
            || format!("to type into an element matching `{css}`"),
            || async move {
                let Some(element) = self.find(css).await? else {
                    return Ok(None);
                };
                element.clear().await?;
                element.send_keys(text).await.map(Some)
            },
        )
        .await
    }

    /// Sends keys to the focused element: `b.press(&Key::Enter)`, `b.press("abc")`,
    /// `b.press(&(Key::Shift + &*Key::Tab))`.
    pub async fn press(&self, keys: &str) {
        let element = self
            .client
            .active_element()
            .await
            .unwrap_or_else(|err| panic!("finding the focused element: {err}"));
        element
            .send_keys(keys)
            .await
            .unwrap_or_else(|err| panic!("pressing {keys:?}: {err}"));
    }

    // ---- reading ---------------------------------------------------------------------------

    /// The visible text of the first element matching `css` (waiting for it).
    pub async fn text_of(&self, css: &str) -> String {
        self.poll(
            || format!("the text of an element matching `{css}`"),
            || async move {
                let Some(element) = self.find(css).await? else {
                    return Ok(None);
                };
                element.text().await.map(Some)
            },
        )
        .await
    }

    /// The current `value` of the input matching `css` (waiting for it).
    pub async fn value_of(&self, css: &str) -> String {
        self.poll(
            || format!("the value of an input matching `{css}`"),
            || async move {
                let Some(element) = self.find(css).await? else {
                    return Ok(None);
                };
                element
                    .prop("value")
                    .await
                    .map(|v| Some(v.unwrap_or_default()))
            },
        )
        .await
    }

    /// The visible texts of all elements matching `css`, in document order (no waiting).
    pub async fn texts_of(&self, css: &str) -> Vec<String> {
        let value = self
            .exec_js_with(
                "return Array.from(document.querySelectorAll(arguments[0]), e => e.innerText);",
                vec![json!(css)],
            )
            .await;
        serde_json::from_value(value).unwrap_or_default()
    }

    /// Whether an element matches `css` now (no waiting).
    pub async fn exists(&self, css: &str) -> bool {
        self.count(css).await > 0
    }

    /// How many elements match `css` now (no waiting).
    pub async fn count(&self, css: &str) -> usize {
        let value = self
            .exec_js_with(
                "return document.querySelectorAll(arguments[0]).length;",
                vec![json!(css)],
            )
            .await;
        value.as_u64().unwrap_or(0) as usize
    }

    /// The page's visible text (`document.body.innerText`).
    pub async fn visible_text(&self) -> String {
        let value = self
            .exec_js("return document.body ? document.body.innerText : '';")
            .await;
        value.as_str().unwrap_or_default().to_owned()
    }

    /// Errors the page reported so far: uncaught exceptions, rejected promises, `console.error`.
    pub async fn js_errors(&self) -> Vec<String> {
        let value = self.exec_js("return window.__rp_e2e_errors || [];").await;
        serde_json::from_value(value).unwrap_or_default()
    }

    // ---- scripts and storage ---------------------------------------------------------------

    /// Makes the page keep the text and the name of every file it offers for download (read
    /// back with [`Browser::downloaded`] and [`Browser::downloaded_name`]).
    pub async fn capture_downloads(&self) {
        self.exec_js(
            "window.__downloads = [];
             window.__download_names = [];
             window.__download_boms = [];
             const make = URL.createObjectURL;
             URL.createObjectURL = blob => {
               // Decoded as the UTF-8 text it is (a byte-order mark dropped), the mark noted.
               blob.arrayBuffer().then(buffer => {
                 const bytes = new Uint8Array(buffer);
                 window.__download_boms.push(
                   bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf);
                 window.__downloads.push(new TextDecoder().decode(bytes));
               });
               return make(blob);
             };
             const click = HTMLAnchorElement.prototype.click;
             HTMLAnchorElement.prototype.click = function () {
               if (this.download) window.__download_names.push(this.download);
               return click.call(this);
             };",
        )
        .await;
    }

    /// The file name download `n` was offered under.
    pub async fn downloaded_name(&self, n: usize) -> String {
        self.wait_until(&format!("window.__download_names.length > {n}"))
            .await;
        let name = self
            .exec_js_with(
                "return window.__download_names[arguments[0]];",
                vec![n.into()],
            )
            .await;
        name.as_str().unwrap_or_default().to_string()
    }

    /// The text of download `n` (0 for the first) since [`Browser::capture_downloads`],
    /// waiting for it.
    pub async fn downloaded(&self, n: usize) -> String {
        self.wait_until(&format!("window.__downloads.length > {n}"))
            .await;
        let text = self
            .exec_js_with("return window.__downloads[arguments[0]];", vec![n.into()])
            .await;
        text.as_str().unwrap_or_default().to_string()
    }

    /// Whether download `n` starts with a UTF-8 byte-order mark (which Excel needs to read a
    /// CSV as UTF-8; [`Browser::downloaded`] gives the text without it).
    pub async fn downloaded_with_bom(&self, n: usize) -> bool {
        self.wait_until(&format!("window.__download_boms.length > {n}"))
            .await;
        self.exec_js_with(
            "return window.__download_boms[arguments[0]];",
            vec![n.into()],
        )
        .await
        .as_bool()
        .unwrap_or(false)
    }

    /// Runs `script` as the body of a function in the page and returns what it `return`s.
    pub async fn exec_js(&self, script: &str) -> Value {
        self.exec_js_with(script, vec![]).await
    }

    /// Like [`Browser::exec_js`], with `arguments[0]`, `arguments[1]`, … set to `args`.
    pub async fn exec_js_with(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute(script, args)
            .await
            .unwrap_or_else(|err| panic!("running script {script:?}: {err}"))
    }

    /// Runs `script` asynchronously: its last argument is a callback, and what the script passes
    /// to it is returned (e.g. the result of a promise).
    pub async fn exec_js_async(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute_async(script, args)
            .await
            .unwrap_or_else(|err| panic!("running async script {script:?}: {err}"))
    }

    /// Waits until the promise the JavaScript expression `promise` makes resolves truthy.
    pub async fn wait_until_async_true(&self, promise: &str) {
        let script = format!(
            "const done = arguments[0]; Promise.resolve().then(() => {promise}).then(v => done(!!v), () => done(false));"
        );
        self.poll(
            || format!("`{promise}` to resolve true"),
            || {
                let script = script.clone();
                async move {
                    let value = self.client.execute_async(&script, vec![]).await?;
                    Ok((value == Value::Bool(true)).then_some(()))
                }
            },
        )
        .await
    }

    /// Clicks the element matching `inner` inside the first element matching `css` whose
    /// visible text contains `text`.
    pub async fn click_text_in(&self, css: &str, text: &str, inner: &str) {
        self.poll(
            || format!("to click `{inner}` in an element matching `{css}` with text {text:?}"),
            || async move {
                let script = "const [css, text, inner] = arguments;
                    for (const e of document.querySelectorAll(css)) {
                      if (e.innerText.includes(text)) return e.querySelector(inner);
                    }
                    return null;";
                let found = self
                    .client
                    .execute(script, vec![json!(css), json!(text), json!(inner)])
                    .await?;
                let Some(id) = found.get(ELEMENT_KEY).and_then(Value::as_str) else {
                    return Ok(None);
                };
                let element =
                    Element::from_element_id(self.client.clone(), ElementRef::from(id.to_owned()));
                element.click().await.map(Some)
            },
        )
        .await
    }

    /// Sets a local-storage entry of the app's origin (open a page of the app first).
    pub async fn set_local_storage(&self, key: &str, value: &str) {
        self.exec_js_with(
            "localStorage.setItem(arguments[0], arguments[1]);",
            vec![json!(key), json!(value)],
        )
        .await;
    }

    /// A local-storage entry of the app's origin, `None` if absent.
    pub async fn get_local_storage(&self, key: &str) -> Option<String> {
        let value = self
            .exec_js_with(
                "return localStorage.getItem(arguments[0]);",
                vec![json!(key)],
            )
            .await;
        value.as_str().map(str::to_owned)
    }

    /// All local-storage keys of the app's origin.
    pub async fn local_storage_keys(&self) -> Vec<String> {
        let value = self.exec_js("return Object.keys(localStorage);").await;
        serde_json::from_value(value).unwrap_or_default()
    }

    /// Plan `id`'s text as the app stored it in IndexedDB (see docs/FORMAT.md, "Storage in the
    /// browser"), `None` if absent.
    pub async fn stored_plan(&self, id: &str) -> Option<String> {
        let script = format!(
            "const done = arguments[1]; {}(arguments[0]).then(done, e => done('ERROR ' + e));",
            STORED_JS
        );
        let value = self.exec_js_async(&script, vec![json!(id)]).await;
        value.as_str().map(str::to_owned)
    }

    /// The library's index as the app stored it (`{"order", "current"}`), `None` if absent.
    pub async fn stored_index(&self) -> Option<String> {
        let script = format!(
            "const done = arguments[0]; {}(null, 'library', 'index').then(done, e => done('ERROR ' + e));",
            STORED_JS
        );
        let value = self.exec_js_async(&script, vec![]).await;
        value.as_str().map(str::to_owned)
    }

    /// The text of the plan the index says is open, as stored.
    pub async fn stored_current_plan(&self) -> Option<String> {
        let index: Value = serde_json::from_str(&self.stored_index().await?).ok()?;
        self.stored_plan(index["current"].as_str()?).await
    }

    /// Waits until plan `id`'s stored text contains `needle`.
    pub async fn wait_stored(&self, id: &str, needle: &str) {
        self.wait_until_async_true(&format!(
            "{STORED_JS}({id:?}).then(t => !!t && t.includes({needle:?}))"
        ))
        .await;
    }

    /// Fills the origin's storage: from now on a write of the app's IndexedDB library that
    /// stores more than a kilobyte fails as Chromium fails it when the quota is used up (the
    /// transaction aborts at its commit with a `QuotaExceededError`), and local storage is
    /// filled with other keys. Chromium reports a fixed quota to pages and ignores DevTools'
    /// `Storage.overrideQuotaForOrigin`, so the full disk is played in the page.
    pub async fn fill_storage(&self) {
        self.exec_js(
            "const put = IDBObjectStore.prototype.put, commit = IDBTransaction.prototype.commit;
             const size = v => typeof v === 'string' ? v.length
               : (v && typeof v.text === 'string' ? v.text.length : JSON.stringify(v ?? '').length);
             IDBObjectStore.prototype.put = function (value, key) {
               if (size(value) > 1024) this.transaction.__rpOverQuota = true;
               return put.call(this, value, key);
             };
             IDBTransaction.prototype.commit = function () {
               if (!this.__rpOverQuota) return commit.call(this);
               Object.defineProperty(this, 'error', {
                 value: new DOMException('The current transaction exceeded its quota limitations.', 'QuotaExceededError'),
               });
               this.abort();
             };",
        )
        .await;
        self.exec_js(
            "let chunk = 'x'.repeat(1 << 20); let i = 0;
             try { for (;;) { localStorage.setItem('filler-' + i, chunk); i++; } } catch (e) {}
             chunk = 'x'.repeat(1 << 12);
             try { for (;;) { localStorage.setItem('filler-small-' + i, chunk); i++; } } catch (e) {}
             chunk = 'x'.repeat(64);
             try { for (;;) { localStorage.setItem('filler-tiny-' + i, chunk); i++; } } catch (e) {}",
        )
        .await;
    }

    /// Saves a PNG screenshot of the window to `path` (parent directories are created).
    pub async fn screenshot(&self, path: impl AsRef<Path>) {
        let path = path.as_ref();
        let png = self
            .client
            .screenshot()
            .await
            .unwrap_or_else(|err| panic!("taking a screenshot: {err}"));
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .unwrap_or_else(|err| panic!("creating {}: {err}", parent.display()));
        }
        std::fs::write(path, png).unwrap_or_else(|err| panic!("writing {}: {err}", path.display()));
    }

    // ---- internals -------------------------------------------------------------------------

    async fn find(&self, css: &str) -> Result<Option<Element>, CmdError> {
        match self.client.find(Locator::Css(css)).await {
            Ok(element) => Ok(Some(element)),
            Err(err) if err.is_no_such_element() => Ok(None),
            Err(err) => Err(err),
        }
    }

    async fn find_with_text(&self, css: &str, text: &str) -> Result<Option<Element>, CmdError> {
        let script = "const [css, text] = arguments;
            for (const e of document.querySelectorAll(css)) { if (e.innerText.includes(text)) return e; }
            return null;";
        let found = self
            .client
            .execute(script, vec![json!(css), json!(text)])
            .await?;
        Ok(found.get(ELEMENT_KEY).and_then(Value::as_str).map(|id| {
            Element::from_element_id(self.client.clone(), ElementRef::from(id.to_owned()))
        }))
    }

    /// Repeats `attempt` until it yields a value; retries while elements are missing, stale or
    /// not yet clickable; panics with a page report at the timeout or on any other error.
    async fn poll<T, Fut>(&self, what: impl Fn() -> String, mut attempt: impl FnMut() -> Fut) -> T
    where
        Fut: Future<Output = Result<Option<T>, CmdError>>,
    {
        let start = Instant::now();
        let mut last_error = None;
        loop {
            match attempt().await {
                Ok(Some(value)) => return value,
                Ok(None) => {}
                Err(err) if is_transient(&err) => last_error = Some(err),
                Err(err) => panic!(
                    "while waiting for {}: {err}\n{}",
                    what(),
                    self.page_report().await
                ),
            }
            if start.elapsed() >= self.timeout {
                let last = last_error
                    .map(|e| format!(" (last error: {e})"))
                    .unwrap_or_default();
                panic!(
                    "timed out after {:.1} s waiting for {}{last}\n{}",
                    self.timeout.as_secs_f64(),
                    what(),
                    self.page_report().await
                );
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// URL, visible text excerpt and JavaScript errors, for failure messages.
    async fn page_report(&self) -> String {
        let script = "return [location.href, document.body ? document.body.innerText : '(no body)', window.__rp_e2e_errors || []];";
        match self.client.execute(script, vec![]).await {
            Ok(Value::Array(parts)) => {
                let url = parts.first().and_then(Value::as_str).unwrap_or("?");
                let text = excerpt(parts.get(1).and_then(Value::as_str).unwrap_or(""), 1200);
                let errors: Vec<String> = parts
                    .get(2)
                    .cloned()
                    .and_then(|v| serde_json::from_value(v).ok())
                    .unwrap_or_default();
                let errors = if errors.is_empty() {
                    "none".to_owned()
                } else {
                    errors.join("\n  ")
                };
                format!("page: {url}\nvisible text: {text}\nJavaScript errors: {errors}")
            }
            Ok(other) => format!("(page state unreadable: {other})"),
            Err(err) => format!("(page state unreadable: {err})"),
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let failing = std::thread::panicking();
        let webdriver = driver::webdriver_url();
        let session_id = self.session_id.clone();
        let test_name = self.test_name.clone();
        // Own thread and runtime: the test's runtime may be unwinding or about to shut down.
        let finished = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .ok()?;
            runtime.block_on(async move {
                let client =
                    Client::with_existing_session(webdriver, &session_id, HttpConnector::new())
                        .await
                        .ok()?;
                if failing {
                    save_failure_artifacts(&client, &test_name).await;
                }
                client.close().await.ok()
            })
        })
        .join();
        if !matches!(finished, Ok(Some(()))) {
            eprintln!(
                "e2e: closing the browser session of {} failed; stopping its processes",
                self.test_name
            );
        }
        kill_processes_using(&self.profile);
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

async fn save_failure_artifacts(client: &Client, test_name: &str) {
    let dir = artifacts_dir().join("failures");
    let _ = std::fs::create_dir_all(&dir);
    let stem = dir.join(test_name.replace("::", "-"));
    if let Ok(png) = client.screenshot().await {
        let path = stem.with_extension("png");
        if std::fs::write(&path, png).is_ok() {
            eprintln!("e2e: screenshot of the failing page: {}", path.display());
        }
    }
    let script = "return (window.__rp_e2e_errors || []).join('\\n') + '\\n\\n' + location.href + '\\n\\n' + (document.body ? document.body.innerText : '');";
    if let Ok(Value::String(text)) = client.execute(script, vec![]).await {
        let path = stem.with_extension("txt");
        if std::fs::write(&path, text).is_ok() {
            eprintln!(
                "e2e: JS errors, URL and text of the failing page: {}",
                path.display()
            );
        }
    }
}

fn is_transient(err: &CmdError) -> bool {
    matches!(
        err,
        CmdError::Standard(w) if matches!(
            w.error,
            ErrorStatus::NoSuchElement
                | ErrorStatus::StaleElementReference
                | ErrorStatus::ElementNotInteractable
                | ErrorStatus::ElementClickIntercepted
                | ErrorStatus::InvalidElementState
        )
    )
}

fn excerpt(text: &str, max_chars: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.is_empty() {
        return "(none)".to_owned();
    }
    match flat.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", &flat[..cut]),
        None => flat,
    }
}

/// The test's name: libtest runs each test on a thread named after it.
fn current_test_name() -> String {
    std::thread::current()
        .name()
        .filter(|n| *n != "main")
        .unwrap_or("e2e")
        .to_owned()
}

fn fresh_profile_dir(test_name: &str) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let safe: String = test_name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let dir = std::env::temp_dir().join(format!(
        "rp-e2e-{}-{}-{safe}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)
        .unwrap_or_else(|err| panic!("creating browser profile {}: {err}", dir.display()));
    dir
}

/// Stops Chromium processes still running on `profile` (a session that could not be closed).
fn kill_processes_using(profile: &Path) {
    let needle = profile.to_string_lossy().into_owned();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return;
    };
    let pids: Vec<String> = entries
        .flatten()
        .filter_map(|entry| {
            let pid = entry.file_name().to_str()?.parse::<u32>().ok()?;
            let cmdline = std::fs::read(entry.path().join("cmdline")).ok()?;
            String::from_utf8_lossy(&cmdline)
                .contains(&needle)
                .then(|| pid.to_string())
        })
        .collect();
    if !pids.is_empty() {
        let _ = std::process::Command::new("kill")
            .arg("-9")
            .args(&pids)
            .status();
    }
}

/// A Chrome DevTools Protocol command, sent through chromedriver.
#[derive(Debug)]
struct Cdp {
    method: &'static str,
    params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "cmd": self.method, "params": self.params }).to_string()),
        )
    }
}

/// A JavaScript function `(id, store = 'plans', key = id) => Promise<text | null>` that reads
/// the app's IndexedDB library without creating the database when it is not there yet.
pub const STORED_JS: &str = "(async (id, store, key) => {
  store = store || 'plans'; key = key || id;
  if (!(await indexedDB.databases()).some(d => d.name === 'region-planner')) return null;
  const db = await new Promise((ok, fail) => {
    const r = indexedDB.open('region-planner');
    r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error);
  });
  try {
    if (!db.objectStoreNames.contains(store)) return null;
    const v = await new Promise((ok, fail) => {
      const g = db.transaction(store).objectStore(store).get(key);
      g.onsuccess = () => ok(g.result); g.onerror = () => fail(g.error);
    });
    if (v === undefined || v === null) return null;
    if (typeof v === 'string') return v;
    return v.utf8 ? new TextDecoder().decode(v.utf8) : v.text;
  } finally { db.close(); }
})";
