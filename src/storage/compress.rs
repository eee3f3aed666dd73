//! Raw DEFLATE by the browser's own `CompressionStream` / `DecompressionStream` (the format of
//! share links): no compression code in the wasm.

use js_sys::Uint8Array;
use wasm_bindgen_futures::JsFuture;
use web_sys::wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, ReadableStreamDefaultReader, ReadableWritablePair};

use crate::core::format::MAX_PLAN_BYTES;

/// Why the browser could not pack or unpack the bytes.
#[derive(Debug)]
pub enum CompressError {
    /// The browser has no compression streams.
    Unsupported,
    /// The stream failed (damaged input).
    Failed,
    /// The result would be larger than the largest plan read; unpacking was stopped there.
    TooLarge,
}

/// The bytes piped through the compression or decompression stream `pair`, read chunk by chunk:
/// reading stops, and the stream is cancelled, as soon as more than `limit` bytes came out, so a
/// link that would unpack to a gigabyte costs no more memory than the limit.
async fn stream_through(
    bytes: &[u8],
    pair: ReadableWritablePair,
    limit: usize,
) -> Result<Vec<u8>, CompressError> {
    let failed = |_| CompressError::Failed;
    let parts = js_sys::Array::of1(&Uint8Array::from(bytes));
    let blob = Blob::new_with_u8_array_sequence(&parts).map_err(failed)?;
    let reader: ReadableStreamDefaultReader = blob
        .stream()
        .pipe_through(&pair)
        .get_reader()
        .unchecked_into();
    let mut out = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(failed)?;
        let field = |name: &str| js_sys::Reflect::get(&chunk, &JsValue::from_str(name));
        if field("done").map_err(failed)?.is_truthy() {
            return Ok(out);
        }
        let value = Uint8Array::new(&field("value").map_err(failed)?);
        if out.len() + value.length() as usize > limit {
            let _ = reader.cancel();
            return Err(CompressError::TooLarge);
        }
        let start = out.len();
        out.resize(start + value.length() as usize, 0);
        value.copy_to(&mut out[start..]);
    }
}

async fn run(bytes: &[u8], compress: bool) -> Result<Vec<u8>, CompressError> {
    // Constructed by name: web-sys offers these streams only behind its unstable-API flag.
    let name = if compress {
        "CompressionStream"
    } else {
        "DecompressionStream"
    };
    let class = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(name))
        .ok()
        .and_then(|c| c.dyn_into::<js_sys::Function>().ok())
        .ok_or(CompressError::Unsupported)?;
    let pair: ReadableWritablePair = js_sys::Reflect::construct(
        &class,
        &js_sys::Array::of1(&JsValue::from_str("deflate-raw")),
    )
    .map_err(|_| CompressError::Unsupported)?
    .unchecked_into();
    // Nothing the app reads unpacks past the largest plan read.
    stream_through(bytes, pair, MAX_PLAN_BYTES).await
}

pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, CompressError> {
    run(bytes, true).await
}

pub async fn inflate(bytes: &[u8]) -> Result<Vec<u8>, CompressError> {
    run(bytes, false).await
}
