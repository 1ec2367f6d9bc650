// Bank Hub through the built jar: every operation against the
// sandbox, and 32 concurrent coroutines across a token expiry (the sandbox runs
// with --bankhub-token-ttl 4) making exactly one token request per expiry.
package vn.sepay.sdk

import kotlin.test.assertContains
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertTrue
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import org.junit.Test
import vn.sepay.sdk.models.BankHubListParams
import vn.sepay.sdk.models.CompanyEdit
import vn.sepay.sdk.models.LinkPurpose
import vn.sepay.sdk.models.TransferType

const val BANKHUB_SECRET = "sandbox-bankhub-secret"

fun bankHubClient(): SePayClient =
    SePayClient.forBankHubEmulator("sandbox-bankhub", BANKHUB_SECRET, Sandbox.url, Sandbox.fast)

class BankHubTest {
    private fun tokenRequests() = Sandbox.loggedRequests().count { it.second == "/bankhub/v1/token" }

    @Test
    fun thirtyTwoConcurrentCallsAcrossATokenExpiryMakeOneTokenRequestEach(): Unit = runBlocking {
        val hub = bankHubClient().bankHub()
        Sandbox.clearLog()
        suspend fun burst() = coroutineScope {
            (1..32).map { async(Dispatchers.Default) { hub.companies().list() } }.awaitAll()
        }
        assertTrue(burst().all { it.items.isNotEmpty() }, "no call failed")
        assertEquals(1, tokenRequests())
        delay(2_100) // past half of the 4 s lifetime: the token is renewed
        assertTrue(burst().all { it.items.isNotEmpty() })
        assertEquals(2, tokenRequests(), "one token request per expiry")
    }

    @Test
    fun everyOperation(): Unit = runBlocking {
        val client = bankHubClient()
        assertFalse(client.toString().contains(BANKHUB_SECRET), client.toString())
        val hub = client.bankHub()

        val companies = hub.companies().list().items
        assertTrue(companies.size >= 3)
        val company = companies.first { it.fullName == "CONG TY TNHH AN PHAT" }
        assertEquals(company.xid, hub.companies().get(company.xid).xid)
        val walked = hub.companies().iter(BankHubListParams(perPage = 1u)).asFlow().toList()
        assertEquals(companies.map { it.xid }.toSet(), walked.map { it.xid }.toSet())
        val name = "CONG TY KOTLIN ${System.nanoTime()}"
        val xid = hub.companies().create(name, "Pending")
        assertEquals(name, hub.companies().get(xid).fullName)
        assertTrue(hub.companies().edit(xid, CompanyEdit(fullName = "$name B", status = "Active")).isNotEmpty())
        val edited = hub.companies().get(xid)
        assertEquals("$name B" to "Active", edited.fullName to edited.status)
        val counter = hub.companies().counter(company.xid)
        assertTrue(counter.total.transaction >= counter.total.transactionIn)
        assertEquals(counter.total.transaction, counter.dates.sumOf { it.transaction })
        val day = counter.dates.first().date
        assertEquals(listOf(day), hub.companies().counter(company.xid, day).dates.map { it.date })

        val link = hub.linkTokens().create(company.xid, LinkPurpose.LINK_BANK_ACCOUNT, "https://platform.example/done")
        assertContains(link.hostedLinkUrl, link.linkToken)
        val info = hub.linkTokens().get(link.linkToken)
        assertEquals(link.xid to LinkPurpose.LINK_BANK_ACCOUNT, info.xid to info.purpose)
        assertEquals("Active", info.status)
        assertTrue(hub.linkTokens().revoke(link.xid).isNotEmpty())
        assertEquals("Revoked", hub.linkTokens().get(link.linkToken).status)

        val accounts = hub.bankAccounts().list(BankHubListParams(companyXid = company.xid)).items
        assertTrue(accounts.isNotEmpty() && accounts.all { it.companyXid == company.xid })
        assertEquals(accounts[0], hub.bankAccounts().get(accounts[0].xid))

        val txs = hub.transactions().list(BankHubListParams(perPage = 12u)).items
        val paged = hub.transactions().iter(BankHubListParams(perPage = 5u)).asFlow().take(12).toList()
        assertEquals(txs.map { it.transactionId }, paged.map { it.transactionId }, "three pages walked in order")
        val t = txs.first { it.transferType == TransferType.IN }
        assertEquals(t, hub.transactions().get(t.transactionId))
        assertTrue(t.amount.signum() > 0)

        assertEquals(emptyList(), hub.merchantConfig().get().transactionWhitelistRemarkKeywords)
        assertEquals(listOf("DH"), hub.merchantConfig().update(listOf("DH")).transactionWhitelistRemarkKeywords)
        assertEquals(listOf("DH"), hub.merchantConfig().get().transactionWhitelistRemarkKeywords)
        hub.merchantConfig().update(emptyList())

        val set = hub.webhook().set("https://platform.example/hook", "whsec_kotlin_0123456789", listOf("*"))
        assertEquals("https://platform.example/hook", set.webhookUrl)
        assertTrue(set.hasSecretKey && set.active)
        assertFalse(set.toString().contains("whsec_kotlin_0123456789"))
        val got = assertNotNull(hub.webhook().get())
        assertEquals(listOf("*"), got.allowEvents)
    }

    @Test
    fun errorsDecodeToTypedExceptions(): Unit = runBlocking {
        val hub = bankHubClient().bankHub()
        val missing = runCatching { hub.companies().get("no-such-company") }.exceptionOrNull()
        assertTrue(missing is SePayException.NotFound, "$missing")
        assertEquals(404.toUShort(), missing.status)
        assertEquals("bank_hub.companies.get", missing.operation)
        val invalid = runCatching { hub.webhook().set("not a url", "k", listOf("*")) }.exceptionOrNull()
        assertTrue(invalid is SePayException.Validation && invalid.status == 400.toUShort(), "$invalid")
        val wrong = SePayClient.forBankHubEmulator("sandbox-bankhub", "wrong-secret-0123456789", Sandbox.url, Sandbox.fast)
        val denied = runCatching { wrong.bankHub().companies().list() }.exceptionOrNull()
        assertTrue(denied is SePayException.Authentication && denied.status == 401.toUShort(), "$denied")
        assertFalse(denied.toString().contains("wrong-secret-0123456789"))
    }
}
