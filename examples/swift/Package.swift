// swift-tools-version:6.0
// The SDK's Swift examples, one executable each, run against the local sepay-sandbox by
// scripts/test-mobile.sh (the header of each main.swift says how to run it against SePay):
//   Example         lists bank accounts and transactions, receives a webhook in-process
//   VaOrder         a VA order paid in two parts
//   ReceiveWebhook  a webhook endpoint (POSIX sockets) that verifies, handles once, replies
//   OAuthFlow       OAuth2 authorization, a file TokenStore, calls for the user
//   BankHub         a company, its link token, accounts and transactions
// Build bindings-mobile first (bindings-mobile/build.sh), then:
//   swift run Example http://127.0.0.1:PORT TOKEN
import PackageDescription

let sepay: [Target.Dependency] = [.product(name: "SePay", package: "SePay")]

let package = Package(
    name: "Example",
    platforms: [.macOS(.v12)],
    dependencies: [.package(path: "../../bindings-mobile/swift/SePay")],
    targets: ["Example", "VaOrder", "ReceiveWebhook", "OAuthFlow", "BankHub"].map {
        .executableTarget(name: $0, dependencies: sepay)
    }
)
