// Starts `sepay-sandbox` processes on free loopback ports and talks to their
// admin endpoints. Works under Node and Deno (node:child_process).

import { spawn } from "node:child_process";

export const TOKEN = "JS_TEST_TOKEN_0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopq";

const running = new Set();

/** Starts a sandbox; `args` are extra CLI flags, e.g. `["--rate-limit", "3"]`. */
export async function startSandbox({ transactions = 300, rateLimit = 0, args = [] } = {}) {
  const bin = process.env.SEPAY_SANDBOX_BIN;
  if (!bin) throw new Error("set SEPAY_SANDBOX_BIN to the sepay-sandbox binary");
  const child = spawn(
    bin,
    ["--addr", "127.0.0.1:0", "--token", TOKEN, "--transactions", String(transactions),
      "--rate-limit", String(rateLimit), ...args],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  running.add(child);
  const url = await new Promise((resolve, reject) => {
    let buf = "";
    const timer = setTimeout(() => reject(new Error("sandbox did not start in 30 s")), 30_000);
    child.stdout.on("data", (chunk) => {
      buf += chunk;
      const nl = buf.indexOf("\n");
      if (nl >= 0) {
        clearTimeout(timer);
        resolve(buf.slice(0, nl).trim());
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited with ${code}`));
    });
  });
  child.stdout.removeAllListeners("data");
  child.stdout.resume();
  child.removeAllListeners("exit");
  const admin = async (path, init) => {
    const res = await fetch(`${url}/__sandbox/${path}`, init);
    if (!res.ok) throw new Error(`sandbox admin ${path}: HTTP ${res.status}`);
    return res.status === 204 ? undefined : res.json();
  };
  const post = (path, body) =>
    admin(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return {
    url,
    /** Queues faults for the next API requests (`"503"`, `"drop"`, `"html"`, ...). */
    nextFaults: (faults) => post("faults/next", { faults }),
    /** The request log. */
    requests: () => admin("requests"),
    clearRequests: () => admin("requests", { method: "DELETE" }),
    stats: () => admin("stats"),
    stop: () => stop(child),
  };
}

function stop(child) {
  if (running.delete(child)) child.kill("SIGTERM");
}

/** Stops every sandbox this process started. */
export function stopAll() {
  for (const child of [...running]) stop(child);
}
