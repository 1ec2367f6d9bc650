// Chaos: 20,000 transactions exported through the v2 AsyncSequence
// from a sandbox of this test's own that fails about one request in five
// (500/503, 429 bursts, dropped connections, truncated bodies, slow answers):
// every id exactly once, the exact sums of the sandbox's own stats, in bounded time.
import Foundation
import XCTest
@testable import SePay

final class ChaosTests: XCTestCase {
    func testTwentyThousandTransactionsSurviveTwentyPercentFaults() async throws {
        let sandbox = try SandboxProcess([
            "--transactions", "20000", "--rate-limit", "0",
            "--fault-500", "0.04", "--fault-503", "0.04", "--fault-429-burst", "0.02", "--burst-length", "2",
            "--fault-slow", "0.03", "--slow-ms", "300", "--fault-truncate", "0.04", "--fault-drop", "0.04",
        ])
        defer { sandbox.stop() }
        let client = try SePayClient.emulator(
            token: sandbox.token, rootUrl: sandbox.url,
            options: ClientOptions(
                timeout: 1.5, requestsPerSecond: 0, maxAttempts: 12, maxElapsed: 60, initialBackoff: 0.005, maxBackoff: 0.05))
        let started = Date()
        var ids = Set<String>()
        var totalIn = Decimal(0)
        var totalOut = Decimal(0)
        for try await tx in client.v2().transactions().iter(params: V2TransactionListParams(perPage: 100)).items() {
            XCTAssertTrue(ids.insert(tx.id).inserted, "\(tx.id) twice")
            totalIn += tx.amountIn
            totalOut += tx.amountOut
        }
        let elapsed = Date().timeIntervalSince(started)
        let stats = try JSONSerialization.jsonObject(with: try await sandbox.admin("stats")) as! [String: Any]
        XCTAssertEqual(ids.count, 20_000)
        XCTAssertEqual(ids.count, (stats["transactions"] as! NSNumber).intValue)
        XCTAssertEqual(totalIn, Decimal(string: stats["total_amount_in"] as! String), "\(stats)")
        XCTAssertEqual(totalOut, Decimal(string: stats["total_amount_out"] as! String), "\(stats)")
        let log = try JSONSerialization.jsonObject(with: try await sandbox.admin("requests")) as! [[String: Any]]
        let faulted = log.filter { $0["fault"] is String }.count
        XCTAssertGreaterThanOrEqual(faulted * 10, log.count, "faults were injected: \(faulted) of \(log.count)")
        XCTAssertLessThan(elapsed, 50, "no hang")
        print("chaos (Swift): \(ids.count) transactions, \(log.count) requests (\(faulted) faulted) in \(elapsed) s")
    }
}
