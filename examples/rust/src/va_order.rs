//! A VA order from start to finish against the sandbox: create an order on a
//! BIDV account, watch a partial and then a full payment land, see it `Paid`,
//! and see that a paid order can no longer be cancelled.
//!
//! `cargo run -p sepay-examples --bin va-order`

use sepay::userapi::orders::{OrderBank, VaOrderCreateParams, VaOrderStatus};
use sepay::{Amount, BaseUrls, Client, Error};
use sepay_sandbox::va_pay::VaPay;

const TOKEN: &str = "DEMO_TOKEN_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqr";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = sepay_sandbox::start(
        sepay_sandbox::SandboxConfig {
            token: TOKEN.into(),
            transactions: 20,
            ..Default::default()
        },
        "127.0.0.1:0".parse()?,
    )
    .await?;
    let client = Client::builder()
        .token(TOKEN)
        .base_urls(BaseUrls::emulator(&sandbox.base_url())?)
        .build()?;

    // 1. Pick the BIDV account and open an order for 500,000 VND.
    let accounts = client
        .v2()
        .bank_accounts()
        .list(&Default::default())
        .await?;
    let bidv = accounts
        .items
        .iter()
        .find(|a| a.bank_short_name == "BIDV")
        .ok_or("the sandbox has a BIDV account")?;
    let orders = client.v2().orders();
    let amount = Amount::from_dong(500_000);
    let params = VaOrderCreateParams {
        order_code: Some("SHOP1001".into()),
        amount: Some(amount),
        ..Default::default()
    };
    let order = orders.create(&bidv.id, OrderBank::Bidv, &params).await?;
    let va = order.va_number.clone().ok_or("the order has a VA")?;
    println!(
        "order {} created: pay {amount} into VA {va}",
        order.order_code
    );

    // 2. The customer pays in two transfers (simulated by the sandbox).
    for amount in [200_000, 300_000] {
        sandbox.va_pay(&VaPay {
            va_number: va.clone(),
            amount,
            content: None,
        })?;
        let now = orders.get(&bidv.id, &order.id).await?;
        let paid = now.paid_amount.map(|a| a.to_string()).unwrap_or_default();
        println!(
            "after a transfer of {amount}: {:?}, paid {paid}",
            now.status
        );
    }
    let done = orders.get(&bidv.id, &order.id).await?;
    assert_eq!(done.status, VaOrderStatus::Paid);

    // 3. A paid order cannot be cancelled: SePay's 422 arrives as a typed error.
    match orders.cancel(&bidv.id, &order.id).await {
        Err(e @ Error::Validation { .. }) => println!("cancel refused: {e}"),
        other => return Err(format!("expected a validation error, got {other:?}").into()),
    }
    Ok(())
}
