//! Raw DEFLATE by the browser's own `CompressionStream` / `DecompressionStream` (the format of
//! share links): no compression code in the wasm.

use js_sys::Uint8Array;
use wasm_bindgen_futures::JsFuture;
use web_sys::wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, ReadableWritablePair, Response};

use crate::core::format::MAX_PLAN_BYTES;

/// Why the browser could not pack or unpack the bytes.
#[derive(Debug)]
pub enum CompressError {
    /// The browser has no compression streams.
    Unsupported,
    /// The stream failed (damaged input) or the result is too large.
    Failed,
}

fn stream_through(bytes: &[u8], pair: ReadableWritablePair) -> Result<js_sys::Promise, JsValue> {
    let parts = js_sys::Array::of1(&Uint8Array::from(bytes));
    let blob = Blob::new_with_u8_array_sequence(&parts)?;
    let stream = blob.stream().pipe_through(&pair);
    Response::new_with_opt_readable_stream(Some(&stream))?.array_buffer()
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
    let promise = stream_through(bytes, pair).map_err(|_| CompressError::Failed)?;
    let buffer = JsFuture::from(promise)
        .await
        .map_err(|_| CompressError::Failed)?;
    let array = Uint8Array::new(&buffer);
    // A link may not unpack past the largest plan read (the stream is read whole first: links
    // are at most 32,000 characters, so the packed input is small).
    if array.length() as usize > MAX_PLAN_BYTES {
        return Err(CompressError::Failed);
    }
    Ok(array.to_vec())
}

pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, CompressError> {
    run(bytes, true).await
}

pub async fn inflate(bytes: &[u8]) -> Result<Vec<u8>, CompressError> {
    run(bytes, false).await
}
