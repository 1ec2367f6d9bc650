// Every operation of the core through the compiled Swift module, against the sandbox.
import Foundation
import XCTest
@testable import SePay

/// One call per VA order operation name, on a token client.
private let orderCalls: [String: @Sendable (SePayClient) async throws -> Void] = {
    var calls: [String: @Sendable (SePayClient) async throws -> Void] = [:]
    for version in ["v1", "v2"] {
        let orders: @Sendable (SePayClient) async throws -> (VaOrders, String) = { c in
            let ids = try await bidvAccount(c)
            return version == "v1" ? (c.v1().orders(), ids.v1) : (c.v2().orders(), ids.v2)
        }
        calls["\(version).orders.list"] = { let (o, a) = try await orders($0); _ = try await o.list(bankAccountId: a) }
        calls["\(version).orders.create"] = { let (o, a) = try await orders($0); _ = try await o.create(bankAccountId: a, bank: .bidv) }
        calls["\(version).orders.get"] = {
            let (o, a) = try await orders($0)
            _ = try await o.get(bankAccountId: a, orderId: try await o.create(bankAccountId: a, bank: .bidv).id)
        }
        calls["\(version).orders.cancel"] = {
            let (o, a) = try await orders($0)
            try await o.cancel(bankAccountId: a, orderId: try await o.create(bankAccountId: a, bank: .bidv).id)
        }
        calls["\(version).orders.add_va"] = {
            let (o, a) = try await orders($0)
            _ = try await o.addVa(bankAccountId: a, orderId: try await o.create(bankAccountId: a, bank: .bidv).id, bank: .bidv)
        }
        calls["\(version).orders.cancel_va"] = {
            let (o, a) = try await orders($0)
            let order = try await o.addVa(bankAccountId: a, orderId: try await o.create(bankAccountId: a, bank: .bidv).id, bank: .bidv)
            try await o.cancelVa(bankAccountId: a, orderId: order.id, vaNumber: order.virtualAccounts.last!.vaNumber)
        }
    }
    return calls
}()

final class OperationsTests: XCTestCase {
    func testEveryV1Operation() async throws {
        let v1 = try Sandbox.client().v1()
        let list = try await v1.transactions().list(params: V1TransactionListParams(sinceId: 10, limit: 5))
        XCTAssertEqual(list.map(\.id), ["10", "11", "12", "13", "14"])
        let t = try await v1.transactions().get(id: "12")
        XCTAssertEqual(t, list[2])
        let total = try await v1.transactions().count()
        XCTAssertGreaterThanOrEqual(total, 20_000)
        let byAccount = try await v1.transactions().count(params: V1TransactionCountParams(accountNumber: t.accountNumber))
        XCTAssert(byAccount > 0 && byAccount < total)
        let day = DateBound.dateTime(t.transactionDate)
        let sameTime = try await v1.transactions().list(
            params: V1TransactionListParams(transactionDateMin: day, transactionDateMax: day))
        XCTAssert(sameTime.contains { $0.id == t.id })
        var first: [String] = []
        for try await x in v1.transactions().iter(params: V1TransactionListParams(limit: 7)).items() {
            first.append(x.id)
            if first.count == 7 { break }
        }
        XCTAssertEqual(first, (1...7).map(String.init))

        let accounts = try await v1.bankAccounts().list()
        XCTAssertEqual(accounts.count, 3)
        let a = try await v1.bankAccounts().get(id: accounts[0].id)
        XCTAssertEqual(a, accounts[0])
        let accountCount = try await v1.bankAccounts().count()
        XCTAssertEqual(accountCount, 3)
        var walked: [V1BankAccount] = []
        for try await x in v1.bankAccounts().iter().items() { walked.append(x) }
        XCTAssertEqual(walked, accounts.sorted { Int($0.id)! < Int($1.id)! })
    }

    func testEveryV2Operation() async throws {
        let v2 = try Sandbox.client().v2()
        let page = try await v2.transactions().list(params: V2TransactionListParams(transferType: .out, perPage: 10))
        XCTAssertEqual(page.items.count, 10)
        XCTAssert(page.items.allSatisfy { $0.transferType == .out && $0.amountOut > 0 })
        XCTAssertEqual(page.pagination?.perPage, 10)
        let t = try await v2.transactions().get(id: page.items[0].id)
        XCTAssertEqual(t, page.items[0])

        let accounts = try await v2.bankAccounts().list()
        XCTAssertEqual(accounts.pagination?.total, 3)
        let a = try await v2.bankAccounts().get(id: accounts.items[0].id)
        XCTAssertEqual(a, accounts.items[0])
        var walked: [V2BankAccount] = []
        for try await x in v2.bankAccounts().iter().items() { walked.append(x) }
        XCTAssertEqual(walked, accounts.items)

        var foundVa = false
        for account in accounts.items {
            var vas: [V2VirtualAccount] = []
            for try await va in v2.virtualAccounts().iter(bankAccountId: account.id).items() { vas.append(va) }
            let first = try await v2.virtualAccounts().list(bankAccountId: account.id).items
            XCTAssertEqual(Array(vas.prefix(first.count)), first)
            if let va = vas.first {
                let got = try await v2.virtualAccounts().get(bankAccountId: account.id, vaId: va.id)
                XCTAssertEqual(got, va)
                XCTAssertEqual(va.bankAccountId, account.id)
                foundVa = true
            }
            let terminals = try await v2.terminals().list(bankAccountId: account.id)
            if account.bankShortName == "Vietcombank" {
                XCTAssert(!terminals.isEmpty && terminals.allSatisfy { !$0.tid.isEmpty })
            }
        }
        XCTAssert(foundVa, "the dataset has virtual accounts")
    }

