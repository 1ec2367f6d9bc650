//! VA order operations for v1 (`/userapi/bidv/{id}/orders…`, BIDV only) and v2
//! (`/v2/bank-accounts/{id}/orders…`). Creating and cancelling are state
//! changes: they are never re-sent after they may have reached SePay (SePay
//! documents no idempotency key), only when the connection provably failed.

use serde::Deserialize;

use crate::config::BaseUrls;
use crate::error::{Error, Result};
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::operation::Operation;
use crate::page::Page;
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

/// Where an order call goes: the API and the bank account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderTarget {
    /// v1 (BIDV) or v2.
    pub api: OrderApi,
    /// The bank account (v1 numeric id, v2 UUID).
    pub bank_account_id: String,
}

impl OrderTarget {
    fn url(
        &self,
        urls: &BaseUrls,
        operation: &str,
        tail: &[&str],
    ) -> Result<(url::Url, Vec<String>)> {
        crate::http::path_arg(operation, "bank_account_id", &self.bank_account_id)?;
        let (base, head): (&url::Url, Vec<&str>) = match self.api {
            OrderApi::V1Bidv => (
                &urls.user_api_v1,
                vec!["bidv", &self.bank_account_id, "orders"],
            ),
            OrderApi::V2 => (
                &urls.user_api_v2,
                vec!["bank-accounts", &self.bank_account_id, "orders"],
            ),
        };
        let mut segments: Vec<String> = head.into_iter().map(String::from).collect();
        for t in tail {
            crate::http::path_arg(operation, "id", t)?;
            segments.push(t.to_string());
        }
        Ok((base.clone(), segments))
    }

    fn va_segment(&self) -> &'static str {
        match self.api {
            OrderApi::V1Bidv => "vas",
            OrderApi::V2 => "va",
        }
    }
}

fn request(
    method: Method,
    base: &url::Url,
    segments: &[String],
    body: Option<&serde_json::Value>,
) -> HttpRequest {
    let segs: Vec<&str> = segments.iter().map(String::as_str).collect();
    match body {
        Some(b) => HttpRequest::json(method, base, &segs, b),
        None => {
            let mut r = HttpRequest::get(base, &segs, &[]);
            r.method = method;
            r
        }
    }
}

macro_rules! order_op {
    ($ty:ident, $out:ty, $v1:literal, $v2:literal, idempotent = $idem:literal) => {
        impl $ty {
            fn op_name(&self) -> &'static str {
                match self.target.api {
                    OrderApi::V1Bidv => $v1,
                    OrderApi::V2 => $v2,
                }
            }
        }
        impl Operation for $ty {
            type Output = $out;
            fn name(&self) -> &'static str {
                self.op_name()
            }
            fn request(&self, urls: &BaseUrls) -> Result<HttpRequest> {
                self.build(urls)
            }
            fn decode(&self, response: &HttpResponse) -> Result<$out> {
                self.read(response)
            }
            fn error(&self, response: &HttpResponse) -> Error {
                envelope::error(self.op_name(), response)
            }
            fn idempotent(&self) -> bool {
                $idem
            }
        }
    };
}

/// List the orders of a bank account.
#[derive(Debug, Clone)]
pub struct ListOrders {
    /// API and bank account.
    pub target: OrderTarget,
    /// Page (v2).
    pub page: Option<u32>,
    /// Page size (v2, 1–100).
    pub per_page: Option<u32>,
}

#[derive(Deserialize)]
struct V1Orders {
    orders: Vec<VaOrder>,
}

