// swift-tools-version:6.0
// A consumer of the SePay Swift package, as a user's project would be: a path
// dependency and a plain `swift run` (no linker flags). scripts/test-mobile.sh
// runs it against the sandbox: list, iterate, a typed error.
import PackageDescription

let package = Package(
    name: "Consumer",
    platforms: [.macOS(.v12)],
    dependencies: [.package(path: "../../../bindings-mobile/swift/SePay")],
    targets: [
        .executableTarget(name: "Consumer", dependencies: [.product(name: "SePay", package: "SePay")])
    ]
)
