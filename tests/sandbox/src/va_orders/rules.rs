//! Validation of VA-order bodies per bank (sepay-api.md §4.2). Messages and
//! the order of the checks are sandbox inventions; the error codes
//! (`validation_error`, `invalid_tid_format`, `invalid_tid`) are documented.

use serde_json::Value;

use crate::common::body::Fields;
use crate::common::ids::Uuid;
use crate::common::respond::ApiResponse;
use crate::dataset::accounts::BankAccount;
use crate::va_orders::model::QrOptions;
use crate::va_orders::store::{NewOrder, NewVa, OrderBank};

/// Largest amount: 12 digits.
pub const MAX_AMOUNT: u64 = 999_999_999_999;

type Errors = Vec<(String, String)>;

fn push(errors: &mut Errors, key: &str, msg: &str) {
    errors.push((key.to_string(), msg.to_string()));
}

/// `amount`: `Ok(None)` when absent, empty or `null`.
fn amount(f: &Fields, errors: &mut Errors) -> Option<u64> {
    const MSG: &str = "The amount must be a positive integer of at most 12 digits.";
    let n = match f.get("amount")? {
        Value::Null => return None,
        Value::Number(n) => n.as_u64(),
        Value::String(s) if s.trim().is_empty() => return None,
        Value::String(s) => {
            let s = s.trim();
            s.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| s.parse().ok())
                .flatten()
        }
        _ => None,
    };
    match n {
        Some(n) if (1..=MAX_AMOUNT).contains(&n) => Some(n),
        _ => {
            push(errors, "amount", MSG);
            None
        }
    }
}

fn holder_name(f: &Fields, bank: OrderBank, errors: &mut Errors) -> Option<String> {
    let name = f.text("va_holder_name")?;
    if bank != OrderBank::Bidv {
        push(
            errors,
            "va_holder_name",
            "The va holder name is only supported for BIDV.",
        );
        return None;
    }
    let ok = name.len() <= 50
        && name
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b' ');
    if !ok {
        push(
            errors,
            "va_holder_name",
            "The va holder name may only contain A-Z, 0-9 and spaces (at most 50).",
        );
        return None;
    }
    Some(name)
}

/// `duration` (seconds) → expiry, and the QR options.
fn common(f: &Fields, now: i64, errors: &mut Errors) -> (Option<i64>, QrOptions) {
    let expired_at = f.text("duration").and_then(|d| match d.parse::<u32>() {
        Ok(n) if n > 0 && d.bytes().all(|b| b.is_ascii_digit()) => Some(now + i64::from(n)),
        _ => {
            push(
                errors,
                "duration",
                "The duration must be a positive integer (seconds).",
            );
            None
        }
    });
    let with_qrcode = match f.text("with_qrcode").as_deref() {
        None | Some("0") | Some("false") => false,
        Some("1") | Some("true") => true,
        Some(_) => {
            push(
                errors,
                "with_qrcode",
                "The with qrcode field must be 0 or 1.",
            );
            false
        }
    };
    let template = match f.text("qrcode_template").as_deref() {
        None => None,
        Some("compact") => Some("compact"),
        Some("qronly") => Some("qronly"),
        Some(_) => {
            push(
                errors,
                "qrcode_template",
                "The qrcode template must be compact or qronly.",
            );
            None
        }
    };
    (
        expired_at,
        QrOptions {
            with_qrcode,
            template,
        },
    )
}

fn finish(errors: Errors) -> Result<(), ApiResponse> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiResponse::v2_validation(&errors))
    }
}

/// Checks a create body for `account` (whose bank is `bank`).
pub fn new_order(
    f: &Fields,
    account: &BankAccount,
    bank: OrderBank,
    now: i64,
) -> Result<(NewOrder, QrOptions), ApiResponse> {
    let mut errors = Errors::new();
    let order_code = f.text("order_code");
    if let Some(c) = &order_code {
        let max = if bank == OrderBank::Vietcombank {
            15
        } else {
            50
        };
        if !(6..=max).contains(&c.len()) || !c.bytes().all(|b| b.is_ascii_alphanumeric()) {
            let msg = format!("The order code must be 6 to {max} letters or digits.");
            push(&mut errors, "order_code", &msg);
        }
    }
    let amount = amount(f, &mut errors);
    let amount_given = errors.iter().any(|(k, _)| k == "amount") || amount.is_some();
    if bank != OrderBank::Bidv && !amount_given {
        push(&mut errors, "amount", "The amount field is required.");
    }
    let holder = holder_name(f, bank, &mut errors);
    let (expired_at, qr) = common(f, now, &mut errors);
    let tid = f.text("tid");
    if bank == OrderBank::Vietcombank && tid.is_none() {
        push(
            &mut errors,
            "tid",
            "The tid field is required for Vietcombank accounts.",
        );
    }
    let va_prefix = f.text("va_prefix");
    match &va_prefix {
        None if bank == OrderBank::Sacombank => push(
            &mut errors,
            "va_prefix",
            "The va prefix field is required for Sacombank accounts.",
        ),
        Some(p) if p.len() > 20 || !p.bytes().all(|b| b.is_ascii_alphanumeric()) => push(
            &mut errors,
            "va_prefix",
            "The va prefix must be at most 20 letters or digits.",
        ),
        _ => {}
    }
    finish(errors)?;
    let tid = if bank == OrderBank::Vietcombank {
        let t = tid.unwrap_or_default();
        if Uuid::parse(&t).is_some() || !t.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ApiResponse::v2_error(
                422,
                "The tid must be the raw Vietcombank terminal id (e.g. 20933557), not a UUID.",
                "invalid_tid_format",
            ));
        }
        if !account.terminals.iter().any(|x| x.tid == t && x.active) {
            return Err(ApiResponse::v2_error(
                422,
                "The tid is not a terminal of this bank account.",
                "invalid_tid",
            ));
        }
        Some(t)
    } else {
        None
    };
    let new = NewOrder {
        order_code,
        amount,
        va_holder_name: holder.unwrap_or_else(|| account.holder.to_string()),
        expired_at,
        tid,
        va_prefix: va_prefix.filter(|_| bank == OrderBank::Sacombank),
    };
    Ok((new, qr))
}