impl ListOrders {
    fn build(&self, urls: &BaseUrls) -> Result<HttpRequest> {
        let name = self.op_name();
        if self.per_page.is_some_and(|p| !(1..=100).contains(&p)) || self.page == Some(0) {
            return Err(Error::invalid_param(
                name,
                "per_page",
                "page must be >= 1 and per_page 1–100",
            ));
        }
        let (base, segs) = self.target.url(urls, name, &[])?;
        let mut r = request(Method::Get, &base, &segs, None);
        let mut q = r.url.query_pairs_mut();
        if let Some(p) = self.page {
            q.append_pair("page", &p.to_string());
        }
        if let Some(p) = self.per_page {
            q.append_pair("per_page", &p.to_string());
        }
        drop(q);
        if r.url.query() == Some("") {
            r.url.set_query(None);
        }
        Ok(r)
    }

    fn read(&self, response: &HttpResponse) -> Result<Page<VaOrder>> {
        match self.target.api {
            OrderApi::V2 => envelope::page(self.op_name(), response),
            OrderApi::V1Bidv => Ok(Page {
                items: envelope::single::<V1Orders>(self.op_name(), response)?.orders,
                pagination: None,
            }),
        }
    }
}
order_op!(
    ListOrders,
    Page<VaOrder>,
    "v1.orders.list",
    "v2.orders.list",
    idempotent = true
);

/// Create an order (one VA with the amount).
#[derive(Debug, Clone)]
pub struct CreateOrder {
    /// API and bank account.
    pub target: OrderTarget,
    /// The bank's rules to check (v1 is always BIDV).
    pub bank: OrderBank,
    /// Order fields.
    pub params: VaOrderCreateParams,
}

impl CreateOrder {
    fn build(&self, urls: &BaseUrls) -> Result<HttpRequest> {
        let name = self.op_name();
        let bank = if self.target.api == OrderApi::V1Bidv {
            OrderBank::Bidv
        } else {
            self.bank
        };
        self.params.validate(bank, name)?;
        let (base, segs) = self.target.url(urls, name, &[])?;
        Ok(request(
            Method::Post,
            &base,
            &segs,
            Some(&self.params.to_json()),
        ))
    }

    fn read(&self, response: &HttpResponse) -> Result<VaOrder> {
        envelope::single(self.op_name(), response)
    }
}
order_op!(
    CreateOrder,
    VaOrder,
    "v1.orders.create",
    "v2.orders.create",
    idempotent = false
);

/// Get one order.
#[derive(Debug, Clone)]
pub struct GetOrder {
    /// API and bank account.
    pub target: OrderTarget,
    /// Order id.
    pub order_id: String,
}

impl GetOrder {
    fn build(&self, urls: &BaseUrls) -> Result<HttpRequest> {
        let (base, segs) = self.target.url(urls, self.op_name(), &[&self.order_id])?;
        Ok(request(Method::Get, &base, &segs, None))
    }

    fn read(&self, response: &HttpResponse) -> Result<VaOrder> {
        envelope::single(self.op_name(), response)
    }
}
order_op!(
    GetOrder,
    VaOrder,
    "v1.orders.get",
    "v2.orders.get",
    idempotent = true
);

/// Cancel a `Pending` order (SePay answers 204; others → 422 `invalid_state`).
#[derive(Debug, Clone)]
pub struct CancelOrder {
    /// API and bank account.
    pub target: OrderTarget,
    /// Order id.
    pub order_id: String,
}

impl CancelOrder {
    fn build(&self, urls: &BaseUrls) -> Result<HttpRequest> {
        let (base, segs) = self.target.url(urls, self.op_name(), &[&self.order_id])?;
        Ok(request(Method::Delete, &base, &segs, None))
    }

    fn read(&self, response: &HttpResponse) -> Result<()> {
        no_content(self.op_name(), response)
    }
}
order_op!(
    CancelOrder,
    (),
    "v1.orders.cancel",
    "v2.orders.cancel",
    idempotent = false
);

/// Add another VA to an order.
#[derive(Debug, Clone)]
pub struct AddVa {
    /// API and bank account.
    pub target: OrderTarget,
    /// The bank's rules to check.
    pub bank: OrderBank,
    /// Order id.
    pub order_id: String,
    /// The VA's fields (amount, holder name, duration, ...).
    pub params: VaOrderCreateParams,
}

