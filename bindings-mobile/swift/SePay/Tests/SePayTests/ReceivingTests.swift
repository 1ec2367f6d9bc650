// Receiving money: WebhookReceiver rules, a payload the sandbox
// produced for a simulated payment, VietQR payloads, and the payment gateway.
// The sandbox delivers webhooks (every auth mode and content type) to a
// TinyServer on a loopback port, where WebhookReceiver verifies them.
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest
@testable import SePay

/// The core's client-less functions and payment gateway operations, which this suite covers.
var receivingOperations: [String] { functions() + operations().filter { $0.hasPrefix("pg.") } }

private let body = #"{"id":7,"gateway":"ACB","transactionDate":"2026-01-01 10:00:00","accountNumber":"1","code":null,"content":"x","transferType":"in","transferAmount":1000,"accumulated":0,"subAccount":null,"referenceCode":"r","description":""}"#

private func now() -> Int64 { Int64(Date().timeIntervalSince1970) }

private func formEncode(_ fields: [NameValue]) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return fields.map {
        ($0.name.addingPercentEncoding(withAllowedCharacters: allowed) ?? "") + "="
            + ($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
    }.joined(separator: "&")
}

private func submit(_ action: String, _ fields: [NameValue]) async throws -> Int {
    var request = URLRequest(url: URL(string: action)!)
    request.httpMethod = "POST"
    request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "content-type")
    request.setValue("application/json", forHTTPHeaderField: "accept")
    request.httpBody = formEncode(fields).data(using: .utf8)
    let (_, response) = try await URLSession.shared.data(for: request)
    return (response as? HTTPURLResponse)?.statusCode ?? 0
}

private func sepayErrorSync<T>(_ body: () throws -> T, file: StaticString = #filePath, line: UInt = #line) -> SePayError? {
    do {
        _ = try body()
        XCTFail("expected a SePayError", file: file, line: line)
        return nil
    } catch let e as SePayError {
        return e
    } catch {
        XCTFail("not a SePayError: \(error)", file: file, line: line)
        return nil
    }
}

private func isVerification(_ e: SePayError?) -> Bool {
    if case .WebhookVerification? = e { return true }
    return false
}

final class ReceivingTests: XCTestCase {
    func testEveryReceivingOperationIsExposed() async throws {
        let client = try SePayClient.paymentGatewayEmulator(
            merchantId: "SP-TEST-SANDBOX", secretKey: "spsk_test_sandbox", rootUrl: Sandbox.url, options: Sandbox.fast)
        let receiver = try WebhookReceiver.noAuth()
        let issuer = try WebhookTokenIssuer(clientId: "c", clientSecret: "s", ttl: 60)
        let request = CheckoutRequest(
            merchant: "", operation: .purchase, orderAmount: 1000, orderInvoiceNumber: "INV-SW-OPS-\(now())",
            orderDescription: "ops")
        let qr = VietQr(bankBin: "970416", account: "1", amount: nil, memo: nil, service: .account)
        let calls: [String: () async throws -> Void] = [
            "webhook.receive": { _ = try receiver.receive(method: "POST", headers: [], body: Data(body.utf8), now: now()) },
            "webhook.receive_pg_ipn": { _ = try? receiver.receivePgIpn(method: "POST", headers: [], body: Data(), now: now()) },
            "webhook.receive_bankhub_ipn": { _ = try? receiver.receiveBankhubIpn(method: "POST", headers: [], body: Data(), now: now()) },
            "webhook.receive_bankhub_event": { _ = try? receiver.receiveBankhubEvent(method: "POST", headers: [], body: Data(), now: now()) },
            "webhook.hmac_signature": { _ = hmacSignature(secret: "s", timestamp: 1, body: Data()) },
            "webhook.test_delivery": {
                _ = try receiver.testDelivery(transaction: TestTransaction(transferAmount: Decimal(1000)), now: now())
            },
            "webhook.complete": { try receiver.complete(key: "nothing-received") },
            "webhook.release": { try receiver.release(key: "nothing-received") },
            "webhook.error_reply": {
                let e = SePayError.WebhookVerification(reason: "test", detail: "test")
                XCTAssertEqual(webhookErrorReply(error: e).status, 401)
            },
            "webhook.token.issue": { _ = issuer.issue(body: Data(), now: now()) },
            "qr.payload": { _ = try vietqrPayload(qr: qr) },
            "qr.decode": { _ = try vietqrDecode(payload: try vietqrPayload(qr: qr)) },
            "qr.image_url": { _ = try vietqrImageUrl(account: "1", bank: "ACB") },
            "pg.checkout": { _ = try client.pg().checkout(request: request) },
            "pg.orders.list": { _ = try await client.pg().orders().list() },
            "pg.orders.iter": { _ = try await client.pg().orders().iter().next() },
            "pg.orders.get": { _ = try? await client.pg().orders().get(orderId: "NOPE") },
            "pg.orders.cancel": { _ = try? await client.pg().orders().cancel(orderInvoiceNumber: "NOPE") },
            "pg.orders.void": { _ = try? await client.pg().orders().void(orderInvoiceNumber: "NOPE") },
        ]
        XCTAssertEqual(Set(receivingOperations), Set(calls.keys))
        for (_, call) in calls.sorted(by: { $0.key < $1.key }) {
            try await call()
        }
    }

