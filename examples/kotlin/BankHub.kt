// Bank Hub: a platform adds its customers as companies, lets each link its bank accounts
// on SePay's hosted page (a link token), then reads their accounts and transactions.
// The client authenticates with client credentials: one token request per expiry,
// however many coroutines call.
//
//   java -cp <classpath> BankHubKt http://127.0.0.1:PORT   (local sepay-sandbox, its default
//                                                         Bank Hub client)
//   SEPAY_BANKHUB_CLIENT_ID=.. SEPAY_BANKHUB_CLIENT_SECRET=.. java -cp <classpath> BankHubKt
//                                                         (real SePay: creates a real company)
//
// scripts/test-mobile.sh runs it against the sandbox; pom.xml (beside it) shows the classpath.
import kotlinx.coroutines.flow.collect
import kotlinx.coroutines.runBlocking
import vn.sepay.sdk.SePayClient
import vn.sepay.sdk.SePayException
import vn.sepay.sdk.asFlow
import vn.sepay.sdk.models.BankHubListParams
import vn.sepay.sdk.models.Environment
import vn.sepay.sdk.models.LinkPurpose

fun main(args: Array<String>) = runBlocking {
    val sandbox = args.getOrNull(0)
    val id = System.getenv("SEPAY_BANKHUB_CLIENT_ID") ?: "sandbox-bankhub"
    val secret = System.getenv("SEPAY_BANKHUB_CLIENT_SECRET") ?: "sandbox-bankhub-secret"
    val client = if (sandbox != null) SePayClient.forBankHubEmulator(id, secret, sandbox)
        else SePayClient.forBankHub(id, secret, Environment.LIVE)
    val hub = client.bankHub()

    // A customer of the platform (full names are unique).
    val name = "CONG TY TNHH VI DU ${System.currentTimeMillis() % 100_000}"
    val xid = hub.companies().create(name, "Active")
    println("company created: ${hub.companies().get(xid).fullName} ($xid)")

    // Every company, page by page.
    hub.companies().iter(BankHubListParams(perPage = 50u)).asFlow().collect { c ->
        println("  ${c.fullName.padEnd(34)} ${c.status.padEnd(8)} ${c.xid}")
    }

    // The customer links a bank account on SePay's page: open it in a browser or a WebView.
    val link = hub.linkTokens().create(xid, LinkPurpose.LINK_BANK_ACCOUNT, "https://platform.example/linked")
    println("link token: open ${link.hostedLinkUrl} (until ${link.expiresAt})")
    println("  state: ${hub.linkTokens().get(link.linkToken).status}")

    // Accounts linked so far (the sandbox has a few) and their newest transactions.
    val account = hub.bankAccounts().list().items.firstOrNull() ?: return@runBlocking
    println("account ${account.brandName} ${account.accountNumber}: ${account.accumulated} VND")
    for (t in hub.transactions().list(BankHubListParams(bankAccountXid = account.xid, perPage = 3u)).items) {
        println("  ${t.transactionDate} ${t.transferType} ${t.amount} VND ${t.transactionContent}")
    }

    try {
        hub.companies().get("no-such-company")
    } catch (e: SePayException.NotFound) {
        println("unknown company: HTTP ${e.status} ${e.operation}")
    }
}
