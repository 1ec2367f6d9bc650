//! VietQR: the `qr.sepay.vn` image URL, and the VietQR/EMVCo payload itself so a
//! QR can be rendered offline (NAPAS VietQR on EMVCo MPM: TLV fields, NAPAS GUID
//! `A000000727`, bank BIN, account, amount, memo, CRC-16/CCITT-FALSE).

use std::fmt::Write;

use url::Url;

use crate::error::{Error, Result};
use crate::money::Amount;

/// NAPAS's application id for VietQR.
pub const NAPAS_GUID: &str = "A000000727";
const OP: &str = "qr.payload";
const CRC: crc::Crc<u16> = crc::Crc::<u16>::new(&crc::CRC_16_IBM_3740);

/// Transfer to a bank account or to a card number (`"account"`, `"card"`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum VietQrService {
    /// `QRIBFTTA`: to an account number.
    #[default]
    Account,
    /// `QRIBFTTC`: to a card number.
    Card,
}

/// What a VietQR code asks the payer's bank to do.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VietQr {
    /// The receiving bank's 6-digit NAPAS BIN, e.g. `970436` (Vietcombank).
    pub bank_bin: String,
    /// Account (or card) number.
    pub account: String,
    /// Whole dong; `None` makes a static QR where the payer types the amount.
    pub amount: Option<Amount>,
    /// Transfer memo (printable ASCII, at most 99 characters); put the payment
    /// code here so SePay recognises the payment.
    pub memo: Option<String>,
    /// Account or card.
    pub service: VietQrService,
}

fn invalid(field: &str, message: impl Into<String>) -> Error {
    Error::invalid_param(OP, field, message)
}

fn tlv(out: &mut String, id: &str, value: &str) -> Result<()> {
    if value.len() > 99 {
        return Err(invalid(
            id,
            format!("field {id} is longer than 99 characters"),
        ));
    }
    #[allow(clippy::expect_used, reason = "writing to a String cannot fail")]
    write!(out, "{id}{:02}{value}", value.len()).expect("writing to a String");
    Ok(())
}

impl VietQr {
    /// A QR for `account` at the bank with `bank_bin`.
    pub fn new(bank_bin: impl Into<String>, account: impl Into<String>) -> Self {
        VietQr {
            bank_bin: bank_bin.into(),
            account: account.into(),
            amount: None,
            memo: None,
            service: VietQrService::Account,
        }
    }

