// Smoke test of vn.sepay:sepay-sdk from a separate Maven project that depends on
// it by coordinates, as a service would:
//   mvn -q package exec:exec -Dsandbox.url=<url> -Dsandbox.token=<token>
import kotlin.system.exitProcess
import kotlinx.coroutines.flow.collect
import kotlinx.coroutines.runBlocking
import vn.sepay.sdk.SePayClient
import vn.sepay.sdk.SePayException
import vn.sepay.sdk.asFlow
import vn.sepay.sdk.models.V2BankAccountListParams

fun main(args: Array<String>) = runBlocking {
    if (args.size != 2) {
        println("usage: ConsumerKt <sandbox url> <token>")
        exitProcess(2)
    }
    val (url, token) = args
    val client = SePayClient.emulator(token = token, rootUrl = url)
    val accounts = client.v2().bankAccounts().list(V2BankAccountListParams())
    check(accounts.items.isNotEmpty()) { "no bank accounts" }
    var walked = 0
    client.v1().transactions().iter().asFlow().collect {
        check(it.amountIn.signum() >= 0) { "amount ${it.amountIn}" }
        walked++
    }
    check(walked.toULong() == client.v1().transactions().count()) { "walked $walked" }
    val wrong = SePayClient.emulator(token = "wrong-token", rootUrl = url)
    try {
        wrong.v2().bankAccounts().list(V2BankAccountListParams())
        error("a wrong token was accepted")
    } catch (e: SePayException.Authentication) {
        check(e.status == 401.toUShort()) { "status ${e.status}" }
    }
    println("consumer: ${accounts.items.size} accounts, $walked transactions, typed errors: ok")
}
