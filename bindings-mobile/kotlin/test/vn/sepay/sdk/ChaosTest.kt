// Chaos: 20,000 transactions exported through the v2 Flow from a
// sandbox of this test's own that fails about one request in five (500/503,
// 429 bursts, dropped connections, truncated bodies, slow answers): every id
// exactly once, the exact sums of the sandbox's own stats, in bounded time.
package vn.sepay.sdk

import java.math.BigDecimal
import java.time.Duration
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.junit.Test
import vn.sepay.sdk.models.V2TransactionListParams

class ChaosTest {
    private fun field(json: String, name: String): String =
        Regex("\"$name\":\\s*\"?([0-9.]+)").find(json)?.groupValues?.get(1) ?: error("no $name in $json")

    @Test
    fun twentyThousandTransactionsSurviveTwentyPercentFaults(): Unit = runBlocking {
        SandboxProcess(
            "--transactions", "20000", "--rate-limit", "0",
            "--fault-500", "0.04", "--fault-503", "0.04", "--fault-429-burst", "0.02", "--burst-length", "2",
            "--fault-slow", "0.03", "--slow-ms", "300", "--fault-truncate", "0.04", "--fault-drop", "0.04",
        ).use { sandbox ->
            val client = SePayClient.emulator(
                sandbox.token, sandbox.url,
                ClientOptions(
                    requestsPerSecond = 0.0, timeout = Duration.ofMillis(1500), maxAttempts = 12u,
                    maxElapsed = Duration.ofSeconds(60), initialBackoff = Duration.ofMillis(5), maxBackoff = Duration.ofMillis(50),
                ),
            )
            val started = System.nanoTime()
            val ids = HashSet<String>()
            var totalIn = BigDecimal.ZERO
            var totalOut = BigDecimal.ZERO
            withTimeout(50_000) {
                client.v2().transactions().iter(V2TransactionListParams(perPage = 100u)).asFlow().collect { tx ->
                    assertTrue(ids.add(tx.id), "${tx.id} twice")
                    totalIn += tx.amountIn
                    totalOut += tx.amountOut
                }
            }
            val elapsed = Duration.ofNanos(System.nanoTime() - started)
            val stats = sandbox.admin("stats")
            assertEquals(20_000, ids.size)
            assertEquals(field(stats, "transactions").toInt(), ids.size)
            assertEquals(0, BigDecimal(field(stats, "total_amount_in")).compareTo(totalIn), "$stats vs $totalIn")
            assertEquals(0, BigDecimal(field(stats, "total_amount_out")).compareTo(totalOut), "$stats vs $totalOut")
            val log = sandbox.admin("requests")
            val requests = Regex("\"path\":").findAll(log).count()
            val faulted = Regex("\"fault\":\\s*\"").findAll(log).count()
            assertTrue(faulted * 10 >= requests, "faults were injected: $faulted of $requests")
            println("chaos (Kotlin): ${ids.size} transactions, $requests requests ($faulted faulted) in $elapsed")
        }
    }
}
