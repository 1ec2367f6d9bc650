// OAuth2 through the compiled Swift module: authorization URL → the
// sandbox's authorize endpoint → code exchange → every resource call, with
// access tokens living 2 s (the sandbox runs with --oauth-access-ttl 2) so they
// expire mid-run; a Swift TokenStore receives each rotated refresh token and a
// new client built on it carries on.
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest
@testable import SePay

/// A store as an app would write one: here an array standing in for a Keychain item.
final class RecordingStore: TokenStore, @unchecked Sendable {
    private let lock = NSLock()
    private var tokens: [OAuthTokens]

    init(_ initial: OAuthTokens? = nil) { tokens = initial.map { [$0] } ?? [] }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    var saved: [OAuthTokens] { locked { tokens } }
    func load() -> OAuthTokens? { locked { tokens.last } }
    func save(tokens new: OAuthTokens) { locked { tokens.append(new) } }
}

let oauthSecret = "sandbox-client-secret"
let allScopes = ["profile", "company", "bank-account:read", "transaction:read", "webhook:read", "webhook:write", "webhook:delete"]

func oauthClient(_ store: TokenStore?) throws -> SePayClient {
    try SePayClient.forOauthEmulator(
        clientId: "sandbox-client", clientSecret: oauthSecret, redirectUri: "http://127.0.0.1/callback",
        rootUrl: Sandbox.url, store: store, options: Sandbox.fast)
}

private final class NoRedirect: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) { completionHandler(nil) }
}

/// What the user's browser does: open the URL, stop at SePay's redirect, hand the app the code.
func authorize(_ url: String, state: String) async throws -> String {
    let session = URLSession(configuration: .ephemeral, delegate: NoRedirect(), delegateQueue: nil)
    let (_, response) = try await session.data(for: URLRequest(url: URL(string: url)!))
    let http = try XCTUnwrap(response as? HTTPURLResponse)
    XCTAssertEqual(http.statusCode, 302)
    let location = try XCTUnwrap(http.value(forHTTPHeaderField: "Location"))
    let items = URLComponents(string: location)?.queryItems ?? []
    XCTAssertEqual(items.first { $0.name == "state" }?.value, state)
    return try XCTUnwrap(items.first { $0.name == "code" }?.value)
}

/// One call per OAuth2 operation name, on a client that holds tokens (see OperationsTests).
let oauthCalls: [String: @Sendable (SePayClient) async throws -> Void] = [
    "oauth.authorization_url": { _ = try $0.oauth().authorizationUrl(scopes: ["profile"], state: "s") },
    "oauth.exchange_code": {
        _ = try await $0.oauth().exchangeCode(code: try await authorize(
            try $0.oauth().authorizationUrl(scopes: allScopes, state: "p"), state: "p"))
    },
    "oauth.me": { _ = try await $0.oauth().me() },
    "oauth.company": { _ = try await $0.oauth().company() },
    "oauth.bank_accounts.list": { _ = try await $0.oauth().bankAccounts().list() },
    "oauth.bank_accounts.iter": { _ = try await $0.oauth().bankAccounts().iter().next() },
    "oauth.bank_accounts.get": { _ = try await $0.oauth().bankAccounts().get(id: "1") },
    "oauth.bank_accounts.sub_accounts": { _ = try await $0.oauth().bankAccounts().subAccounts(bankAccountId: "1") },
    "oauth.transactions.list": { _ = try await $0.oauth().transactions().list() },
    "oauth.transactions.iter": { _ = try await $0.oauth().transactions().iter().next() },
    "oauth.webhooks.list": { _ = try await $0.oauth().webhooks().list() },
    "oauth.webhooks.get": { _ = try await $0.oauth().webhooks().get(id: "1") },
    "oauth.webhooks.create": { _ = try await $0.oauth().webhooks().create(params: hookParams()) },
    "oauth.webhooks.update": {
        let id = try await $0.oauth().webhooks().create(params: hookParams()).id
        _ = try await $0.oauth().webhooks().update(id: id, params: OAuthWebhookParams(name: "x"))
    },
    "oauth.webhooks.delete": {
        try await $0.oauth().webhooks().delete(id: try await $0.oauth().webhooks().create(params: hookParams()).id)
    },
]

func hookParams(apiKey: String? = nil) -> OAuthWebhookParams {
    OAuthWebhookParams(
        bankAccountId: "1", name: "shop", eventType: .inOnly, authenType: apiKey == nil ? .hmacSha256 : .apiKey,
        webhookUrl: "https://shop.example/hook", apiKey: apiKey, isVerifyPayment: true, active: true)
}

