// A sepay-sandbox process of a test's own (faults, dataset size), on a free
// loopback port, stopped by close(). The binary is the one scripts/test-mobile.sh
// built: $SEPAY_SANDBOX_BIN, else $CARGO_TARGET_DIR/release/sepay-sandbox.
package vn.sepay.sdk

import java.io.File
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.util.concurrent.TimeUnit

class SandboxProcess(vararg args: String) : AutoCloseable {
    private val process: Process
    val url: String
    val token = "KOTLIN_OWN_SANDBOX_TOKEN_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZab"

    init {
        val command = listOf(binary(), "--addr", "127.0.0.1:0", "--token", token) + args
        process = ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start()
        url = process.inputStream.bufferedReader().readLine()
            ?: error("sepay-sandbox printed no URL (exit ${process.waitFor()})")
    }

    /** GET `/__sandbox/{path}`: the body. */
    fun admin(path: String): String {
        val request = HttpRequest.newBuilder(URI.create("$url/__sandbox/$path")).build()
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body()
    }

    /** SIGKILL: a graceful stop would wait for the clients' idle keep-alive connections. */
    override fun close() {
        process.destroyForcibly()
        process.waitFor(10, TimeUnit.SECONDS)
    }

    companion object {
        fun binary(): String {
            System.getenv("SEPAY_SANDBOX_BIN")?.let { return it }
            val target = System.getenv("CARGO_TARGET_DIR")
                ?: "${System.getProperty("user.home")}/.cache/sepay-sdk/target"
            val path = File(target, "release/sepay-sandbox")
            check(path.canExecute()) { "no sepay-sandbox at $path (set SEPAY_SANDBOX_BIN)" }
            return path.path
        }
    }
}
