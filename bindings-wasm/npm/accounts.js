// OAuth2 tokens as a class whose printed forms never show the secrets, and
// the in-memory token store a client uses when it is given none.

const NODE_INSPECT = Symbol.for("nodejs.util.inspect.custom");
const DENO_INSPECT = Symbol.for("Deno.customInspect");

const mask = (secret) => (secret == null ? "null" : "****");

/**
 * The tokens of one SePay user. `toString()`, `console.log` and Node's / Deno's
 * inspection mask the access and refresh tokens; `JSON.stringify(tokens)`
 * keeps them (that is what a token store persists).
 */
export class OAuthTokens {
  /** The access token (a JWT, about an hour). */
  accessToken;
  /** The refresh token (about a month; rotated on every refresh), if SePay sent one. */
  refreshToken;
  /** Unix seconds when the access token expires, if known. */
  expiresAt;
  /** The granted scopes, space-separated, if SePay said. */
  scope;

  constructor({ accessToken, refreshToken = null, expiresAt = null, scope = null }) {
    this.accessToken = accessToken;
    this.refreshToken = refreshToken;
    this.expiresAt = expiresAt;
    this.scope = scope;
  }

  /** The tokens as a plain object, secrets included: for token stores. */
  toJSON() {
    const { accessToken, refreshToken, expiresAt, scope } = this;
    return { accessToken, refreshToken, expiresAt, scope };
  }

  toString() {
    return `OAuthTokens { accessToken: ${mask(this.accessToken)}, refreshToken: ${mask(this.refreshToken)}, ` +
      `expiresAt: ${this.expiresAt}, scope: ${JSON.stringify(this.scope)} }`;
  }

  [NODE_INSPECT]() {
    return this.toString();
  }

  [DENO_INSPECT]() {
    return this.toString();
  }
}

/** A token store that keeps the tokens in memory (lost when the process ends). */
export class MemoryTokenStore {
  #tokens = null;

  /** The saved tokens, or `null`. */
  load() {
    return this.#tokens;
  }

  /** Keeps `tokens`. */
  save(tokens) {
    this.#tokens = tokens instanceof OAuthTokens ? tokens : new OAuthTokens(tokens);
  }
}
