// OAuth2 through the built jar: authorization URL → the sandbox's
// authorize endpoint → code exchange → every resource call, with access tokens
// living 2 s (the sandbox runs with --oauth-access-ttl 2) so they expire
// mid-run; a Kotlin TokenStore receives each rotated refresh token and a new
// client built on it carries on.
package vn.sepay.sdk

import java.net.URI
import java.net.URLDecoder
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.util.concurrent.CopyOnWriteArrayList
import kotlin.test.assertContains
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertIs
import kotlin.test.assertNotEquals
import kotlin.test.assertNotNull
import kotlin.test.assertTrue
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import org.junit.Test
import vn.sepay.sdk.models.OAuthListParams
import vn.sepay.sdk.models.WebhookAuthType
import vn.sepay.sdk.models.WebhookEventType

/** A store as an app would write one: here a list standing in for a database row. */
class RecordingStore(initial: OAuthTokens? = null) : TokenStore {
    val saved = CopyOnWriteArrayList<OAuthTokens>().apply { initial?.let(::add) }
    override fun load(): OAuthTokens? = saved.lastOrNull()
    override fun save(tokens: OAuthTokens) {
        saved.add(tokens)
    }
}

const val OAUTH_SECRET = "sandbox-client-secret"

fun oauthClient(store: TokenStore?): SePayClient =
    SePayClient.forOauthEmulator("sandbox-client", OAUTH_SECRET, "http://127.0.0.1/callback", Sandbox.url, store, Sandbox.fast)

/** What the user's browser does: open the URL, follow SePay's redirect, hand the app the code. */
fun authorize(url: String, state: String): String {
    val http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
    val answer = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
    assertEquals(302, answer.statusCode())
    val location = URI.create(answer.headers().firstValue("location").get())
    val query = location.rawQuery.split("&").associate {
        val (k, v) = it.split("=", limit = 2)
        k to URLDecoder.decode(v, Charsets.UTF_8)
    }
    assertEquals(state, query["state"])
    return query.getValue("code")
}

class OAuthTest {
    private val scopes = listOf(
        "profile", "company", "bank-account:read", "transaction:read", "webhook:read", "webhook:write", "webhook:delete",
    )

    @Test
    fun fromAuthorizationToResourcesAcrossTokenExpiry(): Unit = runBlocking {
        val store = RecordingStore()
        val client = oauthClient(store)
        assertFalse(client.toString().contains(OAUTH_SECRET), client.toString())

        val url = client.oauth().authorizationUrl(scopes, "st4te")
        assertContains(url, "state=st4te")
        assertContains(url, "client_id=sandbox-client")
        assertContains(url, "bank-account%3Aread")
        val first = client.oauth().exchangeCode(authorize(url, "st4te"))
        assertEquals(listOf(first), store.saved.toList())
        assertNotNull(first.refreshToken())
        assertTrue(first.expiresAt()!! > System.currentTimeMillis() / 1000)
        for (text in listOf(first.toString(), store.saved.toString())) {
            assertFalse(text.contains(first.accessToken()) || text.contains(first.refreshToken()!!), text)
        }

        val me = client.oauth().me()
        assertEquals("1234", me.id)
        assertEquals("Nguyễn", me.firstName)
        assertContains(client.oauth().company(), "full_name")

        // Longer than two access-token lifetimes: every call succeeds.
        repeat(6) {
            assertTrue(client.oauth().bankAccounts().list().items.isNotEmpty())
            delay(900)
        }
        assertTrue(store.saved.size >= 3, "exchange plus refreshes: ${store.saved.size}")
        assertNotEquals(first.refreshToken(), store.saved.last().refreshToken(), "the rotated refresh token was saved")
        val refreshes = Sandbox.loggedRequests().count { it.second == "/oauth/token" }
        assertTrue(refreshes >= 3, "$refreshes token requests")

        val accounts = client.oauth().bankAccounts()
        val page = accounts.list(OAuthListParams(limit = 100u))
        assertEquals(page.items, accounts.iter(OAuthListParams(limit = 1u)).asFlow().toList())
        val account = page.items.first()
        assertEquals(account, accounts.get(account.id))
        assertTrue(account.accumulated.scale() >= 0 && account.bank != null)
        val subs = accounts.subAccounts(account.id)
        assertTrue(subs.items.all { it.id.isNotEmpty() })

        val txs = client.oauth().transactions()
        val newest = txs.list(OAuthListParams(limit = 25u)).items
        val walked = txs.iter(OAuthListParams(limit = 10u)).asFlow().take(25).toList()
        assertEquals(newest.map { it.id }, walked.map { it.id }, "three pages walked in order")
        assertEquals(25, walked.map { it.id }.toSet().size)

        // A restart: a new client on the same store needs no new code.
        val restarted = oauthClient(store)
        assertEquals("1234", restarted.oauth().me().id)

        val hooks = restarted.oauth().webhooks()
        val created = hooks.create(
            OAuthWebhookParams(
                bankAccountId = account.id, name = "shop", eventType = WebhookEventType.IN_ONLY,
                authenType = WebhookAuthType.API_KEY, apiKey = "shop-api-key-0123456789",
                webhookUrl = "https://shop.example/hook", isVerifyPayment = true, active = true,
            ),
        )
        assertEquals(WebhookEventType.IN_ONLY, created.eventType)
        assertTrue(created.hasApiKey)
        assertFalse(created.toString().contains("shop-api-key-0123456789"))
        assertEquals(created, hooks.get(created.id))
        val renamed = hooks.update(created.id, OAuthWebhookParams(name = "renamed"))
        assertEquals("renamed", renamed.name)
        assertEquals(created.webhookUrl, renamed.webhookUrl)
        assertTrue(hooks.list(OAuthListParams(webhookUrl = "shop.example", limit = 100u)).items.any { it.id == created.id })
        hooks.delete(created.id)
        val gone = runCatching { hooks.get(created.id) }.exceptionOrNull()
        assertTrue(gone is SePayException.NotFound, "$gone")
        assertEquals(404.toUShort(), gone.status)
        assertEquals("oauth.webhooks.get", gone.operation)
    }

