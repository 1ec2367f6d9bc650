// A throw-away redis-server on a free loopback port (Debian's package;
// scripts/test-js.sh installs it), killed when the test is done.

import { spawn } from "node:child_process";
import { createServer, connect } from "node:net";

export async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

function answers(port) {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let data = "";
    socket.setTimeout(500, () => { socket.destroy(); resolve(false); });
    socket.on("error", () => resolve(false));
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      data += chunk;
      if (data.includes("\r\n")) { socket.destroy(); resolve(data.startsWith("+PONG")); }
    });
  });
}

export async function startRedis(port) {
  port ??= await freePort();
  const child = spawn("redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "warning"],
    { stdio: "ignore" });
  const deadline = Date.now() + 10_000;
  while (!(await answers(port))) {
    if (Date.now() > deadline) { child.kill("SIGKILL"); throw new Error("redis-server did not answer PING in 10 s"); }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    port,
    url: `redis://127.0.0.1:${port}/0`,
    /** SIGKILL: an outage, not a shutdown. */
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGKILL");
    }),
  };
}