    func testSignatureMatchesAnIndependentlyComputedValue() {
        // Python: hmac.new(b"whsec_1", b"1767236400." + body, sha256).hexdigest()
        XCTAssertEqual(
            hmacSignature(secret: "whsec_1", timestamp: 1_767_236_400, body: Data(body.utf8)),
            "sha256=d3d884c1470ef21d275fa37dfad2dfb5b1440a74a17db0f35333abff2af78c5d")
    }

    func testTamperedWrongKeyStaleAndReplayed() throws {
        let receiver = try WebhookReceiver.hmac(secret: "whsec_1")
        let t = now()
        let data = Data(body.utf8)
        let sig = hmacSignature(secret: "whsec_1", timestamp: t, body: data)
        func h(_ sig: String, _ ts: Int64) -> [NameValue] {
            [NameValue(name: "X-SePay-Signature", value: sig), NameValue(name: "X-SePay-Timestamp", value: "\(ts)"),
             NameValue(name: "Content-Type", value: "application/json")]
        }
        let first = try receiver.receive(method: "POST", headers: h(sig, t), body: data, now: t)
        XCTAssertEqual(first.delivery, .new)
        XCTAssertFalse(first.duplicate)
        XCTAssertEqual(first.event.id, "7")
        XCTAssertEqual(first.reply.status, 200)
        XCTAssertEqual(first.reply.body, #"{"success":true}"#)
        try receiver.complete(key: first.key)
        let replay = try receiver.receive(method: "POST", headers: h(sig, t), body: data, now: t)
        XCTAssertEqual(replay.delivery, .duplicate, "same id, handled: duplicate, still a success reply")
        XCTAssertTrue(replay.duplicate)
        XCTAssertEqual(replay.reply.status, 200)

        let tampered = Data(body.replacingOccurrences(of: #""id":7"#, with: #""id":8"#).utf8)
        let e = sepayErrorSync { try receiver.receive(method: "POST", headers: h(sig, t), body: tampered, now: t) }
        XCTAssertTrue(isVerification(e), "\(String(describing: e))")
        XCTAssertEqual(webhookErrorReply(error: e!).status, 401)
        XCTAssertTrue(isVerification(sepayErrorSync { try receiver.receive(method: "POST", headers: h(sig, t), body: data, now: t + 301) }), "stale")
        let wrong = hmacSignature(secret: "other", timestamp: t, body: data)
        XCTAssertTrue(isVerification(sepayErrorSync { try receiver.receive(method: "POST", headers: h(wrong, t), body: data, now: t) }), "wrong key")
        XCTAssertFalse(receiver.debugDescription.contains("whsec_1"))

        let apiKey = try WebhookReceiver.apiKey(key: "key-1")
        XCTAssertEqual(try apiKey.receive(method: "POST", headers: [NameValue(name: "authorization", value: "Apikey key-1")], body: data, now: t).event.id, "7")
        XCTAssertTrue(isVerification(sepayErrorSync {
            try apiKey.receive(method: "POST", headers: [NameValue(name: "authorization", value: "Apikey nope")], body: data, now: t)
        }))
        let bad = sepayErrorSync { try WebhookReceiver.noAuth().receive(method: "POST", headers: [], body: Data("nope".utf8), now: t) }
        guard case .Decode? = bad else { return XCTFail("\(String(describing: bad))") }
        XCTAssertEqual(webhookErrorReply(error: bad!).status, 400)
    }

    func testSandboxDeliversWebhooksInEveryModeAndContentType() async throws {
        let issuer = try WebhookTokenIssuer(clientId: "hook-client", clientSecret: "hook-secret", ttl: 3600)
        let receivers: [String: WebhookReceiver] = try [
            "/hmac": .hmac(secret: "whsec_1"), "/apikey": .apiKey(key: "key-1", encoding: .formUrlEncoded),
            "/none": .noAuth(encoding: .multipart), "/oauth": .oauth2(issuer: issuer),
        ]
        let inbox = Inbox()
        let server = TinyServer { method, path, headers, body in
            if path == "/token" {
                let r = issuer.issue(body: body, now: now())
                return (Int(r.status), r.body)
            }
            do {
                let receiver = receivers[path]!
                let got = try receiver.receive(method: method, headers: headers, body: body, now: now())
                if got.delivery == .new {
                    inbox.add(path, got.event)
                    try receiver.complete(key: got.key)
                }
                return (Int(got.reply.status), got.reply.body)
            } catch let e as SePayError {
                let r = webhookErrorReply(error: e)
                return (Int(r.status), r.body)
            } catch {
                return (500, "{}")
            }
        }
        defer { server.stop() }
        let base = server.url
        try await Sandbox.admin("DELETE", "webhooks/deliveries")
        var ids: [Int] = []
        for target in [
            #"{"url":"\#(base)/hmac","auth":"hmac","secret":"whsec_1","content_type":"json"}"#,
            #"{"url":"\#(base)/apikey","auth":"api_key","api_key":"key-1","content_type":"form"}"#,
            #"{"url":"\#(base)/none","auth":"none","content_type":"multipart"}"#,
            #"{"url":"\#(base)/oauth","auth":"oauth2","token_url":"\#(base)/token","client_id":"hook-client","client_secret":"hook-secret"}"#,
        ] {
            let answer = try JSONSerialization.jsonObject(with: try await Sandbox.admin("POST", "webhooks", target)) as! [String: Any]
            ids.append((answer["id"] as! NSNumber).intValue)
        }
        let answer = try JSONSerialization.jsonObject(with: try await Sandbox.admin(
            "POST", "simulate/transaction", #"{"amount":2277000,"content":"chuyen tien DH12345 mua iphone"}"#)) as! [String: Any]
        let v1Id = "\(answer["v1_id"]!)"
        let deadline = Date().addingTimeInterval(10)
        while inbox.count < 4 && Date() < deadline { try await Task.sleep(nanoseconds: 20_000_000) }
        var successes = 0
        while Date() < deadline {
            let log = try JSONSerialization.jsonObject(with: try await Sandbox.admin("GET", "webhooks/deliveries")) as! [[String: Any]]
            successes = log.filter { ($0["success"] as? Bool) == true }.count
            if successes >= 4 { break }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        for id in ids { try await Sandbox.admin("DELETE", "webhooks/\(id)") }
        let events = inbox.all
        XCTAssertEqual(Set(events.map(\.0)), ["/hmac", "/apikey", "/none", "/oauth"])
        let first = events[0].1
        XCTAssertEqual(first.id, v1Id)
        XCTAssertEqual(first.transferAmount, Decimal(2_277_000))
        XCTAssertEqual(first.code, "DH12345")
        for (path, event) in events { XCTAssertEqual(event, first, "\(path) gives the same event") }
        XCTAssertEqual(successes, 4, "SePay counted every reply as success")
    }

    func testPgIpnIsDeliveredAndVerifiedWithTheSecretKey() async throws {
        let client = try SePayClient.paymentGatewayEmulator(
            merchantId: "SP-TEST-SANDBOX", secretKey: "spsk_test_sandbox", rootUrl: Sandbox.url, options: Sandbox.fast)
        let invoice = "INV-SW-IPN-\(UUID().uuidString.prefix(8))"
        let form = try client.pg().checkout(request: CheckoutRequest(
            merchant: "", operation: .purchase, orderAmount: 50_000, orderInvoiceNumber: invoice, orderDescription: "ipn"))
        let accepted = try await submit(form.action(), form.fields())
        XCTAssertEqual(accepted, 200)
        let receiver = try WebhookReceiver.secretKey(secret: "spsk_test_sandbox")
        let got = IpnInbox()
        let server = TinyServer { method, _, headers, body in
            do {
                let r = try receiver.receivePgIpn(method: method, headers: headers, body: body, now: now())
                got.add(r.event)
                return (Int(r.reply.status), r.reply.body)
            } catch let e as SePayError {
                let r = webhookErrorReply(error: e)
                return (Int(r.status), r.body)
            } catch {
                return (500, "{}")
            }
        }
        defer { server.stop() }
        try await Sandbox.admin("POST", "pg/ipn", #"{"url":"\#(server.url)/ipn","secret_key":"spsk_test_sandbox"}"#)
        try await Sandbox.admin("POST", "pg/pay", #"{"order_invoice_number":"\#(invoice)","payment_method":"BANK_TRANSFER"}"#)
        let deadline = Date().addingTimeInterval(10)
        while got.first == nil && Date() < deadline { try await Task.sleep(nanoseconds: 20_000_000) }
        try await Sandbox.admin("POST", "pg/ipn", #"{"url":null}"#)
        let ipn = try XCTUnwrap(got.first)
        XCTAssertEqual(ipn.order.orderInvoiceNumber, invoice)
        XCTAssertEqual(ipn.transaction.transactionAmount, 50_000)
        XCTAssertEqual(ipn.notificationType, .orderPaid)
        let paid = try await client.pg().orders().get(orderId: invoice)
        XCTAssertEqual(paid.orderStatus, "CAPTURED")
        let e = await sepayError { try await client.pg().orders().cancel(orderInvoiceNumber: invoice) }
        guard case .Validation(_, let status, _, _, _)? = e else { return XCTFail("a paid order cannot be cancelled: \(String(describing: e))") }
        XCTAssertEqual(status, 422)
    }

    func testSandboxPayloadVerifiesAndEachContentTypeParsesAlike() async throws {
        // A payment simulated in the sandbox; its webhook payload, signed here.
        let answer = try await Sandbox.admin(
            "POST", "simulate/transaction", #"{"amount":2277000,"content":"chuyen tien DH12345 mua iphone"}"#)
        let json = try JSONSerialization.jsonObject(with: answer) as! [String: Any]
        let payload = json["webhook"] as! [String: Any]
        let v1Id = "\(json["v1_id"]!)"
        let payloadData = try JSONSerialization.data(withJSONObject: payload)
        let t = now()
        let sig = hmacSignature(secret: "whsec_1", timestamp: t, body: payloadData)
        let got = try WebhookReceiver.hmac(secret: "whsec_1").receive(
            method: "POST",
            headers: [NameValue(name: "x-sepay-signature", value: sig), NameValue(name: "x-sepay-timestamp", value: "\(t)"),
                      NameValue(name: "content-type", value: "application/json")],
            body: payloadData, now: t)
        XCTAssertEqual(got.event.id, v1Id)
        XCTAssertEqual(got.event.transferAmount, Decimal(2_277_000))
        XCTAssertEqual(got.event.code, "DH12345")

        // The same payload as a form and as multipart.
        let fields = payload.compactMap { (k, v) -> NameValue? in v is NSNull ? nil : NameValue(name: k, value: "\(v)") }
        let form = try WebhookReceiver.noAuth(encoding: .formUrlEncoded).receive(
            method: "POST", headers: [NameValue(name: "content-type", value: "application/x-www-form-urlencoded")],
            body: Data(formEncode(fields).utf8), now: t)
        var multipart = ""
        for f in fields { multipart += "--XyZ\r\nContent-Disposition: form-data; name=\"\(f.name)\"\r\n\r\n\(f.value)\r\n" }
        multipart += "--XyZ--\r\n"
        let parts = try WebhookReceiver.noAuth(encoding: .multipart).receive(
            method: "POST", headers: [NameValue(name: "content-type", value: "multipart/form-data; boundary=XyZ")],
            body: Data(multipart.utf8), now: t)
        XCTAssertEqual(form.event, got.event)
        XCTAssertEqual(parts.event, got.event)
    }

    func testOAuth2TokensAreIssuedAndChecked() throws {
        let issuer = try WebhookTokenIssuer(clientId: "hook-client", clientSecret: "hook-secret", ttl: 3600)
        let t = now()
        let reply = issuer.issue(body: Data(#"{"clientId":"hook-client","clientSecret":"hook-secret"}"#.utf8), now: t)
        XCTAssertEqual(reply.status, 200)
        let data = try JSONSerialization.jsonObject(with: Data(reply.body.utf8)) as! [String: Any]
        let token = (data["data"] as! [String: Any])["accessToken"] as! String
        let receiver = try WebhookReceiver.oauth2(issuer: issuer)
        let got = try receiver.receive(
            method: "POST", headers: [NameValue(name: "Authorization", value: "Bearer \(token)")], body: Data(body.utf8), now: t)
        XCTAssertEqual(got.reply.status, 201)
        XCTAssertTrue(isVerification(sepayErrorSync {
            try receiver.receive(method: "POST", headers: [NameValue(name: "Authorization", value: "Bearer x\(token)")], body: Data(body.utf8), now: t)
        }))
        XCTAssertEqual(issuer.issue(body: Data(#"{"clientId":"hook-client","clientSecret":"nope"}"#.utf8), now: t).status, 401)
        XCTAssertFalse(issuer.debugDescription.contains("hook-secret"))
    }

    func testBankHubIpnAndEventsAreVerifiedAndDeduplicated() throws {
        let t = now()
        let receiver = try WebhookReceiver.secretKey(secret: "bh-secret")
        let key = [NameValue(name: "X-Secret-Key", value: "bh-secret"), NameValue(name: "content-type", value: "application/json")]
        let ipn = Data(#"{"gateway":"BIDV","transaction_date":"2026-01-01 10:00:00","account_number":"123","content":"DH1","transfer_type":"credit","amount":50000,"accumulated":100000,"transaction_id":"bh-1"}"#.utf8)
        let got = try receiver.receiveBankhubIpn(method: "POST", headers: key, body: ipn, now: t)
        XCTAssertEqual(got.event.transactionId, "bh-1")
        XCTAssertEqual(got.event.amount, 50_000)
        XCTAssertEqual(got.event.transferType, .credit)
        XCTAssertFalse(got.duplicate)
        try receiver.complete(key: got.key)
        XCTAssertTrue(try receiver.receiveBankhubIpn(method: "POST", headers: key, body: ipn, now: t).duplicate)
        let event = Data(#"{"timestamp":\#(t),"xid":"ev-1","version":"1","event":"BANK_ACCOUNT_LINKED","metadata":{"bank_account_xid":"ba-1"}}"#.utf8)
        let e = try receiver.receiveBankhubEvent(method: "POST", headers: key, body: event, now: t)
        XCTAssertEqual(e.event.event, .bankAccountLinked)
        XCTAssertEqual(e.event.metadata.bankAccountXid, "ba-1")
        XCTAssertEqual(e.reply.status, 200)
        XCTAssertTrue(isVerification(sepayErrorSync {
            try receiver.receiveBankhubEvent(method: "POST", headers: [NameValue(name: "X-Secret-Key", value: "nope")], body: event, now: t)
        }))
    }

    func testKnownGoodVietQrPayloadsRoundTrip() throws {
        let knownGood = [
            "00020101021138530010A0000007270123000697041601092576788590208QRIBFTTA53037045802VN6304AE9F",
            "00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA5303704540410005802VN62150811Chuyen tien6304BBB8",
            "00020101021138570010A00000072701270006970405011322082054793800208QRIBFTTA53037045802VN630497A6",
            "00020101021238570010A000000727012700069704220113VQRQABRLS04480208QRIBFTTA5303704540420005802VN6224082018f8746b181045f0a2ce63040FC0",
        ]
        for good in knownGood {
            XCTAssertEqual(try vietqrPayload(qr: try vietqrDecode(payload: good)), good)
        }
        let built = VietQr(bankBin: "970416", account: "257678859", amount: 1000, memo: "Chuyen tien", service: .account)
        XCTAssertEqual(try vietqrPayload(qr: built), knownGood[1])
        XCTAssertEqual(try vietqrDecode(payload: knownGood[1]), built)
        var bad = Array(knownGood[0])
        bad[30] = "9"
        XCTAssertNotNil(sepayErrorSync { try vietqrDecode(payload: String(bad)) })
        XCTAssertEqual(
            try vietqrImageUrl(account: "0010000000355", bank: "Vietcombank", amount: 100_000, memo: "ung ho quy bao tro tre em"),
            "https://qr.sepay.vn/img?acc=0010000000355&bank=Vietcombank&amount=100000&des=ung%20ho%20quy%20bao%20tro%20tre%20em")
    }

    func testCheckoutFormOrdersAndTheirRules() async throws {
        let client = try SePayClient.paymentGatewayEmulator(
            merchantId: "SP-TEST-SANDBOX", secretKey: "spsk_test_sandbox", rootUrl: Sandbox.url, options: Sandbox.fast)
        XCTAssertFalse(client.description.contains("spsk_test_sandbox"))
        let invoice = "INV-SW-\(UUID().uuidString.prefix(8))"
        let request = CheckoutRequest(
            merchant: "ignored", operation: .purchase, orderAmount: 150_000, orderInvoiceNumber: invoice,
            orderDescription: "Don hang <1>", successUrl: "https://shop.example/ok")
        let form = try client.pg().checkout(request: request)
        XCTAssertTrue(form.action().hasSuffix("/pay/v1/checkout/init"), form.action())
        let fields = form.fields()
        XCTAssertEqual(fields.last?.name, "signature")
        XCTAssertTrue(form.toHtml(submitLabel: "Pay").contains("Don hang &lt;1&gt;"))
        let tampered = fields.map { $0.name == "order_amount" ? NameValue(name: $0.name, value: "1") : $0 }
        let status = try await submit(form.action(), tampered)
        XCTAssertEqual(status, 400, "a tampered form is rejected")
        let ok = try await submit(form.action(), fields)
        XCTAssertEqual(ok, 200, "the sandbox accepts the SDK's signature")

        let orders = client.pg().orders()
        let order = try await orders.get(orderId: invoice)
        XCTAssertEqual(order.orderAmount, 150_000)
        let page = try await orders.list()
        XCTAssertTrue(page.items.contains { $0.orderInvoiceNumber == invoice })
        var walked: [String] = []
        for try await o in orders.iter().items() { walked.append(o.orderInvoiceNumber) }
        XCTAssertTrue(walked.contains(invoice))
        let voidError = await sepayError { try await orders.void(orderInvoiceNumber: invoice) }
        guard case .Validation(_, let s, _, _, _)? = voidError else { return XCTFail("\(String(describing: voidError))") }
        XCTAssertEqual(s, 422)
        _ = try await orders.cancel(orderInvoiceNumber: invoice)
        let cancelled = try await orders.get(orderId: invoice)
        XCTAssertEqual(cancelled.orderStatus, "CANCELLED")
        let again = await sepayError { try await orders.cancel(orderInvoiceNumber: invoice) }
        guard case .Validation? = again else { return XCTFail("\(String(describing: again))") }
        let missing = await sepayError { try await orders.get(orderId: "NOPE-\(UUID().uuidString)") }
        guard case .NotFound? = missing else { return XCTFail("\(String(describing: missing))") }
        let noPg = try Sandbox.client()
        guard case .Configuration? = sepayErrorSync({ try noPg.pg().checkout(request: request) }) else {
            return XCTFail("a client without PG credentials")
        }
    }
}

/// Events received by the test server, from its thread.
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [(String, WebhookEvent)] = []
    func add(_ path: String, _ event: WebhookEvent) { lock.lock(); events.append((path, event)); lock.unlock() }
    var count: Int { lock.lock(); defer { lock.unlock() }; return events.count }
    var all: [(String, WebhookEvent)] { lock.lock(); defer { lock.unlock() }; return events }
}

/// PG IPNs received by the test server, from its thread.
final class IpnInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [PgIpn] = []
    func add(_ event: PgIpn) { lock.lock(); events.append(event); lock.unlock() }
    var first: PgIpn? { lock.lock(); defer { lock.unlock() }; return events.first }
}
