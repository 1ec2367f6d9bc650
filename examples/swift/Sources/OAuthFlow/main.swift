// OAuth2: act for a SePay user who authorized your app. Authorization URL → the user
// approves → your callback gets a code → exchange it → call the API. The tokens live in
// a TokenStore (here a JSON file; on a device, the Keychain), so a restart carries on
// without asking the user again; the client refreshes them and saves the rotated ones.
//   OAuthFlow http://127.0.0.1:PORT  the local sepay-sandbox (approves at once; its default app)
//   SEPAY_OAUTH_CLIENT_ID=.. SEPAY_OAUTH_CLIENT_SECRET=.. SEPAY_OAUTH_REDIRECT_URI=..
//   SEPAY_TOKEN_FILE=~/.sepay-tokens.json OAuthFlow   real SePay: open the printed URL, approve,
//       paste the address you were redirected to; later runs reuse the file
// scripts/test-mobile.sh runs it against the sandbox (Package.swift shows the command).
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SePay

/// One user's tokens in a JSON file, readable by its owner only.
final class FileTokenStore: TokenStore, @unchecked Sendable { // called from any thread, one call at a time
    private struct Saved: Codable { var access: String, refresh: String?, expiresAt: Int64?, scope: String? }
    let file: URL
    init(_ file: URL) { self.file = file }

    func load() throws -> OAuthTokens? {
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        let s = try JSONDecoder().decode(Saved.self, from: Data(contentsOf: file))
        return OAuthTokens(accessToken: s.access, refreshToken: s.refresh, expiresAt: s.expiresAt, scope: s.scope)
    }

    func save(tokens: OAuthTokens) throws { // after the exchange and every refresh
        let s = Saved(access: tokens.accessToken(), refresh: tokens.refreshToken(), expiresAt: tokens.expiresAt(), scope: tokens.scope())
        try JSONEncoder().encode(s).write(to: file, options: .atomic) // never a half-written file
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
    }
}

/// Stops at the first redirect: the sandbox's approval lands on the app's callback.
final class NoRedirect: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) { completionHandler(nil) }
}

/// What the user's browser does: open the URL and land on the callback.
func browserApproves(_ url: String) async throws -> String {
    let session = URLSession(configuration: .ephemeral, delegate: NoRedirect(), delegateQueue: nil)
    let (_, response) = try await session.data(for: URLRequest(url: URL(string: url)!))
    guard let location = (response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Location") else { fatalError("no redirect") }
    return location
}

let env = ProcessInfo.processInfo.environment
let sandbox = CommandLine.arguments.count >= 2 ? CommandLine.arguments[1] : nil
let file = env["SEPAY_TOKEN_FILE"].map { URL(fileURLWithPath: $0) }
    ?? FileManager.default.temporaryDirectory.appendingPathComponent("sepay-tokens-\(UUID().uuidString).json")
let store = FileTokenStore(file)
let (id, secret) = (env["SEPAY_OAUTH_CLIENT_ID"] ?? "sandbox-client", env["SEPAY_OAUTH_CLIENT_SECRET"] ?? "sandbox-client-secret")
let redirect = env["SEPAY_OAUTH_REDIRECT_URI"] ?? "http://127.0.0.1/callback"
func client() throws -> SePayClient {
    if let sandbox {
        return try .forOauthEmulator(clientId: id, clientSecret: secret, redirectUri: redirect, rootUrl: sandbox, store: store)
    }
    return try .forOauth(clientId: id, clientSecret: secret, redirectUri: redirect, environment: .live, store: store)
}

if try store.load() == nil {
    let app = try client()
    let state = UUID().uuidString // checked on the callback (CSRF)
    let url = try app.oauth().authorizationUrl(scopes: ["profile", "bank-account:read", "transaction:read"], state: state)
    print("send the user to \(url)")
    var callback: String
    if sandbox != nil {
        callback = try await browserApproves(url)
    } else {
        print("approve, then paste the address you were sent to: ", terminator: "")
        callback = readLine() ?? ""
    }
    let query = URLComponents(string: callback.trimmingCharacters(in: .whitespaces))?.queryItems ?? []
    guard query.first(where: { $0.name == "state" })?.value == state,
          let code = query.first(where: { $0.name == "code" })?.value else { fatalError("not our request: \(callback)") }
    let tokens = try await app.oauth().exchangeCode(code: code)
    print("authorized: \(tokens), saved to \(file.path)")
}

// Later, in this or another process: the stored tokens are enough.
let oauth = try client().oauth()
let me = try await oauth.me()
print("acting for \(me.firstName ?? "") \(me.lastName ?? "") <\(me.email ?? "")>")
for account in try await oauth.bankAccounts().list().items {
    print("  \(account.bank?.shortName ?? "?") \(account.accountNumber): \(account.accumulated) VND")
}
for t in try await oauth.transactions().list(params: OAuthListParams(limit: 3)).items {
    print("  \(t.transactionDate.map { "\($0)" } ?? "-") +\(t.amountIn) -\(t.amountOut) \(t.transactionContent)")
}
