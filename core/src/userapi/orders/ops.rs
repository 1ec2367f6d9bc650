//! VA order operations for v1 (`/userapi/bidv/{id}/orders…`, BIDV only) and v2
//! (`/v2/bank-accounts/{id}/orders…`). Creating and cancelling are state
//! changes: they are never re-sent after they may have reached SePay (SePay
//! documents no idempotency key), only when the connection provably failed.

use serde::Deserialize;

use crate::call::{Call, Decoder, Input};
use crate::error::{Error, Result};
use crate::http::HttpResponse;
use crate::operations::{op, OperationSpec};
use crate::paging::Page;
use crate::userapi::v2::envelope;

use super::models::VaOrder;
use super::params::{OrderBank, VaOrderCreateParams};

/// Which API the order endpoints live on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderApi {
    /// v1, BIDV only: `/userapi/bidv/{bank_account_id}/orders`.
    V1Bidv,
    /// v2: `/v2/bank-accounts/{bank_account_id}/orders`.
    V2,
}

/// The table entry of an order action on `api`.
fn spec(
    api: OrderApi,
    v1: &'static OperationSpec,
    v2: &'static OperationSpec,
) -> &'static OperationSpec {
    match api {
        OrderApi::V1Bidv => v1,
        OrderApi::V2 => v2,
    }
}

/// One call of an order action: VA orders answer in the v2 envelope on both APIs.
fn order_call<T, I: Input>(
    spec: &'static OperationSpec,
    args: &[&str],
    input: I,
    decode: Decoder<T>,
) -> Call<T, I> {
    Call::with_input(spec, args, input, decode).with_error(envelope::error)
}

/// The page asked for (v2; v1 lists every order at once).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OrderPage {
    /// Page number (from 1).
    pub page: Option<u32>,
    /// Page size (1–100).
    pub per_page: Option<u32>,
}

impl Input for OrderPage {
    fn query(&self, operation: &'static str) -> Result<Vec<(&'static str, String)>> {
        if self.per_page.is_some_and(|p| !(1..=100).contains(&p)) || self.page == Some(0) {
            return Err(Error::invalid_param(
                operation,
                "per_page",
                "page must be >= 1 and per_page 1–100",
            ));
        }
        let n = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_default();
        Ok(vec![("page", n(self.page)), ("per_page", n(self.per_page))])
    }
}

/// The fields of a new order or VA, checked against a bank's rules before sending.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderFields {
    /// The bank whose rules apply (v1 is always BIDV).
    pub bank: OrderBank,
    /// The fields.
    pub params: VaOrderCreateParams,
}

impl Input for OrderFields {
    fn body(&self, operation: &'static str) -> Result<Option<serde_json::Value>> {
        let bank = if operation.starts_with("v1.") {
            OrderBank::Bidv
        } else {
            self.bank
        };
        self.params.validate(bank, operation)?;
        Ok(Some(self.params.to_json()))
    }
}

/// List the orders of a bank account (v2: one page).
pub type ListOrders = Call<Page<VaOrder>, OrderPage>;
/// Create an order (one VA with the amount); never re-sent once it may have reached SePay.
pub type CreateOrder = Call<VaOrder, OrderFields>;
/// One order.
pub type GetOrder = Call<VaOrder, ()>;
/// Add another VA to an order; never re-sent once it may have reached SePay.
pub type AddVa = Call<VaOrder, OrderFields>;
/// Cancel a `Pending` order, or one `Unpaid` VA of an order (last path
/// segment: the VA number — UNVERIFIED, SePay's table is truncated there).
pub type CancelOrder = Call<(), ()>;

#[derive(Deserialize)]
struct V1Orders {
    orders: Vec<VaOrder>,
}

/// v2 answers a page; v1 `{"data": {"orders": [...]}}` without paging.
fn decode_list(operation: &str, response: &HttpResponse) -> Result<Page<VaOrder>> {
    if operation.starts_with("v1.") {
        Ok(Page {
            items: envelope::single::<V1Orders>(operation, response)?.orders,
            pagination: None,
        })
    } else {
        envelope::page(operation, response)
    }
}

impl ListOrders {
    /// The orders of `bank_account_id` on `api`.
    pub fn list(api: OrderApi, bank_account_id: &str, page: OrderPage) -> Self {
        let spec = spec(api, op!("v1.orders.list"), op!("v2.orders.list"));
        order_call(spec, &[bank_account_id], page, decode_list)
    }
}

impl CreateOrder {
    /// A new order on `bank_account_id` after checking `fields.bank`'s rules.
    pub fn create(api: OrderApi, bank_account_id: &str, fields: OrderFields) -> Self {
        let spec = spec(api, op!("v1.orders.create"), op!("v2.orders.create"));
        order_call(spec, &[bank_account_id], fields, envelope::single)
    }

    /// Another VA on order `order_id`.
    pub fn add_va(
        api: OrderApi,
        bank_account_id: &str,
        order_id: &str,
        fields: OrderFields,
    ) -> Self {
        let spec = spec(api, op!("v1.orders.add_va"), op!("v2.orders.add_va"));
        order_call(spec, &[bank_account_id, order_id], fields, envelope::single)
    }
}

impl GetOrder {
    /// Order `order_id` of `bank_account_id`.
    pub fn get(api: OrderApi, bank_account_id: &str, order_id: &str) -> Self {
        let spec = spec(api, op!("v1.orders.get"), op!("v2.orders.get"));
        order_call(spec, &[bank_account_id, order_id], (), envelope::single)
    }
}

