// Receives SePay's payment webhooks: verify the HMAC signature, handle each event once
// (complete it when handled; release it and answer "retry later" when handling failed),
// reply exactly what the receiver says. TinyServer.swift is the HTTP part.
//   ReceiveWebhook http://127.0.0.1:PORT  the local sepay-sandbox: registers its URL, simulates
//                                         a bank transfer, exits once the verified webhook arrived
//   PORT=8080 SEPAY_WEBHOOK_SECRET=... ReceiveWebhook   real SePay: serves until stopped; register
//       http(s)://your-host/sepay/webhook on my.sepay.vn (HMAC mode, the same secret)
// scripts/test-mobile.sh runs it against the sandbox (Package.swift shows the command).
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SePay

/// Your business logic (mark the order paid); a throw makes SePay deliver the event again later.
func handlePayment(_ event: WebhookEvent) throws {
    print("paid: \(event.transferAmount) VND, code \(event.code ?? "-"), memo \"\(event.content)\" (id \(event.id))")
}

/// The whole pattern: verify, handle a new event once, then complete; on failure release and retry later.
func handle(_ receiver: WebhookReceiver, _ method: String, _ headers: [NameValue], _ body: Data) -> (WebhookReply, WebhookEvent?) {
    do {
        let got = try receiver.receive(method: method, headers: headers, body: body, now: Int64(Date().timeIntervalSince1970))
        guard got.delivery == .new else { return (got.reply, nil) } // .duplicate: 200 success; .inProgress: 503
        do {
            try handlePayment(got.event)
        } catch {
            try receiver.release(key: got.key) // SePay's retry is processed again
            return (.retryLater(), nil)
        }
        try receiver.complete(key: got.key) // later deliveries of this event are duplicates
        return (got.reply, got.event) // 200 {"success":true}
    } catch let error as SePayError {
        print("not handled: \(error)")
        return (webhookErrorReply(error: error), nil) // 401 forged or stale, 400 unreadable, 503 dedup store down
    } catch {
        return (.retryLater(), nil)
    }
}

/// The first payment handled, handed from the server's thread to the main program.
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var event: WebhookEvent?
    var first: WebhookEvent? {
        lock.lock()
        defer { lock.unlock() }
        return event
    }
    func put(_ e: WebhookEvent) {
        lock.lock()
        defer { lock.unlock() }
        if event == nil { event = e }
    }
}

/// The sandbox's admin API (`/__sandbox/..`, not part of SePay).
@discardableResult
func admin(_ sandbox: String, _ method: String, _ path: String, _ json: String? = nil) async throws -> Data {
    var request = URLRequest(url: URL(string: "\(sandbox)/__sandbox/\(path)")!)
    request.httpMethod = method
    request.setValue("application/json", forHTTPHeaderField: "content-type")
    request.httpBody = json.map { Data($0.utf8) }
    let (body, response) = try await URLSession.shared.data(for: request)
    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
    guard (200..<300).contains(status) else { fatalError("\(method) \(path): HTTP \(status)") }
    return body
}

struct Registered: Decodable { let id: Int }
struct Attempt: Decodable { let target_id: Int; let success: Bool }

let env = ProcessInfo.processInfo.environment
let sandbox = CommandLine.arguments.count >= 2 ? CommandLine.arguments[1] : nil
let secret = env["SEPAY_WEBHOOK_SECRET"] ?? "whsec_example"
// One receiver per endpoint; its dedup store is in memory (pass store: to share it).
let receiver = try WebhookReceiver.hmac(secret: secret)
let inbox = Inbox()
let server = TinyServer(host: sandbox == nil ? "0.0.0.0" : "127.0.0.1", port: sandbox == nil ? UInt16(env["PORT"] ?? "8080")! : 0) {
    [receiver, inbox] method, _, headers, body in
    let (reply, handled) = handle(receiver, method, headers, body)
    if let handled { inbox.put(handled) }
    return reply
}
let url = "http://127.0.0.1:\(server.port)/sepay/webhook"
print("listening on \(url)")
guard let sandbox else {
    while true { try await Task.sleep(nanoseconds: 3_600_000_000_000) } // serves until stopped
}

let hook = try JSONDecoder().decode(Registered.self, from: try await admin(
    sandbox, "POST", "webhooks", #"{"url":"\#(url)","auth":"hmac","secret":"\#(secret)"}"#))
try await admin(sandbox, "POST", "simulate/transaction", #"{"amount":150000,"content":"DH42 thanh toan"}"#)
let deadline = Date().addingTimeInterval(15)
while inbox.first == nil && Date() < deadline { try await Task.sleep(nanoseconds: 20_000_000) }
guard let event = inbox.first, event.code == "DH42" else { fatalError("no verified webhook within 15 s") }
// The sandbox logs how it took the reply: success means SePay will not send it again.
var delivered = false
while !delivered && Date() < deadline.addingTimeInterval(5) {
    let log = try JSONDecoder().decode([Attempt].self, from: try await admin(sandbox, "GET", "webhooks/deliveries"))
    delivered = log.contains { $0.target_id == hook.id && $0.success }
    if !delivered { try await Task.sleep(nanoseconds: 50_000_000) }
}
try await admin(sandbox, "DELETE", "webhooks/\(hook.id)")
server.stop()
precondition(delivered, "the sandbox did not count the reply as a success")
print("SePay counted the delivery as success")
