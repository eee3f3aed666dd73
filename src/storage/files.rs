//! Offering text as a file download.

use web_sys::wasm_bindgen::{JsCast, JsValue};

/// Starts a download of `text` as `filename`. Returns a message if the browser refused.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |e: JsValue| format!("{e:?}");
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "not an anchor".to_string())?;
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Offers the plan as an indented JSON file named after it (the export format).
pub fn download_plan(plan: &crate::core::model::Plan) -> Result<(), String> {
    let text = crate::core::format::write_plan_pretty(plan);
    download(
        &safe_file_name(&plan.name, "json"),
        "application/json",
        &text,
    )
}

/// A file name made safe from a plan name (keeps Chinese, drops path characters).
pub fn safe_file_name(name: &str, ext: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trimmed = cleaned.trim();
    format!(
        "{}.{ext}",
        if trimmed.is_empty() { "plan" } else { trimmed }
    )
}

/// Largest file the app reads (a plan of ten thousand salespeople is about 3 MB).
pub const MAX_FILE_BYTES: f64 = 50.0 * 1024.0 * 1024.0;

/// Reads a picked or dropped file as text, refusing files too large to be a plan before
/// reading them.
pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    if file.size() > MAX_FILE_BYTES {
        // Whole megabytes: formatting floats would cost wasm size for nothing.
        let mb = |bytes: f64| (bytes / 1024.0 / 1024.0).ceil() as u64;
        return Err(format!(
            "{} MB > {} MB",
            mb(file.size()),
            mb(MAX_FILE_BYTES)
        ));
    }
    let value = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|e| format!("{e:?}"))?;
    value.as_string().ok_or_else(|| "not text".to_string())
}

/// Reads a picked file's bytes (an actuals CSV, whose encoding is checked line by line),
/// refusing files too large before reading them.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    if file.size() > MAX_FILE_BYTES {
        return Err(format!(
            "> {} MB",
            (MAX_FILE_BYTES / 1024.0 / 1024.0) as u64
        ));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
