// VA orders: an order with its own virtual account (VA), paid in two parts,
// then SePay's refusal to cancel a paid order.
//
//   java -cp <classpath> VaOrderKt http://127.0.0.1:PORT TOKEN   (local sepay-sandbox: the
//                                                               payments are simulated)
//   SEPAY_TOKEN=...  java -cp <classpath> VaOrderKt             (live API: pay the printed VA
//                                                               from a banking app; it waits)
//
// The company needs a BIDV account (other banks: see VaOrderCreateParams' tid / vaPrefix).
// scripts/test-mobile.sh runs it against the sandbox; pom.xml (beside it) shows the classpath.
import java.math.BigDecimal
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import kotlinx.coroutines.delay
import kotlinx.coroutines.runBlocking
import vn.sepay.sdk.SePayClient
import vn.sepay.sdk.SePayException
import vn.sepay.sdk.models.Environment
import vn.sepay.sdk.models.OrderBank
import vn.sepay.sdk.models.VaOrderCreateParams
import vn.sepay.sdk.models.VaOrderStatus

fun main(args: Array<String>) = runBlocking {
    val sandbox = args.getOrNull(0)
    val client = if (sandbox != null) {
        SePayClient.emulator(token = args[1], rootUrl = sandbox)
    } else {
        SePayClient(System.getenv("SEPAY_TOKEN") ?: error("set SEPAY_TOKEN"), Environment.LIVE)
    }
    val orders = client.v2().orders()
    val bidv = client.v2().bankAccounts().list().items.first { it.bankShortName == "BIDV" }

    // Always give an order code: a create re-sent after a lost answer is then refused, not doubled.
    val order = orders.create(
        bidv.id, OrderBank.BIDV,
        VaOrderCreateParams(orderCode = "DH${System.currentTimeMillis() % 1_000_000_000}", amount = BigDecimal(300_000)),
    )
    val va = order.vaNumber ?: error("no VA in $order")
    println("order ${order.orderCode}: pay ${order.amount} VND into VA $va at ${order.bankName} (${order.status})")

    if (sandbox != null) {
        for (amount in listOf(100_000, 200_000)) {
            payIntoVa(sandbox, va, amount) // the customer's transfer, simulated by the sandbox
            val now = orders.get(bidv.id, order.id)
            println("received $amount VND: ${now.status}, paid ${now.paidAmount} of ${now.amount}")
        }
    } else {
        println("waiting for the payment (pay it from a banking app)...")
        while (orders.get(bidv.id, order.id).status != VaOrderStatus.PAID) delay(5_000)
    }
    check(orders.get(bidv.id, order.id).status == VaOrderStatus.PAID)

    try {
        orders.cancel(bidv.id, order.id)
    } catch (e: SePayException.Validation) {
        println("a paid order cannot be cancelled: HTTP ${e.status} ${e.code}")
    }
    for (o in orders.list(bidv.id, perPage = 5u).items) {
        println("  ${o.orderCode.padEnd(14)} ${o.status.toString().padEnd(10)} ${o.paidAmount ?: 0} VND")
    }
}

/** Sandbox only (`POST /__sandbox/va/pay`): a transfer of [amount] VND into the VA. */
private fun payIntoVa(sandbox: String, va: String, amount: Int) {
    val request = HttpRequest.newBuilder(URI.create("$sandbox/__sandbox/va/pay"))
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("""{"va_number":"$va","amount":$amount}"""))
        .build()
    val response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString())
    check(response.statusCode() == 200) { "simulated payment failed: HTTP ${response.statusCode()} ${response.body()}" }
}
