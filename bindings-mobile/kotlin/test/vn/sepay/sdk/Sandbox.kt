// The running sepay-sandbox process the tests talk to (started by
// scripts/test-mobile.sh), and its admin API for faults, rate limit and the log.
package vn.sepay.sdk

import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration

object Sandbox {
    val url: String = System.getenv("SEPAY_SANDBOX_URL") ?: error("SEPAY_SANDBOX_URL is not set")
    val token: String = System.getenv("SEPAY_SANDBOX_TOKEN") ?: error("SEPAY_SANDBOX_TOKEN is not set")
    private val http = HttpClient.newHttpClient()

    /** Quick retries and no client-side rate limit, like the core's own tests. */
    val fast = ClientOptions(
        requestsPerSecond = 0.0,
        timeout = Duration.ofSeconds(10),
        initialBackoff = Duration.ofMillis(10),
        maxBackoff = Duration.ofMillis(100),
    )

    fun client(options: ClientOptions = fast, token: String = this.token): SePayClient =
        SePayClient.emulator(token, url, options)

    /** Calls the sandbox's admin API (`/__sandbox/{path}`) and returns the body. */
    fun admin(method: String, path: String, body: String? = null): String {
        val publisher = body?.let { HttpRequest.BodyPublishers.ofString(it) }
            ?: HttpRequest.BodyPublishers.noBody()
        val request = HttpRequest.newBuilder(URI.create("$url/__sandbox/$path"))
            .method(method, publisher)
            .header("content-type", "application/json")
            .build()
        val response = http.send(request, HttpResponse.BodyHandlers.ofString())
        check(response.statusCode() in 200..299) { "$method $path: HTTP ${response.statusCode()}" }
        return response.body()
    }

    /** Faults for the next API requests, one each (`"503"`, `"drop"`, `"wrong_type"`, ...). */
    fun pushFaults(vararg faults: String) {
        admin("POST", "faults/next", faults.joinToString(",", "{\"faults\":[", "]}") { "\"$it\"" })
    }

    fun setRateLimit(perSecond: Double?) {
        admin("POST", "rate-limit", "{\"per_second\":${perSecond ?: "null"}}")
    }

    fun clearLog() {
        admin("DELETE", "requests")
    }

    /** Pays `amount` dong into a VA-order virtual account (a real incoming transaction). */
    fun vaPay(vaNumber: String, amount: Long) {
        admin("POST", "va/pay", "{\"va_number\":\"$vaNumber\",\"amount\":$amount}")
    }

    /** Method and path of every logged request, oldest first. */
    fun loggedRequests(): List<Pair<String, String>> =
        Regex("\"method\":\\s*\"(\\w+)\",\\s*\"path\":\\s*\"([^\"]*)\"")
            .findAll(admin("GET", "requests")).map { it.groupValues[1] to it.groupValues[2] }.toList()

    /** HTTP statuses of the logged API requests, oldest first. */
    fun loggedStatuses(): List<Int> =
        Regex("\"status\":\\s*(\\d+)").findAll(admin("GET", "requests")).map { it.groupValues[1].toInt() }.toList()

    /** Faults the sandbox injected, oldest first. */
    fun loggedFaults(): List<String> =
        Regex("\"fault\":\\s*\"([^\"]+)\"").findAll(admin("GET", "requests")).map { it.groupValues[1] }.toList()
}
