"""VietQR: payloads equal the known-good ones of the core's tests
(public VietQR material), decoding round-trips, the image URL is exact, and
bad payloads or input give typed errors."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sepay_sdk import DecodeError, ValidationError, vietqr

KNOWN_GOOD = [
    "00020101021138530010A0000007270123000697041601092576788590208QRIBFTTA53037045802VN6304AE9F",
    "00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA5303704540410005802VN62150811Chuyen tien6304BBB8",
    "00020101021138570010A00000072701270006970405011322082054793800208QRIBFTTA53037045802VN630497A6",
    "00020101021238570010A000000727012700069704220113VQRQABRLS04480208QRIBFTTA5303704540420005802VN6224082018f8746b181045f0a2ce63040FC0",
]


def crc16_ccitt_false(data: bytes) -> int:
    """Computed independently of the SDK (poly 0x1021, init 0xFFFF)."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def test_known_good_payloads_round_trip() -> None:
    for good in KNOWN_GOOD:
        qr = vietqr.decode(good)
        again = vietqr.payload(qr.bank_bin, qr.account, amount=qr.amount, memo=qr.memo, service=qr.service)
        assert again == good
        assert int(good[-4:], 16) == crc16_ccitt_false(good[:-4].encode())


def test_builds_a_dynamic_qr_exactly() -> None:
    payload = vietqr.payload("970416", "257678859", amount=1000, memo="Chuyen tien")
    assert payload == KNOWN_GOOD[1]
    assert vietqr.payload("970416", "257678859", amount=Decimal("1000"), memo="Chuyen tien") == payload
    assert vietqr.payload("970416", "257678859") == KNOWN_GOOD[0]
    qr = vietqr.decode(KNOWN_GOOD[1])
    assert (qr.bank_bin, qr.account, qr.amount, qr.memo, qr.service) == (
        "970416", "257678859", Decimal(1000), "Chuyen tien", "account",
    )  # fmt: skip
    assert qr.to_dict()["memo"] == "Chuyen tien" and repr(qr).startswith("VietQr(")
    card = vietqr.decode(vietqr.payload("970416", "9704160000000018", service="card"))
    assert card.service == "card"


def test_bad_payloads_are_decode_errors() -> None:
    bad_crc = KNOWN_GOOD[0][:30] + "9" + KNOWN_GOOD[0][31:]
    with pytest.raises(DecodeError, match="CRC"):
        vietqr.decode(bad_crc)
    with pytest.raises(DecodeError, match="CRC"):
        vietqr.decode(KNOWN_GOOD[1][:40])
    with pytest.raises(DecodeError):
        vietqr.decode("")
    body = "000201010211"  # no merchant account field, valid CRC
    body += "6304"
    with pytest.raises(DecodeError, match="38"):
        vietqr.decode(body + f"{crc16_ccitt_false(body.encode()):04X}")


def test_bad_input_is_a_validation_error() -> None:
    with pytest.raises(ValidationError, match="bank_bin"):
        vietqr.payload("97041", "1")
    with pytest.raises(ValidationError, match="ASCII"):
        vietqr.payload("970416", "1", memo="Chuyển tiền")
    with pytest.raises(ValidationError, match="amount"):
        vietqr.payload("970416", "1", amount="10.5")
    with pytest.raises(ValidationError, match="amount"):
        vietqr.payload("970416", "1", amount=1.5)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="service"):
        vietqr.payload("970416", "1", service="wallet")  # type: ignore[arg-type]


def test_image_url_is_exact() -> None:
    assert (
        vietqr.image_url(
            "0010000000355", "Vietcombank", amount=100000, memo="ung ho quy bao tro tre em"
        )
        == "https://qr.sepay.vn/img?acc=0010000000355&bank=Vietcombank&amount=100000"
        "&des=ung%20ho%20quy%20bao%20tro%20tre%20em"
    )
    assert (
        vietqr.image_url("123", "MBBank", template="compact")
        == "https://qr.sepay.vn/img?acc=123&bank=MBBank&template=compact"
    )
    with pytest.raises(ValidationError, match="template"):
        vietqr.image_url("123", "MBBank", template="big")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="acc"):
        vietqr.image_url("", "MBBank")
