// VA orders through the compiled Swift module against the sandbox:
// the lifecycle on v2 and v1 (BIDV), bank rules checked before sending, and a
// create cut off by a dropped connection that is never duplicated.
import Foundation
import XCTest
@testable import SePay

/// A fresh alphanumeric order code (order codes are unique per account).
func orderCode(_ prefix: String) -> String {
    prefix + String(String(DispatchTime.now().uptimeNanoseconds).suffix(10))
}

/// The BIDV account's (v1 numeric id, v2 UUID).
func bidvAccount(_ client: SePayClient) async throws -> (v1: String, v2: String) {
    let v2 = try await client.v2().bankAccounts().list().items.first { $0.bankShortName == "BIDV" }!
    let v1 = try await client.v1().bankAccounts().list().first { $0.accountNumber == v2.accountNumber }!
    return (v1.id, v2.id)
}

final class OrdersTests: XCTestCase {
    func testLifecycleOnV2() async throws {
        let client = try Sandbox.client()
        let account = try await bidvAccount(client).v2
        let orders = client.v2().orders()
        let params = VaOrderCreateParams(amount: 500_000)
        let order = try await orders.create(bankAccountId: account, bank: .bidv, params: params)
        XCTAssertEqual(order.status, .pending)
        XCTAssertEqual(order.amount, 500_000)
        let va = try XCTUnwrap(order.vaNumber)

        try await Sandbox.vaPay(va, 200_000)
        let partial = try await orders.get(bankAccountId: account, orderId: order.id)
        XCTAssertEqual(partial.status, .partially)
        XCTAssertEqual(partial.paidAmount, 200_000)
        try await Sandbox.vaPay(va, 300_000)
        let paid = try await orders.get(bankAccountId: account, orderId: order.id)
        XCTAssertEqual(paid.status, .paid)

        let e = await sepayError { try await orders.cancel(bankAccountId: account, orderId: order.id) }
        guard case .Validation(let operation, let status, let code, _, _)? = e else {
            return XCTFail("a paid order cannot be cancelled: \(String(describing: e))")
        }
        XCTAssertEqual(operation, "v2.orders.cancel")
        XCTAssertEqual(status, 422)
        XCTAssertEqual(code, "invalid_state")

        let second = try await orders.create(bankAccountId: account, bank: .bidv, params: params)
        try await orders.cancel(bankAccountId: account, orderId: second.id)
        let cancelled = try await orders.get(bankAccountId: account, orderId: second.id)
        XCTAssertEqual(cancelled.status, .cancelled)
        XCTAssertFalse(cancelled.virtualAccounts.isEmpty)
        XCTAssert(cancelled.virtualAccounts.allSatisfy { $0.status == .cancelled })

        let third = try await orders.create(
            bankAccountId: account, bank: .bidv, params: VaOrderCreateParams(orderCode: orderCode("SW"), amount: 300_000))
        let withTwo = try await orders.addVa(
            bankAccountId: account, orderId: third.id, bank: .bidv, params: VaOrderCreateParams(amount: 100_000))
        XCTAssertEqual(withTwo.virtualAccounts.count, 2)
        let added = try XCTUnwrap(withTwo.virtualAccounts.first { $0.vaNumber != third.vaNumber })
        try await orders.cancelVa(bankAccountId: account, orderId: third.id, vaNumber: added.vaNumber)
        let after = try await orders.get(bankAccountId: account, orderId: third.id)
        XCTAssertEqual(after.virtualAccounts.first { $0.vaNumber == added.vaNumber }?.status, .cancelled)

        let ids = try await orders.list(bankAccountId: account, perPage: 100).items.map(\.id)
        XCTAssert(Set(ids).isSuperset(of: [order.id, second.id, third.id]))
    }

