// OAuth2: act for a SePay user who authorized your app. Authorization URL → the user
// approves → your callback gets a code → exchange it → call the API. The tokens live in
// a TokenStore (here a properties file), so a restart carries on without asking the user
// again; the client refreshes them when they expire and saves the rotated ones.
//
//   java -cp <classpath> OAuthFlowKt http://127.0.0.1:PORT   (local sepay-sandbox: its
//       /oauth/authorize approves at once; the sandbox's default app is used)
//   SEPAY_OAUTH_CLIENT_ID=.. SEPAY_OAUTH_CLIENT_SECRET=.. SEPAY_OAUTH_REDIRECT_URI=..
//   SEPAY_TOKEN_FILE=~/.sepay-tokens java -cp <classpath> OAuthFlowKt   (real SePay: open the
//       printed URL, approve, paste the address you were redirected to; later runs reuse the file)
//
// scripts/test-mobile.sh runs it against the sandbox; pom.xml (beside it) shows the classpath.
import java.io.StringWriter
import java.net.URI
import java.net.URLDecoder
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.util.Properties
import java.util.UUID
import kotlinx.coroutines.runBlocking
import vn.sepay.sdk.OAuthTokens
import vn.sepay.sdk.SePayClient
import vn.sepay.sdk.TokenStore
import vn.sepay.sdk.models.Environment
import vn.sepay.sdk.models.OAuthListParams

/** One user's tokens in a file, readable by its owner only (an app would use its database). */
class FileTokenStore(private val file: Path) : TokenStore {
    override fun load(): OAuthTokens? {
        if (!Files.exists(file)) return null
        val p = Properties().apply { Files.newBufferedReader(file).use { load(it) } }
        return OAuthTokens(p.getProperty("access"), p.getProperty("refresh"), p.getProperty("expires_at")?.toLong(), p.getProperty("scope"))
    }

    override fun save(tokens: OAuthTokens) { // may run on a background thread, after every refresh
        val p = Properties()
        p["access"] = tokens.accessToken()
        tokens.refreshToken()?.let { p["refresh"] = it }
        tokens.expiresAt()?.let { p["expires_at"] = it.toString() }
        tokens.scope()?.let { p["scope"] = it }
        val tmp = Files.createTempFile(file.toAbsolutePath().parent, "tokens", ".tmp") // mode 0600
        Files.writeString(tmp, StringWriter().also { p.store(it, "SePay OAuth2 tokens") }.toString())
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE) // never a half-written file
    }
}

fun main(args: Array<String>) = runBlocking {
    val sandbox = args.getOrNull(0)
    val file = System.getenv("SEPAY_TOKEN_FILE")?.let { Path.of(it) }
        ?: Files.createTempDirectory("sepay-oauth").resolve("tokens.properties")
    val store = FileTokenStore(file)
    val id = System.getenv("SEPAY_OAUTH_CLIENT_ID") ?: "sandbox-client"
    val secret = System.getenv("SEPAY_OAUTH_CLIENT_SECRET") ?: "sandbox-client-secret"
    val redirect = System.getenv("SEPAY_OAUTH_REDIRECT_URI") ?: "http://127.0.0.1/callback"
    fun client() = if (sandbox != null) SePayClient.forOauthEmulator(id, secret, redirect, sandbox, store)
        else SePayClient.forOauth(id, secret, redirect, Environment.LIVE, store)

    if (store.load() == null) {
        val app = client()
        val state = UUID.randomUUID().toString() // checked on the callback (CSRF)
        val url = app.oauth().authorizationUrl(listOf("profile", "bank-account:read", "transaction:read"), state)
        println("send the user to $url")
        val callback = if (sandbox != null) browserApproves(url) else {
            print("approve, then paste the address you were sent to: ")
            readln()
        }
        val query = URI.create(callback.trim()).rawQuery.split("&").associate {
            it.substringBefore("=") to URLDecoder.decode(it.substringAfter("="), Charsets.UTF_8)
        }
        check(query["state"] == state) { "state mismatch: not our request" }
        val tokens = app.oauth().exchangeCode(query.getValue("code"))
        println("authorized: $tokens, saved to $file")
    }

    // Later, in this or another process: the stored tokens are enough.
    val oauth = client().oauth()
    val me = oauth.me()
    println("acting for ${me.firstName} ${me.lastName} <${me.email}>")
    for (account in oauth.bankAccounts().list().items) {
        println("  ${account.bank?.shortName} ${account.accountNumber}: ${account.accumulated} VND")
    }
    for (t in oauth.transactions().list(OAuthListParams(limit = 3u)).items) {
        println("  ${t.transactionDate} +${t.amountIn} -${t.amountOut} ${t.transactionContent}")
    }
}

/** What the user's browser does: open the URL and land on the callback (the sandbox approves at once). */
private fun browserApproves(url: String): String {
    val http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
    val answer = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
    return answer.headers().firstValue("location").orElseThrow { IllegalStateException("no redirect: HTTP ${answer.statusCode()}") }
}
