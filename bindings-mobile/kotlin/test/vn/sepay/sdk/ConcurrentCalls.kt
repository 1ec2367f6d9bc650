// P13's program: one client, a dozen concurrent calls on the runtime's threads,
// then main returns. HardeningTest runs it in fresh JVMs and expects each to
// exit with status 0 (no hang on the library's threads, no crash at exit).
package vn.sepay.sdk

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking
import vn.sepay.sdk.models.V1TransactionListParams
import vn.sepay.sdk.models.V2TransactionListParams

fun main() = runBlocking {
    val client = SePayClient.emulator(Sandbox.token, Sandbox.url, Sandbox.fast)
    val sizes = (1..12).map { i ->
        async(Dispatchers.Default) {
            when (i % 3) {
                0 -> client.v1().transactions().list(V1TransactionListParams(limit = 5u)).size
                1 -> client.v2().transactions().list(V2TransactionListParams(perPage = 5u)).items.size
                else -> client.v2().bankAccounts().list().items.size
            }
        }
    }.awaitAll()
    check(sizes.all { it > 0 }) { "empty answers: $sizes" }
    println("12 concurrent calls done: $sizes")
}