    func testMoneyAndTimesKeepTheirExactValues() async throws {
        let client = try Sandbox.client()
        let t = try await client.v1().transactions().list(params: V1TransactionListParams(limit: 50))
            .first { $0.amountIn > 0 }!
        // The same booking in v2, found with filters built from the v1 values.
        let found = try await client.v2().transactions().list(
            params: V2TransactionListParams(
                transactionDateFrom: .dateTime(t.transactionDate),
                transactionDateTo: .dateTime(t.transactionDate),
                amountInMin: t.amountIn, amountInMax: t.amountIn)
        ).items
        XCTAssertFalse(found.isEmpty)
        for x in found {
            XCTAssertEqual(x.amountIn, t.amountIn)
            XCTAssertEqual(x.transactionDate, t.transactionDate)
        }
        XCTAssertEqual(SePayConvert.text(Decimal(string: "19689000.05")!), "19689000.05")
    }

    func testEveryCoreOperationHasASwiftMethod() async throws {
        // One call per operation name; a listed one compiles only if the method exists.
        var calls: [String: @Sendable (SePayClient) async throws -> Void] = [
            "v1.transactions.list": { _ = try await $0.v1().transactions().list() },
            "v1.transactions.iter": { _ = try await $0.v1().transactions().iter().next() },
            "v1.transactions.get": { _ = try await $0.v1().transactions().get(id: "1") },
            "v1.transactions.count": { _ = try await $0.v1().transactions().count() },
            "v1.bank_accounts.list": { _ = try await $0.v1().bankAccounts().list() },
            "v1.bank_accounts.iter": { _ = try await $0.v1().bankAccounts().iter().next() },
            "v1.bank_accounts.get": { _ = try await $0.v1().bankAccounts().get(id: "1") },
            "v1.bank_accounts.count": { _ = try await $0.v1().bankAccounts().count() },
            "v2.transactions.list": { _ = try await $0.v2().transactions().list() },
            "v2.transactions.iter": { _ = try await $0.v2().transactions().iter().next() },
            "v2.transactions.get": {
                let id = try await $0.v2().transactions().list().items[0].id
                _ = try await $0.v2().transactions().get(id: id)
            },
            "v2.bank_accounts.list": { _ = try await $0.v2().bankAccounts().list() },
            "v2.bank_accounts.iter": { _ = try await $0.v2().bankAccounts().iter().next() },
            "v2.bank_accounts.get": {
                let id = try await $0.v2().bankAccounts().list().items[0].id
                _ = try await $0.v2().bankAccounts().get(id: id)
            },
            "v2.virtual_accounts.list": {
                let id = try await $0.v2().bankAccounts().list().items[0].id
                _ = try await $0.v2().virtualAccounts().list(bankAccountId: id)
            },
            "v2.virtual_accounts.iter": {
                let id = try await $0.v2().bankAccounts().list().items[0].id
                _ = try await $0.v2().virtualAccounts().iter(bankAccountId: id).next()
            },
            "v2.virtual_accounts.get": {
                for account in try await $0.v2().bankAccounts().list().items {
                    if let va = try await $0.v2().virtualAccounts().list(bankAccountId: account.id).items.first {
                        _ = try await $0.v2().virtualAccounts().get(bankAccountId: account.id, vaId: va.id)
                        return
                    }
                }
                XCTFail("no virtual account to get")
            },
            "v2.terminals.list": {
                let id = try await $0.v2().bankAccounts().list().items[0].id
                _ = try await $0.v2().terminals().list(bankAccountId: id)
            },
        ]
        calls.merge(orderCalls) { a, _ in a }
        // pg.* are called in ReceivingTests, oauth.* in OAuthTests, bank_hub.* in BankHubTests.
        // Every operation has a Swift method by construction (generated from the core's
        // table; the test command fails when the generated files are stale), so the list
        // here is the operations exercised against the sandbox: each must be a real one.
        let pg = receivingOperations.filter { $0.hasPrefix("pg.") }
        let exercised = Set(calls.keys).union(oauthCalls.keys).union(bankHubCalls.keys).union(pg)
        XCTAssert(exercised.isSubset(of: Set(operations())), "\(exercised.subtracting(operations()))")
        let client = try Sandbox.client()
        for (_, call) in calls.sorted(by: { $0.key < $1.key }) {
            try await call(client)
        }
        let oauth = try oauthClient(nil)
        let url = try oauth.oauth().authorizationUrl(scopes: allScopes, state: "ops")
        _ = try await oauth.oauth().exchangeCode(code: try await authorize(url, state: "ops"))
        for (_, call) in oauthCalls.sorted(by: { $0.key < $1.key }) {
            try await call(oauth)
        }
        let hub = try bankHubClient()
        for (_, call) in bankHubCalls.sorted(by: { $0.key < $1.key }) {
            try await call(hub)
        }
    }

    func testDescriptionNeverShowsTheToken() async throws {
        let client = try Sandbox.client()
        XCTAssert(client.description.contains("****"), client.description)
        XCTAssertFalse(client.description.contains(Sandbox.token))
        XCTAssertFalse(client.debugDescription.contains(Sandbox.token))
        let secret = "WRONG-TOKEN-0123456789-ABCDEFGHIJKLMNOP"
        let wrong = try Sandbox.client(token: secret)
        let error = await sepayError { try await wrong.v2().transactions().list() }
        guard case .Authentication(_, let status, let code, _)? = error else {
            return XCTFail("\(String(describing: error))")
        }
        XCTAssertEqual(status, 401)
        XCTAssertEqual(code, "unauthorized")
        for text in ["\(error!)", String(reflecting: error!), error!.localizedDescription, wrong.description] {
            XCTAssertFalse(text.contains(secret), text)
            XCTAssertFalse(text.contains(Sandbox.token), text)
        }
    }
}
