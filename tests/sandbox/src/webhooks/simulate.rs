//! `POST /__sandbox/simulate/transaction`: a bank transfer arrives, is
//! appended to the dataset and triggers the user webhooks.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::common::ids::Uuid;
use crate::common::timefmt::DateTime;
use crate::dataset::simulated::{extract_code, NewTxn};
use crate::dataset::Dataset;
use crate::server::state::AppState;
use crate::v2::account_index;
use crate::webhooks::payload::WebhookPayload;
use crate::webhooks::send::deliver_all;

/// Body of `POST /__sandbox/simulate/transaction`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SimulateTransaction {
    /// v1 id (`"1"` or `1`) or v2 UUID of the bank account; default the first.
    #[serde(default)]
    pub bank_account_id: Option<Value>,
    /// Amount in whole VND (at least 1).
    pub amount: u64,
    /// Transfer memo.
    #[serde(default)]
    pub content: String,
    /// `in` (default) or `out`.
    #[serde(default = "default_in")]
    pub transfer_type: String,
    /// Payment code to report instead of the one detected in `content`
    /// (`DH` + digits); `""` = none.
    #[serde(default)]
    pub code: Option<String>,
    /// Number of one of the account's virtual accounts the transfer went to.
    #[serde(default)]
    pub sub_account: Option<String>,
}

fn default_in() -> String {
    "in".to_string()
}

impl SimulateTransaction {
    /// An incoming transfer of `amount` with memo `content` to the first account.
    pub fn incoming(amount: u64, content: impl Into<String>) -> SimulateTransaction {
        SimulateTransaction {
            bank_account_id: None,
            amount,
            content: content.into(),
            transfer_type: default_in(),
            code: None,
            sub_account: None,
        }
    }
}

/// The answer: the new transaction in both API versions' terms plus the webhook sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SimulatedTransaction {
    /// v1 id (also the webhook `id`).
    pub v1_id: u64,
    /// v2 id.
    pub v2_id: String,
    /// v1 id of the bank account.
    pub bank_account_id: String,
    /// v2 id of the bank account.
    pub bank_account_uuid: String,
    /// `YYYY-MM-DD HH:MM:SS`.
    pub transaction_date: String,
    /// `in` or `out`.
    pub transfer_type: String,
    /// Amount in VND.
    pub amount: u64,
    /// Balance after the transaction.
    pub accumulated: u64,
    /// Payment code.
    pub code: Option<String>,
    /// Memo.
    pub content: String,
    /// Bank reference.
    pub reference_number: String,
    /// Virtual account, if any.
    pub sub_account: Option<String>,
    /// The webhook payload delivered.
    pub webhook: WebhookPayload,
    /// Ids of the targets it is being delivered to.
    pub delivered_to: Vec<u64>,
}

fn account_of(ds: &Dataset, id: Option<&Value>) -> Result<u32, String> {
    let bad = || "unknown bank_account_id".to_string();
    let index = match id {
        None | Some(Value::Null) => 0,
        Some(Value::Number(n)) => n.as_u64().and_then(|n| n.checked_sub(1)).ok_or_else(bad)? as u32,
        Some(Value::String(s)) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => s
            .parse::<u32>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .ok_or_else(bad)?,
        Some(Value::String(s)) => Uuid::parse(s)
            .and_then(|u| account_index(ds, &u))
            .ok_or_else(bad)?,
        Some(_) => return Err(bad()),
    };
    if (index as usize) < ds.accounts.len() {
        Ok(index)
    } else if ds.accounts.is_empty() {
        Err("the dataset has no bank account".to_string())
    } else {
        Err(bad())
    }
}

/// Appends the transaction, then starts the webhook deliveries.
pub fn simulate(
    app: &Arc<AppState>,
    req: SimulateTransaction,
) -> Result<SimulatedTransaction, String> {
    let incoming = match req.transfer_type.as_str() {
        "in" => true,
        "out" => false,
        _ => return Err("transfer_type must be in or out".to_string()),
    };
    let code = match req.code {
        Some(c) if c.is_empty() => None,
        Some(c) => Some(c),
        None => extract_code(&req.content),
    };
    let new = {
        let ds = app.dataset();
        let account = account_of(&ds, req.bank_account_id.as_ref())?;
        let va_slot = match req.sub_account.as_deref().filter(|s| !s.is_empty()) {
            None => None,
            Some(va) => {
                let vas = &ds.accounts[account as usize].vas;
                let j = vas.iter().position(|v| v.va == va);
                Some(j.ok_or("sub_account is not a VA of that bank account")? as u32)
            }
        };
        NewTxn {
            account,
            amount: req.amount,
            incoming,
            content: req.content,
            code,
            va_slot,
            order_va: None,
        }
    };
    append_and_deliver(app, new)
}

/// Appends `new` to the dataset, then starts the webhook deliveries to every
/// registered target (also used by VA-order payments).
pub fn append_and_deliver(
    app: &Arc<AppState>,
    new: NewTxn,
) -> Result<SimulatedTransaction, String> {
    let (view, payload) = {
        let mut ds = app.dataset_mut();
        let id = ds.append(new)?;
        #[allow(
            clippy::expect_used,
            reason = "append returned the id of the row it pushed, under the same lock"
        )]
        let t = ds.txn(id).expect("just appended");
        let payload = WebhookPayload::of(&t);
        let acc = t.account();
        let view = SimulatedTransaction {
            v1_id: id,
            v2_id: t.uuid().to_string(),
            bank_account_id: acc.index.to_string(),
            bank_account_uuid: acc.uuid.to_string(),
            transaction_date: DateTime(t.date()).to_string(),
            transfer_type: payload.transfer_type.clone(),
            amount: t.amount(),
            accumulated: t.row.accumulated,
            code: payload.code.clone(),
            content: payload.content.clone(),
            reference_number: payload.reference_code.clone(),
            sub_account: payload.sub_account.clone(),
            webhook: payload.clone(),
            delivered_to: Vec::new(),
        };
        (view, payload)
    };
    let delivered_to = deliver_all(app, payload);
    Ok(SimulatedTransaction {
        delivered_to,
        ..view
    })
}
