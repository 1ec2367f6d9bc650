// P13: a program that makes a dozen concurrent calls on one client and exits.
// The parent test starts this test binary again, ten times in a row, running
// only the child test below; each run must end by itself with status 0 (no
// hang on the library's threads, no crash at exit).
import Foundation
import XCTest
@testable import SePay

final class ProgramExitTests: XCTestCase {
    private static let childFlag = "SEPAY_P13_CHILD"

    func testP13AProgramWithConcurrentCallsExitsCleanlyEveryTime() throws {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var env = ProcessInfo.processInfo.environment
        env[Self.childFlag] = "1"
        for run in 1...10 {
            let process = Process()
            let out = Pipe()
            process.executableURL = URL(fileURLWithPath: me)
            process.arguments = ["SePayTests.ProgramExitTests/testTwelveConcurrentCallsThenExit"]
            process.environment = env
            process.standardOutput = out
            process.standardError = out
            try process.run()
            let deadline = Date().addingTimeInterval(30)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            let hung = process.isRunning
            if hung { process.terminate() }
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            XCTAssertFalse(hung, "run \(run) hung: \(text)")
            XCTAssertEqual(process.terminationStatus, 0, "run \(run): \(text)")
            XCTAssertTrue(text.contains("12 concurrent calls done"), "run \(run): \(text)")
        }
    }

    /// The child: runs only in the process the test above starts.
    func testTwelveConcurrentCallsThenExit() async throws {
        guard ProcessInfo.processInfo.environment[Self.childFlag] == "1" else {
            throw XCTSkip("runs as testP13's child process")
        }
        let client = try Sandbox.client()
        let sizes = try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 1...12 {
                group.addTask {
                    switch i % 3 {
                    case 0: return try await client.v1().transactions().list(params: V1TransactionListParams(limit: 5)).count
                    case 1: return try await client.v2().transactions().list(params: V2TransactionListParams(perPage: 5)).items.count
                    default: return try await client.v2().bankAccounts().list().items.count
                    }
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        XCTAssertTrue(sizes.allSatisfy { $0 > 0 }, "\(sizes)")
        print("12 concurrent calls done: \(sizes)")
    }
}
