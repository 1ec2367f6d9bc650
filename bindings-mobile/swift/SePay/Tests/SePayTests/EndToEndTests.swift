// End to end through the compiled Swift module: a VA order created with
// the client, paid in the sandbox, the webhook the sandbox delivers received on
// a local server, verified with the HMAC receiver and answered with its reply,
// and the order seen Paid.
import Foundation
import XCTest
@testable import SePay

/// Reply statuses sent by the test server, from its thread.
final class Replies: @unchecked Sendable {
    private let lock = NSLock()
    private var statuses: [Int] = []
    func add(_ status: Int) { lock.lock(); statuses.append(status); lock.unlock() }
    var all: [Int] { lock.lock(); defer { lock.unlock() }; return statuses }
}

final class EndToEndTests: XCTestCase {
    func testVaOrderPaidThroughAVerifiedWebhook() async throws {
        let secret = "whsec_end_to_end"
        let client = try Sandbox.client()
        let receiver = try WebhookReceiver.hmac(secret: secret)
        let inbox = Inbox()
        let replies = Replies()
        let server = TinyServer { method, path, headers, body in
            let now = Int64(Date().timeIntervalSince1970)
            let reply: WebhookReply
            do {
                let got = try receiver.receive(method: method, headers: headers, body: body, now: now)
                if got.delivery == .new {
                    inbox.add(path, got.event)
                    try receiver.complete(key: got.key)
                }
                reply = got.reply
            } catch let e as SePayError {
                reply = webhookErrorReply(error: e)
            } catch {
                return (500, "{}")
            }
            replies.add(Int(reply.status))
            return (Int(reply.status), reply.body)
        }
        defer { server.stop() }
        try await Sandbox.admin("DELETE", "webhooks/deliveries")
        let hook = try JSONSerialization.jsonObject(with: try await Sandbox.admin(
            "POST", "webhooks", #"{"url":"\#(server.url)/hook","auth":"hmac","secret":"\#(secret)"}"#)) as! [String: Any]
        let hookId = (hook["id"] as! NSNumber).intValue

        let account = try await bidvAccount(client).v2
        let order = try await client.v2().orders().create(
            bankAccountId: account, bank: .bidv, params: VaOrderCreateParams(amount: 350_000))
        XCTAssertEqual(order.status, .pending)
        let va = try XCTUnwrap(order.vaNumber)

        try await Sandbox.vaPay(va, 350_000)
        let deadline = Date().addingTimeInterval(10)
        while inbox.count < 1 && Date() < deadline { try await Task.sleep(nanoseconds: 20_000_000) }
        var deliveries: [[String: Any]] = []
        while Date() < deadline {
            deliveries = try JSONSerialization.jsonObject(
                with: try await Sandbox.admin("GET", "webhooks/deliveries")) as! [[String: Any]]
            if !deliveries.isEmpty { break }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        try await Sandbox.admin("DELETE", "webhooks/\(hookId)")

        XCTAssertEqual(inbox.count, 1, "one verified webhook arrived")
        let event = try XCTUnwrap(inbox.all.first?.1)
        XCTAssertEqual(event.subAccount, va)
        XCTAssertEqual(event.code, order.orderCode)
        XCTAssertEqual(event.transferAmount, 350_000)
        XCTAssertEqual(replies.all, [200])
        XCTAssertEqual(deliveries.count, 1)
        XCTAssertEqual(deliveries.first?["success"] as? Bool, true, "SePay counted the reply as success")

        let paid = try await client.v2().orders().get(bankAccountId: account, orderId: order.id)
        XCTAssertEqual(paid.status, .paid)
        XCTAssertEqual(paid.paidAmount, 350_000)
        // The transaction the webhook announced is the one the User API lists.
        let tx = try await client.v1().transactions().get(id: event.id)
        XCTAssertEqual(tx.subAccount, va)
    }
}
