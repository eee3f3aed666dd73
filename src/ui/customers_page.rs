//! The customer archive (客户档案): add and find distributors and terminals, open a record to
//! edit it (every change kept with its date), record visits, see who has not been visited for
//! too long, and give the sub-districts' named target customers their records.

mod add_customer_form;
mod archive_filters;
mod customer_list;
mod customer_record;
mod record_history;
mod stale_customers;
mod target_customers;

use leptos::prelude::*;

use super::exec::ExecPage;
use super::state::{App, use_app};
use crate::core::edit::Part;
use crate::view::exec::customers::ArchiveFilter;
use add_customer_form::AddCustomerForm;
use archive_filters::ArchiveFilters;
use customer_list::CustomerList;
use customer_record::CustomerRecord;
use stale_customers::StaleCustomers;
use target_customers::TargetCustomers;

/// Opens a record and brings it into view once it is drawn.
fn open_record(app: App, id: String) {
    app.customer.set(Some(id));
    request_animation_frame(|| {
        if let Some(el) = document().get_element_by_id("customer-record") {
            el.scroll_into_view();
        }
    });
}

/// The archive route.
#[component]
pub fn CustomersPage() -> impl IntoView {
    let app = use_app();
    let search = RwSignal::new(String::new());
    let filter = RwSignal::new(ArchiveFilter::default());
    // The open record, while it exists (a removal or an undo can take it away).
    let open = Memo::new(move |_| {
        let id = app.customer.get()?;
        app.with_plan(Part::Execution, |p| p.execution.customer(&id).is_some())
            .then_some(id)
    });
    view! {
        <ExecPage title=|x| x.page_customers intro=|x| x.customers_intro>
            <div class="card customers-page" id="customers">
                <AddCustomerForm search=search />
                {move || open.get().map(|id| view! { <CustomerRecord id=id /> })}
                <ArchiveFilters filter=filter />
                <CustomerList search=search filter=filter />
                <StaleCustomers filter=filter />
                <TargetCustomers />
            </div>
        </ExecPage>
    }
}
