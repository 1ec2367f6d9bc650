//! Bank Hub against the sandbox: the client fetches and renews its own
//! client-credentials token; create a hosted link session for a company, then
//! read the company's counters, linked bank accounts and transactions.
//!
//! `cargo run -p sepay-examples --bin bank-hub`

use sepay::bank_hub::{BankHubListParams, LinkPurpose};
use sepay::{BaseUrls, Client};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = sepay_sandbox::start(
        sepay_sandbox::SandboxConfig {
            transactions: 200,
            ..Default::default()
        },
        "127.0.0.1:0".parse()?,
    )
    .await?;
    let client = Client::builder()
        .base_urls(BaseUrls::emulator(&sandbox.base_url())?)
        .bank_hub("sandbox-bankhub", "sandbox-bankhub-secret")
        .build()?;
    let hub = client.bank_hub();

    let company = hub
        .companies()
        .list(&BankHubListParams::default())
        .await?
        .items
        .into_iter()
        .next()
        .ok_or("the sandbox has a company")?;
    println!("company {} ({})", company.full_name, company.xid);

    // Send the company's user to SePay's hosted page to link an account.
    let link = hub
        .link_tokens()
        .create(&company.xid, LinkPurpose::LinkBankAccount, None, None)
        .await?;
    let info = hub.link_tokens().get(&link.link_token).await?;
    println!(
        "link session {}: {} ({})",
        link.xid, link.hosted_link_url, info.status
    );

    let counter = hub.companies().counter(&company.xid, None).await?;
    println!(
        "transactions so far: {} ({} in)",
        counter.total.transaction, counter.total.transaction_in
    );
    let by_company = BankHubListParams {
        company_xid: Some(company.xid.clone()),
        ..Default::default()
    };
    for account in hub.bank_accounts().list(&by_company).await?.items {
        println!(
            "account {} {} ({})",
            account.brand_name, account.account_number, account.accumulated
        );
    }
    let mut transactions = hub.transactions().iter(&by_company);
    let mut shown = 0;
    while let Some(t) = transactions.next().await? {
        if shown < 5 {
            let date = t
                .transaction_date
                .map(|d| d.to_string())
                .unwrap_or_default();
            println!(
                "{date} {:?} {:>12} {}",
                t.transfer_type, t.amount, t.transaction_content
            );
        }
        shown += 1;
    }
    println!("{shown} transactions in all");
    Ok(())
}