    /// The EMVCo payload text to encode in a QR symbol.
    pub fn payload(&self) -> Result<String> {
        if self.bank_bin.len() != 6 || !self.bank_bin.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid(
                "bank_bin",
                format!("must be 6 digits, got {:?}", self.bank_bin),
            ));
        }
        if self.account.is_empty() || !self.account.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(invalid(
                "account",
                format!("must be letters and digits, got {:?}", self.account),
            ));
        }
        let amount = match self.amount {
            None => None,
            Some(a) => match a.to_dong() {
                Some(d) if d > 0 && d.to_string().len() <= 13 => Some(d.to_string()),
                _ => {
                    return Err(invalid(
                        "amount",
                        format!("must be a positive whole number of dong, got {a}"),
                    ))
                }
            },
        };
        if let Some(memo) = &self.memo {
            if !memo.bytes().all(|b| (0x20..0x7f).contains(&b)) {
                return Err(invalid(
                    "memo",
                    "must be printable ASCII (no Vietnamese diacritics)",
                ));
            }
        }
        let mut beneficiary = String::new();
        tlv(&mut beneficiary, "00", &self.bank_bin)?;
        tlv(&mut beneficiary, "01", &self.account)?;
        let mut merchant = String::new();
        tlv(&mut merchant, "00", NAPAS_GUID)?;
        tlv(&mut merchant, "01", &beneficiary)?;
        let service = match self.service {
            VietQrService::Account => "QRIBFTTA",
            VietQrService::Card => "QRIBFTTC",
        };
        tlv(&mut merchant, "02", service)?;

        let mut out = String::new();
        tlv(&mut out, "00", "01")?;
        tlv(&mut out, "01", if amount.is_some() { "12" } else { "11" })?;
        tlv(&mut out, "38", &merchant)?;
        tlv(&mut out, "53", "704")?;
        if let Some(a) = &amount {
            tlv(&mut out, "54", a)?;
        }
        tlv(&mut out, "58", "VN")?;
        if let Some(memo) = self.memo.as_deref().filter(|m| !m.is_empty()) {
            let mut extra = String::new();
            tlv(&mut extra, "08", memo)?;
            tlv(&mut out, "62", &extra)?;
        }
        out.push_str("6304");
        let crc = CRC.checksum(out.as_bytes());
        #[allow(clippy::expect_used, reason = "writing to a String cannot fail")]
        write!(out, "{crc:04X}").expect("writing to a String");
        Ok(out)
    }

    /// Reads a VietQR payload back (checking its CRC and structure).
    pub fn decode(payload: &str) -> Result<VietQr> {
        let fail = |m: &str| Error::Decode {
            operation: "qr.decode".to_string(),
            path: None,
            expected: "a VietQR payload".to_string(),
            found: m.to_string(),
        };
        let body = payload
            .len()
            .checked_sub(4)
            .and_then(|n| payload.get(..n))
            .filter(|b| b.ends_with("6304"))
            .ok_or_else(|| fail("no CRC field at the end"))?;
        let crc = u16::from_str_radix(&payload[body.len()..], 16)
            .map_err(|_| fail("a CRC that is not hex"))?;
        if CRC.checksum(body.as_bytes()) != crc {
            return Err(fail("a CRC that does not match the payload"));
        }
        let top = fields(&body[..body.len() - 4]).ok_or_else(|| fail("malformed TLV fields"))?;
        let get = |fs: &[(String, String)], id: &str| {
            fs.iter().find(|(k, _)| k == id).map(|(_, v)| v.clone())
        };
        let merchant = get(&top, "38").ok_or_else(|| fail("no merchant account field (38)"))?;
        let m = fields(&merchant).ok_or_else(|| fail("malformed field 38"))?;
        if get(&m, "00").as_deref() != Some(NAPAS_GUID) {
            return Err(fail("a GUID other than NAPAS's A000000727"));
        }
        let b = fields(&get(&m, "01").ok_or_else(|| fail("no beneficiary (38.01)"))?)
            .ok_or_else(|| fail("malformed field 38.01"))?;
        let service = match get(&m, "02").as_deref() {
            Some("QRIBFTTC") => VietQrService::Card,
            _ => VietQrService::Account,
        };
        let memo = match get(&top, "62") {
            Some(extra) => fields(&extra)
                .ok_or_else(|| fail("malformed field 62"))?
                .into_iter()
                .find(|(k, _)| k == "08")
                .map(|(_, v)| v),
            None => None,
        };
        let amount = match get(&top, "54") {
            Some(a) => Some(
                a.parse()
                    .map_err(|_| fail("an amount that is not a number"))?,
            ),
            None => None,
        };
        Ok(VietQr {
            bank_bin: get(&b, "00").ok_or_else(|| fail("no bank BIN (38.01.00)"))?,
            account: get(&b, "01").ok_or_else(|| fail("no account (38.01.01)"))?,
            amount,
            memo,
            service,
        })
    }
}

/// Splits `IDLLvalue…` into fields; `None` if malformed.
fn fields(s: &str) -> Option<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut rest = s;
    while !rest.is_empty() {
        let id = rest.get(..2)?;
        let len: usize = rest.get(2..4)?.parse().ok()?;
        let value = rest.get(4..4 + len)?;
        out.push((id.to_string(), value.to_string()));
        rest = &rest[4 + len..];
    }
    Some(out)
}

