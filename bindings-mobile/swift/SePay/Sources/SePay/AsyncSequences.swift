// Swift idioms over the generated paginators: each becomes an AsyncSequence of
// its items, one page in memory at a time. Thin on purpose: the paging itself
// (cursors, completeness checks, retries, rate limit) happens in the Rust core.

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

extension V1TransactionPaginator {
    /// Every remaining v1 transaction as an `AsyncSequence`.
    public func items() -> SePayItems<V1Transaction> { SePayItems { try await self.nextPage() } }
}

extension V1BankAccountPaginator {
    /// Every remaining v1 bank account as an `AsyncSequence`.
    public func items() -> SePayItems<V1BankAccount> { SePayItems { try await self.nextPage() } }
}

extension V2TransactionPaginator {
    /// Every remaining v2 transaction as an `AsyncSequence`.
    public func items() -> SePayItems<V2Transaction> { SePayItems { try await self.nextPage() } }
}

extension V2BankAccountPaginator {
    /// Every remaining v2 bank account as an `AsyncSequence`.
    public func items() -> SePayItems<V2BankAccount> { SePayItems { try await self.nextPage() } }
}

extension V2VirtualAccountPaginator {
    /// Every remaining v2 virtual account as an `AsyncSequence`.
    public func items() -> SePayItems<V2VirtualAccount> { SePayItems { try await self.nextPage() } }
}

extension PgOrderPaginator {
    /// Every remaining payment gateway order as an `AsyncSequence`.
    public func items() -> SePayItems<PgOrder> { SePayItems { try await self.nextPage() } }
}

extension OAuthBankAccountPaginator {
    /// Every remaining OAuth2 bank account as an `AsyncSequence`.
    public func items() -> SePayItems<OAuthBankAccount> { SePayItems { try await self.nextPage() } }
}

extension OAuthTransactionPaginator {
    /// Every remaining OAuth2 transaction as an `AsyncSequence`.
    public func items() -> SePayItems<OAuthTransaction> { SePayItems { try await self.nextPage() } }
}

extension BankHubCompanyPaginator {
    /// Every remaining Bank Hub company as an `AsyncSequence`.
    public func items() -> SePayItems<Company> { SePayItems { try await self.nextPage() } }
}

extension BankHubTransactionPaginator {
    /// Every remaining Bank Hub transaction as an `AsyncSequence`.
    public func items() -> SePayItems<BankHubTransaction> { SePayItems { try await self.nextPage() } }
}
