// The Flow behind every paginator's `asFlow()` (Flows.kt, generated). Thin on
// purpose: the paging itself (cursors, completeness checks, retries, rate
// limit) happens in the Rust core.
package vn.sepay.sdk

import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow

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
