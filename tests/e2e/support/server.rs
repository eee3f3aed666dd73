//! A small static file server for `dist/` (std only): one listener thread on 127.0.0.1 and a
//! thread per connection. Serves files with their content types (`application/wasm` matters:
//! browsers refuse to stream-compile wasm without it), `index.html` for directories and for
//! extension-less paths it does not know (client-side routes), 404 otherwise. `Cache-Control:
//! no-store`, so a reload always fetches what is on disk. Text and wasm go gzipped to a browser
//! that accepts it, as static hosts serve them (compressed once per file and kept).

use std::collections::HashMap;
use std::io::{self, BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread;
use std::time::Duration;

/// Starts serving `root` on a free port of 127.0.0.1 and returns the address. The server runs
/// until the process exits.
pub fn serve(root: PathBuf) -> io::Result<SocketAddr> {
    // Compressed before the first request, so no timed page load waits for it.
    for entry in std::fs::read_dir(&root)?.flatten() {
        let kind = content_type(&entry.path());
        if kind.starts_with("text/") || kind == "application/wasm" {
            gzipped(&entry.path())?;
        }
    }
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let addr = listener.local_addr()?;
    let root = Arc::new(root);
    thread::Builder::new()
        .name("e2e-static-server".into())
        .spawn(move || {
            for stream in listener.incoming().flatten() {
                let root = Arc::clone(&root);
                thread::spawn(move || {
                    if let Err(err) = handle(stream, &root) {
                        eprintln!("e2e static server: {err}");
                    }
                });
            }
        })?;
    Ok(addr)
}

fn handle(stream: TcpStream, root: &Path) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    stream.set_nodelay(true)?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line)? == 0 {
        return Ok(()); // connection opened and closed without a request
    }
    let mut gzip = false;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim_end().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.eq_ignore_ascii_case("accept-encoding")
        {
            gzip = value.split(',').any(|e| e.trim().starts_with("gzip"));
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let mut out = stream;
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut out,
            "405 Method Not Allowed",
            "text/plain",
            None,
            b"method not allowed",
            true,
        );
    }
    match resolve(root, target) {
        Some(file) => {
            let kind = content_type(&file);
            let compressible = kind.starts_with("text/") || kind == "application/wasm";
            let (body, encoding) = if gzip && compressible {
                (gzipped(&file)?, Some("gzip"))
            } else {
                (Arc::new(std::fs::read(&file)?), None)
            };
            respond(&mut out, "200 OK", kind, encoding, &body, method == "GET")
        }
        None => respond(
            &mut out,
            "404 Not Found",
            "text/plain",
            None,
            b"not found",
            method == "GET",
        ),
    }
}

/// A file's gzipped bytes, compressed on the first request and kept while the file is unchanged.
fn gzipped(file: &Path) -> io::Result<Arc<Vec<u8>>> {
    type Kept = Mutex<HashMap<PathBuf, (std::time::SystemTime, Arc<Vec<u8>>)>>;
    static KEPT: OnceLock<Kept> = OnceLock::new();
    let modified = std::fs::metadata(file)?.modified()?;
    let kept = KEPT.get_or_init(Kept::default);
    if let Some((when, bytes)) = kept.lock().unwrap().get(file)
        && *when == modified
    {
        return Ok(Arc::clone(bytes));
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&std::fs::read(file)?)?;
    let bytes = Arc::new(gz.finish()?);
    kept.lock()
        .unwrap()
        .insert(file.to_path_buf(), (modified, Arc::clone(&bytes)));
    Ok(bytes)
}

fn respond(
    out: &mut TcpStream,
    status: &str,
    content_type: &str,
    encoding: Option<&str>,
    body: &[u8],
    with_body: bool,
) -> io::Result<()> {
    let encoding = encoding
        .map(|e| format!("Content-Encoding: {e}\r\n"))
        .unwrap_or_default();
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n{encoding}Content-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    // One write: a separate small header write would meet Nagle's algorithm and delayed ACKs.
    let mut response = head.into_bytes();
    if with_body {
        response.extend_from_slice(body);
    }
    out.write_all(&response)?;
    out.flush()
}

/// Maps a request target to a file under `root`, never outside it.
fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let decoded = percent_decode(path)?;
    let mut file = root.to_path_buf();
    for component in Path::new(decoded.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            _ => return None, // "..", a root or a prefix
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    if file.is_file() {
        return Some(file);
    }
    let looks_like_route = file.extension().is_none();
    looks_like_route
        .then(|| root.join("index.html"))
        .filter(|index| index.is_file())
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}
