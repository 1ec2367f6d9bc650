// The test kit: the emulator in-process (Emulator) and made-up webhook
// deliveries (WebhookReceiver.testDelivery), as a user's test suite uses them.
import Foundation
import XCTest
@testable import SePay

private func now() -> Int64 { Int64(Date().timeIntervalSince1970) }

private func isValidation(_ body: () throws -> Void) -> Bool {
    do { try body() } catch SePayError.Validation { return true } catch { return false }
    return false
}

final class TestKitTests: XCTestCase {
    func testTheEmulatorServesSeededDataListsAPaymentAndDeliversItsWebhook() async throws {
        let receiver = try WebhookReceiver.hmac(secret: "whsec_kit")
        let inbox = Inbox()
        let server = TinyServer { method, path, headers, body in
            do {
                let got = try receiver.receive(method: method, headers: headers, body: body, now: now())
                if got.delivery == .new {
                    inbox.add(path, got.event)
                    try receiver.complete(key: got.key)
                }
                return (Int(got.reply.status), got.reply.body)
            } catch let e as SePayError {
                let r = webhookErrorReply(error: e)
                return (Int(r.status), r.body)
            } catch {
                return (500, "{}")
            }
        }
        defer { server.stop() }
        let sepay = try Emulator(options: EmulatorOptions(transactions: 12, bankAccounts: 2, requestsPerSecond: 0))
        defer { sepay.stop() }
        XCTAssertTrue(try sepay.credentials().baseUrl.hasPrefix("http://127.0.0.1:"))
        let client = try sepay.client()
        let accounts = try await client.v2().bankAccounts().list(params: V2BankAccountListParams())
        XCTAssertEqual(accounts.items.count, 2)
        let target = try sepay.addWebhook(url: "\(server.url)/sepay", auth: .hmac(secret: "whsec_kit"))
        let payment = try sepay.simulatePayment(amount: 150_000, content: "DH42 thanh toan")
        XCTAssertEqual(payment.code, "DH42")
        XCTAssertEqual(payment.deliveredTo, [target])
        let latest = try await client.v1().transactions().list(params: V1TransactionListParams(limit: 1))
        XCTAssertEqual(latest.first?.id, String(payment.v1Id))
        XCTAssertEqual(latest.first?.amountIn, Decimal(150_000))
        let deliveries = try sepay.webhookDeliveries(waitFor: 1, timeout: 10)
        XCTAssertEqual(deliveries.first?.success, true, "\(deliveries)")
        XCTAssertEqual(inbox.all.map { $0.1.code }, ["DH42"])
    }

    func testBadInputIsAValidationErrorAndAStoppedEmulatorRefusesCalls() throws {
        let sepay = try Emulator(options: EmulatorOptions(transactions: 1))
        XCTAssertTrue(isValidation { _ = try sepay.simulatePayment(amount: 0, content: "x") })
        XCTAssertTrue(isValidation { _ = try sepay.addWebhook(url: "ftp://x") })
        XCTAssertTrue(isValidation { _ = try sepay.payVa(vaNumber: "NOPE", amount: 1000) })
        sepay.stop()
        sepay.stop()
        XCTAssertThrowsError(try sepay.baseUrl())
    }

    func testEveryModeAcceptsItsOwnTestDelivery() throws {
        let issuer = try WebhookTokenIssuer(clientId: "id", clientSecret: "secret", ttl: 60)
        let receivers = [
            try WebhookReceiver.noAuth(), try WebhookReceiver.apiKey(key: "key"),
            try WebhookReceiver.apiKey(key: "key", encoding: .formUrlEncoded),
            try WebhookReceiver.noAuth(encoding: .multipart), try WebhookReceiver.hmac(secret: "whsec"),
            try WebhookReceiver.oauth2(issuer: issuer), try WebhookReceiver.secretKey(secret: "sk"),
        ]
        let date = Date(timeIntervalSince1970: 1_772_575_567)  // 2026-03-04 05:06:07 +07:00
        let txn = TestTransaction(
            transferAmount: Decimal(string: "150000.50")!, content: "DH9 thanh toan", id: 77, code: "DH9",
            transactionDate: date, subAccount: "VA1")
        for receiver in receivers {
            let d = try receiver.testDelivery(transaction: txn, now: now())
            let got = try receiver.receive(method: "POST", headers: d.headers, body: d.body, now: now())
            XCTAssertEqual(got.delivery, .new)
            XCTAssertEqual([got.event.id, got.event.code, got.event.subAccount], ["77", "DH9", "VA1"])
            XCTAssertEqual(got.event.transferAmount, Decimal(string: "150000.50")!)
            XCTAssertEqual(got.event.transactionDate, date)
        }
        let forged = try WebhookReceiver.hmac(secret: "other").testDelivery(
            transaction: TestTransaction(transferAmount: 1000), now: now())
        XCTAssertThrowsError(
            try WebhookReceiver.hmac(secret: "whsec").receive(method: "POST", headers: forged.headers, body: forged.body, now: now()))
    }
}
