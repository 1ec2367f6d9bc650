// Every operation of the core through the built jar, against the sandbox process.
package vn.sepay.sdk

import java.math.BigDecimal
import java.time.ZoneOffset
import kotlin.test.assertContains
import kotlin.test.assertEquals
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import org.junit.Test
import vn.sepay.sdk.models.DateBound
import vn.sepay.sdk.models.TransferType
import vn.sepay.sdk.models.V1TransactionCountParams
import vn.sepay.sdk.models.V1TransactionListParams
import vn.sepay.sdk.models.V2TransactionListParams

class OperationsTest {
    private val client = Sandbox.client()

    @Test
    fun everyV1Operation() = runBlocking {
        val v1 = client.v1()
        val list = v1.transactions().list(V1TransactionListParams(sinceId = 10uL, limit = 5u))
        assertEquals(listOf("10", "11", "12", "13", "14"), list.map { it.id })
        val t = v1.transactions().get("12")
        assertEquals(list[2], t)
        assertEquals(ZoneOffset.ofHours(7), t.transactionDate.offset)
        assertTrue(t.amountIn is BigDecimal && t.amountIn.signum() >= 0)
        val total = v1.transactions().count()
        assertTrue(total >= 20_000uL, "the sandbox holds $total transactions")
        val byAccount = v1.transactions().count(V1TransactionCountParams(accountNumber = t.accountNumber))
        assertTrue(byAccount in 1uL until total)
        val day = DateBound.Date(t.transactionDate.toLocalDate())
        val sameDay = v1.transactions().list(
            V1TransactionListParams(transactionDateMin = day, transactionDateMax = day),
        )
        assertTrue(sameDay.any { it.id == t.id })
        val firstPage = v1.transactions().iter(V1TransactionListParams(limit = 7u)).asFlow().toList().take(7)
        assertEquals((1..7).map { it.toString() }, firstPage.map { it.id })

        val accounts = v1.bankAccounts().list()
        assertEquals(3, accounts.size)
        assertEquals(accounts[0], v1.bankAccounts().get(accounts[0].id))
        assertEquals(3uL, v1.bankAccounts().count())
        assertEquals(accounts.sortedBy { it.id.toLong() }, v1.bankAccounts().iter().asFlow().toList())
    }

    @Test
    fun everyV2Operation() = runBlocking {
        val v2 = client.v2()
        val page = v2.transactions().list(V2TransactionListParams(transferType = TransferType.OUT, perPage = 10u))
        assertEquals(10, page.items.size)
        assertTrue(page.items.all { it.transferType == TransferType.OUT })
        assertEquals(10uL, page.pagination!!.perPage)
        val t = v2.transactions().get(page.items[0].id)
        assertEquals(page.items[0], t)
        assertEquals(ZoneOffset.ofHours(7), t.transactionDate.offset)
        assertTrue(t.amountOut.signum() > 0)
        val newest = v2.transactions().iter(V2TransactionListParams(perPage = 5u)).asFlow().toList().take(5)
        assertEquals(5, newest.size)

        val accounts = v2.bankAccounts().list()
        assertEquals(3uL, accounts.pagination!!.total)
        assertEquals(accounts.items[0], v2.bankAccounts().get(accounts.items[0].id))
        assertEquals(accounts.items, v2.bankAccounts().iter().asFlow().toList())

        var foundVa = false
        for (account in accounts.items) {
            val vas = v2.virtualAccounts().iter(account.id).asFlow().toList()
            val first = v2.virtualAccounts().list(account.id).items
            assertEquals(vas.take(first.size), first)
            vas.firstOrNull()?.let { va ->
                assertEquals(va, v2.virtualAccounts().get(account.id, va.id))
                assertEquals(account.id, va.bankAccountId)
                foundVa = true
            }
            val terminals = v2.terminals().list(account.id)
            if (account.bankShortName == "Vietcombank") {
                assertTrue(terminals.isNotEmpty() && terminals.all { it.tid.isNotEmpty() })
            }
        }
        assertTrue(foundVa, "the dataset has virtual accounts")
    }

    @Test
    fun moneyAndTimesKeepTheirExactValues() = runBlocking {
        val t = client.v1().transactions().list(V1TransactionListParams(limit = 50u)).first { it.amountIn.signum() > 0 }
        assertEquals(2, t.amountIn.scale(), "v1 sends \"N.00\" and the BigDecimal keeps it: ${t.amountIn}")
        // The same booking in v2, found with filters built from the v1 values: an
        // amount in whole dong and the exact time, once at +07:00 and once in UTC.
        val found = client.v2().transactions().list(
            V2TransactionListParams(
                amountInMin = t.amountIn,
                amountInMax = t.amountIn,
                transactionDateFrom = DateBound.DateTime(t.transactionDate),
                transactionDateTo = DateBound.DateTime(t.transactionDate.withOffsetSameInstant(ZoneOffset.UTC)),
            ),
        ).items
        assertTrue(found.isNotEmpty())
        for (x in found) {
            assertEquals(0, x.amountIn.compareTo(t.amountIn))
            assertEquals(t.transactionDate.toInstant(), x.transactionDate.toInstant())
        }
    }

    @Test
    fun everyCoreOperationHasAKotlinMethod() {
        val names = operations()
        assertTrue(names.size >= 18, "$names")
        for (name in names) {
            var type: Class<*> = SePayClient::class.java
            val parts = name.split(".")
            for (part in parts.dropLast(1)) {
                val method = type.methods.firstOrNull { it.name == camel(part) && it.parameterCount == 0 }
                    ?: error("$name: ${type.simpleName} has no ${camel(part)}()")
                type = method.returnType
            }
            val action = camel(parts.last())
            // Kotlin mangles the JVM names of functions using unsigned types (`count-<hash>`).
            assertTrue(
                type.methods.any { it.name == action || it.name.startsWith("$action-") },
                "$name: ${type.simpleName} has no $action",
            )
        }
    }

    @Test
    fun toStringNeverShowsTheToken() = runBlocking {
        val text = client.toString()
        assertContains(text, "****")
        assertFalse(text.contains(Sandbox.token), text)
        val wrong = Sandbox.client(token = "WRONG-TOKEN-0123456789-ABCDEFGHIJKLMNOP")
        val e = runCatching { wrong.v2().transactions().list() }.exceptionOrNull()
        assertTrue(e is SePayException.Authentication, "$e")
        for (s in listOf(e.toString(), e.message.orEmpty(), wrong.toString())) {
            assertFalse(s.contains("WRONG-TOKEN-0123456789-ABCDEFGHIJKLMNOP"), s)
            assertFalse(s.contains(Sandbox.token), s)
        }
    }

    private fun camel(snake: String) =
        snake.split("_").mapIndexed { i, w -> if (i == 0) w else w.replaceFirstChar(Char::uppercase) }.joinToString("")
}
