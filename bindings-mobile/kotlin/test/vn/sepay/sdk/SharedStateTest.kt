// State shared through a real redis-server (started by scripts/test-mobile.sh,
// $SEPAY_REDIS_URL): two JVM clients and two Python worker processes share one
// 3 requests/second budget, two receivers share webhook dedup, and a client
// that fails closed ends its calls at once while Redis is unreachable.
package vn.sepay.sdk

import java.net.ServerSocket
import java.util.concurrent.TimeUnit
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertTrue
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking
import org.junit.Test
import vn.sepay.sdk.models.Delivery
import vn.sepay.sdk.models.SharedOptions

class SharedStateTest {
    private val redisUrl: String = System.getenv("SEPAY_REDIS_URL") ?: error("SEPAY_REDIS_URL is not set")

    private val pythonWorker = """
import json, sys, time, sepay_sdk
url, redis_url, token, calls = sys.argv[1:5]
client = sepay_sdk.Client(token, base_url=url, requests_per_second=3,
    shared_state=sepay_sdk.SharedState(redis_url, prefix="kotlin-mixed", processes=4))
print("ready", flush=True)
sys.stdin.readline()
failures = 0
for _ in range(int(calls)):
    try:
        client.v2.bank_accounts.list()
    except sepay_sdk.SePayError:
        failures += 1
print(failures, flush=True)
"""

    @Test
    fun twoJvmClientsAndTwoPythonProcessesShareOneBudget() = runBlocking {
        val python = System.getenv("SEPAY_PYTHON") ?: error("SEPAY_PYTHON: a Python with the sepay_sdk wheel")
        SandboxProcess("--transactions", "50", "--rate-limit", "3").use { sb ->
            val calls = 5
            val workers = List(2) {
                ProcessBuilder(python, "-c", pythonWorker, sb.url, redisUrl, sb.token, calls.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start()
            }
            val readers = workers.map { it.inputStream.bufferedReader() }
            readers.forEach { assertEquals("ready", it.readLine()) }
            val clients = List(2) {
                val shared = SharedState(redisUrl, SharedOptions(prefix = "kotlin-mixed", processes = 4u))
                SePayClient.emulator(sb.token, sb.url, ClientOptions(requestsPerSecond = 3.0, sharedState = shared))
            }
            val started = System.nanoTime()
            workers.forEach { it.outputStream.write("go\n".toByteArray()); it.outputStream.flush() }
            val jvm = clients.map { c -> async { repeat(calls) { c.v2().bankAccounts().list() } } }
            jvm.awaitAll()
            readers.forEach { assertEquals("0", it.readLine(), "the Python worker's calls all succeeded") }
            workers.forEach { it.waitFor(10, TimeUnit.SECONDS) }
            val elapsed = (System.nanoTime() - started) / 1e9
            val total = 4 * calls
            assertEquals(0, Regex("\"status\":429").findAll(sb.admin("requests")).count(), "no 429 at all")
            assertTrue(elapsed <= 1.1 * total / 3, "$elapsed s for $total calls")
            assertTrue(elapsed >= (total - 4) / 3.0, "$elapsed s: the processes did not share one budget")
            assertTrue(clients.isNotEmpty())
        }
    }

    @Test
    fun receiversShareWebhookDeduplication() {
        fun receiver() = WebhookReceiver.hmac("whsec_1", store = SharedState(redisUrl, SharedOptions(prefix = "kotlin-hooks")).dedupStore())
        val (a, b) = receiver() to receiver()
        val t = System.currentTimeMillis() / 1000
        val body = """{"id":${t % 100000},"gateway":"ACB","transactionDate":"2026-01-01 10:00:00","accountNumber":"1","code":null,"content":"x","transferType":"in","transferAmount":1000,"accumulated":0,"subAccount":null,"referenceCode":"r","description":""}""".toByteArray()
        val headers = listOf(
            NameValue("X-SePay-Signature", hmacSignature("whsec_1", t, body)), NameValue("X-SePay-Timestamp", t.toString()),
            NameValue("Content-Type", "application/json"),
        )
        val first = a.receive("POST", headers, body, t)
        assertEquals(Delivery.NEW, first.delivery)
        assertEquals(Delivery.IN_PROGRESS, b.receive("POST", headers, body, t).delivery, "held by the other replica")
        a.release(first.key) // its handler failed
        val retry = b.receive("POST", headers, body, t)
        assertEquals(Delivery.NEW, retry.delivery, "the retry is handled")
        b.complete(retry.key)
        assertEquals(Delivery.DUPLICATE, a.receive("POST", headers, body, t).delivery)
    }

    @Test
    fun failClosedEndsCallsAtOnce() {
        val port = ServerSocket(0).use { it.localPort }
        val shared = SharedState("redis://127.0.0.1:$port/0", SharedOptions(onOutage = "fail"))
        val client = Sandbox.client(Sandbox.fast.copy(sharedState = shared))
        val started = System.nanoTime()
        assertFailsWith<SePayException.Store> { runBlocking { client.v2().bankAccounts().list() } }
        assertTrue(System.nanoTime() - started < 1_000_000_000L)
        assertEquals(false, shared.status().reachable)
        assertTrue(!shared.toString().contains("redis://"), "the URL (and its password) is never shown")
    }
}
