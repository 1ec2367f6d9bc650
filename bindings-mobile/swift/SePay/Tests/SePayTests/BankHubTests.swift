// Bank Hub through the compiled Swift module: every operation against
// the sandbox, and 32 concurrent tasks across a token expiry (the sandbox runs
// with --bankhub-token-ttl 4) making exactly one token request per expiry.
import Foundation
import XCTest
@testable import SePay

let bankHubSecret = "sandbox-bankhub-secret"

func bankHubClient() throws -> SePayClient {
    try SePayClient.forBankHubEmulator(
        clientId: "sandbox-bankhub", clientSecret: bankHubSecret, rootUrl: Sandbox.url, options: Sandbox.fast)
}

/// The first seeded company's xid.
private func firstCompany(_ c: SePayClient) async throws -> String {
    try await c.bankHub().companies().list().items[0].xid
}

/// One call per Bank Hub operation name (see OperationsTests).
let bankHubCalls: [String: @Sendable (SePayClient) async throws -> Void] = [
    "bank_hub.link_tokens.create": {
        _ = try await $0.bankHub().linkTokens().create(companyXid: try await firstCompany($0), purpose: .linkBankAccount)
    },
    "bank_hub.link_tokens.get": {
        let t = try await $0.bankHub().linkTokens().create(companyXid: try await firstCompany($0), purpose: .linkBankAccount)
        _ = try await $0.bankHub().linkTokens().get(linkToken: t.linkToken)
    },
    "bank_hub.link_tokens.revoke": {
        let t = try await $0.bankHub().linkTokens().create(companyXid: try await firstCompany($0), purpose: .linkBankAccount)
        _ = try await $0.bankHub().linkTokens().revoke(linkTokenXid: t.xid)
    },
    "bank_hub.companies.list": { _ = try await $0.bankHub().companies().list() },
    "bank_hub.companies.iter": { _ = try await $0.bankHub().companies().iter().next() },
    "bank_hub.companies.get": { _ = try await $0.bankHub().companies().get(companyXid: try await firstCompany($0)) },
    "bank_hub.companies.create": {
        _ = try await $0.bankHub().companies().create(fullName: "CONG TY SWIFT OPS \(orderCode(""))", status: "Pending")
    },
    "bank_hub.companies.edit": {
        let xid = try await $0.bankHub().companies().create(fullName: "CONG TY SWIFT EDIT \(orderCode(""))", status: "Pending")
        _ = try await $0.bankHub().companies().edit(companyXid: xid, fields: CompanyEdit(status: "Active"))
    },
    "bank_hub.companies.counter": { _ = try await $0.bankHub().companies().counter(companyXid: try await firstCompany($0)) },
    "bank_hub.bank_accounts.list": { _ = try await $0.bankHub().bankAccounts().list() },
    "bank_hub.bank_accounts.get": {
        _ = try await $0.bankHub().bankAccounts().get(xid: try await $0.bankHub().bankAccounts().list().items[0].xid)
    },
    "bank_hub.transactions.list": { _ = try await $0.bankHub().transactions().list() },
    "bank_hub.transactions.iter": { _ = try await $0.bankHub().transactions().iter().next() },
    "bank_hub.transactions.get": {
        let id = try await $0.bankHub().transactions().list().items[0].transactionId
        _ = try await $0.bankHub().transactions().get(transactionId: id)
    },
    "bank_hub.merchant_config.get": { _ = try await $0.bankHub().merchantConfig().get() },
    "bank_hub.merchant_config.update": { _ = try await $0.bankHub().merchantConfig().update(keywords: []) },
    "bank_hub.webhook.get": { _ = try await $0.bankHub().webhook().get() },
    "bank_hub.webhook.set": {
        _ = try await $0.bankHub().webhook().set(
            webhookUrl: "https://platform.example/ops", secretKey: "whsec_swift_ops_0123", allowEvents: ["*"])
    },
]

final class BankHubTests: XCTestCase {
    private func tokenRequests() async throws -> Int {
        try await Sandbox.loggedRequests().filter { $0.path == "/bankhub/v1/token" }.count
    }

