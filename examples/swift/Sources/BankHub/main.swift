// Bank Hub: a platform adds its customers as companies, lets each link its bank accounts
// on SePay's hosted page (a link token), then reads their accounts and transactions.
// The client authenticates with client credentials: one token request per expiry,
// however many tasks call.
//   BankHub http://127.0.0.1:PORT  the local sepay-sandbox (its default Bank Hub client)
//   SEPAY_BANKHUB_CLIENT_ID=.. SEPAY_BANKHUB_CLIENT_SECRET=.. BankHub   real SePay
//       (creates a real company)
// scripts/test-mobile.sh runs it against the sandbox (Package.swift shows the command).
import Foundation
import SePay

let env = ProcessInfo.processInfo.environment
let sandbox = CommandLine.arguments.count >= 2 ? CommandLine.arguments[1] : nil
let id = env["SEPAY_BANKHUB_CLIENT_ID"] ?? "sandbox-bankhub"
let secret = env["SEPAY_BANKHUB_CLIENT_SECRET"] ?? "sandbox-bankhub-secret"
let client = try sandbox.map { try SePayClient.forBankHubEmulator(clientId: id, clientSecret: secret, rootUrl: $0) }
    ?? SePayClient.forBankHub(clientId: id, clientSecret: secret, environment: .live)
let hub = client.bankHub()

// A customer of the platform (full names are unique).
let name = "CONG TY TNHH VI DU \(Int(Date().timeIntervalSince1970 * 1000) % 100_000)"
let xid = try await hub.companies().create(fullName: name, status: "Active")
print("company created: \(try await hub.companies().get(companyXid: xid).fullName) (\(xid))")

// Every company, page by page.
for try await c in hub.companies().iter(params: BankHubListParams(perPage: 50)).items() {
    print("  \(c.fullName.padding(toLength: 34, withPad: " ", startingAt: 0)) \(c.status) \(c.xid)")
}

// The customer links a bank account on SePay's page: open it in a browser or a WKWebView.
let link = try await hub.linkTokens().create(
    companyXid: xid, purpose: .linkBankAccount, completionRedirectUri: "https://platform.example/linked")
print("link token: open \(link.hostedLinkUrl) (until \(link.expiresAt.map { "\($0)" } ?? "-"))")
print("  state: \(try await hub.linkTokens().get(linkToken: link.linkToken).status)")

// Accounts linked so far (the sandbox has a few) and their newest transactions.
if let account = try await hub.bankAccounts().list().items.first {
    print("account \(account.brandName) \(account.accountNumber): \(account.accumulated) VND")
    let recent = try await hub.transactions().list(params: BankHubListParams(bankAccountXid: account.xid, perPage: 3))
    for t in recent.items {
        print("  \(t.transactionDate.map { "\($0)" } ?? "-") \(t.transferType) \(t.amount) VND \(t.transactionContent)")
    }
}

do {
    _ = try await hub.companies().get(companyXid: "no-such-company")
} catch let SePayError.NotFound(operation, status, _, _) {
    print("unknown company: HTTP \(status.map(String.init) ?? "-") \(operation)")
}