impl AddVa {
    fn build(&self, urls: &BaseUrls) -> Result<HttpRequest> {
        let name = self.op_name();
        let bank = if self.target.api == OrderApi::V1Bidv {
            OrderBank::Bidv
        } else {
            self.bank
        };
        self.params.validate(bank, name)?;
        let (base, segs) =
            self.target
                .url(urls, name, &[&self.order_id, self.target.va_segment()])?;
        Ok(request(
            Method::Post,
            &base,
            &segs,
            Some(&self.params.to_json()),
        ))
    }

    fn read(&self, response: &HttpResponse) -> Result<VaOrder> {
        envelope::single(self.op_name(), response)
    }
}
order_op!(
    AddVa,
    VaOrder,
    "v1.orders.add_va",
    "v2.orders.add_va",
    idempotent = false
);

/// Cancel one `Unpaid` VA of an order (last path segment: the VA number —
/// UNVERIFIED, SePay's table is truncated there).
#[derive(Debug, Clone)]
pub struct CancelVa {
    /// API and bank account.
    pub target: OrderTarget,
    /// Order id.
    pub order_id: String,
    /// VA number.
    pub va_number: String,
}

impl CancelVa {
    fn build(&self, urls: &BaseUrls) -> Result<HttpRequest> {
        let tail = [
            self.order_id.as_str(),
            self.target.va_segment(),
            self.va_number.as_str(),
        ];
        let (base, segs) = self.target.url(urls, self.op_name(), &tail)?;
        Ok(request(Method::Delete, &base, &segs, None))
    }

    fn read(&self, response: &HttpResponse) -> Result<()> {
        no_content(self.op_name(), response)
    }
}
order_op!(
    CancelVa,
    (),
    "v1.orders.cancel_va",
    "v2.orders.cancel_va",
    idempotent = false
);

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
    use crate::config::Environment;
    use crate::money::Amount;

    fn urls() -> BaseUrls {
        BaseUrls::for_environment(Environment::Live)
    }

    fn v(api: OrderApi) -> OrderTarget {
        OrderTarget {
            api,
            bank_account_id: "19".into(),
        }
    }

    #[test]
    fn paths_per_api() {
        let get = GetOrder {
            target: v(OrderApi::V1Bidv),
            order_id: "o1".into(),
        };
        assert_eq!(
            get.request(&urls()).unwrap().url.as_str(),
            "https://my.sepay.vn/userapi/bidv/19/orders/o1"
        );
        let cancel_va = CancelVa {
            target: v(OrderApi::V2),
            order_id: "o1".into(),
            va_number: "9704".into(),
        };
        let r = cancel_va.request(&urls()).unwrap();
        assert_eq!(r.method, Method::Delete);
        assert_eq!(
            r.url.as_str(),
            "https://userapi.sepay.vn/v2/bank-accounts/19/orders/o1/va/9704"
        );
        let add = AddVa {
            target: v(OrderApi::V1Bidv),
            bank: OrderBank::Bidv,
            order_id: "o1".into(),
            params: Default::default(),
        };
        assert_eq!(
            add.request(&urls()).unwrap().url.as_str(),
            "https://my.sepay.vn/userapi/bidv/19/orders/o1/vas"
        );
        assert!(!add.idempotent());
    }

    #[test]
    fn create_decodes_the_documented_answer_and_checks_rules_first() {
        let create = CreateOrder {
            target: v(OrderApi::V2),
            bank: OrderBank::Vietcombank,
            params: VaOrderCreateParams {
                amount: Some(Amount::from_dong(500_000)),
                ..Default::default()
            },
        };
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
        let list = ListOrders {
            target: v(OrderApi::V1Bidv),
            page: None,
            per_page: None,
        };
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
        let cancel = CancelOrder {
            target: v(OrderApi::V2),
            order_id: "o".into(),
        };
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
