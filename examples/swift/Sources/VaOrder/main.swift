// VA orders: an order with its own virtual account (VA), paid in two parts,
// then SePay's refusal to cancel a paid order.
//   VaOrder http://127.0.0.1:PORT TOKEN  the local sepay-sandbox (the payments are simulated)
//   VaOrder                              live API, token from SEPAY_TOKEN: pay the printed VA
//                                        from a banking app; it waits until the order is paid
// The company needs a BIDV account (other banks: see VaOrderCreateParams' tid / vaPrefix).
// scripts/test-mobile.sh runs it against the sandbox (Package.swift shows the command).
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SePay

/// Sandbox only (`POST /__sandbox/va/pay`): a transfer of `amount` VND into the VA.
func payIntoVa(_ sandbox: String, _ va: String, _ amount: Int) async throws {
    var request = URLRequest(url: URL(string: "\(sandbox)/__sandbox/va/pay")!)
    request.httpMethod = "POST"
    request.setValue("application/json", forHTTPHeaderField: "content-type")
    request.httpBody = Data(#"{"va_number":"\#(va)","amount":\#(amount)}"#.utf8)
    let (body, response) = try await URLSession.shared.data(for: request)
    guard (response as? HTTPURLResponse)?.statusCode == 200 else {
        fatalError("simulated payment failed: \(String(decoding: body, as: UTF8.self))")
    }
}

let args = CommandLine.arguments
let sandbox = args.count >= 3 ? args[1] : nil
let client = try sandbox.map { try SePayClient.emulator(token: args[2], rootUrl: $0) }
    ?? SePayClient(token: ProcessInfo.processInfo.environment["SEPAY_TOKEN"] ?? "", environment: .live)
let orders = client.v2().orders()
guard let bidv = try await client.v2().bankAccounts().list().items.first(where: { $0.bankShortName == "BIDV" }) else {
    fatalError("no BIDV account")
}

// Always give an order code: a create re-sent after a lost answer is then refused, not doubled.
let order = try await orders.create(
    bankAccountId: bidv.id, bank: .bidv,
    params: VaOrderCreateParams(orderCode: "DH\(Int(Date().timeIntervalSince1970 * 1000) % 1_000_000_000)", amount: 300_000))
guard let va = order.vaNumber else { fatalError("no VA in \(order)") }
print("order \(order.orderCode): pay \(order.amount ?? 0) VND into VA \(va) at \(order.bankName) (\(order.status))")

if let sandbox {
    for amount in [100_000, 200_000] {
        try await payIntoVa(sandbox, va, amount) // the customer's transfer, simulated by the sandbox
        let now = try await orders.get(bankAccountId: bidv.id, orderId: order.id)
        print("received \(amount) VND: \(now.status), paid \(now.paidAmount ?? 0) of \(now.amount ?? 0)")
    }
} else {
    print("waiting for the payment (pay it from a banking app)...")
    while try await orders.get(bankAccountId: bidv.id, orderId: order.id).status != .paid {
        try await Task.sleep(nanoseconds: 5_000_000_000)
    }
}
let paid = try await orders.get(bankAccountId: bidv.id, orderId: order.id)
precondition(paid.status == .paid, "\(paid.status)")

do {
    try await orders.cancel(bankAccountId: bidv.id, orderId: order.id)
} catch let SePayError.Validation(_, status, code, _, _) {
    print("a paid order cannot be cancelled: HTTP \(status.map(String.init) ?? "-") \(code ?? "")")
}
for o in try await orders.list(bankAccountId: bidv.id, perPage: 5).items {
    print("  \(o.orderCode) \(o.status) \(o.paidAmount ?? 0) VND")
}