    private func burst(_ hub: BankHubApi) async throws {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<32 { group.addTask { try await hub.companies().list().items.count } }
            for try await n in group { XCTAssertGreaterThan(n, 0) }
        }
    }

    func testThirtyTwoConcurrentCallsAcrossATokenExpiryMakeOneTokenRequestEach() async throws {
        let hub = try bankHubClient().bankHub()
        try await Sandbox.clearLog()
        try await burst(hub)
        let first = try await tokenRequests()
        XCTAssertEqual(first, 1)
        try await Task.sleep(nanoseconds: 2_100_000_000) // past half of the 4 s lifetime
        try await burst(hub)
        let second = try await tokenRequests()
        XCTAssertEqual(second, 2, "one token request per expiry")
    }

    func testEveryOperation() async throws {
        let client = try bankHubClient()
        XCTAssertFalse(client.description.contains(bankHubSecret), client.description)
        let hub = client.bankHub()

        let companies = try await hub.companies().list().items
        let company = try XCTUnwrap(companies.first { $0.fullName == "CONG TY TNHH AN PHAT" })
        let got = try await hub.companies().get(companyXid: company.xid)
        XCTAssertEqual(got.xid, company.xid)
        var walked: [String] = []
        for try await c in hub.companies().iter(params: BankHubListParams(perPage: 1)).items() { walked.append(c.xid) }
        XCTAssertEqual(Set(walked), Set(companies.map(\.xid)))
        let name = "CONG TY SWIFT \(orderCode(""))"
        let xid = try await hub.companies().create(fullName: name, status: "Pending")
        let message = try await hub.companies().edit(companyXid: xid, fields: CompanyEdit(fullName: name + " B", status: "Active"))
        XCTAssertFalse(message.isEmpty)
        let edited = try await hub.companies().get(companyXid: xid)
        XCTAssertEqual(edited.fullName, name + " B")
        XCTAssertEqual(edited.status, "Active")
        let counter = try await hub.companies().counter(companyXid: company.xid)
        XCTAssertEqual(counter.total.transaction, counter.dates.map(\.transaction).reduce(0, +))
        let day = try XCTUnwrap(counter.dates.first).date
        let oneDay = try await hub.companies().counter(companyXid: company.xid, date: day)
        XCTAssertEqual(oneDay.dates.map(\.date), [day])

        let link = try await hub.linkTokens().create(
            companyXid: company.xid, purpose: .linkBankAccount, completionRedirectUri: "https://platform.example/done")
        XCTAssert(link.hostedLinkUrl.contains(link.linkToken))
        let info = try await hub.linkTokens().get(linkToken: link.linkToken)
        XCTAssertEqual(info.xid, link.xid)
        XCTAssertEqual(info.status, "Active")
        let revoked = try await hub.linkTokens().revoke(linkTokenXid: link.xid)
        XCTAssertFalse(revoked.isEmpty)
        let after = try await hub.linkTokens().get(linkToken: link.linkToken)
        XCTAssertEqual(after.status, "Revoked")

        let accounts = try await hub.bankAccounts().list(params: BankHubListParams(companyXid: company.xid)).items
        XCTAssert(!accounts.isEmpty && accounts.allSatisfy { $0.companyXid == company.xid })
        let account = try await hub.bankAccounts().get(xid: accounts[0].xid)
        XCTAssertEqual(account, accounts[0])

        let txs = try await hub.transactions().list(params: BankHubListParams(perPage: 12)).items
        var paged: [String] = []
        for try await t in hub.transactions().iter(params: BankHubListParams(perPage: 5)).items() {
            paged.append(t.transactionId)
            if paged.count == 12 { break }
        }
        XCTAssertEqual(paged, txs.map(\.transactionId), "three pages walked in order")
        let t = try await hub.transactions().get(transactionId: txs[0].transactionId)
        XCTAssertEqual(t, txs[0])

        let config = try await hub.merchantConfig().update(keywords: ["DH"])
        XCTAssertEqual(config.transactionWhitelistRemarkKeywords, ["DH"])
        let read = try await hub.merchantConfig().get()
        XCTAssertEqual(read.transactionWhitelistRemarkKeywords, ["DH"])
        _ = try await hub.merchantConfig().update(keywords: [])

        let set = try await hub.webhook().set(
            webhookUrl: "https://platform.example/swift", secretKey: "whsec_swift_0123456789", allowEvents: ["*"])
        XCTAssert(set.hasSecretKey && set.active)
        XCTAssertFalse("\(set)".contains("whsec_swift_0123456789"))
        let hook = try await hub.webhook().get()
        XCTAssertEqual(hook?.webhookUrl, "https://platform.example/swift")
    }

    func testErrorsDecodeToTypedErrors() async throws {
        let hub = try bankHubClient().bankHub()
        let missing = await sepayError { try await hub.companies().get(companyXid: "no-such-company") }
        guard case .NotFound("bank_hub.companies.get", 404?, _, _)? = missing else {
            return XCTFail("\(String(describing: missing))")
        }
        let invalid = await sepayError {
            try await hub.webhook().set(webhookUrl: "not a url", secretKey: "k", allowEvents: ["*"])
        }
        guard case .Validation(_, 400?, _, _, _)? = invalid else { return XCTFail("\(String(describing: invalid))") }
        let wrong = try SePayClient.forBankHubEmulator(
            clientId: "sandbox-bankhub", clientSecret: "wrong-secret-0123456789", rootUrl: Sandbox.url, options: Sandbox.fast)
        let denied = await sepayError { try await wrong.bankHub().companies().list() }
        guard case .Authentication(_, 401?, _, _)? = denied else { return XCTFail("\(String(describing: denied))") }
        XCTAssertFalse("\(denied!)".contains("wrong-secret-0123456789"))
    }
}
