// Hardening through the built jar, against the sandbox process:
// signed bytes read as configured (P1), blank secrets refused (P2), the
// claim/complete/release delivery lifecycle with the memory store and a
// Kotlin DedupStore (P3), failing token stores (P4), invalid URLs and numbers
// (P5/P9), unsafe path arguments (P6), Retry-After beyond the budget (P7),
// maxPages (P8), masked printing (P10) and a program that exits cleanly (P13).
package vn.sepay.sdk

import java.io.File
import java.io.IOException
import java.time.Duration
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.TimeUnit
import kotlin.test.assertContains
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertNotEquals
import kotlin.test.assertTrue
import kotlinx.coroutines.runBlocking
import org.junit.Test
import vn.sepay.sdk.models.BodyEncoding
import vn.sepay.sdk.models.Claim
import vn.sepay.sdk.models.Delivery
import vn.sepay.sdk.models.Environment
import vn.sepay.sdk.models.V2Transaction
import vn.sepay.sdk.models.V2TransactionListParams

private const val HMAC_SECRET = "kQ7vZp2XwR9m"
private const val EVENT =
    """{"id":41,"gateway":"ACB","transactionDate":"2026-01-01 10:00:00","accountNumber":"1","code":null,"content":"x","transferType":"in","transferAmount":1000,"accumulated":0,"subAccount":null,"referenceCode":"r","description":""}"""

private fun now() = System.currentTimeMillis() / 1000

/** The HMAC headers SePay sends for `body` at `t`, with `contentType` when not null. */
private fun signed(body: ByteArray, t: Long, contentType: String?) = listOfNotNull(
    NameValue("X-SePay-Signature", hmacSignature(HMAC_SECRET, t, body)),
    NameValue("X-SePay-Timestamp", t.toString()),
    contentType?.let { NameValue("Content-Type", it) },
)

/** A dedup store as an app would write one over its database; `failing` makes every method throw. */
class MapDedupStore : DedupStore {
    private val done = ConcurrentHashMap.newKeySet<String>()
    private val claimed = ConcurrentHashMap<String, Long>()
    val calls = CopyOnWriteArrayList<String>()
    @Volatile var failing = false

    @Synchronized
    override fun claim(key: String, leaseSeconds: Long): Claim {
        calls.add("claim $key $leaseSeconds")
        if (failing) throw IOException("database is down")
        if (key in done) return Claim.DONE
        val until = claimed[key]
        if (until != null && until > System.nanoTime()) return Claim.IN_PROGRESS
        claimed[key] = System.nanoTime() + TimeUnit.SECONDS.toNanos(leaseSeconds)
        return Claim.NEW
    }

    @Synchronized
    override fun complete(key: String) {
        calls.add("complete $key")
        if (failing) throw DedupStoreException.Failed("database is down")
        done.add(key)
        claimed.remove(key)
    }

    @Synchronized
    override fun release(key: String) {
        calls.add("release $key")
        if (failing) throw IOException("database is down")
        claimed.remove(key)
    }
}

/** A token store whose load or save can be made to throw. */
class FlakyTokenStore : TokenStore {
    val saved = CopyOnWriteArrayList<OAuthTokens>()
    @Volatile var failLoads = false
    @Volatile var failSaves = false
    override fun load(): OAuthTokens? = if (failLoads) throw IOException("disk unreadable") else saved.lastOrNull()
    override fun save(tokens: OAuthTokens) {
        if (failSaves) throw IOException("disk full")
        saved.add(tokens)
    }
}

/** The Configuration error `make` throws (any other outcome fails the test). */
private fun configError(what: String, make: () -> Any?): SePayException.Configuration {
    val e = runCatching(make).exceptionOrNull()
    return assertIs<SePayException.Configuration>(e, "$what: expected a Configuration error, got ${e ?: "success"}")
}