    @Test
    fun storedTokensFromAnEarlierRunAndTypedErrors(): Unit = runBlocking {
        val client = oauthClient(null)
        val tokens = client.oauth().exchangeCode(authorize(client.oauth().authorizationUrl(listOf("profile"), "s2"), "s2"))
        // An app persisted these fields; a later run rebuilds the tokens from them.
        val copy = OAuthTokens(tokens.accessToken(), tokens.refreshToken(), tokens.expiresAt(), tokens.scope())
        assertEquals(tokens, copy)
        val later = oauthClient(RecordingStore(copy))
        assertEquals("1234", later.oauth().me().id)
        val forbidden = runCatching { later.oauth().webhooks().list() }.exceptionOrNull()
        assertTrue(forbidden is SePayException.Api && forbidden.status == 403.toUShort(), "$forbidden")
        assertEquals("forbidden", (forbidden as SePayException.Api).code)
        val badScope = runCatching { later.oauth().authorizationUrl(listOf("everything"), "s") }.exceptionOrNull()
        assertTrue(badScope is SePayException.Validation && badScope.status == null, "$badScope")
        val wrongCode = runCatching { later.oauth().exchangeCode("not-a-code") }.exceptionOrNull()
        assertTrue(wrongCode is SePayException, "$wrongCode")
        assertFalse(wrongCode.toString().contains(OAUTH_SECRET))
    }

    @Test
    fun aStoreThatThrowsGivesTypedStoreErrorsNotCrashes(): Unit = runBlocking {
        val broken = object : TokenStore {
            override fun load(): OAuthTokens? = throw IllegalStateException("database down")
            override fun save(tokens: OAuthTokens) = throw IllegalStateException("database down")
        }
        val fresh = oauthClient(broken)
        val load = runCatching { fresh.oauth().me() }.exceptionOrNull()
        assertIs<SePayException.Store>(load, "a failed load is a Store error: $load")
        assertContains(load.toString(), "database down")
        // The exchange reports the failed save; the client keeps and uses the tokens.
        val client = oauthClient(broken)
        val code = authorize(client.oauth().authorizationUrl(listOf("profile"), "s3"), "s3")
        val save = assertIs<SePayException.Store>(runCatching { client.oauth().exchangeCode(code) }.exceptionOrNull())
        assertEquals("oauth.token_store", save.operation)
        assertEquals("1234", client.oauth().me().id)
    }
}
