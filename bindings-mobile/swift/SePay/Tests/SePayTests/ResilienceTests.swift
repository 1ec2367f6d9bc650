// Rate limit, retries and typed errors through the compiled Swift module.
import Foundation
import XCTest
@testable import SePay

final class ResilienceTests: XCTestCase {
    func testTwentyTasksUnderThreePerSecondSeeNo429() async throws {
        let client = try Sandbox.client(ClientOptions(requestsPerSecond: 3))
        try await Sandbox.setRateLimit(3)
        try await Sandbox.clearLog()
        let started = Date()
        do {
            let sizes = try await withThrowingTaskGroup(of: Int.self) { group in
                for i in 1...20 {
                    group.addTask {
                        if i % 2 == 0 {
                            return try await client.v2().transactions().list().items.count
                        }
                        return try await client.v1().transactions().list(params: V1TransactionListParams(limit: 10)).count
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            XCTAssertEqual(sizes.count, 20)
            XCTAssert(sizes.allSatisfy { $0 > 0 })
        } catch {
            try await Sandbox.setRateLimit(nil)
            throw error
        }
        try await Sandbox.setRateLimit(nil)
        let elapsed = Date().timeIntervalSince(started)
        let statuses = try await Sandbox.loggedStatuses()
        XCTAssertEqual(statuses.count, 20, "\(statuses)")
        XCTAssertEqual(statuses.filter { $0 == 429 }.count, 0, "zero 429s: \(statuses)")
        // 20 requests at 3/s: the first at once, the last 19/3 s later.
        XCTAssertGreaterThanOrEqual(elapsed, 6.0)
    }

    func testInjectedFaultsAreRetried() async throws {
        let client = try Sandbox.client()
        try await Sandbox.clearLog()
        try await Sandbox.pushFaults("503", "drop", "truncate", "500", "429")
        let page = try await client.v2().transactions().list()
        XCTAssertEqual(page.items.count, 20)
        try await Sandbox.pushFaults("drop", "503")
        let list = try await client.v1().transactions().list(params: V1TransactionListParams(limit: 5))
        XCTAssertEqual(list.count, 5)
        let faults = try await Sandbox.loggedFaults()
        XCTAssertEqual(faults, ["503", "drop", "truncate", "500", "429", "drop", "503"])
    }

    func testExhaustedRetriesAreTyped() async throws {
        var options = Sandbox.fast
        options = ClientOptions(
            timeout: options.timeout, requestsPerSecond: options.requestsPerSecond, maxAttempts: 2,
            initialBackoff: options.initialBackoff, maxBackoff: options.maxBackoff)
        let client = try Sandbox.client(options)
        try await Sandbox.pushFaults("503", "503")
        let server = await sepayError { try await client.v2().transactions().list() }
        guard case .Server(let operation, let status, _, _)? = server else { return XCTFail("\(String(describing: server))") }
        XCTAssertEqual(operation, "v2.transactions.list")
        XCTAssertEqual(status, 503)
        try await Sandbox.pushFaults("429", "429")
        let limited = await sepayError { try await client.v2().bankAccounts().list() }
        guard case .RateLimited(_, let limitedStatus, _, let retryAfter, _)? = limited else {
            return XCTFail("\(String(describing: limited))")
        }
        XCTAssertEqual(limitedStatus, 429)
        XCTAssertEqual(retryAfter, 1)
        try await Sandbox.pushFaults("wrong_type")
        let decode = await sepayError { try await client.v2().transactions().list() }
        guard case .Decode(_, _, _, _, let detail)? = decode else { return XCTFail("\(String(describing: decode))") }
        XCTAssert(detail.contains("boolean"), detail)
    }

    func testBadInputGivesTypedErrorsBeforeSending() async throws {
        let client = try Sandbox.client()
        try await Sandbox.clearLog()
        let perPage = await sepayError { try await client.v2().transactions().list(params: V2TransactionListParams(perPage: 0)) }
        guard case .Validation(_, let status, _, let fields, _)? = perPage else { return XCTFail("\(String(describing: perPage))") }
        XCTAssertNil(status)
        XCTAssertEqual(fields.map(\.field), ["per_page"])
        let limit = await sepayError { try await client.v1().transactions().list(params: V1TransactionListParams(limit: 6000)) }
        guard case .Validation(_, _, _, let limitFields, _)? = limit else { return XCTFail("\(String(describing: limit))") }
        XCTAssertEqual(limitFields.map(\.field), ["limit"])
        let dong = await sepayError {
            try await client.v2().transactions().list(params: V2TransactionListParams(amountInMin: Decimal(string: "10.5")!))
        }
        guard case .Validation(_, _, _, let dongFields, _)? = dong else { return XCTFail("\(String(describing: dong))") }
        XCTAssertEqual(dongFields.map(\.field), ["amount_in_min"])
        let emptyId = await sepayError { try await client.v2().transactions().get(id: " ") }
        guard case .Validation? = emptyId else { return XCTFail("\(String(describing: emptyId))") }
        let sent = try await Sandbox.loggedStatuses()
        XCTAssertEqual(sent, [], "nothing was sent")

        let missing = await sepayError { try await client.v1().transactions().get(id: "99999999") }
        guard case .NotFound(_, let missingStatus, _, _)? = missing else { return XCTFail("\(String(describing: missing))") }
        XCTAssertEqual(missingStatus, 404)

        XCTAssertThrowsError(try SePayClient(token: "", environment: .live)) {
            guard case .Configuration? = $0 as? SePayError else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(
            try SePayClient.withBaseUrls(
                token: Sandbox.token, userApiV1: "http://example.com/userapi", userApiV2: "https://example.com/v2")
        ) {
            guard case .Configuration? = $0 as? SePayError else { return XCTFail("\($0)") }
        }
        let auth = await sepayError { try await Sandbox.client(token: "WRONG").v1().transactions().count() }
        guard case .Authentication(_, let authStatus, _, _)? = auth else { return XCTFail("\(String(describing: auth))") }
        XCTAssertEqual(authStatus, 200, "v1 answers a bad token with HTTP 200 and an empty body")
    }
}
