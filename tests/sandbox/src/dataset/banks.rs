//! Static tables the dataset draws from: banks, names, memos.

/// A Vietnamese bank as SePay describes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bank {
    /// `bank_short_name` / `bank_brand_name`, e.g. `Vietcombank`.
    pub short_name: &'static str,
    /// `bank_code`, e.g. `VCB`.
    pub code: &'static str,
    /// `bank_bin` (NAPAS BIN), e.g. `970436`.
    pub bin: &'static str,
    /// `bank_full_name`.
    pub full_name: &'static str,
}

/// Banks cycled through by bank account index. The first three are the
/// banks of the VA-order API (Vietcombank, Sacombank, BIDV), so a dataset of
/// three or more accounts has one of each.
pub const BANKS: [Bank; 7] = [
    Bank {
        short_name: "Vietcombank",
        code: "VCB",
        bin: "970436",
        full_name: "Ngân hàng TMCP Ngoại Thương Việt Nam",
    },
    Bank {
        short_name: "Sacombank",
        code: "STB",
        bin: "970403",
        full_name: "Ngân hàng TMCP Sài Gòn Thương Tín",
    },
    Bank {
        short_name: "BIDV",
        code: "BIDV",
        bin: "970418",
        full_name: "Ngân hàng TMCP Đầu tư và Phát triển Việt Nam",
    },
    Bank {
        short_name: "VietinBank",
        code: "ICB",
        bin: "970415",
        full_name: "Ngân hàng TMCP Công Thương Việt Nam",
    },
    Bank {
        short_name: "MBBank",
        code: "MB",
        bin: "970422",
        full_name: "Ngân hàng TMCP Quân đội",
    },
    Bank {
        short_name: "Techcombank",
        code: "TCB",
        bin: "970407",
        full_name: "Ngân hàng TMCP Kỹ thương Việt Nam",
    },
    Bank {
        short_name: "ACB",
        code: "ACB",
        bin: "970416",
        full_name: "Ngân hàng TMCP Á Châu",
    },
];

/// Uppercase ASCII person names (holders, senders, VA sub-holders).
pub const NAMES: [&str; 12] = [
    "NGUYEN VAN AN",
    "TRAN THI BICH",
    "LE HOANG NAM",
    "PHAM MINH TUAN",
    "HOANG THI LAN",
    "VU DUC THANG",
    "DANG THU HA",
    "BUI QUANG HUY",
    "DO THI MAI",
    "NGO THANH SON",
    "DUONG THUY ANH",
    "TRAN THIEN THAO",
];

/// Memos of incoming transfers.
pub const MEMOS_IN: [&str; 7] = [
    "thanh toan don hang",
    "chuyen khoan",
    "tra tien hang",
    "nap tien tai khoan",
    "thanh toan hoa don",
    "mua hang online",
    "hoc phi thang 5",
];

/// Memos of outgoing transfers.
pub const MEMOS_OUT: [&str; 4] = [
    "tra luong nhan vien",
    "hoan tien don hang",
    "thanh toan nha cung cap",
    "phi van chuyen",
];

/// Bank account labels (empty is common).
pub const LABELS: [&str; 4] = [
    "",
    "TK giao dich chinh",
    "TK nhan tien ban hang",
    "TK thu ho",
];
