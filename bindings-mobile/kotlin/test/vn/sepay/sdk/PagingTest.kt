// Whole histories through Flow: 20,000+ items, every id once, in order.
package vn.sepay.sdk

import kotlin.test.assertEquals
import kotlin.test.assertTrue
import kotlinx.coroutines.flow.collect
import kotlinx.coroutines.runBlocking
import org.junit.Test
import vn.sepay.sdk.models.SortOrder
import vn.sepay.sdk.models.V2TransactionListParams

class PagingTest {
    private val client = Sandbox.client()

    @Test
    fun v2HistoryOver20000ItemsThroughFlow() = runBlocking {
        val total = client.v2().transactions().list(V2TransactionListParams(perPage = 1u)).pagination!!.total
        assertTrue(total >= 20_000uL, "the sandbox holds $total transactions")
        val seen = HashSet<String>()
        var previous: java.time.OffsetDateTime? = null
        client.v2().transactions().iter(V2TransactionListParams(transactionDateSort = SortOrder.ASC)).asFlow().collect {
            assertTrue(seen.add(it.id), "duplicate ${it.id}")
            previous?.let { p -> assertTrue(!it.transactionDate.isBefore(p), "out of order at ${it.id}") }
            previous = it.transactionDate
        }
        assertEquals(total, seen.size.toULong())
    }

    @Test
    fun paginatorsReportProgressAndTotal() = runBlocking {
        val total = client.v1().transactions().count()
        val v1 = client.v1().transactions().iter()
        assertEquals(null, v1.progress().total, "nothing asked yet")
        assertEquals(total, v1.total(), "v1's count, asked with the first page")
        v1.next()
        assertEquals(1uL, v1.progress().items)
        val v2 = client.v2().transactions().iter()
        v2.next()
        assertEquals(total, v2.progress().total, "v2's meta.pagination.total")
    }

    @Test
    fun v1HistoryOver20000ItemsThroughFlow() = runBlocking {
        val total = client.v1().transactions().count()
        var expected = 1uL
        client.v1().transactions().iter().asFlow().collect {
            assertEquals(expected.toString(), it.id)
            expected++
        }
        assertEquals(total, expected - 1uL)
        assertTrue(total >= 20_000uL)
    }

    @Test
    fun nextWalksItemByItemAndEnds() = runBlocking {
        val p = client.v2().bankAccounts().iter()
        try {
            var n = 0
            while (p.next() != null) n++
            assertEquals(3, n)
            assertEquals(null, p.next())
        } finally {
            p.close()
        }
    }
}
