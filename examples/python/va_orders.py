"""VA orders: create an order with its own virtual account, watch it get paid
(partially, then fully), cancel another one, and handle SePay's refusals.

    python examples/python/va_orders.py

Against the local sandbox the customer's transfers are simulated; against
SePay, pay the printed VA from a banking app instead.
"""

from __future__ import annotations

import json
import urllib.request
from decimal import Decimal

import sepay_sdk
from _sandbox import connection
from sepay_sdk import OrderBank, VaOrderStatus


def simulate_transfer(base_url: str, va_number: str, amount: int) -> None:
    """Sandbox only: a customer pays `amount` into the VA."""
    body = json.dumps({"va_number": va_number, "amount": amount}).encode()
    request = urllib.request.Request(
        f"{base_url}/__sandbox/va/pay", data=body, headers={"content-type": "application/json"}
    )
    urllib.request.urlopen(request, timeout=10).close()


def main() -> None:
    with connection() as where, sepay_sdk.Client(**where) as client:
        bidv = next(a for a in client.v2.bank_accounts.iter() if a.bank_short_name == "BIDV")
        orders = client.v2.orders

        order = orders.create(
            bidv.id, bank=OrderBank.BIDV, amount=Decimal("500000"), duration=3600, with_qrcode=True
        )
        va = order.va_number
        assert va is not None
        print(f"order {order.order_code}: pay {order.amount:,} VND into VA {va}")
        print(f"  QR: {order.qr_code_url}")

        if "base_url" in where:
            simulate_transfer(where["base_url"], va, 200_000)
            order = orders.get(bidv.id, order.id)
            print(f"  {order.status.value}: {order.paid_amount:,} of {order.amount:,} VND received")
            simulate_transfer(where["base_url"], va, 300_000)
            order = orders.get(bidv.id, order.id)
            assert order.status is VaOrderStatus.PAID
            print(f"  {order.status.value}")
            try:
                orders.cancel(bidv.id, order.id)
            except sepay_sdk.ValidationError as e:
                print(f"  cannot cancel a paid order: {e.status} {e.code}")

        spare = orders.create(bidv.id, bank=OrderBank.BIDV, amount=100_000)
        added = orders.add_va(bidv.id, spare.id, bank=OrderBank.BIDV, amount=50_000)
        orders.cancel_va(bidv.id, spare.id, added.virtual_accounts[-1].va_number)
        orders.cancel(bidv.id, spare.id)
        spare = orders.get(bidv.id, spare.id)
        print(f"order {spare.order_code}: {spare.status.value}, VAs "
              f"{[va.status.value for va in spare.virtual_accounts]}")

        try:  # Vietcombank needs a terminal id: refused before anything is sent
            orders.create(bidv.id, bank=OrderBank.VIETCOMBANK, amount=1000)
        except sepay_sdk.ValidationError as e:
            print(f"refused locally: {e.field_errors[0].field} {e.field_errors[0].message}")

        for o in orders.list(bidv.id):
            print(f"  {o.order_code:<14} {o.status.value:<10} {o.paid_amount or 0:>10,} VND")


if __name__ == "__main__":
    main()
