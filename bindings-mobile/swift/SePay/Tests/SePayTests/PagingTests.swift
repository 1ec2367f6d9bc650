// Whole histories through AsyncSequence: 20,000+ items, every id once, in order.
import Foundation
import XCTest
@testable import SePay

final class PagingTests: XCTestCase {
    func testV2HistoryOver20000ItemsThroughAsyncSequence() async throws {
        let client = try Sandbox.client()
        let total = try await client.v2().transactions().list(params: V2TransactionListParams(perPage: 1))
            .pagination!.total
        XCTAssertGreaterThanOrEqual(total, 20_000)
        var seen = Set<String>()
        var previous = Date.distantPast
        let all = client.v2().transactions().iter(params: V2TransactionListParams(transactionDateSort: .asc))
        for try await t in all.items() {
            XCTAssert(seen.insert(t.id).inserted, "duplicate \(t.id)")
            XCTAssertGreaterThanOrEqual(t.transactionDate, previous, "out of order at \(t.id)")
            previous = t.transactionDate
        }
        XCTAssertEqual(UInt64(seen.count), total)
    }

    func testV1HistoryOver20000ItemsThroughAsyncSequence() async throws {
        let client = try Sandbox.client()
        let total = try await client.v1().transactions().count()
        var expected: UInt64 = 1
        for try await t in client.v1().transactions().iter().items() {
            XCTAssertEqual(t.id, String(expected))
            expected += 1
        }
        XCTAssertEqual(expected - 1, total)
        XCTAssertGreaterThanOrEqual(total, 20_000)
    }

    func testPaginatorsReportProgressAndTotal() async throws {
        let client = try Sandbox.client()
        let total = try await client.v1().transactions().count()
        let v1 = client.v1().transactions().iter()
        let before = await v1.progress()
        XCTAssertNil(before.total, "nothing asked yet")
        let counted = try await v1.total()
        XCTAssertEqual(counted, total, "v1's count, asked with the first page")
        _ = try await v1.next()
        let after = await v1.progress()
        XCTAssertEqual(after.items, 1)
    }

    func testNextWalksItemByItemAndEnds() async throws {
        let p = try Sandbox.client().v2().bankAccounts().iter()
        var n = 0
        while try await p.next() != nil { n += 1 }
        XCTAssertEqual(n, 3)
        let after = try await p.next()
        XCTAssertNil(after)
    }
}
