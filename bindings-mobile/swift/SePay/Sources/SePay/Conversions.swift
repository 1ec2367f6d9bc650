// Conversions the generated code uses for the core's custom types
// (bindings-mobile/bindgen.toml): money crosses the FFI as decimal text and
// becomes Foundation's `Decimal`; times cross as RFC 3339 text with an offset
// and become `Date`.
import Foundation

enum SePayConvert {
    private static let posix = Locale(identifier: "en_US_POSIX")
    // Formatters are not documented as thread-safe on Linux: one lock guards both.
    private static let lock = NSLock()
    nonisolated(unsafe) private static let plain = formatter([.withInternetDateTime])
    nonisolated(unsafe) private static let fractional = formatter([
        .withInternetDateTime, .withFractionalSeconds,
    ])

    private static func formatter(_ options: ISO8601DateFormatter.Options) -> ISO8601DateFormatter {
        let f = ISO8601DateFormatter()
        f.formatOptions = options
        return f
    }

    static func decimal(_ text: String) -> Decimal {
        guard let value = Decimal(string: text, locale: posix) else {
            preconditionFailure("the core sent an amount that is not a decimal: \(text)")
        }
        return value
    }

    static func text(_ value: Decimal) -> String {
        var v = value
        return NSDecimalString(&v, posix)
    }

    static func date(_ text: String) -> Date {
        lock.lock()
        defer { lock.unlock() }
        guard let date = plain.date(from: text) ?? fractional.date(from: text) else {
            preconditionFailure("the core sent a time that is not RFC 3339: \(text)")
        }
        return date
    }

    /// UTC with milliseconds; the core converts it to SePay's +07:00 wall-clock.
    static func rfc3339(_ date: Date) -> String {
        lock.lock()
        defer { lock.unlock() }
        return fractional.string(from: date)
    }
}
