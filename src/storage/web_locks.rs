//! The Web Locks API (`navigator.locks`), the one method the library's lock needs. web-sys has
//! it only among its unstable APIs, whose build flag changes the types of other APIs for the
//! whole app (scroll positions become doubles) and which may change in any release.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `navigator.locks`.
    #[wasm_bindgen(extends = js_sys::Object)]
    pub type LockManager;

    /// `locks.request(name, callback)`: calls `callback` once the lock is granted and holds it
    /// until the promise `callback` returns settles; settles with that promise.
    #[wasm_bindgen(method)]
    pub fn request(this: &LockManager, name: &str, callback: &JsValue) -> js_sys::Promise;
}

/// This browser's lock manager, if it has one.
pub fn lock_manager() -> Option<LockManager> {
    let navigator = web_sys::window()?.navigator();
    let locks = js_sys::Reflect::get(&navigator, &JsValue::from_str("locks")).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then(|| locks.unchecked_into())
}
