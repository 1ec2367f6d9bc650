// Call listeners (every attempt and retry, never a secret) and per-call
// options (`withOptions`) through the built jar, against the sandbox.
package vn.sepay.sdk

import java.util.Collections
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import kotlinx.coroutines.runBlocking
import org.junit.Test
import vn.sepay.sdk.models.CallEvent
import vn.sepay.sdk.models.CallEventKind
import vn.sepay.sdk.models.V1TransactionListParams

class CallOptionsTest {
    private class Recorder : CallListener {
        val events: MutableList<CallEvent> = Collections.synchronizedList(mutableListOf())
        override fun onEvent(event: CallEvent) {
            events.add(event)
        }
    }

    private val five = V1TransactionListParams(limit = 5u)

    @Test
    fun listenerSeesEveryAttemptAndRetryWithoutTheToken() = runBlocking<Unit> {
        val recorder = Recorder()
        val client = Sandbox.client(Sandbox.fast.copy(listener = recorder))
        Sandbox.pushFaults("503")
        assertEquals(5, client.v1().transactions().list(five).size)
        val events = recorder.events.toList()
        assertEquals(
            listOf(
                CallEventKind.REQUEST to 1u, CallEventKind.RESPONSE to 1u, CallEventKind.RETRY to 1u,
                CallEventKind.REQUEST to 2u, CallEventKind.RESPONSE to 2u,
            ),
            events.map { it.kind to it.attempt },
        )
        assertEquals(503.toUShort(), events[1].status)
        assertEquals(200.toUShort(), events[4].status)
        assertTrue(events[4].requestId!!.startsWith("sandbox-"), "${events[4]}")
        assertTrue(events[2].retryIn != null && events[4].latency != null)
        assertTrue(events.all { it.operation == "v1.transactions.list" && it.path == "/userapi/transactions/list" })
        assertTrue(events.none { it.toString().contains(Sandbox.token) })
    }

    @Test
    fun withOptionsChangesOneViewOnly() = runBlocking<Unit> {
        val client = Sandbox.client()
        val tagged = client.withOptions(CallOptions(headers = mapOf("X-Correlation-Id" to "order-42")))
        Sandbox.clearLog()
        tagged.v1().transactions().list(five)
        val log = Sandbox.admin("GET", "requests")
        assertTrue(log.contains("\"x-correlation-id\",\"order-42\""), log)
        Sandbox.clearLog()
        client.v1().transactions().list(five)
        assertTrue(!Sandbox.admin("GET", "requests").contains("order-42"))

        val once = client.withOptions(CallOptions(maxAttempts = 1u))
        Sandbox.pushFaults("503")
        assertFailsWith<SePayException.Server> { once.v1().transactions().list(five) }
        Sandbox.pushFaults("503")
        assertEquals(5, client.v1().transactions().list(five).size)
        assertFailsWith<SePayException.Configuration> {
            client.withOptions(CallOptions(headers = mapOf("Authorization" to "Bearer other")))
        }
    }

    @Test
    fun appNameEndsTheUserAgentAndBadProxiesAreRefused() = runBlocking<Unit> {
        val client = Sandbox.client(Sandbox.fast.copy(appName = "my-shop/2.1"))
        Sandbox.clearLog()
        client.v1().transactions().list(five)
        assertTrue(Regex("\"user-agent\",\"sepay-sdk-rust/[^\"]* my-shop/2.1\"").containsMatchIn(Sandbox.admin("GET", "requests")))
        val e = assertFailsWith<SePayException.Configuration> {
            Sandbox.client(Sandbox.fast.copy(proxy = "socks5://u:secret@h:1"))
        }
        assertTrue("secret" !in e.toString())
        val missing = assertFailsWith<SePayException.Configuration> {
            Sandbox.client(Sandbox.fast.copy(caBundle = "/nonexistent/ca.pem"))
        }
        assertTrue("ca_bundle" in missing.toString(), "$missing")
    }
}