class HardeningTest {
    @Test
    fun p1SignedBytesGiveOneEventWhateverTheContentType() {
        val t = now()
        val body = EVENT.toByteArray()
        val types = listOf(
            "application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain", null,
        )
        val shared = WebhookReceiver.hmac(HMAC_SECRET)
        val received = types.map { type ->
            val fresh = WebhookReceiver.hmac(HMAC_SECRET).receive("POST", signed(body, t, type), body, t)
            assertEquals(Delivery.NEW, fresh.delivery, "$type")
            fresh to shared.receive("POST", signed(body, t, type), body, t)
        }
        assertEquals(1, received.map { it.first.event }.toSet().size, "one event: ${received.map { it.first.event }}")
        assertEquals("41", received[0].first.event.id)
        assertEquals(1, received.map { it.second.key }.toSet().size, "one dedup key")
        assertEquals(listOf(Delivery.NEW) + List(4) { Delivery.IN_PROGRESS }, received.map { it.second.delivery })

        val key = "ak-Zp2XwR9mkQ7v"
        val form = "id=42&gateway=ACB&transactionDate=2026-01-01+10%3A00%3A00&accountNumber=1&content=x&transferType=in" +
            "&transferAmount=1000&accumulated=0&referenceCode=r&description="
        val apiKey = WebhookReceiver.apiKey(key, encoding = BodyEncoding.FORM_URL_ENCODED)
        assertEquals(BodyEncoding.FORM_URL_ENCODED, apiKey.encoding())
        for (type in types) {
            val headers = listOfNotNull(NameValue("Authorization", "Apikey $key"), type?.let { NameValue("Content-Type", it) })
            assertEquals("42", apiKey.receive("POST", headers, form.toByteArray(), t).event.id, "form body under $type")
        }
        assertFailsWith<SePayException.Decode>("a JSON receiver never reads a form body") {
            WebhookReceiver.apiKey(key).receive(
                "POST", listOf(NameValue("Authorization", "Apikey $key"), NameValue("Content-Type", "application/x-www-form-urlencoded")),
                form.toByteArray(), t,
            )
        }
        val issuer = WebhookTokenIssuer("hook-client", "hook-secret", Duration.ofMinutes(5))
        for (encoding in listOf(BodyEncoding.FORM_URL_ENCODED, BodyEncoding.MULTIPART)) {
            configError("HMAC + $encoding") { WebhookReceiver.hmac(HMAC_SECRET, encoding = encoding) }
            configError("X-Secret-Key + $encoding") { WebhookReceiver.secretKey("sk", encoding = encoding) }
            configError("OAuth2 + $encoding") { WebhookReceiver.oauth2(issuer, encoding = encoding) }
            WebhookReceiver.noAuth(encoding = encoding)
        }
    }

    @Test
    fun p2BlankSecretsAreConfigurationErrorsAtConstruction() {
        val url = Sandbox.url
        val hour = Duration.ofHours(1)
        for (blank in listOf("", " ", "\t\n ")) {
            val cases = linkedMapOf<String, () -> Any>(
                "webhook HMAC secret" to { WebhookReceiver.hmac(blank) },
                "webhook API key" to { WebhookReceiver.apiKey(blank) },
                "X-Secret-Key secret" to { WebhookReceiver.secretKey(blank) },
                "token issuer secret" to { WebhookTokenIssuer("hook-client", blank, hour) },
                "token issuer id" to { WebhookTokenIssuer(blank, "hook-secret", hour) },
                "API token" to { SePayClient.emulator(blank, url) },
                "API token (live)" to { SePayClient(blank, Environment.LIVE) },
                "PG secret" to { SePayClient.paymentGatewayEmulator("SP-TEST-SANDBOX", blank, url) },
                "PG merchant" to { SePayClient.paymentGatewayEmulator(blank, "spsk_test_sandbox", url) },
                "PG token" to { SePayClient.paymentGatewayEmulator("SP-TEST-SANDBOX", "spsk_test_sandbox", url, token = blank) },
                "OAuth2 client secret" to { SePayClient.forOauthEmulator("sandbox-client", blank, "http://127.0.0.1/cb", url) },
                "OAuth2 client id" to { SePayClient.forOauthEmulator(blank, OAUTH_SECRET, "http://127.0.0.1/cb", url) },
                "Bank Hub client secret" to { SePayClient.forBankHubEmulator("bh-client", blank, url) },
                "Bank Hub client id" to { SePayClient.forBankHubEmulator(blank, "bh-secret", url) },
                "Bank Hub client secret (live)" to { SePayClient.forBankHub("bh-client", blank, Environment.LIVE) },
            )
            for ((what, make) in cases) configError("$what ${"\"$blank\""}", make)
        }
    }

