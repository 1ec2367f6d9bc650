// Smoke test of the SePay package from a separate SwiftPM project:
//   swift run Consumer <sandbox url> <token>
import Foundation
import SePay

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    print("usage: Consumer <sandbox url> <token>")
    exit(2)
}
let (url, token) = (arguments[1], arguments[2])
let client = try SePayClient.emulator(token: token, rootUrl: url)
let accounts = try await client.v2().bankAccounts().list(params: V2BankAccountListParams())
guard !accounts.items.isEmpty else { fatalError("no bank accounts") }
var walked = 0
let paginator = client.v1().transactions().iter(params: V1TransactionListParams())
while let transaction = try await paginator.next() {
    precondition(transaction.amountIn >= 0)
    walked += 1
}
let wrong = try SePayClient.emulator(token: "wrong-token", rootUrl: url)
do {
    _ = try await wrong.v2().bankAccounts().list(params: V2BankAccountListParams())
    fatalError("a wrong token was accepted")
} catch SePayError.Authentication(_, let status, _, _) {
    precondition(status == 401)
}
print("consumer: \(accounts.items.count) accounts, \(walked) transactions, typed errors: ok")
