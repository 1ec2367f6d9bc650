//! Inbound notifications from SePay: user webhooks (JSON, form-urlencoded or
//! multipart), payment gateway IPNs and Bank Hub IPNs/events. Verification for
//! every documented mode, the exact success reply, and deduplication that
//! marks an event done only once the application has handled it.

mod bankhub;
mod dedup;
mod event;
mod form;
mod pg_ipn;
mod receiver;
mod reply;
mod test_delivery;
mod token;
mod verify;

pub use bankhub::{
    BankHubEvent, BankHubEventMetadata, BankHubEventName, BankHubIpn, BankHubTransferType,
};
pub use dedup::{Claim, DedupStore, MemoryDedup};
pub use event::{parse_webhook_event, WebhookEvent};
pub use form::BodyEncoding;
pub use pg_ipn::{PgIpn, PgIpnOrder, PgIpnTransaction, PgNotificationType};
pub use receiver::{Delivery, Received, WebhookReceiver, DEFAULT_LEASE, DEFAULT_REPLAY_WINDOW};
pub use reply::WebhookReply;
pub use test_delivery::{TestDelivery, TestTransaction};
pub use token::{TokenReply, WebhookTokenIssuer};
pub use verify::{header, hmac_signature, WebhookAuth, DEFAULT_TOLERANCE};