    /** First delivery New; again before complete InProgress (503); release → New; complete → Duplicate (200). */
    private fun lifecycle(receiver: WebhookReceiver) {
        val t = now()
        val body = EVENT.toByteArray()
        fun deliver() = receiver.receive("POST", signed(body, t, "application/json"), body, t)
        val first = deliver()
        assertEquals(Delivery.NEW, first.delivery)
        assertFalse(first.duplicate)
        assertEquals(200, first.reply.status.toInt())
        val meanwhile = deliver()
        assertEquals(Delivery.IN_PROGRESS, meanwhile.delivery)
        assertTrue(meanwhile.duplicate, "not to be handled")
        assertEquals(503, meanwhile.reply.status.toInt())
        assertEquals(WebhookReply.retryLater(), meanwhile.reply)
        assertContains(meanwhile.reply.body, "\"success\":false")
        receiver.release(first.key)
        val retried = deliver()
        assertEquals(Delivery.NEW, retried.delivery, "released: SePay's retry is handled again")
        assertEquals(first.key, retried.key)
        receiver.complete(retried.key)
        val late = deliver()
        assertEquals(Delivery.DUPLICATE, late.delivery)
        assertEquals(200, late.reply.status.toInt())
        assertEquals("{\"success\":true}", late.reply.body)
        receiver.release(late.key)
        assertEquals(Delivery.DUPLICATE, deliver().delivery, "release never undoes complete")
    }

    @Test
    fun p3DeliveryLifecycleWithTheMemoryStore() {
        lifecycle(WebhookReceiver.hmac(HMAC_SECRET))
        assertEquals(503, WebhookReply.retryLater().status.toInt())
        // A claim whose holder died ends with its lease.
        val short = WebhookReceiver.hmac(HMAC_SECRET, lease = Duration.ofSeconds(1))
        val t = now()
        val body = EVENT.toByteArray()
        assertEquals(Delivery.NEW, short.receive("POST", signed(body, t, null), body, t).delivery)
        assertEquals(Delivery.IN_PROGRESS, short.receive("POST", signed(body, t, null), body, t).delivery)
        Thread.sleep(1100)
        assertEquals(Delivery.NEW, short.receive("POST", signed(body, t, null), body, t).delivery)
    }

    @Test
    fun p3DeliveryLifecycleWithAKotlinStore() {
        val store = MapDedupStore()
        lifecycle(WebhookReceiver.hmac(HMAC_SECRET, store = store, lease = Duration.ofSeconds(90)))
        assertEquals(
            listOf("claim tx:41 90", "claim tx:41 90", "release tx:41", "claim tx:41 90", "complete tx:41",
                "claim tx:41 90", "release tx:41", "claim tx:41 90"),
            store.calls.toList(),
        )
    }

    @Test
    fun p3AStoreThatThrowsIsATypedStoreError() {
        val store = MapDedupStore()
        val receiver = WebhookReceiver.hmac(HMAC_SECRET, store = store)
        val t = now()
        val body = EVENT.toByteArray()
        store.failing = true
        val claim = assertFailsWith<SePayException.Store> { receiver.receive("POST", signed(body, t, null), body, t) }
        assertContains(claim.toString(), "database is down")
        val reply = webhookErrorReply(claim)
        assertEquals(503, reply.status.toInt(), "SePay retries later")
        assertEquals(WebhookReply.retryLater(), reply)
        store.failing = false
        val got = receiver.receive("POST", signed(body, t, null), body, t)
        assertEquals(Delivery.NEW, got.delivery)
        store.failing = true
        val complete = assertFailsWith<SePayException.Store> { receiver.complete(got.key) }
        assertEquals(503, webhookErrorReply(complete).status.toInt())
        assertFailsWith<SePayException.Store> { receiver.release(got.key) }
        store.failing = false
        receiver.complete(got.key)
        assertEquals(Delivery.DUPLICATE, receiver.receive("POST", signed(body, t, null), body, t).delivery)
    }

    @Test
    fun p4AFailedSaveIsAStoreErrorAndTheRotatedTokenSurvives(): Unit = runBlocking {
        val store = FlakyTokenStore()
        val client = oauthClient(store)
        client.oauth().exchangeCode(authorize(client.oauth().authorizationUrl(listOf("profile"), "p4"), "p4"))
        val first = store.saved.single()

        // The access token expires; the refresh rotates the refresh token, saving it fails.
        store.failSaves = true
        Sandbox.admin("POST", "oauth/expire")
        val failed = assertIs<SePayException.Store>(runCatching { client.oauth().me() }.exceptionOrNull())
        assertEquals("oauth.token_store", failed.operation)
        assertContains(failed.toString(), "disk full")

        // The store recovers: the client carries on from the rotated tokens it kept
        // (the stored refresh token was already used: re-sending it would be invalid_grant).
        store.failSaves = false
        assertEquals("1234", client.oauth().me().id)
        val latest = store.saved.last()
        assertNotEquals(first.refreshToken(), latest.refreshToken())
        // A restarted app reads the store: its refresh token is the live one.
        Sandbox.admin("POST", "oauth/expire")
        assertEquals("1234", oauthClient(RecordingStore(latest)).oauth().me().id)

        val unreadable = FlakyTokenStore().apply { failLoads = true }
        val load = runCatching { oauthClient(unreadable).oauth().me() }.exceptionOrNull()
        assertIs<SePayException.Store>(load, "a failed load is a Store error, not 'no tokens': $load")
    }

