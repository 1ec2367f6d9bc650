// Lists the bank accounts and the first transactions of a SePay company.
//
//   SEPAY_TOKEN=...  java -cp <classpath> ExampleKt            (live API)
//   java -cp <classpath> ExampleKt http://127.0.0.1:PORT TOKEN  (local sepay-sandbox)
//
// scripts/test-mobile.sh runs it against the sandbox; README.md shows the classpath.
import kotlinx.coroutines.flow.collect
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.runBlocking
import vn.sepay.sdk.SePayClient
import vn.sepay.sdk.SePayException
import vn.sepay.sdk.asFlow
import vn.sepay.sdk.models.Environment
import vn.sepay.sdk.models.V2TransactionListParams

fun main(args: Array<String>) = runBlocking {
    val client = if (args.isNotEmpty()) {
        SePayClient.emulator(token = args[1], rootUrl = args[0])
    } else {
        SePayClient(System.getenv("SEPAY_TOKEN") ?: error("set SEPAY_TOKEN"), Environment.LIVE)
    }
    println("client: $client")
    try {
        for (account in client.v2().bankAccounts().list().items) {
            println("${account.bankShortName} ${account.accountNumber}: balance ${account.accumulated} VND")
        }
        // Every transaction, page by page, as a Flow (only the first 10 are fetched here).
        client.v2().transactions().iter(V2TransactionListParams(perPage = 10u)).asFlow().take(10).collect { t ->
            val amount = if (t.amountIn.signum() > 0) "+${t.amountIn}" else "-${t.amountOut}"
            println("${t.transactionDate} ${t.accountNumber} $amount ${t.transactionContent}")
        }
    } catch (e: SePayException.RateLimited) {
        println("rate limited, retry after ${e.retryAfter}")
    } catch (e: SePayException) {
        println("failed: $e")
    }
}
