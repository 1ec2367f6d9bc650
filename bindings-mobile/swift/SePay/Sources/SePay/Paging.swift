// The AsyncSequence behind every paginator's `items()` (AsyncSequences.swift,
// generated). Thin on purpose: the paging itself (cursors, completeness checks,
// retries, rate limit) happens in the Rust core.

/// The items of successive pages (`for try await tx in paginator.items()`).
/// Iterate it once: the paginator behind it is consumed.
public struct SePayItems<Element: Sendable>: AsyncSequence, Sendable {
    let nextPage: @Sendable () async throws -> [Element]?

    public struct AsyncIterator: AsyncIteratorProtocol {
        let nextPage: @Sendable () async throws -> [Element]?
        var page: [Element] = []
        var index = 0
        var done = false

        public mutating func next() async throws -> Element? {
            while index == page.count {
                if done { return nil }
                guard let next = try await nextPage() else {
                    done = true
                    return nil
                }
                page = next
                index = 0
            }
            index += 1
            return page[index - 1]
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(nextPage: nextPage)
    }
}