/// The `qr.sepay.vn` image URL for a transfer: `acc` and `bank` (a name from
/// SePay's bank list, e.g. `Vietcombank`) are required; `amount` (whole dong),
/// `des` (memo), `template` (`compact`/`qronly`) optional.
pub fn image_url(
    account: &str,
    bank: &str,
    amount: Option<Amount>,
    memo: Option<&str>,
    template: Option<&str>,
) -> Result<String> {
    const OP: &str = "qr.image_url";
    if account.trim().is_empty() {
        return Err(Error::invalid_param(OP, "acc", "is required"));
    }
    if bank.trim().is_empty() {
        return Err(Error::invalid_param(OP, "bank", "is required"));
    }
    #[allow(clippy::expect_used, reason = "a constant, valid URL")]
    let mut url = Url::parse("https://qr.sepay.vn/img").expect("static URL");
    {
        let mut q = url.query_pairs_mut();
        q.append_pair("acc", account).append_pair("bank", bank);
        if let Some(a) = amount {
            let d = a.to_dong().filter(|d| *d >= 0).ok_or_else(|| {
                Error::invalid_param(OP, "amount", format!("must be whole dong, got {a}"))
            })?;
            q.append_pair("amount", &d.to_string());
        }
        if let Some(m) = memo.filter(|m| !m.is_empty()) {
            q.append_pair("des", m);
        }
        if let Some(t) = template {
            if !matches!(t, "compact" | "qronly") {
                return Err(Error::invalid_param(
                    OP,
                    "template",
                    "must be compact or qronly",
                ));
            }
            q.append_pair("template", t);
        }
    }
    Ok(url.to_string().replace('+', "%20"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Payloads from public VietQR material (generator libraries' documentation
    /// and a real payOS response), not produced by this code.
    const KNOWN_GOOD: &[&str] = &[
        "00020101021138530010A0000007270123000697041601092576788590208QRIBFTTA53037045802VN6304AE9F",
        "00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA5303704540410005802VN62150811Chuyen tien6304BBB8",
        "00020101021138570010A00000072701270006970405011322082054793800208QRIBFTTA53037045802VN630497A6",
        "00020101021238570010A000000727012700069704220113VQRQABRLS04480208QRIBFTTA5303704540420005802VN6224082018f8746b181045f0a2ce63040FC0",
    ];

    #[test]
    fn known_good_payloads_round_trip() {
        for good in KNOWN_GOOD {
            let qr = VietQr::decode(good).unwrap_or_else(|e| panic!("{good}: {e}"));
            assert_eq!(&qr.payload().unwrap(), good);
        }
    }

    #[test]
    fn builds_a_dynamic_qr_exactly() {
        let qr = VietQr {
            amount: Some(Amount::from_dong(1000)),
            memo: Some("Chuyen tien".into()),
            ..VietQr::new("970416", "257678859")
        };
        assert_eq!(qr.payload().unwrap(), KNOWN_GOOD[1]);
    }

    #[test]
    fn rejects_bad_input_and_bad_crc() {
        assert!(VietQr::new("97041", "1").payload().is_err());
        let q = VietQr {
            memo: Some("Chuyển tiền".into()),
            ..VietQr::new("970416", "1")
        };
        assert!(q.payload().unwrap_err().to_string().contains("ASCII"));
        let mut bad = KNOWN_GOOD[0].to_string();
        bad.replace_range(30..31, "9");
        assert!(VietQr::decode(&bad).is_err());
    }

    #[test]
    fn image_url_encodes_the_memo() {
        let url = image_url(
            "0010000000355",
            "Vietcombank",
            Some(Amount::from_dong(100000)),
            Some("ung ho quy bao tro tre em"),
            None,
        )
        .unwrap();
        assert_eq!(
            url,
            "https://qr.sepay.vn/img?acc=0010000000355&bank=Vietcombank&amount=100000&des=ung%20ho%20quy%20bao%20tro%20tre%20em"
        );
    }
}
