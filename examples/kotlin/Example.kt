// Lists the bank accounts and the first transactions of a SePay company, then
// receives a webhook the way a server would: verify, handle once, complete.
//
//   SEPAY_TOKEN=...  java -cp <classpath> ExampleKt            (live API)
//   java -cp <classpath> ExampleKt http://127.0.0.1:PORT TOKEN  (local sepay-sandbox)
//
// scripts/test-mobile.sh runs it against the sandbox; pom.xml (beside it) shows the classpath.
import kotlinx.coroutines.flow.collect
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.runBlocking
import vn.sepay.sdk.NameValue
import vn.sepay.sdk.SePayClient
import vn.sepay.sdk.SePayException
import vn.sepay.sdk.WebhookReceiver
import vn.sepay.sdk.WebhookReply
import vn.sepay.sdk.asFlow
import vn.sepay.sdk.hmacSignature
import vn.sepay.sdk.retryLater
import vn.sepay.sdk.webhookErrorReply
import vn.sepay.sdk.models.Delivery
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
    receiveWebhook()
}

/** A webhook signed as SePay signs it, delivered twice: handled once, then answered as a duplicate. */
fun receiveWebhook() {
    val secret = "whsec_example"
    val receiver = WebhookReceiver.hmac(secret)
    val body = """{"id":91,"gateway":"BIDV","transactionDate":"2026-01-01 10:00:00","accountNumber":"96247001",""" +
        """"code":"DH1001","content":"DH1001","transferType":"in","transferAmount":150000,"accumulated":0,""" +
        """"subAccount":null,"referenceCode":"FT1","description":""}"""
    val now = System.currentTimeMillis() / 1000
    val headers = listOf(
        NameValue("X-SePay-Signature", hmacSignature(secret, now, body.toByteArray())),
        NameValue("X-SePay-Timestamp", now.toString()),
    )
    repeat(2) {
        val reply = try {
            val got = receiver.receive("POST", headers, body.toByteArray(), now)
            when (got.delivery) {
                Delivery.NEW -> runCatching { println("order ${got.event.code} paid: ${got.event.transferAmount} VND") }.fold(
                    onSuccess = { receiver.complete(got.key); got.reply },
                    onFailure = { receiver.release(got.key); WebhookReply.retryLater() },
                )
                else -> got.reply.also { println("webhook ${got.event.id} again: ${got.delivery}") }
            }
        } catch (e: SePayException) {
            println("failed: $e")
            webhookErrorReply(e)
        }
        println("reply ${reply.status} ${reply.body}")
    }
}
