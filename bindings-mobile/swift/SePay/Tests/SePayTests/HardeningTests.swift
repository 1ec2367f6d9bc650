// Hardening through the compiled Swift module, against the sandbox
// process: signed bytes read as configured (P1), blank secrets refused (P2),
// the claim/complete/release delivery lifecycle with the memory store and a
// Swift DedupStore (P3), failing token stores (P4), invalid URLs and numbers,
// NaN and infinite TimeIntervals included (P5/P9), unsafe path arguments (P6),
// Retry-After beyond the budget (P7), maxPages (P8), masked printing (P10).
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest
@testable import SePay

private let hmacSecret = "kQ7vZp2XwR9m"
private let event = Data(#"{"id":41,"gateway":"ACB","transactionDate":"2026-01-01 10:00:00","accountNumber":"1","code":null,"content":"x","transferType":"in","transferAmount":1000,"accumulated":0,"subAccount":null,"referenceCode":"r","description":""}"#.utf8)

private func now() -> Int64 { Int64(Date().timeIntervalSince1970) }

/// The HMAC headers SePay sends for `body` at `t`, with `contentType` when not nil.
private func signed(_ body: Data, _ t: Int64, _ contentType: String?) -> [NameValue] {
    [NameValue(name: "X-SePay-Signature", value: hmacSignature(secret: hmacSecret, timestamp: t, body: body)),
     NameValue(name: "X-SePay-Timestamp", value: "\(t)")]
        + (contentType.map { [NameValue(name: "Content-Type", value: $0)] } ?? [])
}

/// The error `body` throws as a SePayError (nil, and a test failure, otherwise).
private func thrown<T>(_ what: String, _ body: () throws -> T, file: StaticString = #filePath, line: UInt = #line) -> SePayError? {
    do {
        _ = try body()
        XCTFail("\(what): expected a SePayError", file: file, line: line)
    } catch let e as SePayError {
        return e
    } catch {
        XCTFail("\(what): not a SePayError: \(error)", file: file, line: line)
    }
    return nil
}

private func expectConfiguration<T>(_ what: String, file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> T) {
    let e = thrown(what, body, file: file, line: line)
    guard case .Configuration? = e else {
        return XCTFail("\(what): expected a Configuration error, got \(String(describing: e))", file: file, line: line)
    }
}

/// A dedup store as an app would write one over its database; `failing` makes every method throw.
final class MapDedupStore: DedupStore, @unchecked Sendable {
    struct Down: Error {}
    private let lock = NSLock()
    private var done: Set<String> = []
    private var claimed: [String: Date] = [:]
    private var log: [String] = []
    private var broken = false

    var failing: Bool {
        get { lock.lock(); defer { lock.unlock() }; return broken }
        set { lock.lock(); broken = newValue; lock.unlock() }
    }
    var calls: [String] { lock.lock(); defer { lock.unlock() }; return log }

    func claim(key: String, leaseSeconds: Int64) throws -> Claim {
        lock.lock()
        defer { lock.unlock() }
        log.append("claim \(key) \(leaseSeconds)")
        if broken { throw Down() }
        if done.contains(key) { return .done }
        if let until = claimed[key], until > Date() { return .inProgress }
        claimed[key] = Date().addingTimeInterval(TimeInterval(leaseSeconds))
        return .new
    }

    func complete(key: String) throws {
        lock.lock()
        defer { lock.unlock() }
        log.append("complete \(key)")
        if broken { throw DedupStoreError.Failed(reason: "database is down") }
        done.insert(key)
        claimed[key] = nil
    }

    func release(key: String) throws {
        lock.lock()
        defer { lock.unlock() }
        log.append("release \(key)")
        if broken { throw Down() }
        claimed[key] = nil
    }
}

/// A token store whose load or save can be made to throw.
final class FlakyTokenStore: TokenStore, @unchecked Sendable {
    struct DiskFull: Error {}
    private let lock = NSLock()
    private var tokens: [OAuthTokens] = []
    private var loads = true
    private var saves = true

    func set(loads: Bool? = nil, saves: Bool? = nil) {
        lock.lock()
        defer { lock.unlock() }
        if let loads { self.loads = loads }
        if let saves { self.saves = saves }
    }
    var saved: [OAuthTokens] { lock.lock(); defer { lock.unlock() }; return tokens }

    func load() throws -> OAuthTokens? {
        lock.lock()
        defer { lock.unlock() }
        guard loads else { throw DiskFull() }
        return tokens.last
    }

    func save(tokens new: OAuthTokens) throws {
        lock.lock()
        defer { lock.unlock() }
        guard saves else { throw DiskFull() }
        tokens.append(new)
    }
}

final class HardeningTests: XCTestCase {
    func testP1SignedBytesGiveOneEventWhateverTheContentType() throws {
        let t = now()
        let types: [String?] = [
            "application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain", nil,
        ]
        let shared = try WebhookReceiver.hmac(secret: hmacSecret)
        var events: [WebhookEvent] = []
        var keys: Set<String> = []
        var deliveries: [Delivery] = []
        for type in types {
            let fresh = try WebhookReceiver.hmac(secret: hmacSecret).receive(
                method: "POST", headers: signed(event, t, type), body: event, now: t)
            XCTAssertEqual(fresh.delivery, .new, "\(String(describing: type))")
            events.append(fresh.event)
            let again = try shared.receive(method: "POST", headers: signed(event, t, type), body: event, now: t)
            keys.insert(again.key)
            deliveries.append(again.delivery)
        }
        XCTAssertEqual(Set(events.map(\.id)), ["41"])
        XCTAssertTrue(events.allSatisfy { $0 == events[0] }, "one event: \(events)")
        XCTAssertEqual(keys.count, 1, "one dedup key")
        XCTAssertEqual(deliveries, [.new, .inProgress, .inProgress, .inProgress, .inProgress])

        let key = "ak-Zp2XwR9mkQ7v"
        let form = Data(("id=42&gateway=ACB&transactionDate=2026-01-01+10%3A00%3A00&accountNumber=1&content=x&transferType=in"
            + "&transferAmount=1000&accumulated=0&referenceCode=r&description=").utf8)
        let apiKey = try WebhookReceiver.apiKey(key: key, encoding: .formUrlEncoded)
        XCTAssertEqual(apiKey.encoding(), .formUrlEncoded)
        for type in types {
            let headers = [NameValue(name: "Authorization", value: "Apikey \(key)")]
                + (type.map { [NameValue(name: "Content-Type", value: $0)] } ?? [])
            XCTAssertEqual(try apiKey.receive(method: "POST", headers: headers, body: form, now: t).event.id, "42")
        }
        let json = try WebhookReceiver.apiKey(key: key)
        let misread = thrown("a JSON receiver never reads a form body") {
            try json.receive(
                method: "POST",
                headers: [NameValue(name: "Authorization", value: "Apikey \(key)"),
                          NameValue(name: "Content-Type", value: "application/x-www-form-urlencoded")],
                body: form, now: t)
        }
        guard case .Decode? = misread else { return XCTFail("\(String(describing: misread))") }
        let issuer = try WebhookTokenIssuer(clientId: "hook-client", clientSecret: "hook-secret", ttl: 300)
        for encoding in [BodyEncoding.formUrlEncoded, .multipart] {
            expectConfiguration("HMAC + \(encoding)") { try WebhookReceiver.hmac(secret: hmacSecret, encoding: encoding) }
            expectConfiguration("X-Secret-Key + \(encoding)") { try WebhookReceiver.secretKey(secret: "sk", encoding: encoding) }
            expectConfiguration("OAuth2 + \(encoding)") { try WebhookReceiver.oauth2(issuer: issuer, encoding: encoding) }
            XCTAssertEqual(try WebhookReceiver.noAuth(encoding: encoding).encoding(), encoding)
        }
    }

    func testP2BlankSecretsAreConfigurationErrorsAtConstruction() {
        let url = Sandbox.url
        for blank in ["", " ", "\t\n "] {
            let cases: [(String, () throws -> Any)] = [
                ("webhook HMAC secret", { try WebhookReceiver.hmac(secret: blank) }),
                ("webhook API key", { try WebhookReceiver.apiKey(key: blank) }),
                ("X-Secret-Key secret", { try WebhookReceiver.secretKey(secret: blank) }),
                ("token issuer secret", { try WebhookTokenIssuer(clientId: "hook-client", clientSecret: blank, ttl: 3600) }),
                ("token issuer id", { try WebhookTokenIssuer(clientId: blank, clientSecret: "hook-secret", ttl: 3600) }),
                ("API token", { try SePayClient.emulator(token: blank, rootUrl: url) }),
                ("API token (live)", { try SePayClient(token: blank, environment: .live) }),
                ("PG secret", { try SePayClient.paymentGatewayEmulator(merchantId: "SP-TEST-SANDBOX", secretKey: blank, rootUrl: url) }),
                ("PG merchant", { try SePayClient.paymentGatewayEmulator(merchantId: blank, secretKey: "spsk_test_sandbox", rootUrl: url) }),
                ("PG token", {
                    try SePayClient.paymentGatewayEmulator(
                        merchantId: "SP-TEST-SANDBOX", secretKey: "spsk_test_sandbox", rootUrl: url, token: blank)
                }),
                ("OAuth2 client secret", {
                    try SePayClient.forOauthEmulator(clientId: "sandbox-client", clientSecret: blank, redirectUri: "http://127.0.0.1/cb", rootUrl: url)
                }),
                ("OAuth2 client id", {
                    try SePayClient.forOauthEmulator(clientId: blank, clientSecret: oauthSecret, redirectUri: "http://127.0.0.1/cb", rootUrl: url)
                }),
                ("Bank Hub client secret", { try SePayClient.forBankHubEmulator(clientId: "bh-client", clientSecret: blank, rootUrl: url) }),
                ("Bank Hub client id", { try SePayClient.forBankHubEmulator(clientId: blank, clientSecret: "bh-secret", rootUrl: url) }),
                ("Bank Hub client secret (live)", { try SePayClient.forBankHub(clientId: "bh-client", clientSecret: blank, environment: .live) }),
            ]
            for (what, make) in cases { expectConfiguration("\(what) \"\(blank)\"", make) }
        }
    }

    /// First delivery new; again before complete inProgress (503); release → new; complete → duplicate (200).
    private func lifecycle(_ receiver: WebhookReceiver) throws {
        let t = now()
        func deliver() throws -> ReceivedWebhook {
            try receiver.receive(method: "POST", headers: signed(event, t, "application/json"), body: event, now: t)
        }
        let first = try deliver()
        XCTAssertEqual(first.delivery, .new)
        XCTAssertFalse(first.duplicate)
        XCTAssertEqual(first.reply.status, 200)
        let meanwhile = try deliver()
        XCTAssertEqual(meanwhile.delivery, .inProgress)
        XCTAssertTrue(meanwhile.duplicate, "not to be handled")
        XCTAssertEqual(meanwhile.reply.status, 503)
        XCTAssertEqual(meanwhile.reply, WebhookReply.retryLater())
        XCTAssertTrue(meanwhile.reply.body.contains(#""success":false"#))
        try receiver.release(key: first.key)
        let retried = try deliver()
        XCTAssertEqual(retried.delivery, .new, "released: SePay's retry is handled again")
        XCTAssertEqual(retried.key, first.key)
        try receiver.complete(key: retried.key)
        let late = try deliver()
        XCTAssertEqual(late.delivery, .duplicate)
        XCTAssertEqual(late.reply.status, 200)
        XCTAssertEqual(late.reply.body, #"{"success":true}"#)
        try receiver.release(key: late.key)
        XCTAssertEqual(try deliver().delivery, .duplicate, "release never undoes complete")
    }

    func testP3DeliveryLifecycleWithTheMemoryStore() throws {
        try lifecycle(try WebhookReceiver.hmac(secret: hmacSecret))
        XCTAssertEqual(WebhookReply.retryLater().status, 503)
        // A claim whose holder died ends with its lease.
        let short = try WebhookReceiver.hmac(secret: hmacSecret, lease: 1)
        let t = now()
        XCTAssertEqual(try short.receive(method: "POST", headers: signed(event, t, nil), body: event, now: t).delivery, .new)
        XCTAssertEqual(try short.receive(method: "POST", headers: signed(event, t, nil), body: event, now: t).delivery, .inProgress)
        Thread.sleep(forTimeInterval: 1.1)
        XCTAssertEqual(try short.receive(method: "POST", headers: signed(event, t, nil), body: event, now: t).delivery, .new)
    }

    func testP3DeliveryLifecycleWithASwiftStore() throws {
        let store = MapDedupStore()
        try lifecycle(try WebhookReceiver.hmac(secret: hmacSecret, store: store, lease: 90))
        XCTAssertEqual(store.calls, [
            "claim tx:41 90", "claim tx:41 90", "release tx:41", "claim tx:41 90", "complete tx:41",
            "claim tx:41 90", "release tx:41", "claim tx:41 90",
        ])
    }

    func testP3AStoreThatThrowsIsATypedStoreError() throws {
        let store = MapDedupStore()
        let receiver = try WebhookReceiver.hmac(secret: hmacSecret, store: store)
        let t = now()
        store.failing = true
        let claim = thrown("claim") { try receiver.receive(method: "POST", headers: signed(event, t, nil), body: event, now: t) }
        guard case .Store(let operation, _)? = claim else { return XCTFail("\(String(describing: claim))") }
        XCTAssertEqual(operation, "webhook.dedup_store")
        XCTAssertEqual(webhookErrorReply(error: claim!), WebhookReply.retryLater(), "503: SePay retries later")
        store.failing = false
        let got = try receiver.receive(method: "POST", headers: signed(event, t, nil), body: event, now: t)
        XCTAssertEqual(got.delivery, .new)
        store.failing = true
        let complete = thrown("complete") { try receiver.complete(key: got.key) }
        guard case .Store(_, let detail)? = complete else { return XCTFail("\(String(describing: complete))") }
        XCTAssertTrue(detail.contains("database is down"), detail)
        XCTAssertEqual(webhookErrorReply(error: complete!).status, 503)
        guard case .Store? = thrown("release", { try receiver.release(key: got.key) }) else { return XCTFail("release") }
        store.failing = false
        try receiver.complete(key: got.key)
        XCTAssertEqual(try receiver.receive(method: "POST", headers: signed(event, t, nil), body: event, now: t).delivery, .duplicate)
    }

    func testP4AFailedSaveIsAStoreErrorAndTheRotatedTokenSurvives() async throws {
        let store = FlakyTokenStore()
        let client = try oauthClient(store)
        let url = try client.oauth().authorizationUrl(scopes: ["profile"], state: "p4")
        _ = try await client.oauth().exchangeCode(code: try await authorize(url, state: "p4"))
        let first = try XCTUnwrap(store.saved.first)
        XCTAssertEqual(store.saved.count, 1)

        // The access token expires; the refresh rotates the refresh token, saving it fails.
        store.set(saves: false)
        try await Sandbox.admin("POST", "oauth/expire")
        let failed = await sepayError { try await client.oauth().me() }
        guard case .Store(let operation, let detail)? = failed else { return XCTFail("\(String(describing: failed))") }
        XCTAssertEqual(operation, "oauth.token_store")
        XCTAssertTrue(detail.contains("DiskFull"), detail)

        // The store recovers: the client carries on from the rotated tokens it kept
        // (the stored refresh token was already used: re-sending it would be invalid_grant).
        store.set(saves: true)
        let me = try await client.oauth().me()
        XCTAssertEqual(me.id, "1234")
        let latest = try XCTUnwrap(store.saved.last)
        XCTAssertNotEqual(latest.refreshToken(), first.refreshToken())
        // A restarted app reads the store: its refresh token is the live one.
        try await Sandbox.admin("POST", "oauth/expire")
        let restarted = try await oauthClient(RecordingStore(latest)).oauth().me()
        XCTAssertEqual(restarted.id, "1234")

        let unreadable = FlakyTokenStore()
        unreadable.set(loads: false)
        let load = await sepayError { try await oauthClient(unreadable).oauth().me() }
        guard case .Store? = load else { return XCTFail("a failed load is a Store error, not 'no tokens': \(String(describing: load))") }
    }

    func testP5P9InvalidUrlsAndNumbersAreConfigurationErrorsOnly() {
        let token = Sandbox.token
        for url in ["ftp://x", "http://example.com", "not a url", "", "http://10.0.0.1:8080"] {
            expectConfiguration("emulator \(url)") { try SePayClient.emulator(token: token, rootUrl: url) }
            expectConfiguration("base URLs \(url)") { try SePayClient.withBaseUrls(token: token, userApiV1: url, userApiV2: url) }
            expectConfiguration("base URL v2 \(url)") {
                try SePayClient.withBaseUrls(token: token, userApiV1: "https://my.sepay.vn/userapi", userApiV2: url)
            }
            expectConfiguration("PG \(url)") {
                try SePayClient.paymentGatewayEmulator(merchantId: "SP-TEST-SANDBOX", secretKey: "spsk_test_sandbox", rootUrl: url)
            }
            expectConfiguration("OAuth2 \(url)") {
                try SePayClient.forOauthEmulator(clientId: "c", clientSecret: "s", redirectUri: "http://127.0.0.1/cb", rootUrl: url)
            }
            expectConfiguration("Bank Hub \(url)") { try SePayClient.forBankHubEmulator(clientId: "c", clientSecret: "s", rootUrl: url) }
        }
        // uniffi's own Duration would trap on these in Swift; the core refuses them.
        let badTimes: [TimeInterval] = [.nan, .infinity, -.infinity, -1, -0.000_001, 2 * 86_400, 1e12, .greatestFiniteMagnitude]
        var options: [ClientOptions] = []
        for d in badTimes {
            options += [
                ClientOptions(timeout: d), ClientOptions(connectTimeout: d), ClientOptions(maxElapsed: d),
                ClientOptions(initialBackoff: d), ClientOptions(maxBackoff: d),
            ]
        }
        for rate in [Double.nan, .infinity, -.infinity, -1, 1e12] { options.append(ClientOptions(requestsPerSecond: rate)) }
        options += [
            ClientOptions(timeout: 0), ClientOptions(maxElapsed: 0), ClientOptions(maxAttempts: 0), ClientOptions(maxAttempts: 101),
            ClientOptions(maxAttempts: .max), ClientOptions(maxResponseBytes: 0), ClientOptions(maxResponseBytes: 10),
            ClientOptions(maxResponseBytes: .max), ClientOptions(userAgent: "sepay\r\nX-Injected: 1"), ClientOptions(maxPages: 0),
        ]
        for o in options {
            expectConfiguration("\(o)") { try SePayClient.emulator(token: token, rootUrl: Sandbox.url, options: o) }
            expectConfiguration("live \(o)") { try SePayClient(token: token, environment: .live, options: o) }
        }
        let live = try! SePayClient(token: token, environment: .live)
        for rate in [Double.nan, .infinity, -1, 1e-30, 1e12] {
            expectConfiguration("setRateLimit \(rate)") { try live.setRateLimit(requestsPerSecond: rate) }
        }
        XCTAssertNoThrow(try live.setRateLimit(requestsPerSecond: 0))
        XCTAssertNoThrow(try live.setRateLimit(requestsPerSecond: nil))
        for d in badTimes + [0] {
            expectConfiguration("issuer ttl \(d)") { try WebhookTokenIssuer(clientId: "hook-client", clientSecret: "hook-secret", ttl: d) }
            expectConfiguration("lease \(d)") { try WebhookReceiver.noAuth(lease: d) }
            expectConfiguration("replay window \(d)") { try WebhookReceiver.secretKey(secret: "sk", replayWindow: d) }
            if d != 0 { expectConfiguration("tolerance \(d)") { try WebhookReceiver.hmac(secret: hmacSecret, tolerance: d) } }
        }
        // The limits themselves are fine.
        XCTAssertNoThrow(try SePayClient.emulator(
            token: token, rootUrl: Sandbox.url, options: ClientOptions(timeout: 86_400, requestsPerSecond: 1000, maxAttempts: 100)))
        XCTAssertNoThrow(try WebhookReceiver.noAuth(lease: 1, replayWindow: 86_400))
    }

    func testP6UnsafeIdsAreRefusedBeforeAnythingIsSent() async throws {
        let client = try Sandbox.client()
        try await Sandbox.clearLog()
        for id in ["..", ".", "a/b", "a?b", "a#b", "%2e", "a b", "a\n", "a\\b", "a\u{0}b"] {
            let v2 = await sepayError { try await client.v2().transactions().get(id: id) }
            guard case .Validation(_, nil, _, _, _)? = v2 else { return XCTFail("\(id.debugDescription): \(String(describing: v2))") }
            let v1 = await sepayError { try await client.v1().transactions().get(id: id) }
            guard case .Validation? = v1 else { return XCTFail("v1 \(id.debugDescription): \(String(describing: v1))") }
            let account = await sepayError { try await client.v2().bankAccounts().get(id: id) }
            guard case .Validation? = account else { return XCTFail("account \(id.debugDescription): \(String(describing: account))") }
            let vas = await sepayError { try await client.v2().virtualAccounts().list(bankAccountId: id) }
            guard case .Validation? = vas else { return XCTFail("VAs \(id.debugDescription): \(String(describing: vas))") }
        }
        let sent = try await Sandbox.loggedRequests()
        XCTAssertEqual(sent.count, 0, "nothing reached the sandbox: \(sent)")
        _ = try await client.v1().transactions().get(id: "12")
        let logged = try await Sandbox.loggedRequests()
        XCTAssertEqual(logged.count, 1, "the log does record requests")
    }

    func testP7RetryAfterBeyondTheBudgetEndsTheCallAtOnce() async throws {
        let client = try Sandbox.client(ClientOptions(
            timeout: 10, requestsPerSecond: 0, maxElapsed: 0.5, initialBackoff: 0.01, maxBackoff: 0.1))
        try await Sandbox.pushFaults("429")
        let started = Date()
        let e = await sepayError { try await client.v2().transactions().list() }
        let elapsed = Date().timeIntervalSince(started)
        guard case .RateLimited(_, _, _, let retryAfter, _)? = e else { return XCTFail("\(String(describing: e))") }
        XCTAssertEqual(retryAfter, 1, "the sandbox's Retry-After")
        XCTAssertLessThan(elapsed, 0.9, "did not wait out a Retry-After past its budget")
        let faults = try await Sandbox.loggedFaults()
        XCTAssertEqual(faults.last, "429")
    }

    func testP8MaxPagesEndsAWalkWithAPaginationError() async throws {
        for pages in [UInt32(1), 2] {
            let client = try Sandbox.client(ClientOptions(
                timeout: 10, requestsPerSecond: 0, initialBackoff: 0.01, maxBackoff: 0.1, maxPages: pages))
            var seen = 0
            do {
                for try await _ in client.v2().transactions().iter(params: V2TransactionListParams(perPage: 5)).items() { seen += 1 }
                XCTFail("the walk ended without an error")
            } catch SePayError.Pagination {
                XCTAssertEqual(seen, 5 * Int(pages))
            }
        }
    }

    func testP10PrintedObjectsShowNoSecretCharacters() throws {
        let token = "TkN8qL3vXw7ZpR2mYb5HcJ9d"
        let pgSecret = "spsk_Wq4Lz8NvBx2K"
        let oauthSecret = "oaS3cJ7tPq9VmX2w"
        let bankHubSecret = "bhS5kR8wQz3NvL7y"
        let apiKey = "akY6pM2xV9qT4wZ"
        let secretKey = "skB7nQ4vX8wL2mZ"
        let issuerSecret = "isD9wK3qZ7vM5xP"
        let tokens = OAuthTokens(accessToken: "acT4xQ8wZ2vN6kLm", refreshToken: "rfR7mW3qX9zK5vPt", expiresAt: now() + 3600, scope: "profile")
        let issuer = try WebhookTokenIssuer(clientId: "hook-client", clientSecret: issuerSecret, ttl: 3600)
        let objects: [Any] = try [
            SePayClient.emulator(token: token, rootUrl: Sandbox.url), SePayClient(token: token, environment: .live),
            SePayClient.paymentGatewayEmulator(merchantId: "SP-TEST-SANDBOX", secretKey: pgSecret, rootUrl: Sandbox.url, token: token),
            SePayClient.forOauthEmulator(clientId: "sandbox-client", clientSecret: oauthSecret, redirectUri: "http://127.0.0.1/cb", rootUrl: Sandbox.url),
            SePayClient.forBankHubEmulator(clientId: "bh-client", clientSecret: bankHubSecret, rootUrl: Sandbox.url),
            WebhookReceiver.hmac(secret: hmacSecret), WebhookReceiver.apiKey(key: apiKey),
            WebhookReceiver.secretKey(secret: secretKey), WebhookReceiver.oauth2(issuer: issuer), issuer, tokens,
        ]
        let printed = objects.flatMap { [String(describing: $0), String(reflecting: $0)] }
        let secrets = [token, pgSecret, oauthSecret, bankHubSecret, apiKey, secretKey, issuerSecret, hmacSecret,
                       tokens.accessToken(), try XCTUnwrap(tokens.refreshToken())]
        for text in printed {
            for secret in secrets {
                let chars = Array(secret)
                for i in 0...(chars.count - 4) {
                    let window = String(chars[i..<i + 4])
                    XCTAssertFalse(text.contains(window), "\(text) shows \(window) of a secret")
                }
            }
        }
        XCTAssertTrue(printed[0].contains("****"), printed[0])
    }
}
