"""VietQR: the EMVCo payload of a bank-transfer QR code (to render offline),
reading one back, and SePay's QR image URL (built by the core).

>>> payload("970416", "257678859", amount=1000, memo="Chuyen tien")[:20]
'00020101021238530010'
"""

from __future__ import annotations

from ._native import VietQr
from ._native import vietqr_decode as decode
from ._native import vietqr_image_url as image_url
from ._native import vietqr_payload as payload

__all__ = ["VietQr", "payload", "decode", "image_url"]
