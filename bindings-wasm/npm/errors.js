// Typed errors. The core reports every failure with a stable kind
// ("not_found", "rate_limited", ...); each kind is one Error subclass here, so
// `err instanceof RateLimitError` works and `err.kind` names it too.

/** Base class of every error the SDK raises. */
export class SePayError extends Error {
  constructor(message, details = {}) {
    super(message);
    this.name = new.target.name;
    this.kind = details.kind ?? "unknown";
    this.operation = details.operation ?? null;
    this.status = details.status ?? null;
    this.code = details.code ?? null;
    this.retryAfter = details.retryAfter ?? null;
    this.fieldErrors = Object.freeze([...(details.fieldErrors ?? [])]);
  }
}

export class AuthenticationError extends SePayError {}
export class NotFoundError extends SePayError {}
export class ValidationError extends SePayError {}
export class RateLimitError extends SePayError {}
export class ServerError extends SePayError {}
export class ApiError extends SePayError {}
export class TransportError extends SePayError {}
export class TimeoutError extends SePayError {}
export class DecodeError extends SePayError {}
export class PaginationError extends SePayError {}
export class ConfigurationError extends SePayError {}
/** An inbound webhook / IPN failed verification (reply 401). */
export class WebhookVerificationError extends SePayError {}
/**
 * A store you supplied (OAuth2 token store, webhook dedup store) threw or
 * answered wrongly. Nothing was lost; repeat the call once it works again
 * (a receiver answers 503 so SePay retries).
 */
export class StoreError extends SePayError {}

const BY_KIND = {
  authentication: AuthenticationError,
  not_found: NotFoundError,
  validation: ValidationError,
  rate_limited: RateLimitError,
  server: ServerError,
  api: ApiError,
  transport: TransportError,
  timeout: TimeoutError,
  decode: DecodeError,
  pagination: PaginationError,
  configuration: ConfigurationError,
  webhook_verification: WebhookVerificationError,
  store: StoreError,
};

/** The typed error for a failure reported by the core; anything else unchanged. */
export function toError(e) {
  if (e === null || typeof e !== "object" || typeof e.sepayErrorKind !== "string") {
    return e;
  }
  const Class = BY_KIND[e.sepayErrorKind] ?? SePayError;
  return new Class(e.message, {
    kind: e.sepayErrorKind,
    operation: e.operation,
    status: e.status,
    code: e.code,
    retryAfter: e.retryAfter,
    fieldErrors: e.fieldErrors,
  });
}
