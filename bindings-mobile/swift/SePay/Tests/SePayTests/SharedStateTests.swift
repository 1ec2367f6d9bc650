// State shared through a real redis-server (started on the host by
// scripts/test-mobile.sh, $SEPAY_REDIS_URL): two clients, each with its own
// SharedState (as two processes would have), share one 3 requests/second
// budget; two receivers share webhook dedup; failing closed ends calls at once.
import Foundation
import XCTest
@testable import SePay

final class SharedStateTests: XCTestCase {
    let redisUrl = ProcessInfo.processInfo.environment["SEPAY_REDIS_URL"] ?? "SEPAY_REDIS_URL is not set"

    func testTwoClientsShareOneBudget() async throws {
        let sb = try SandboxProcess(["--transactions", "50", "--rate-limit", "3"])
        defer { sb.stop() }
        let calls = 5
        let clients = try (0..<2).map { _ in
            let shared = try SharedState(url: redisUrl, options: SharedOptions(prefix: "swift", processes: 2))
            return try SePayClient.emulator(
                token: sb.token, rootUrl: sb.url, options: ClientOptions(requestsPerSecond: 3, sharedState: shared))
        }
        let started = Date()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for client in clients {
                group.addTask { for _ in 0..<calls { _ = try await client.v2().bankAccounts().list() } }
            }
            try await group.waitForAll()
        }
        let elapsed = Date().timeIntervalSince(started)
        let total = Double(2 * calls)
        let log = String(decoding: try await sb.admin("requests"), as: UTF8.self)
        XCTAssertFalse(log.contains("\"status\":429"), "no 429 at all")
        XCTAssertLessThanOrEqual(elapsed, 1.1 * total / 3, "\(elapsed) s for \(total) calls")
        XCTAssertGreaterThanOrEqual(elapsed, (total - 3) / 3, "\(elapsed) s: the clients did not share one budget")
    }

    func testReceiversShareWebhookDeduplication() throws {
        func receiver() throws -> WebhookReceiver {
            let shared = try SharedState(url: redisUrl, options: SharedOptions(prefix: "swift-hooks"))
            return try WebhookReceiver.hmac(secret: "whsec_1", store: try shared.dedupStore())
        }
        let (a, b) = (try receiver(), try receiver())
        let t = Int64(Date().timeIntervalSince1970)
        let body = Data(#"{"id":\#(t % 100000),"gateway":"ACB","transactionDate":"2026-01-01 10:00:00","accountNumber":"1","code":null,"content":"x","transferType":"in","transferAmount":1000,"accumulated":0,"subAccount":null,"referenceCode":"r","description":""}"#.utf8)
        let headers = [
            NameValue(name: "X-SePay-Signature", value: hmacSignature(secret: "whsec_1", timestamp: t, body: body)),
            NameValue(name: "X-SePay-Timestamp", value: "\(t)"), NameValue(name: "Content-Type", value: "application/json"),
        ]
        let first = try a.receive(method: "POST", headers: headers, body: body, now: t)
        XCTAssertEqual(first.delivery, .new)
        XCTAssertEqual(try b.receive(method: "POST", headers: headers, body: body, now: t).delivery, .inProgress)
        try a.release(key: first.key)
        let retry = try b.receive(method: "POST", headers: headers, body: body, now: t)
        XCTAssertEqual(retry.delivery, .new, "the retry is handled")
        try b.complete(key: retry.key)
        XCTAssertEqual(try a.receive(method: "POST", headers: headers, body: body, now: t).delivery, .duplicate)
    }

    func testFailClosedEndsCallsAtOnce() async throws {
        let shared = try SharedState(url: "redis://127.0.0.1:1/0", options: SharedOptions(onOutage: "fail"))
        let client = try Sandbox.client(ClientOptions(
            timeout: 10, requestsPerSecond: 0, initialBackoff: 0.01, maxBackoff: 0.1, sharedState: shared))
        let started = Date()
        do {
            _ = try await client.v2().bankAccounts().list()
            XCTFail("expected a Store error")
        } catch SePayError.Store {
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 1)
        XCTAssertFalse(shared.status().reachable)
        XCTAssertFalse("\(shared)".contains("redis://"), "the URL (and its password) is never shown")
    }
}