    @Test
    fun p5p9InvalidUrlsAndNumbersAreConfigurationErrorsOnly() {
        val token = Sandbox.token
        for (url in listOf("ftp://x", "http://example.com", "not a url", "", "http://10.0.0.1:8080")) {
            configError("emulator $url") { SePayClient.emulator(token, url) }
            configError("base URLs $url") { SePayClient.withBaseUrls(token, url, url) }
            configError("base URLs v2 $url") { SePayClient.withBaseUrls(token, "https://my.sepay.vn/userapi", url) }
            configError("PG $url") { SePayClient.paymentGatewayEmulator("SP-TEST-SANDBOX", "spsk_test_sandbox", url) }
            configError("OAuth2 $url") { SePayClient.forOauthEmulator("c", "s", "http://127.0.0.1/cb", url) }
            configError("Bank Hub $url") { SePayClient.forBankHubEmulator("c", "s", url) }
        }
        val badTimes = listOf(
            Duration.ofSeconds(-1), Duration.ofNanos(-1), Duration.ofDays(2), Duration.ofSeconds(1_000_000_000_000L),
            Duration.ofSeconds(Long.MAX_VALUE),
        )
        val options = badTimes.flatMap { d ->
            listOf(
                ClientOptions(timeout = d), ClientOptions(connectTimeout = d), ClientOptions(maxElapsed = d),
                ClientOptions(initialBackoff = d), ClientOptions(maxBackoff = d),
            )
        } + listOf(
            ClientOptions(timeout = Duration.ZERO), ClientOptions(maxElapsed = Duration.ZERO),
            ClientOptions(requestsPerSecond = Double.NaN), ClientOptions(requestsPerSecond = Double.POSITIVE_INFINITY),
            ClientOptions(requestsPerSecond = Double.NEGATIVE_INFINITY), ClientOptions(requestsPerSecond = -1.0),
            ClientOptions(requestsPerSecond = 1e12), ClientOptions(maxAttempts = 0u), ClientOptions(maxAttempts = 101u),
            ClientOptions(maxAttempts = UInt.MAX_VALUE), ClientOptions(maxResponseBytes = 0uL),
            ClientOptions(maxResponseBytes = 10uL), ClientOptions(maxResponseBytes = ULong.MAX_VALUE),
            ClientOptions(maxPages = 0u), ClientOptions(userAgent = "sepay\r\nX-Injected: 1"),
        )
        for (o in options) {
            configError("$o") { SePayClient.emulator(token, Sandbox.url, o) }
            configError("live $o") { SePayClient(token, Environment.LIVE, o) }
        }
        for (d in badTimes + Duration.ZERO) {
            configError("issuer ttl $d") { WebhookTokenIssuer("hook-client", "hook-secret", d) }
            configError("lease $d") { WebhookReceiver.noAuth(lease = d) }
            configError("replay window $d") { WebhookReceiver.secretKey("sk", replayWindow = d) }
            if (d != Duration.ZERO) configError("tolerance $d") { WebhookReceiver.hmac(HMAC_SECRET, tolerance = d) }
        }
        // setRateLimit is checked the same way, and a refused rate changes nothing.
        val live = SePayClient(token, Environment.LIVE, ClientOptions())
        for (rate in listOf(Double.NaN, Double.POSITIVE_INFINITY, -1.0, 1e-30, 1e12)) {
            configError("setRateLimit $rate") { live.setRateLimit(rate) }
        }
        live.setRateLimit(0.0)
        live.setRateLimit(null)
        // The limits themselves are fine.
        SePayClient.emulator(token, Sandbox.url, ClientOptions(timeout = Duration.ofDays(1), requestsPerSecond = 1000.0, maxAttempts = 100u))
        WebhookReceiver.noAuth(lease = Duration.ofSeconds(1), replayWindow = Duration.ofDays(1))
    }

    @Test
    fun p6UnsafeIdsAreRefusedBeforeAnythingIsSent() = runBlocking {
        val client = Sandbox.client()
        Sandbox.clearLog()
        for (id in listOf("..", ".", "a/b", "a?b", "a#b", "%2e", "a b", "a\n", "a\\b", "a\u0000b")) {
            val v2 = assertFailsWith<SePayException.Validation>(id) { client.v2().transactions().get(id) }
            assertEquals(null, v2.status, "refused before sending")
            assertFailsWith<SePayException.Validation>(id) { client.v1().transactions().get(id) }
            assertFailsWith<SePayException.Validation>(id) { client.v2().bankAccounts().get(id) }
            assertFailsWith<SePayException.Validation>(id) { client.v2().virtualAccounts().list(id) }
        }
        assertEquals(emptyList(), Sandbox.loggedRequests(), "nothing reached the sandbox")
        client.v1().transactions().get("12")
        assertEquals(1, Sandbox.loggedRequests().size, "the log does record requests")
    }

