// VA orders through the built jar against the sandbox: the lifecycle
// on v2 and v1 (BIDV), bank rules checked before sending, and a create cut off
// by a dropped connection that is never duplicated.
package vn.sepay.sdk

import java.math.BigDecimal
import java.time.ZoneOffset
import kotlin.test.assertEquals
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue
import kotlinx.coroutines.runBlocking
import org.junit.Test
import vn.sepay.sdk.models.OrderBank
import vn.sepay.sdk.models.VaOrderCreateParams
import vn.sepay.sdk.models.VaOrderStatus
import vn.sepay.sdk.models.VaStatus

/** A fresh alphanumeric order code (order codes are unique per account). */
internal fun orderCode(prefix: String) = prefix + System.nanoTime().toString().takeLast(10)

class OrdersTest {
    private val client = Sandbox.client()

    /** The BIDV account's (v1 numeric id, v2 UUID). */
    private suspend fun bidv(): Pair<String, String> {
        val v2 = client.v2().bankAccounts().list().items.first { it.bankShortName == "BIDV" }
        val v1 = client.v1().bankAccounts().list().first { it.accountNumber == v2.accountNumber }
        return v1.id to v2.id
    }

    private suspend fun expectSePay(block: suspend () -> Unit): SePayException =
        runCatching { block() }.exceptionOrNull() as? SePayException ?: error("expected a SePayException")

    @Test
    fun lifecycleOnV2(): Unit = runBlocking {
        val (_, account) = bidv()
        val orders = client.v2().orders()
        val params = VaOrderCreateParams(amount = BigDecimal(500_000))
        val order = orders.create(account, OrderBank.BIDV, params)
        assertEquals(VaOrderStatus.PENDING, order.status)
        assertEquals(0, order.amount!!.compareTo(BigDecimal(500_000)))
        assertEquals(ZoneOffset.ofHours(7), order.createdAt!!.offset)
        val va = order.vaNumber!!

        Sandbox.vaPay(va, 200_000)
        val partial = orders.get(account, order.id)
        assertEquals(VaOrderStatus.PARTIALLY, partial.status)
        assertEquals(0, partial.paidAmount!!.compareTo(BigDecimal(200_000)))
        Sandbox.vaPay(va, 300_000)
        val paid = orders.get(account, order.id)
        assertEquals(VaOrderStatus.PAID, paid.status)
        assertEquals(0, paid.paidAmount!!.compareTo(BigDecimal(500_000)))

        val e = expectSePay { orders.cancel(account, order.id) }
        assertTrue(e is SePayException.Validation, "$e")
        assertEquals(422.toUShort(), e.status)
        assertEquals("invalid_state", e.code)
        assertEquals("v2.orders.cancel", e.operation)

        val second = orders.create(account, OrderBank.BIDV, params)
        orders.cancel(account, second.id)
        val cancelled = orders.get(account, second.id)
        assertEquals(VaOrderStatus.CANCELLED, cancelled.status)
        assertTrue(cancelled.virtualAccounts.isNotEmpty())
        assertTrue(cancelled.virtualAccounts.all { it.status == VaStatus.CANCELLED })

        val third = orders.create(account, OrderBank.BIDV, VaOrderCreateParams(orderCode = orderCode("KT"), amount = BigDecimal(300_000)))
        val withTwo = orders.addVa(account, third.id, OrderBank.BIDV, VaOrderCreateParams(amount = BigDecimal(100_000)))
        assertEquals(2, withTwo.virtualAccounts.size)
        val added = withTwo.virtualAccounts.first { it.vaNumber != third.vaNumber }
        assertEquals(0, added.amount!!.compareTo(BigDecimal(100_000)))
        orders.cancelVa(account, third.id, added.vaNumber)
        val after = orders.get(account, third.id).virtualAccounts.first { it.vaNumber == added.vaNumber }
        assertEquals(VaStatus.CANCELLED, after.status)

        val ids = orders.list(account, perPage = 100u).items.map { it.id }
        assertTrue(ids.containsAll(listOf(order.id, second.id, third.id)), "$ids")
        assertEquals(1, orders.list(account, page = 1u, perPage = 1u).items.size)
    }

    @Test
    fun lifecycleOnV1Bidv(): Unit = runBlocking {
        val (account, _) = bidv()
        val orders = client.v1().orders()
        val unlimited = orders.create(account, OrderBank.BIDV, VaOrderCreateParams())
        assertNull(unlimited.amount, "BIDV accepts orders without an amount")
        assertEquals(unlimited.orderCode, orders.get(account, unlimited.id).orderCode)
        val withTwo = orders.addVa(account, unlimited.id, OrderBank.BIDV)
        val added = withTwo.virtualAccounts.first { it.vaNumber != unlimited.vaNumber }
        orders.cancelVa(account, unlimited.id, added.vaNumber)
        assertEquals(
            VaStatus.CANCELLED,
            orders.get(account, unlimited.id).virtualAccounts.first { it.vaNumber == added.vaNumber }.status,
        )
        orders.cancel(account, unlimited.id)
        assertEquals(VaOrderStatus.CANCELLED, orders.get(account, unlimited.id).status)
        assertTrue(orders.list(account).items.any { it.id == unlimited.id })
        val missing = expectSePay { orders.get(account, "00000000-0000-4000-8000-000000000000") }
        assertTrue(missing is SePayException.NotFound, "$missing")
        assertEquals(404.toUShort(), missing.status)
    }

    @Test
    fun bankRulesAreCheckedBeforeAnythingIsSent(): Unit = runBlocking {
        val accounts = client.v2().bankAccounts().list().items
        val vcb = accounts.first { it.bankShortName == "Vietcombank" }
        Sandbox.clearLog()
        val noTid = expectSePay {
            client.v2().orders().create(vcb.id, OrderBank.VIETCOMBANK, VaOrderCreateParams(amount = BigDecimal(1000)))
        }
        assertTrue(noTid is SePayException.Validation, "$noTid")
        assertNull(noTid.status)
        assertEquals("tid", noTid.fieldErrors.single().field)
        val noPrefix = expectSePay {
            client.v2().orders().create(vcb.id, OrderBank.SACOMBANK, VaOrderCreateParams(amount = BigDecimal(1000)))
        }
        assertTrue(noPrefix is SePayException.Validation && noPrefix.fieldErrors.single().field == "va_prefix", "$noPrefix")
        assertEquals(emptyList(), Sandbox.loggedRequests(), "nothing reached the sandbox")

        val tid = client.v2().terminals().list(vcb.id).first().tid
        val ok = client.v2().orders().create(
            vcb.id, OrderBank.VIETCOMBANK, VaOrderCreateParams(amount = BigDecimal(1000), tid = tid),
        )
        assertNotNull(ok.vaNumber)
        assertEquals(VaOrderStatus.PENDING, ok.status)
    }

    @Test
    fun aCreateCutOffAfterItReachedSePayIsNotDuplicated(): Unit = runBlocking {
        val (_, account) = bidv()
        val code = orderCode("DROP")
        Sandbox.clearLog()
        Sandbox.pushFaults("drop_after")
        val e = expectSePay {
            client.v2().orders().create(account, OrderBank.BIDV, VaOrderCreateParams(orderCode = code, amount = BigDecimal(1000)))
        }
        assertTrue(e is SePayException.Transport, "$e")
        assertEquals(1, Sandbox.loggedRequests().count { it.first == "POST" }, "the create was not re-sent")
        val all = client.v2().orders().list(account, perPage = 100u).items
        assertEquals(1, all.count { it.orderCode == code }, "exactly one order exists")
    }
}
