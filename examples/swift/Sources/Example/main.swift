// Lists the bank accounts and the first transactions of a SePay company, then
// receives a webhook the way a server would (verify, handle once, complete):
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

// A webhook signed as SePay signs it, delivered twice: handled once, then answered as a duplicate.
let secret = "whsec_example"
let receiver = try WebhookReceiver.hmac(secret: secret)
let body = Data(#"{"id":91,"gateway":"BIDV","transactionDate":"2026-01-01 10:00:00","accountNumber":"96247001","code":"DH1001","content":"DH1001","transferType":"in","transferAmount":150000,"accumulated":0,"subAccount":null,"referenceCode":"FT1","description":""}"#.utf8)
let now = Int64(Date().timeIntervalSince1970)
let headers = [
    NameValue(name: "X-SePay-Signature", value: hmacSignature(secret: secret, timestamp: now, body: body)),
    NameValue(name: "X-SePay-Timestamp", value: "\(now)"),
]
for _ in 1...2 {
    let reply: WebhookReply
    do {
        let got = try receiver.receive(method: "POST", headers: headers, body: body, now: now)
        switch got.delivery {
        case .new:
            print("order \(got.event.code ?? "?") paid: \(got.event.transferAmount) VND")
            try receiver.complete(key: got.key)
            reply = got.reply
        case .duplicate, .inProgress:
            print("webhook \(got.event.id) again: \(got.delivery)")
            reply = got.reply
        }
    } catch let error as SePayError {
        print("failed: \(error)")
        reply = webhookErrorReply(error: error)
    }
    print("reply \(reply.status) \(reply.body)")
}
