// A minimal HTTP/1.1 server (POSIX sockets, one request per connection, Content-Length
// bodies, one connection at a time): enough for the example, with no dependency.
// swift-corelibs-foundation has no HTTP server; in an app use your framework's
// (Vapor, Hummingbird, ...) and hand the receiver the same method, headers and raw body.
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SePay

final class TinyServer: @unchecked Sendable {
    typealias Handler = @Sendable (_ method: String, _ path: String, _ headers: [NameValue], _ body: Data) -> WebhookReply
    private let fd: Int32
    let port: UInt16
    private let handler: Handler

    /// Listens on `host:port` (port 0: any free one) and serves on a background thread.
    init(host: String = "127.0.0.1", port: UInt16 = 0, _ handler: @escaping Handler) {
        self.handler = handler
        signal(SIGPIPE, SIG_IGN) // a client that hung up is an error from write(), not the end of the process
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.fd = fd
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        addr.sin_addr.s_addr = inet_addr(host)
        let size = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, size) } }
        precondition(bound == 0 && listen(fd, 32) == 0, "cannot listen on \(host):\(port)")
        var len = size
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        self.port = UInt16(bigEndian: addr.sin_port)
        Thread.detachNewThread { [self] in self.loop() }
    }

    func stop() {
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
    }

    private func loop() {
        while true {
            let client = accept(fd, nil, nil)
            if client < 0 { return }
            serve(client)
            close(client)
        }
    }

    private func serve(_ client: Int32) {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        func readMore() -> Bool {
            let n = read(client, &chunk, chunk.count)
            if n <= 0 { return false }
            buffer.append(contentsOf: chunk[0..<n])
            return true
        }
        var headerEnd: Int?
        while headerEnd == nil {
            guard readMore() else { return }
            if buffer.count >= 4 {
                headerEnd = (0...(buffer.count - 4)).first { Array(buffer[$0..<$0 + 4]) == separator }
            }
        }
        let head = String(decoding: buffer[0..<headerEnd!], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = head[0].split(separator: " ")
        guard requestLine.count >= 2 else { return }
        var headers: [NameValue] = []
        var length = 0
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.append(NameValue(name: name, value: value))
            if name.lowercased() == "content-length" { length = Int(value) ?? 0 }
        }
        let start = headerEnd! + 4
        while buffer.count < start + length {
            guard readMore() else { return }
        }
        let body = Data(buffer[start..<start + length])
        let reply = handler(String(requestLine[0]), String(requestLine[1]), headers, body)
        let payload = Array(reply.body.utf8)
        let response = Array(("HTTP/1.1 \(reply.status) X\r\nContent-Type: \(reply.contentType)\r\n"
            + "Content-Length: \(payload.count)\r\nConnection: close\r\n\r\n").utf8) + payload
        var sent = 0
        while sent < response.count {
            let n = response[sent...].withUnsafeBufferPointer { write(client, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            sent += n
        }
    }
}
