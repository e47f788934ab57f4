// Starts real processes for the client's tests: the test host (tests/LiveTemplate.Typed.ClientHost, built by
// `dotnet build`) on a free loopback port, and redis-server when a test needs two instances. Every wait is bounded.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const hostDll = join(root, "tests/LiveTemplate.Typed.ClientHost/bin/Debug/net10.0/LiveTemplate.Typed.ClientHost.dll");

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function waitForLine(child, text, what, timeoutMs) {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`${what} did not print "${text}" within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk) => {
      output += chunk;
      if (output.includes(text)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk) => { output += chunk; });
    child.once("exit", (code) => { clearTimeout(timer); reject(new Error(`${what} exited (${code}) before "${text}":\n${output}`)); });
  });
}

/** Starts the test host on `port` (a free one by default); `redis` is "host:port" for the Redis backplane. */
export async function startHost({ port, redis, noHistory } = {}) {
  if (!existsSync(hostDll)) {
    throw new Error(`The test host is not built (${hostDll}): run dotnet build LiveTemplate.Typed.sln first.`);
  }

  port ??= await freePort();
  const args = [hostDll, "--urls", `http://127.0.0.1:${port}`, "--Logging:LogLevel:Default", "Warning"];
  if (redis) args.push("--LiveTemplate:Redis", redis);
  if (noHistory) args.push("--ClientHost:NoHistory", "true");
  const child = spawn("dotnet", args, { cwd: mkdtempSync(join(tmpdir(), "lt-client-host-")), stdio: ["ignore", "pipe", "pipe"] });
  await waitForLine(child, "listening", "the test host", 60000);
  return {
    port,
    url: (room) => `ws://127.0.0.1:${port}/live/${room}`,
    slam: (room) => `ws://127.0.0.1:${port}/slam/${room}`,      // closes each connection right after its hello
    http: `http://127.0.0.1:${port}`,
    kill: () => stop(child, "SIGKILL"),
    stop: () => stop(child, "SIGTERM"),
  };
}

/** Starts a redis-server with no persistence on `port` (a free loopback one by default). */
export async function startRedis({ port } = {}) {
  port ??= await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "pipe"] });
  await waitForLine(child, "Ready to accept connections", "redis-server", 15000);
  return { port, address: `127.0.0.1:${port}`, stop: () => stop(child, "SIGTERM") };
}

function stop(child, signal) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => { child.kill("SIGKILL"); }, 10000);
    child.once("exit", () => { clearTimeout(timer); resolve(); });
    child.kill(signal);
  });
}

/** Resolves with the first value `register(resolve)` delivers, or rejects after `timeoutMs`. */
export function next(what, register, timeoutMs = 10000) {
  return new Promise((resolve, reject) => {
    let off = () => {};
    const timer = setTimeout(() => { off(); reject(new Error(`no ${what} within ${timeoutMs} ms`)); }, timeoutMs);
    off = register((value) => { clearTimeout(timer); off(); resolve(value); });
  });
}

/** Resolves after `ms`. */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with `check()`'s first truthy value, polled every 10 ms, or rejects after `timeoutMs`. */
export async function eventually(what, check, timeoutMs = 10000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`not ${what} within ${timeoutMs} ms`);
    await sleep(10);
  }
}

/**
 * A real WebSocket class that records when each socket was made, what it sent and what it received, and may rewrite
 * what it received before the client reads it (`rewrite(data, socket)`): the host's own frames, tampered with in between.
 */
export function tap({ rewrite } = {}) {
  const sockets = [];
  class Tapped extends WebSocket {
    constructor(url, protocols) {
      super(url, protocols);
      this.at = Date.now();
      this.sent = [];
      this.received = [];
      sockets.push(this);
    }
    send(data) {
      this.sent.push(String(data));
      super.send(data);
    }
    get onmessage() { return super.onmessage; }
    set onmessage(handler) {
      super.onmessage = handler && ((event) => {
        this.received.push(String(event.data));
        handler(rewrite ? new MessageEvent("message", { data: rewrite(String(event.data), this) }) : event);
      });
    }
    /** Every frame this socket received, parsed. */
    frames() { return this.received.flatMap((m) => m.split("\x1e").filter(Boolean).map((t) => JSON.parse(t))); }
  }
  return { WebSocket: Tapped, sockets };
}

/** Resolves once the client's state is `state`. */
export function until(client, state, timeoutMs = 15000) {
  if (client.state === state) return Promise.resolve();
  return next(`state ${state}`, (done) => client.onState((s) => { if (s === state) done(s); }), timeoutMs);
}
