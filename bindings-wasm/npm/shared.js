// SharedState: the Redis that Node cluster workers (or replicas) share for
// SePay's rate limit and token renewals. WebAssembly cannot open sockets, so
// it runs the core's Lua scripts on the Redis client the application already
// has (node-redis or ioredis); the algorithm is the core's, not this file's.

import { WasmSharedState } from "./pkg/sepay_wasm.js";
import { ConfigurationError, toError } from "./errors.js";

const configuration = (message) =>
  new ConfigurationError(`configuration error: ${message}`, { kind: "configuration" });

// `(script, keys, args) => Promise<reply>` over the user's client.
function scriptRunner(redis) {
  if (typeof redis === "function") return redis;
  if (redis !== null && typeof redis === "object") {
    // ioredis: call(command, ...args).
    if (typeof redis.call === "function") {
      return (script, keys, args) => redis.call("EVAL", script, keys.length, ...keys, ...args);
    }
    // node-redis (v4, v5): sendCommand([command, ...args]).
    if (typeof redis.sendCommand === "function") {
      return (script, keys, args) => redis.sendCommand(["EVAL", script, String(keys.length), ...keys, ...args]);
    }
  }
  throw configuration(
    "SharedState needs a connected node-redis or ioredis client, or a function (script, keys, args) => Promise",
  );
}

const seconds = (name, ms) => {
  if (ms === undefined) return undefined;
  if (typeof ms !== "number") throw configuration(`${name} must be a number of milliseconds, got ${typeof ms}`);
  return ms / 1000;
};

/**
 * State shared by every process through Redis (or Valkey): one rate budget
 * per `prefix` (one egress IP), one OAuth2 / Bank Hub token renewal across
 * processes. Pass it as `new Client({ sharedState })`.
 *
 * While Redis does not answer within `commandTimeoutMs` (250), nothing hangs:
 * `onOutage: "local"` (default) paces each process alone at rate /
 * `processes`, `"fail"` rejects calls with a StoreError. Redis is tried again
 * every `probeIntervalMs` (1000) and sharing resumes by itself. Give the
 * Redis client `disableOfflineQueue: true` (node-redis) or
 * `enableOfflineQueue: false` (ioredis) so commands fail fast while it is down.
 */
export class SharedState {
  #wasm;

  constructor(redis, options = {}) {
    if (options === null || typeof options !== "object") throw configuration("SharedState options must be an object");
    const { prefix, onOutage, processes, commandTimeoutMs, probeIntervalMs, tokenLeaseMs, dedupTtlMs, ...rest } =
      options;
    const unknown = Object.keys(rest);
    if (unknown.length) throw configuration(`unknown SharedState option ${unknown[0]}`);
    const core = {
      // The application's client connects by itself: a script waits commandTimeoutMs.
      connectTimeout: 0.001,
      prefix,
      onOutage,
      processes,
      commandTimeout: seconds("commandTimeoutMs", commandTimeoutMs),
      probeInterval: seconds("probeIntervalMs", probeIntervalMs),
      tokenLease: seconds("tokenLeaseMs", tokenLeaseMs),
      dedupTtl: seconds("dedupTtlMs", dedupTtlMs),
    };
    try {
      this.#wasm = new WasmSharedState(scriptRunner(redis), JSON.stringify(core));
    } catch (e) {
      throw toError(e);
    }
  }

  /** True unless the last call to Redis failed. */
  get reachable() {
    return this.#wasm.reachable();
  }

  /** How many times Redis stopped answering since this object was made. */
  get outages() {
    return this.#wasm.outages();
  }

  /** The key prefix. */
  get prefix() {
    return this.#wasm.prefix();
  }

  /** @internal a reference to the core's state for one client. */
  static handleOf(shared) {
    if (!(shared instanceof SharedState)) throw configuration("sharedState must be a SharedState");
    return shared.#wasm.handle();
  }

  toString() {
    return `SharedState { prefix: ${JSON.stringify(this.prefix)}, reachable: ${this.reachable} }`;
  }
}