    func testLifecycleOnV1Bidv() async throws {
        let client = try Sandbox.client()
        let account = try await bidvAccount(client).v1
        let orders = client.v1().orders()
        let unlimited = try await orders.create(bankAccountId: account, bank: .bidv)
        XCTAssertNil(unlimited.amount, "BIDV accepts orders without an amount")
        let got = try await orders.get(bankAccountId: account, orderId: unlimited.id)
        XCTAssertEqual(got.orderCode, unlimited.orderCode)
        let withTwo = try await orders.addVa(bankAccountId: account, orderId: unlimited.id, bank: .bidv)
        let added = try XCTUnwrap(withTwo.virtualAccounts.first { $0.vaNumber != unlimited.vaNumber })
        try await orders.cancelVa(bankAccountId: account, orderId: unlimited.id, vaNumber: added.vaNumber)
        try await orders.cancel(bankAccountId: account, orderId: unlimited.id)
        let cancelled = try await orders.get(bankAccountId: account, orderId: unlimited.id)
        XCTAssertEqual(cancelled.status, .cancelled)
        let listed = try await orders.list(bankAccountId: account).items
        XCTAssert(listed.contains { $0.id == unlimited.id })
        let missing = await sepayError {
            try await orders.get(bankAccountId: account, orderId: "00000000-0000-4000-8000-000000000000")
        }
        guard case .NotFound(_, let status, _, _)? = missing else { return XCTFail("\(String(describing: missing))") }
        XCTAssertEqual(status, 404)
    }

    func testBankRulesAreCheckedBeforeAnythingIsSent() async throws {
        let client = try Sandbox.client()
        let vcb = try await client.v2().bankAccounts().list().items.first { $0.bankShortName == "Vietcombank" }!
        try await Sandbox.clearLog()
        let noTid = await sepayError {
            try await client.v2().orders().create(
                bankAccountId: vcb.id, bank: .vietcombank, params: VaOrderCreateParams(amount: 1000))
        }
        guard case .Validation(_, let status, _, let fields, _)? = noTid else { return XCTFail("\(String(describing: noTid))") }
        XCTAssertNil(status)
        XCTAssertEqual(fields.map(\.field), ["tid"])
        let noPrefix = await sepayError {
            try await client.v2().orders().create(
                bankAccountId: vcb.id, bank: .sacombank, params: VaOrderCreateParams(amount: 1000))
        }
        guard case .Validation(_, nil, _, let prefixFields, _)? = noPrefix else { return XCTFail("\(String(describing: noPrefix))") }
        XCTAssertEqual(prefixFields.map(\.field), ["va_prefix"])
        let logged = try await Sandbox.loggedRequests()
        XCTAssert(logged.isEmpty, "nothing reached the sandbox: \(logged)")

        let tid = try await client.v2().terminals().list(bankAccountId: vcb.id)[0].tid
        let ok = try await client.v2().orders().create(
            bankAccountId: vcb.id, bank: .vietcombank, params: VaOrderCreateParams(amount: 1000, tid: tid))
        XCTAssertEqual(ok.status, .pending)
    }

    func testACreateCutOffAfterItReachedSePayIsNotDuplicated() async throws {
        let client = try Sandbox.client()
        let account = try await bidvAccount(client).v2
        let code = orderCode("DROP")
        try await Sandbox.clearLog()
        try await Sandbox.pushFaults("drop_after")
        let e = await sepayError {
            try await client.v2().orders().create(
                bankAccountId: account, bank: .bidv, params: VaOrderCreateParams(orderCode: code, amount: 1000))
        }
        guard case .Transport? = e else { return XCTFail("\(String(describing: e))") }
        let posts = try await Sandbox.loggedRequests().filter { $0.method == "POST" }.count
        XCTAssertEqual(posts, 1, "the create was not re-sent")
        let all = try await client.v2().orders().list(bankAccountId: account, perPage: 100).items
        XCTAssertEqual(all.filter { $0.orderCode == code }.count, 1, "exactly one order exists")
    }
}