    @Test
    fun p7RetryAfterBeyondTheBudgetEndsTheCallAtOnce() = runBlocking {
        val client = Sandbox.client(Sandbox.fast.copy(maxElapsed = Duration.ofMillis(500)))
        Sandbox.pushFaults("429")
        val started = System.nanoTime()
        val e = assertFailsWith<SePayException.RateLimited> { client.v2().transactions().list() }
        val elapsed = Duration.ofNanos(System.nanoTime() - started)
        assertEquals(Duration.ofSeconds(1), e.retryAfter, "the sandbox's Retry-After")
        assertTrue(elapsed < Duration.ofMillis(900), "did not wait out a Retry-After past its budget: $elapsed")
        assertEquals(listOf("429"), Sandbox.loggedFaults().takeLast(1))
    }

    @Test
    fun p8MaxPagesEndsAWalkWithAPaginationError() = runBlocking {
        for (pages in 1u..2u) {
            val client = Sandbox.client(Sandbox.fast.copy(maxPages = pages))
            val seen = mutableListOf<V2Transaction>()
            val e = runCatching {
                client.v2().transactions().iter(V2TransactionListParams(perPage = 5u)).asFlow().collect { seen.add(it) }
            }.exceptionOrNull()
            assertIs<SePayException.Pagination>(e)
            assertEquals(5 * pages.toInt(), seen.size)
        }
    }

    @Test
    fun p10PrintedObjectsShowNoSecretCharacters() {
        val token = "TkN8qL3vXw7ZpR2mYb5HcJ9d"
        val pgSecret = "spsk_Wq4Lz8NvBx2K"
        val oauthSecret = "oaS3cJ7tPq9VmX2w"
        val bankHubSecret = "bhS5kR8wQz3NvL7y"
        val apiKey = "akY6pM2xV9qT4wZ"
        val secretKey = "skB7nQ4vX8wL2mZ"
        val issuerSecret = "isD9wK3qZ7vM5xP"
        val tokens = OAuthTokens("acT4xQ8wZ2vN6kLm", "rfR7mW3qX9zK5vPt", now() + 3600, "profile")
        val issuer = WebhookTokenIssuer("hook-client", issuerSecret, Duration.ofHours(1))
        val printed = listOf(
            SePayClient.emulator(token, Sandbox.url), SePayClient(token, Environment.LIVE),
            SePayClient.paymentGatewayEmulator("SP-TEST-SANDBOX", pgSecret, Sandbox.url, token = token),
            SePayClient.forOauthEmulator("sandbox-client", oauthSecret, "http://127.0.0.1/cb", Sandbox.url),
            SePayClient.forBankHubEmulator("bh-client", bankHubSecret, Sandbox.url),
            WebhookReceiver.hmac(HMAC_SECRET), WebhookReceiver.apiKey(apiKey), WebhookReceiver.secretKey(secretKey),
            WebhookReceiver.oauth2(issuer), issuer, tokens,
        ).map { it.toString() }
        val secrets = listOf(token, pgSecret, oauthSecret, bankHubSecret, apiKey, secretKey, issuerSecret, HMAC_SECRET) +
            listOf(tokens.accessToken(), tokens.refreshToken()!!)
        for (text in printed) {
            for (secret in secrets) {
                val leak = secret.windowed(4).firstOrNull { it in text }
                assertEquals(null, leak, "$text shows part of a secret")
            }
        }
        assertContains(printed[0], "****")
    }

    @Test
    fun p13AProgramWithConcurrentCallsExitsCleanlyEveryTime() {
        val java = ProcessHandle.current().info().command().orElse("java")
        val out = File.createTempFile("sepay-p13", ".out")
        try {
            repeat(10) { run ->
                val process = ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "vn.sepay.sdk.ConcurrentCallsKt")
                    .redirectErrorStream(true).redirectOutput(out).start()
                val exited = process.waitFor(30, TimeUnit.SECONDS)
                if (!exited) process.destroyForcibly()
                assertTrue(exited, "run $run hung: ${out.readText()}")
                assertEquals(0, process.exitValue(), "run $run: ${out.readText()}")
                assertContains(out.readText(), "12 concurrent calls done")
            }
        } finally {
            out.delete()
        }
    }
}
