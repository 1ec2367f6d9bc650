//! Where the Python binding's signature is not the one the table's inputs
//! give: the places where the Python API does not (yet) follow the table.
//! Each entry says why; the parameter text is exactly what the binding's
//! `#[pyo3(signature = ..)]` accepts (bindings-python/src/resources/).

/// A Python signature that replaces the generated one.
#[derive(Debug, Clone, Copy)]
pub struct Override {
    /// The operation (`surface.resource.action`).
    pub op: &'static str,
    /// The parameters after `self`, when they differ.
    pub params: Option<&'static [&'static str]>,
    /// The return annotation (before `Awaitable[..]`), when it differs.
    pub returns: Option<&'static str>,
}

/// VA order create: `bank` is optional (v1 means BIDV; v2 says which is
/// missing) and the order's fields are keyword arguments.
const ORDER_CREATE: &[&str] = &[
    "bank_account_id: str",
    "*",
    "bank: OrderBank | str | None = None",
    "**fields: Unpack[VaOrderFields]",
];

/// VA order add_va: as create, for an existing order.
const ORDER_ADD_VA: &[&str] = &[
    "bank_account_id: str",
    "order_id: str",
    "*",
    "bank: OrderBank | str | None = None",
    "**fields: Unpack[VaOrderFields]",
];

/// Every override.
pub const OVERRIDES: &[Override] = &[
    Override {
        op: "v1.orders.create",
        params: Some(ORDER_CREATE),
        returns: None,
    },
    Override {
        op: "v1.orders.add_va",
        params: Some(ORDER_ADD_VA),
        returns: None,
    },
    Override {
        op: "v2.orders.create",
        params: Some(ORDER_CREATE),
        returns: None,
    },
    Override {
        op: "v2.orders.add_va",
        params: Some(ORDER_ADD_VA),
        returns: None,
    },
    // Scopes as any iterable of strings (the table: `&[&str]`).
    Override {
        op: "oauth.authorization_url",
        params: Some(&["scopes: Iterable[str]", "state: str"]),
        returns: None,
    },
    // The binding parses the raw JSON text the core returns.
    Override {
        op: "oauth.company",
        params: None,
        returns: Some("dict[str, Any]"),
    },
    // Only `company_xid` is positional; `purpose` has a default
    // (LINK_BANK_ACCOUNT) and takes the enum or its text.
    Override {
        op: "bank_hub.link_tokens.create",
        params: Some(&[
            "company_xid: str",
            "*",
            "purpose: LinkPurpose | str = ...",
            "completion_redirect_uri: str | None = None",
            "bank_account_xid: str | None = None",
        ]),
        returns: None,
    },
    // `status` is a keyword with a default, typed as its two values.
    Override {
        op: "bank_hub.companies.create",
        params: Some(&[
            "full_name: str",
            "*",
            "status: Literal[\"Active\", \"Pending\"] = \"Active\"",
        ]),
        returns: None,
    },
    // `date` also takes a `datetime.date` (the table: text `YYYY-MM-DD`).
    Override {
        op: "bank_hub.companies.counter",
        params: Some(&["company_xid: str", "*", "date: date | str | None = None"]),
        returns: None,
    },
    // Keywords after the URL; `secret_key` as plain text; `allow_events`
    // (default: all) and `active` (default: true) optional.
    Override {
        op: "bank_hub.webhook.set",
        params: Some(&[
            "webhook_url: str",
            "*",
            "secret_key: str",
            "allow_events: builtins.list[str] | None = None",
            "active: bool = True",
        ]),
        returns: None,
    },
    // The fields of the core's `CheckoutRequest`, as keywords.
    Override {
        op: "pg.checkout",
        params: Some(&[
            "*",
            "order_amount: Money",
            "order_invoice_number: str",
            "order_description: str",
            "operation: PgOperation = \"PURCHASE\"",
            "payment_method: PgPaymentMethod | None = None",
            "customer_id: str | None = None",
            "success_url: str | None = None",
            "error_url: str | None = None",
            "cancel_url: str | None = None",
            "custom_data: str | None = None",
        ]),
        returns: None,
    },
];

/// The override of an operation, if any.
pub fn find(op: &str) -> Option<&'static Override> {
    OVERRIDES.iter().find(|o| o.op == op)
}