final class OAuthTests: XCTestCase {
    func testFromAuthorizationToResourcesAcrossTokenExpiry() async throws {
        let store = RecordingStore()
        let client = try oauthClient(store)
        XCTAssertFalse(client.description.contains(oauthSecret), client.description)

        let url = try client.oauth().authorizationUrl(scopes: allScopes, state: "st4te")
        XCTAssert(url.contains("state=st4te") && url.contains("client_id=sandbox-client"), url)
        let first = try await client.oauth().exchangeCode(code: try await authorize(url, state: "st4te"))
        XCTAssertEqual(store.saved, [first])
        let refresh = try XCTUnwrap(first.refreshToken())
        XCTAssertFalse(first.description.contains(first.accessToken()) || first.description.contains(refresh))

        let me = try await client.oauth().me()
        XCTAssertEqual(me.id, "1234")
        let company = try await client.oauth().company()
        XCTAssert(company.contains("full_name"), company)

        // Longer than two access-token lifetimes: every call succeeds.
        for _ in 0..<6 {
            let page = try await client.oauth().bankAccounts().list()
            XCTAssertFalse(page.items.isEmpty)
            try await Task.sleep(nanoseconds: 900_000_000)
        }
        XCTAssertGreaterThanOrEqual(store.saved.count, 3, "exchange plus refreshes")
        XCTAssertNotEqual(store.saved.last?.refreshToken(), refresh, "the rotated refresh token was saved")

        let accounts = client.oauth().bankAccounts()
        let page = try await accounts.list(params: OAuthListParams(limit: 100))
        var walked: [OAuthBankAccount] = []
        for try await a in accounts.iter(params: OAuthListParams(limit: 1)).items() { walked.append(a) }
        XCTAssertEqual(walked, page.items)
        let account = page.items[0]
        let again = try await accounts.get(id: account.id)
        XCTAssertEqual(again, account)
        let subs = try await accounts.subAccounts(bankAccountId: account.id)
        XCTAssert(subs.items.allSatisfy { !$0.id.isEmpty })

        let newest = try await client.oauth().transactions().list(params: OAuthListParams(limit: 25)).items
        var paged: [String] = []
        for try await t in client.oauth().transactions().iter(params: OAuthListParams(limit: 10)).items() {
            paged.append(t.id)
            if paged.count == 25 { break }
        }
        XCTAssertEqual(paged, newest.map(\.id), "three pages walked in order")

        // A restart: a new client on the same store needs no new code.
        let restarted = try oauthClient(store)
        let meAgain = try await restarted.oauth().me()
        XCTAssertEqual(meAgain.id, "1234")

        let hooks = restarted.oauth().webhooks()
        var params = hookParams(apiKey: "shop-api-key-0123456789")
        params = OAuthWebhookParams(
            bankAccountId: account.id, name: params.name, eventType: params.eventType, authenType: params.authenType,
            webhookUrl: params.webhookUrl, apiKey: params.apiKey, isVerifyPayment: true, active: true)
        let created = try await hooks.create(params: params)
        XCTAssertEqual(created.eventType, .inOnly)
        XCTAssert(created.hasApiKey)
        XCTAssertFalse("\(created)".contains("shop-api-key-0123456789"))
        let fetched = try await hooks.get(id: created.id)
        XCTAssertEqual(fetched, created)
        let renamed = try await hooks.update(id: created.id, params: OAuthWebhookParams(name: "renamed"))
        XCTAssertEqual(renamed.name, "renamed")
        let listed = try await hooks.list(params: OAuthListParams(webhookUrl: "shop.example", limit: 100)).items
        XCTAssert(listed.contains { $0.id == created.id })
        try await hooks.delete(id: created.id)
        let gone = await sepayError { try await hooks.get(id: created.id) }
        guard case .NotFound(let operation, let status, _, _)? = gone else { return XCTFail("\(String(describing: gone))") }
        XCTAssertEqual(operation, "oauth.webhooks.get")
        XCTAssertEqual(status, 404)
    }

    func testStoredTokensFromAnEarlierRunAndTypedErrors() async throws {
        let client = try oauthClient(nil)
        let url = try client.oauth().authorizationUrl(scopes: ["profile"], state: "s2")
        let tokens = try await client.oauth().exchangeCode(code: try await authorize(url, state: "s2"))
        // An app persisted these fields; a later run rebuilds the tokens from them.
        let copy = OAuthTokens(
            accessToken: tokens.accessToken(), refreshToken: tokens.refreshToken(), expiresAt: tokens.expiresAt(),
            scope: tokens.scope())
        XCTAssertEqual(copy, tokens)
        let later = try oauthClient(RecordingStore(copy))
        let me = try await later.oauth().me()
        XCTAssertEqual(me.id, "1234")
        let forbidden = await sepayError { try await later.oauth().webhooks().list() }
        guard case .Api(_, 403?, "forbidden"?, _)? = forbidden else { return XCTFail("\(String(describing: forbidden))") }
        do {
            _ = try later.oauth().authorizationUrl(scopes: ["everything"], state: "s")
            XCTFail("an unknown scope is refused")
        } catch SePayError.Validation(_, let status, _, _, _) {
            XCTAssertNil(status)
        }
    }

    func testAStoreThatThrowsGivesTypedStoreErrorsNotCrashes() async throws {
        let fresh = try oauthClient(BrokenStore())
        let load = await sepayError { try await fresh.oauth().me() }
        guard case .Store? = load else { return XCTFail("a failed load is a Store error: \(String(describing: load))") }
        // The exchange reports the failed save; the client keeps and uses the tokens.
        let client = try oauthClient(BrokenStore())
        let url = try client.oauth().authorizationUrl(scopes: ["profile"], state: "s3")
        let code = try await authorize(url, state: "s3")
        let save = await sepayError { try await client.oauth().exchangeCode(code: code) }
        guard case .Store(let operation, _)? = save else { return XCTFail("a failed save is a Store error: \(String(describing: save))") }
        XCTAssertEqual(operation, "oauth.token_store")
        let me = try await client.oauth().me()
        XCTAssertEqual(me.id, "1234")
    }
}

/// A store whose database is down: both methods throw.
final class BrokenStore: TokenStore, @unchecked Sendable {
    struct Down: Error {}
    func load() throws -> OAuthTokens? { throw Down() }
    func save(tokens: OAuthTokens) throws { throw Down() }
}
