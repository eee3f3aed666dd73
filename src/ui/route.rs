//! The app's routes, in the page address after `#` (`index.html#/tracking`), so a route can
//! be bookmarked and the app works opened from disk (`file://`), where a path-based router
//! cannot. leptos_router has no hash mode; this is the small part of one the app needs: the
//! address follows the route and the route the address.

use leptos::prelude::*;

use super::state::App;
use crate::storage::browser;

/// Every screen of the app.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Route {
    #[default]
    Territory,
    Tiers,
    Breakdown,
    Compare,
    Print,
    Log,
    /// Compare plan files, merge returned copies, send a part.
    Merge,
    Actuals,
    Tracking,
    Competition,
    Customers,
    Scorecard,
    Expenses,
}

impl Route {
    /// The planning routes, in tab order.
    pub const PLANNING: [Route; 7] = [
        Route::Territory,
        Route::Tiers,
        Route::Breakdown,
        Route::Compare,
        Route::Print,
        Route::Log,
        Route::Merge,
    ];

    /// The execution routes (计划执行), in tab order.
    pub const EXECUTION: [Route; 6] = [
        Route::Actuals,
        Route::Tracking,
        Route::Competition,
        Route::Customers,
        Route::Scorecard,
        Route::Expenses,
    ];

    /// The route's name in the address.
    pub fn slug(self) -> &'static str {
        match self {
            Route::Territory => "territory",
            Route::Tiers => "tiers",
            Route::Breakdown => "breakdown",
            Route::Compare => "compare",
            Route::Print => "print",
            Route::Log => "log",
            Route::Merge => "merge",
            Route::Actuals => "actuals",
            Route::Tracking => "tracking",
            Route::Competition => "competition",
            Route::Customers => "customers",
            Route::Scorecard => "scorecard",
            Route::Expenses => "expenses",
        }
    }

    /// The route an address fragment (`#/tiers`) names.
    pub fn from_hash(hash: &str) -> Option<Route> {
        let slug = hash.trim_start_matches('#').trim_start_matches('/');
        Self::PLANNING
            .into_iter()
            .chain(Self::EXECUTION)
            .find(|r| r.slug() == slug)
    }

    /// Whether this is one of the execution routes.
    pub fn is_execution(self) -> bool {
        Self::EXECUTION.contains(&self)
    }
}

/// Writes the route into the address in place of what is there, adding no history step.
fn show_route_in_address(route: Route) {
    if let Ok(history) = window().history() {
        let slug = format!("#/{}", route.slug());
        let _ =
            history.replace_state_with_url(&web_sys::wasm_bindgen::JsValue::NULL, "", Some(&slug));
    }
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Starts the route on the address's, else on the one used last; then keeps the address, the
/// route and the remembered route in step. Returns the address fragment when it carries
/// something else (a shared plan).
pub fn start(app: App) -> Option<String> {
    let hash = current_hash();
    let from_address = Route::from_hash(&hash);
    let start = from_address
        .or_else(|| browser::saved_route().and_then(|slug| Route::from_hash(&slug)))
        .unwrap_or_default();
    app.route.set(start);
    Effect::new(move |_| {
        let route = app.route.get();
        let slug = format!("#/{}", route.slug());
        if current_hash() != slug {
            let _ = window().location().set_hash(&slug);
        }
        browser::save_route(route.slug());
    });
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = current_hash();
        if hash.starts_with(crate::core::share_link::FRAGMENT_PREFIX) {
            // A share link pasted into this window: offer its plan, and put the route back in
            // the address (without a step in the history) so a reload does not offer it again.
            show_route_in_address(app.route.get_untracked());
            super::library::open_shared(app, hash);
        } else if let Some(route) = Route::from_hash(&hash)
            && route != app.route.get_untracked()
        {
            // A route typed into the address, or Back. The address this window wrote itself
            // comes back here too: setting the route again would build the page a second time.
            app.route.set(route);
        }
    });
    (from_address.is_none() && !hash.is_empty()).then_some(hash)
}
