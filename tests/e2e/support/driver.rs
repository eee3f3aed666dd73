//! One chromedriver per test process: started on a free port at first use, killed when the
//! process exits (an `atexit` hook; libtest leaves through `exit` whether tests passed or not).

use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

static URL: OnceLock<String> = OnceLock::new();
static PROCESS: Mutex<Option<Child>> = Mutex::new(None);

/// The WebDriver URL of this process's chromedriver, starting it if needed.
pub fn webdriver_url() -> &'static str {
    URL.get_or_init(start)
}

/// Where chromedriver writes its log (worth a look when a session cannot start).
pub fn log_path() -> PathBuf {
    super::artifacts_dir().join(format!("chromedriver-{}.log", std::process::id()))
}

fn start() -> String {
    let program = std::env::var("RP_CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
    let port = free_port();
    let log = log_path();
    let child = Command::new(&program)
        .arg(format!("--port={port}"))
        .arg(format!("--log-path={}", log.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|err| {
            panic!("cannot start `{program}`: {err}. Run ./scripts/setup.sh (installs chromium-driver) or set RP_CHROMEDRIVER")
        });
    let pid = child.id();
    *PROCESS.lock().unwrap_or_else(|e| e.into_inner()) = Some(child);
    register_exit_hook();

    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        let exited = PROCESS
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .as_mut()
            .and_then(|c| c.try_wait().ok().flatten());
        if let Some(status) = exited {
            panic!(
                "chromedriver (pid {pid}) exited with {status} before listening; log: {}",
                log.display()
            );
        }
        assert!(
            Instant::now() < deadline,
            "chromedriver (pid {pid}) did not listen on port {port} within 20 s; log: {}",
            log.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    format!("http://127.0.0.1:{port}")
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("no free local port");
    listener
        .local_addr()
        .expect("local address of a bound socket")
        .port()
}

unsafe extern "C" {
    fn atexit(callback: extern "C" fn()) -> std::ffi::c_int;
}

extern "C" fn kill_chromedriver() {
    if let Ok(mut guard) = PROCESS.lock()
        && let Some(mut child) = guard.take()
    {
        let _ = child.kill();
        let _ = child.wait();
    }
}

fn register_exit_hook() {
    // SAFETY: `atexit` is the C library's; the callback is a plain `extern "C" fn` that only
    // touches a static and never unwinds.
    let registered = unsafe { atexit(kill_chromedriver) } == 0;
    assert!(registered, "could not register the chromedriver exit hook");
}
