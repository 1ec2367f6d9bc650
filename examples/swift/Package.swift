// swift-tools-version:6.0
// Lists the bank accounts and the first transactions of a SePay company.
// Build bindings-mobile first (bindings-mobile/build.sh), then:
//   swift run -Xlinker -L<pkg>/lib -Xlinker -rpath -Xlinker <pkg>/lib Example http://127.0.0.1:PORT TOKEN
import PackageDescription

let package = Package(
    name: "Example",
    platforms: [.macOS(.v12)],
    dependencies: [.package(path: "../../bindings-mobile/swift/SePay")],
    targets: [
        .executableTarget(name: "Example", dependencies: [.product(name: "SePay", package: "SePay")])
    ]
)
