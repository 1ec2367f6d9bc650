// Lists the bank accounts and the first transactions of a SePay company:
//   Example                          live API, token from SEPAY_TOKEN
//   Example http://127.0.0.1:PORT T  the local sepay-sandbox
import Foundation
import SePay

let args = CommandLine.arguments
let client: SePayClient
if args.count >= 3 {
    client = try SePayClient.emulator(token: args[2], rootUrl: args[1])
} else {
    client = try SePayClient(token: ProcessInfo.processInfo.environment["SEPAY_TOKEN"] ?? "", environment: .live)
}
print("client: \(client)")
do {
    for account in try await client.v2().bankAccounts().list().items {
        print("\(account.bankShortName) \(account.accountNumber): balance \(account.accumulated) VND")
    }
    // Every transaction, page by page, as an AsyncSequence (only the first 10 are fetched here).
    var shown = 0
    for try await t in client.v2().transactions().iter(params: V2TransactionListParams(perPage: 10)).items() {
        let amount = t.amountIn > 0 ? "+\(t.amountIn)" : "-\(t.amountOut)"
        print("\(t.transactionDate) \(t.accountNumber) \(amount) \(t.transactionContent)")
        shown += 1
        if shown == 10 { break }
    }
} catch let SePayError.RateLimited(_, _, _, retryAfter, _) {
    print("rate limited, retry after \(String(describing: retryAfter))")
} catch {
    print("failed: \(error)")
}
