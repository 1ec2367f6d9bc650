// Call listeners (every attempt and retry, never a secret) and per-call
// options (`withOptions`) through the Swift package, against the sandbox.
import Foundation
import XCTest
@testable import SePay

final class CallOptionsTests: XCTestCase {
    final class Recorder: CallListener, @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [CallEvent] = []
        func onEvent(event: CallEvent) { lock.lock(); seen.append(event); lock.unlock() }
        var events: [CallEvent] { lock.lock(); defer { lock.unlock() }; return seen }
    }

    func testListenerSeesEveryAttemptAndRetryWithoutTheToken() async throws {
        let recorder = Recorder()
        let client = try Sandbox.client(ClientOptions(
            timeout: 10, requestsPerSecond: 0, initialBackoff: 0.01, maxBackoff: 0.1, listener: recorder))
        try await Sandbox.pushFaults("503")
        let page = try await client.v1().transactions().list(params: V1TransactionListParams(limit: 5))
        XCTAssertEqual(page.count, 5)
        let events = recorder.events
        XCTAssertEqual(events.map(\.kind), [.request, .response, .retry, .request, .response])
        XCTAssertEqual(events.map(\.attempt), [1, 1, 1, 2, 2])
        XCTAssertEqual(events[1].status, 503)
        XCTAssertEqual(events[4].status, 200)
        XCTAssertTrue(events[4].requestId?.hasPrefix("sandbox-") ?? false)
        XCTAssertTrue(events.allSatisfy { $0.operation == "v1.transactions.list" })
        XCTAssertFalse(events.contains { "\($0)".contains(Sandbox.token) })
    }

    func testWithOptionsChangesOneViewOnly() async throws {
        let client = try Sandbox.client()
        let tagged = try client.withOptions(options: CallOptions(headers: ["X-Correlation-Id": "order-42"]))
        try await Sandbox.clearLog()
        _ = try await tagged.v1().transactions().list(params: V1TransactionListParams(limit: 5))
        let log = String(decoding: try await Sandbox.admin("GET", "requests"), as: UTF8.self)
        XCTAssertTrue(log.contains("\"x-correlation-id\",\"order-42\""), log)

        let once = try client.withOptions(options: CallOptions(maxAttempts: 1))
        try await Sandbox.pushFaults("503")
        let error = await sepayError { try await once.v1().transactions().list(params: V1TransactionListParams(limit: 5)) }
        guard case .Server = error else { return XCTFail("expected a Server error, got \(String(describing: error))") }
        XCTAssertThrowsError(try client.withOptions(options: CallOptions(headers: ["Authorization": "Bearer x"])))
    }

    func testAppNameEndsTheUserAgentAndBadProxiesAreRefused() async throws {
        let client = try Sandbox.client(ClientOptions(
            timeout: 10, requestsPerSecond: 0, initialBackoff: 0.01, maxBackoff: 0.1, appName: "my-shop/2.1"))
        try await Sandbox.clearLog()
        _ = try await client.v1().transactions().list(params: V1TransactionListParams(limit: 5))
        let log = String(decoding: try await Sandbox.admin("GET", "requests"), as: UTF8.self)
        XCTAssertTrue(log.contains(" my-shop/2.1\""), log)
        XCTAssertThrowsError(try Sandbox.client(ClientOptions(proxy: "socks5://u:secret@h:1"))) { error in
            XCTAssertFalse("\(error)".contains("secret"))
        }
        XCTAssertThrowsError(try Sandbox.client(ClientOptions(caBundle: "/nonexistent/ca.pem"))) { error in
            XCTAssertTrue("\(error)".contains("ca_bundle"), "\(error)")
        }
    }
}
