//! The README's demo: start the local SePay sandbox, then list bank accounts and
//! the most recent transactions through the Rust client, as tables.
//!
//! `cargo run -p sepay-examples --bin demo` (set `SEPAY_BASE_URL` and
//! `SEPAY_TOKEN` to talk to a sandbox you started yourself instead).

use sepay::userapi::v2::{
    SortOrder, TransferType, V2BankAccountListParams, V2TransactionListParams,
};
use sepay::{BaseUrls, Client};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (base_url, token, _sandbox) = match std::env::var("SEPAY_BASE_URL") {
        Ok(url) => (url, std::env::var("SEPAY_TOKEN")?, None),
        Err(_) => {
            let token =
                "DEMO_TOKEN_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqr".to_string();
            let config = sepay_sandbox::SandboxConfig {
                token: token.clone(),
                transactions: 2_000,
                bank_accounts: 4,
                ..Default::default()
            };
            let sandbox = sepay_sandbox::start(config, "127.0.0.1:0".parse()?).await?;
            (sandbox.base_url(), token, Some(sandbox))
        }
    };
    println!("SePay sandbox at {base_url}\n");
    let client = Client::builder()
        .token(token)
        .base_urls(BaseUrls::emulator(&base_url)?)
        .build()?;

    println!("Bank accounts (User API v2)");
    println!(
        "{:<14} {:<26} {:<16} {:>18}  last transaction",
        "bank", "holder", "account", "balance (VND)"
    );
    let mut accounts = client
        .v2()
        .bank_accounts()
        .iter(&V2BankAccountListParams::default());
    while let Some(a) = accounts.next().await? {
        let last = a
            .last_transaction
            .map(|t| t.to_rfc3339())
            .unwrap_or_default();
        println!(
            "{:<14} {:<26} {:<16} {:>18}  {}",
            a.bank_short_name,
            a.account_holder_name,
            a.account_number,
            a.accumulated.to_string(),
            last
        );
    }

    println!("\nRecent transactions (User API v2, newest first)");
    println!(
        "{:<25} {:<4} {:>14} {:<12} memo",
        "time (+07:00)", "dir", "amount (VND)", "code"
    );
    let params = V2TransactionListParams {
        transaction_date_sort: Some(SortOrder::Desc),
        per_page: Some(10),
        ..Default::default()
    };
    let page = client.v2().transactions().list(&params).await?;
    for t in &page.items {
        let amount = match t.transfer_type {
            TransferType::In => t.amount_in,
            TransferType::Out => t.amount_out,
        };
        println!(
            "{:<25} {:<4} {:>14} {:<12} {}",
            t.transaction_date.to_rfc3339(),
            t.transfer_type.as_str(),
            amount.to_string(),
            t.code.as_deref().unwrap_or("-"),
            t.transaction_content
        );
    }
    if let Some(p) = page.pagination {
        println!("\n{} of {} transactions shown", page.items.len(), p.total);
    }
    let count = client
        .v1()
        .transactions()
        .count(&Default::default())
        .await?;
    println!("User API v1 counts the same history: {count} transactions");
    Ok(())
}