/// Checks an add-VA body.
pub fn new_va(f: &Fields, bank: OrderBank, now: i64) -> Result<(NewVa, QrOptions), ApiResponse> {
    let mut errors = Errors::new();
    let amount = amount(f, &mut errors);
    let amount_given = errors.iter().any(|(k, _)| k == "amount") || amount.is_some();
    if bank != OrderBank::Bidv && !amount_given {
        push(&mut errors, "amount", "The amount field is required.");
    }
    let va_holder_name = holder_name(f, bank, &mut errors);
    let (expired_at, qr) = common(f, now, &mut errors);
    finish(errors)?;
    Ok((
        NewVa {
            amount,
            va_holder_name,
            expired_at,
        },
        qr,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Dataset;

    fn fields(v: serde_json::Value) -> Fields {
        Fields(v.as_object().unwrap().clone().into_iter().collect())
    }

    fn code(r: ApiResponse) -> serde_json::Value {
        serde_json::from_slice(&r.body).unwrap()
    }

    #[test]
    fn per_bank_rules() {
        let ds = Dataset::generate(42, 10, 3);
        let (vcb, stb, bidv) = (&ds.accounts[0], &ds.accounts[1], &ds.accounts[2]);
        let ok = new_order(
            &fields(serde_json::json!({"amount": null})),
            bidv,
            OrderBank::Bidv,
            0,
        );
        assert_eq!(ok.unwrap().0.amount, None);
        let e = new_order(
            &fields(serde_json::json!({"amount": 5})),
            stb,
            OrderBank::Sacombank,
            0,
        );
        assert!(code(e.unwrap_err())["errors"]["va_prefix"].is_array());
        let e = new_order(
            &fields(serde_json::json!({})),
            vcb,
            OrderBank::Vietcombank,
            0,
        );
        let b = code(e.unwrap_err());
        assert!(b["errors"]["tid"].is_array() && b["errors"]["amount"].is_array());
        let uuid = vcb.terminals[0].uuid.to_string();
        let e = new_order(
            &fields(serde_json::json!({"amount": 5, "tid": uuid})),
            vcb,
            OrderBank::Vietcombank,
            0,
        );
        assert_eq!(code(e.unwrap_err())["error_code"], "invalid_tid_format");
        let e = new_order(
            &fields(serde_json::json!({"amount": "5", "tid": "11112222"})),
            vcb,
            OrderBank::Vietcombank,
            0,
        );
        assert_eq!(code(e.unwrap_err())["error_code"], "invalid_tid");
        let tid = vcb.terminals[1].tid.clone();
        let (o, _) = new_order(
            &fields(serde_json::json!({"amount": "5", "tid": tid, "duration": "60"})),
            vcb,
            OrderBank::Vietcombank,
            100,
        )
        .unwrap();
        assert_eq!((o.amount, o.expired_at), (Some(5), Some(160)));
        for bad in [
            serde_json::json!({"amount": 0}),
            serde_json::json!({"amount": 1.5}),
            serde_json::json!({"amount": 1_000_000_000_000u64}),
            serde_json::json!({"order_code": "AB-123"}),
            serde_json::json!({"order_code": "ABC"}),
            serde_json::json!({"va_holder_name": "Nguyễn"}),
            serde_json::json!({"with_qrcode": 2}),
        ] {
            assert!(
                new_order(&fields(bad.clone()), bidv, OrderBank::Bidv, 0).is_err(),
                "{bad}"
            );
        }
        let e = new_order(
            &fields(serde_json::json!({"amount": 5, "tid": tid, "order_code": "A".repeat(16)})),
            vcb,
            OrderBank::Vietcombank,
            0,
        );
        assert!(code(e.unwrap_err())["errors"]["order_code"].is_array());
        assert!(new_va(&fields(serde_json::json!({})), OrderBank::Sacombank, 0).is_err());
        assert!(new_va(&fields(serde_json::json!({})), OrderBank::Bidv, 0).is_ok());
    }
}
