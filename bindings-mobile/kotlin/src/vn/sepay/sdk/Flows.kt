// Kotlin idioms over the generated paginators: each becomes a cold Flow of its
// items, one page in memory at a time. Thin on purpose: the paging itself
// (cursors, completeness checks, retries, rate limit) happens in the Rust core.
package vn.sepay.sdk

import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow
import vn.sepay.sdk.models.BankHubTransaction
import vn.sepay.sdk.models.Company
import vn.sepay.sdk.models.OAuthBankAccount
import vn.sepay.sdk.models.OAuthTransaction
import vn.sepay.sdk.models.PgOrder
import vn.sepay.sdk.models.V1BankAccount
import vn.sepay.sdk.models.V1Transaction
import vn.sepay.sdk.models.V2BankAccount
import vn.sepay.sdk.models.V2Transaction
import vn.sepay.sdk.models.V2VirtualAccount

/**
 * The items of successive pages. Collect it once: the paginator is consumed,
 * and closed when the collection ends (normally, by an error or by cancellation).
 */
internal fun <T> pagesFlow(paginator: AutoCloseable, nextPage: suspend () -> List<T>?): Flow<T> =
    flow {
        try {
            while (true) {
                val page = nextPage() ?: break
                for (item in page) emit(item)
            }
        } finally {
            paginator.close()
        }
    }

/** Every remaining v1 transaction as a [Flow]. */
fun V1TransactionPaginator.asFlow(): Flow<V1Transaction> = pagesFlow(this) { nextPage() }

/** Every remaining v1 bank account as a [Flow]. */
fun V1BankAccountPaginator.asFlow(): Flow<V1BankAccount> = pagesFlow(this) { nextPage() }

/** Every remaining v2 transaction as a [Flow]. */
fun V2TransactionPaginator.asFlow(): Flow<V2Transaction> = pagesFlow(this) { nextPage() }

/** Every remaining v2 bank account as a [Flow]. */
fun V2BankAccountPaginator.asFlow(): Flow<V2BankAccount> = pagesFlow(this) { nextPage() }

/** Every remaining v2 virtual account as a [Flow]. */
fun V2VirtualAccountPaginator.asFlow(): Flow<V2VirtualAccount> = pagesFlow(this) { nextPage() }

/** Every remaining payment gateway order as a [Flow]. */
fun PgOrderPaginator.asFlow(): Flow<PgOrder> = pagesFlow(this) { nextPage() }

/** Every remaining OAuth2 bank account as a [Flow]. */
fun OAuthBankAccountPaginator.asFlow(): Flow<OAuthBankAccount> = pagesFlow(this) { nextPage() }

/** Every remaining OAuth2 transaction as a [Flow]. */
fun OAuthTransactionPaginator.asFlow(): Flow<OAuthTransaction> = pagesFlow(this) { nextPage() }

/** Every remaining Bank Hub company as a [Flow]. */
fun BankHubCompanyPaginator.asFlow(): Flow<Company> = pagesFlow(this) { nextPage() }

/** Every remaining Bank Hub transaction as a [Flow]. */
fun BankHubTransactionPaginator.asFlow(): Flow<BankHubTransaction> = pagesFlow(this) { nextPage() }
