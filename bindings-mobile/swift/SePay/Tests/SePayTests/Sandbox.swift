// The running sepay-sandbox process the tests talk to (started by
// scripts/test-mobile.sh), and its admin API for faults, rate limit and the log.
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest
@testable import SePay

enum Sandbox {
    static let url = ProcessInfo.processInfo.environment["SEPAY_SANDBOX_URL"] ?? "SEPAY_SANDBOX_URL is not set"
    static let token = ProcessInfo.processInfo.environment["SEPAY_SANDBOX_TOKEN"] ?? ""

    /// Quick retries and no client-side rate limit, like the core's own tests.
    static let fast = ClientOptions(
        timeout: 10, requestsPerSecond: 0, initialBackoff: 0.01, maxBackoff: 0.1)

    static func client(_ options: ClientOptions = fast, token: String = token) throws -> SePayClient {
        try SePayClient.emulator(token: token, rootUrl: url, options: options)
    }

    @discardableResult
    static func admin(_ method: String, _ path: String, _ body: String? = nil) async throws -> Data {
        var request = URLRequest(url: URL(string: "\(url)/__sandbox/\(path)")!)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "content-type")
        request.httpBody = body?.data(using: .utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            throw URLError(.badServerResponse, userInfo: ["path": path, "status": status])
        }
        return data
    }

    /// Faults for the next API requests, one each (`"503"`, `"drop"`, `"wrong_type"`, ...).
    static func pushFaults(_ faults: String...) async throws {
        let list = faults.map { "\"\($0)\"" }.joined(separator: ",")
        try await admin("POST", "faults/next", "{\"faults\":[\(list)]}")
    }

    static func setRateLimit(_ perSecond: Double?) async throws {
        try await admin("POST", "rate-limit", "{\"per_second\":\(perSecond.map { "\($0)" } ?? "null")}")
    }

    static func clearLog() async throws {
        try await admin("DELETE", "requests")
    }

    private struct Logged: Decodable {
        let method: String
        let path: String
        let status: Int
        let fault: String?
    }

    private static func log() async throws -> [Logged] {
        try JSONDecoder().decode([Logged].self, from: try await admin("GET", "requests"))
    }

    /// HTTP statuses of the logged API requests, oldest first.
    static func loggedStatuses() async throws -> [Int] { try await log().map(\.status) }

    /// Method and path of every logged request, oldest first.
    static func loggedRequests() async throws -> [(method: String, path: String)] {
        try await log().map { ($0.method, $0.path) }
    }

    /// Pays `amount` dong into a VA-order virtual account (a real incoming transaction).
    static func vaPay(_ vaNumber: String, _ amount: Int) async throws {
        try await admin("POST", "va/pay", "{\"va_number\":\"\(vaNumber)\",\"amount\":\(amount)}")
    }

    /// Faults the sandbox injected, oldest first.
    static func loggedFaults() async throws -> [String] { try await log().compactMap(\.fault) }
}

/// The `SePayError` an async call throws, or a test failure when it throws nothing.
func sepayError<T>(_ body: () async throws -> T, file: StaticString = #filePath, line: UInt = #line) async -> SePayError? {
    do {
        _ = try await body()
        XCTFail("expected a SePayError", file: file, line: line)
    } catch let error as SePayError {
        return error
    } catch {
        XCTFail("expected a SePayError, got \(error)", file: file, line: line)
    }
    return nil
}
