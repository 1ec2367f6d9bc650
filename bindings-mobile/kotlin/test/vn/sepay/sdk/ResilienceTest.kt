// Rate limit, retries and typed errors through the built jar.
package vn.sepay.sdk

import java.math.BigDecimal
import java.time.Duration
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking
import org.junit.Test
import vn.sepay.sdk.models.Environment
import vn.sepay.sdk.models.V1TransactionListParams
import vn.sepay.sdk.models.V2TransactionListParams

class ResilienceTest {
    @Test
    fun twentyCoroutinesUnderThreePerSecondSeeNo429() = runBlocking {
        val client = Sandbox.client(ClientOptions(requestsPerSecond = 3.0))
        Sandbox.setRateLimit(3.0)
        Sandbox.clearLog()
        val started = System.nanoTime()
        try {
            val pages = (1..20).map { i ->
                async(Dispatchers.Default) {
                    if (i % 2 == 0) client.v2().transactions().list().items.size
                    else client.v1().transactions().list(V1TransactionListParams(limit = 10u)).size
                }
            }.awaitAll()
            assertTrue(pages.all { it > 0 })
        } finally {
            Sandbox.setRateLimit(null)
        }
        val elapsed = Duration.ofNanos(System.nanoTime() - started)
        val statuses = Sandbox.loggedStatuses()
        assertEquals(20, statuses.size, "$statuses")
        assertEquals(0, statuses.count { it == 429 }, "zero 429s: $statuses")
        // 20 requests at 3/s: the first at once, the last 19/3 s later.
        assertTrue(elapsed >= Duration.ofMillis(6000), "$elapsed")
    }

    @Test
    fun injectedFaultsAreRetried() = runBlocking {
        val client = Sandbox.client()
        Sandbox.clearLog()
        Sandbox.pushFaults("503", "drop", "truncate", "500", "429")
        assertEquals(20, client.v2().transactions().list().items.size)
        Sandbox.pushFaults("drop", "503")
        assertEquals(5, client.v1().transactions().list(V1TransactionListParams(limit = 5u)).size)
        assertEquals(listOf("503", "drop", "truncate", "500", "429", "drop", "503"), Sandbox.loggedFaults())
    }

    @Test
    fun exhaustedRetriesAreTyped() = runBlocking {
        val client = Sandbox.client(Sandbox.fast.copy(maxAttempts = 2u))
        Sandbox.pushFaults("503", "503")
        val server = assertFailsWith<SePayException.Server> { client.v2().transactions().list() }
        assertEquals(503.toUShort(), server.status)
        assertEquals("v2.transactions.list", server.operation)
        Sandbox.pushFaults("429", "429")
        val limited = assertFailsWith<SePayException.RateLimited> { client.v2().bankAccounts().list() }
        assertEquals(429.toUShort(), limited.status)
        assertEquals(Duration.ofSeconds(1), limited.retryAfter)
        Sandbox.pushFaults("wrong_type")
        val decode = assertFailsWith<SePayException.Decode> { client.v2().transactions().list() }
        assertTrue(decode.found.contains("boolean") || decode.detail.contains("boolean"), decode.detail)
    }

    @Test
    fun badInputGivesTypedExceptionsBeforeSending() = runBlocking {
        val client = Sandbox.client()
        Sandbox.clearLog()
        val perPage = assertFailsWith<SePayException.Validation> {
            client.v2().transactions().list(V2TransactionListParams(perPage = 0u))
        }
        assertEquals(null, perPage.status)
        assertEquals("per_page", perPage.fieldErrors.single().field)
        val limit = assertFailsWith<SePayException.Validation> {
            client.v1().transactions().list(V1TransactionListParams(limit = 6000u))
        }
        assertEquals("limit", limit.fieldErrors.single().field)
        val dong = assertFailsWith<SePayException.Validation> {
            client.v2().transactions().list(V2TransactionListParams(amountInMin = BigDecimal("10.5")))
        }
        assertEquals("amount_in_min", dong.fieldErrors.single().field)
        assertFailsWith<SePayException.Validation> { client.v2().transactions().get(" ") }
        assertFailsWith<SePayException.Validation> { client.v2().virtualAccounts().list("") }
        assertEquals(emptyList(), Sandbox.loggedStatuses(), "nothing was sent")

        val missing = assertFailsWith<SePayException.NotFound> { client.v1().transactions().get("99999999") }
        assertEquals(404.toUShort(), missing.status)
        val missingV2 = assertFailsWith<SePayException.NotFound> {
            client.v2().transactions().get("00000000-0000-4000-8000-000000000000")
        }
        assertEquals("not_found", missingV2.code)

        assertFailsWith<SePayException.Configuration> { SePayClient("", Environment.LIVE) }
        assertFailsWith<SePayException.Configuration> {
            SePayClient.withBaseUrls(Sandbox.token, "http://example.com/userapi", "https://example.com/v2")
        }
        val auth = assertFailsWith<SePayException.Authentication> {
            Sandbox.client(token = "WRONG").v1().transactions().count()
        }
        assertEquals(200.toUShort(), auth.status, "v1 answers a bad token with HTTP 200 and an empty body")
    }
}