impl CancelOrder {
    /// Cancel order `order_id` (SePay answers 204; others → 422 `invalid_state`).
    pub fn cancel(api: OrderApi, bank_account_id: &str, order_id: &str) -> Self {
        let spec = spec(api, op!("v1.orders.cancel"), op!("v2.orders.cancel"));
        order_call(spec, &[bank_account_id, order_id], (), no_content)
    }

    /// Cancel VA `va_number` of order `order_id`.
    pub fn cancel_va(
        api: OrderApi,
        bank_account_id: &str,
        order_id: &str,
        va_number: &str,
    ) -> Self {
        let spec = spec(api, op!("v1.orders.cancel_va"), op!("v2.orders.cancel_va"));
        order_call(
            spec,
            &[bank_account_id, order_id, va_number],
            (),
            no_content,
        )
    }
}

/// 204 (or any 2xx) means done; anything else is the error envelope.
fn no_content(operation: &str, response: &HttpResponse) -> Result<()> {
    if (200..300).contains(&response.status) {
        Ok(())
    } else {
        Err(envelope::error(operation, response))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{BaseUrls, Environment};
    use crate::http::Method;
    use crate::money::Amount;
    use crate::operation::Operation;

    fn urls() -> BaseUrls {
        BaseUrls::for_environment(Environment::Live)
    }

    fn bidv(params: VaOrderCreateParams) -> OrderFields {
        OrderFields {
            bank: OrderBank::Bidv,
            params,
        }
    }

    #[test]
    fn paths_per_api() {
        let get = GetOrder::get(OrderApi::V1Bidv, "19", "o1");
        assert_eq!(
            get.request(&urls()).unwrap().url.as_str(),
            "https://my.sepay.vn/userapi/bidv/19/orders/o1"
        );
        let cancel_va = CancelOrder::cancel_va(OrderApi::V2, "19", "o1", "9704");
        let r = cancel_va.request(&urls()).unwrap();
        assert_eq!(r.method, Method::Delete);
        assert_eq!(
            r.url.as_str(),
            "https://userapi.sepay.vn/v2/bank-accounts/19/orders/o1/va/9704"
        );
        let add = AddVa::add_va(OrderApi::V1Bidv, "19", "o1", bidv(Default::default()));
        assert_eq!(
            add.request(&urls()).unwrap().url.as_str(),
            "https://my.sepay.vn/userapi/bidv/19/orders/o1/vas"
        );
        assert!(!add.idempotent());
    }

    #[test]
    fn create_decodes_the_documented_answer_and_checks_rules_first() {
        let fields = OrderFields {
            bank: OrderBank::Vietcombank,
            params: VaOrderCreateParams {
                amount: Some(Amount::from_dong(500_000)),
                ..Default::default()
            },
        };
        let create = CreateOrder::create(OrderApi::V2, "19", fields);
        assert!(create.request(&urls()).is_err(), "Vietcombank needs a tid");
        let body = r#"{"status": "success", "data": {"id": "b1c2d3e4-f5a6-7890-bcde-f12345678901", "order_code": "DH001",
 "va_number": "9704070012345678", "va_holder_name": "NGUYEN VAN A", "amount": 500000, "status": "Pending",
 "bank_name": "BIDV", "account_holder_name": "NGUYEN VAN A", "account_number": "2611000000",
 "expired_at": "2026-03-11 10:00:00", "qr_code": "data:image/png;base64,...", "qr_code_url": "https://qr.sepay.vn/..."}}"#;
        let resp = HttpResponse {
            status: 201,
            headers: vec![],
            body: body.as_bytes().to_vec().into(),
        };
        let order = create.decode(&resp).unwrap();
        assert_eq!(order.status, super::super::models::VaOrderStatus::Pending);
        assert_eq!(order.amount, Some(Amount::from_dong(500_000)));
        assert_eq!(
            order.expired_at.unwrap().to_rfc3339(),
            "2026-03-11T10:00:00+07:00"
        );
    }

    #[test]
    fn v1_list_reads_data_orders_and_cancel_reads_204() {
        let list = ListOrders::list(OrderApi::V1Bidv, "19", OrderPage::default());
        let body = r#"{"status": "success", "data": {"orders": [{"id": "b64247d3-c343-11ef-9c27-52c7e9b4f41b",
  "order_code": "ORD123456789", "amount": 2000, "paid_amount": 2000, "status": "Paid",
  "created_at": "2024-12-26 11:41:46", "bank_name": "BIDV"}]}}"#;
        let resp = HttpResponse {
            status: 200,
            headers: vec![],
            body: body.as_bytes().to_vec().into(),
        };
        let page = list.decode(&resp).unwrap();
        assert_eq!(page.items[0].paid_amount, Some(Amount::from_dong(2000)));
        let cancel = CancelOrder::cancel(OrderApi::V2, "19", "o");
        cancel
            .decode(&HttpResponse {
                status: 204,
                headers: vec![],
                body: Default::default(),
            })
            .unwrap();
        let refused = HttpResponse {
            status: 422,
            headers: vec![],
            body: br#"{"status":"error","message":"Only Pending orders can be cancelled","error_code":"invalid_state"}"#.to_vec().into(),
        };
        let e = cancel.decode(&refused).unwrap_err();
        assert!(
            matches!(
                e,
                Error::Validation {
                    status: Some(422),
                    ..
                }
            ),
            "{e}"
        );
        assert_eq!(e.code(), Some("invalid_state"));
    }
}
