// A sepay-sandbox process of a test's own (faults, dataset size) on a free
// loopback port, stopped by stop(). The binary: $SEPAY_SANDBOX_BIN, else the
// copy bindings-mobile/build.sh puts in the package's bin/ folder.
import Foundation
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

final class SandboxProcess {
    let url: String
    let token = "SWIFT_OWN_SANDBOX_TOKEN_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabc"
    private let process = Process()

    static func binary(file: String = #filePath) -> String {
        if let path = ProcessInfo.processInfo.environment["SEPAY_SANDBOX_BIN"] { return path }
        // <package>/Tests/SePayTests/SandboxProcess.swift → <package>/bin/sepay-sandbox
        let package = URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return package.appendingPathComponent("bin/sepay-sandbox").path
    }

    init(_ args: [String]) throws {
        let out = Pipe()
        process.executableURL = URL(fileURLWithPath: Self.binary())
        process.arguments = ["--addr", "127.0.0.1:0", "--token", token] + args
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let first = String(decoding: line, as: UTF8.self).split(separator: "\n").first.map(String.init)
        url = try XCTUnwrap(first, "sepay-sandbox printed no URL")
    }

    /// GET `/__sandbox/{path}`: the body.
    func admin(_ path: String) async throws -> Data {
        let (data, _) = try await URLSession.shared.data(from: URL(string: "\(url)/__sandbox/\(path)")!)
        return data
    }

    /// SIGKILL: a graceful stop would wait for the clients' idle keep-alive connections.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
