// The client against the real test host process (tests/LiveTemplate.Typed.ClientHost): send, receive, errors,
// presence, reconnect and resume. Node's own WebSocket (node --experimental-websocket) stands in for the browser's.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { LiveError, connect } from "../src/index.js";
import { next, startHost, startRedis, until } from "./host.mjs";

const fast = { minDelay: 100, maxDelay: 1000 };

describe("one instance", () => {
  let host;
  before(async () => { host = await startHost(); });
  after(async () => { await host?.stop(); });

  test("a typed send comes back to every connection of the room as a typed action", async () => {
    const alice = connect(host.url("one"), fast);
    const bob = connect(host.url("one"), fast);
    await Promise.all([until(alice, "open"), until(bob, "open")]);
    const toBob = next("said at bob", (done) => bob.on("said", done));
    const toAlice = next("said at alice", (done) => alice.on("said", done));
    alice.send("say", { text: "hello", tags: ["a", "b"] });
    const [atBob, atAlice] = await Promise.all([toBob, toAlice]);
    assert.deepEqual(atBob, { text: "hello", tags: ["a", "b"], by: alice.connectionId });
    assert.deepEqual(atAlice, atBob);
    assert.match(alice.positions["group-action"], /^[^:]+:\d+$/, "the frame's position is kept");
    alice.close();
    bob.close();
  });

  test("the host serves the client's source file as it is, for pages without a bundler", async () => {
    const response = await fetch(host.http + "/_livetemplate/client.js", { headers: { "accept-encoding": "identity" } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("content-type"), "text/javascript; charset=utf-8");
    assert.equal(await response.text(), readFileSync("src/index.js", "utf8"));
  });

  test("frames the server writes at once arrive as one WebSocket message over the batch subprotocol, each delivered in order", async () => {
    let messages = 0;
    class CountingWebSocket extends WebSocket {
      /** @param {string | URL} url @param {string | string[]} [protocols] */
      constructor(url, protocols) {
        super(url, protocols);
        this.addEventListener("message", () => { messages++; });
      }
    }
    const client = connect(host.url("burst"), { ...fast, WebSocket: CountingWebSocket });
    await until(client, "open");
    assert.equal(/** @type {any} */ (client).socket.protocol, "livetemplate.batch", "the host chose the subprotocol the client offered");
    const texts = [];
    const all = next("the repeats", (done) => client.on("said", (said) => { texts.push(said.text); if (texts.length === 30) done(); }));
    const before = messages;
    client.send("repeat", { text: "r", times: 30 });
    await all;
    assert.deepEqual(texts, Array.from({ length: 30 }, (_, i) => "r" + i));
    assert.equal(messages - before, 1, "one handler's 30 frames in one WebSocket message");
    client.close();
  });

  test("data that does not decode is an invalid-data error naming the member", async () => {
    const client = connect(host.url("errors"), fast);
    await until(client, "open");
    const error = next("error", (done) => client.onError(done));
    client.send("say", /** @type {any} */ ({ text: 42, tags: [] }));
    const received = await error;
    assert.ok(received instanceof LiveError);
    assert.equal(received.code, "invalid-data");
    assert.match(received.message, /text/);
    client.close();
  });

  test("a handler that throws is a handler-failed error and the connection stays open", async () => {
    const client = connect(host.url("errors"), fast);
    await until(client, "open");
    const error = next("error", (done) => client.onError(done));
    client.send("fail", { why: "on purpose" });
    assert.equal((await error).code, "handler-failed");
    const said = next("said", (done) => client.on("said", done));
    client.send("say", { text: "still here", tags: [] });
    assert.equal((await said).text, "still here");
    client.close();
  });

  test("a send while not connected throws a not-connected LiveError", () => {
    const client = connect(host.url("errors"), fast);
    assert.throws(() => client.send("say", { text: "too early", tags: [] }), (e) => e instanceof LiveError && e.code === "not-connected");
    client.close();
    assert.equal(client.state, "closed");
  });

  test("presence: a tracked connection lists the room and sees others join, update and leave", async () => {
    const alice = connect(host.url("presence"), fast);
    const bob = connect(host.url("presence"), fast);
    await Promise.all([until(alice, "open"), until(bob, "open")]);
    const list = next("presence list", (done) => alice.onPresenceList(done));
    alice.track({ name: "Alice", row: 1 });
    const members = await list;
    assert.deepEqual(members.map((m) => m.data), [{ name: "Alice", row: 1 }]);

    const joined = next("join", (done) => alice.onPresence((c) => c.event === "join" && done(c)));
    bob.track({ name: "Bob", row: null });
    assert.deepEqual((await joined).data, { name: "Bob", row: null });
    assert.equal(alice.members.size, 2);

    const updated = next("update", (done) => alice.onPresence((c) => c.event === "update" && done(c)));
    bob.update({ name: "Bob", row: 3 });
    assert.equal((await updated).data.row, 3);

    const left = next("leave", (done) => alice.onPresence((c) => c.event === "leave" && done(c)));
    bob.close();
    await left;
    assert.equal(alice.members.size, 1);
    alice.close();
  });

  test("topics: a followed topic and a pattern deliver typed topic actions; a forbidden one is an error naming it", async () => {
    const reader = connect(host.url("topics-reader"), fast);
    const writer = connect(host.url("topics-writer"), fast);
    const subscribed = next("subscribed", (done) => reader.onSubscribed(done));
    reader.subscribe("news/r1");                       // before open: sent with the hello
    await Promise.all([until(reader, "open"), until(writer, "open")]);
    assert.equal(await subscribed, "news/r1");
    const forbidden = next("error", (done) => reader.onError(done));
    reader.subscribe("secret/r1");
    const refused = await forbidden;
    assert.equal(refused.code, "topic_forbidden");
    assert.equal(refused.topic, "secret/r1");
    assert.equal(reader.state, "open", "a refused subscription keeps the connection");

    const news = next("news", (done) => reader.onTopic("news", (data, topic) => done({ data, topic })));
    writer.send("announce", { room: "r1", text: "hello r1" });
    assert.deepEqual(await news, { data: { room: "r1", text: "hello r1" }, topic: "news/r1" });

    reader.unsubscribe("news/r1");
    const pattern = next("subscribed pattern", (done) => reader.onSubscribed(done));
    reader.subscribe("news/*");
    assert.equal(await pattern, "news/*");
    const viaPattern = next("news via pattern", (done) => reader.onTopic("news", (data, topic) => done({ data, topic })));
    writer.send("announce", { room: "r2", text: "hello r2" });
    assert.deepEqual(await viaPattern, { data: { room: "r2", text: "hello r2" }, topic: "news/r2" });
    reader.close();
    writer.close();
  });

  test("an action the endpoint does not know is an unknown-action error naming it, and the connection stays open", async () => {
    const client = connect(host.url("errors"), fast);
    await until(client, "open");
    const error = next("error", (done) => client.onError(done));
    client.send(/** @type {any} */ ("no-such-action"), {});
    const received = await error;
    assert.equal(received.code, "unknown-action");
    assert.equal(received.action, "no-such-action");
    assert.equal(client.state, "open");
    client.close();
  });

  test("a frame larger than the host's limit is a frame-too-large error and a final close (1009): no reconnect", async () => {
    const client = connect(host.url("errors"), fast);
    await until(client, "open");
    const error = next("error", (done) => client.onError(done));
    const closed = next("closed", (done) => client.onState((state, detail) => state !== "open" && done({ state, detail })));
    client.send("say", { text: "x".repeat(40 * 1024), tags: [] });
    assert.equal((await error).code, "frame-too-large");
    assert.deepEqual(await closed, { state: "closed", detail: { code: 1009, reason: "frame too large" } });
    await new Promise((resolve) => setTimeout(resolve, 3 * fast.minDelay));
    assert.equal(client.state, "closed", "no new attempt after 1009");
  });

  test("frames faster than the rate limit are a rate-limited error and a final close (1008): no reconnect", async () => {
    const client = connect(host.url("flood"), fast);
    await until(client, "open");
    const error = next("error", (done) => client.onError((e) => e.code === "rate-limited" && done(e)));
    const closed = next("closed", (done) => client.onState((state, detail) => state !== "open" && done({ state, code: detail?.code })));
    for (let i = 0; i < 100 && client.state === "open"; i++) client.send("fail", { why: "" + i });
    assert.equal((await error).code, "rate-limited");
    assert.deepEqual(await closed, { state: "closed", code: 1008 });
    await new Promise((resolve) => setTimeout(resolve, 3 * fast.minDelay));
    assert.equal(client.state, "closed", "no new attempt after 1008");
  });

  test("a send after close throws a not-connected LiveError", async () => {
    const client = connect(host.url("errors"), fast);
    await until(client, "open");
    client.close();
    assert.throws(() => client.send("say", { text: "too late", tags: [] }), (e) => e instanceof LiveError && e.code === "not-connected");
  });

  test("a frame from the server that is not a JSON object with a type is a malformed-frame error; the frames after it are handled", async () => {
    const client = connect(host.url("hostile"), fast);
    await until(client, "open");
    const errors = [];
    client.onError((e) => errors.push(e));
    const said = [];
    client.on("said", (data) => said.push(data.text));
    const socket = /** @type {any} */ (client).socket;
    const good = (text) => JSON.stringify({ type: "action", action: "said", data: { text, tags: [], by: "x" } });
    const hostile = ["not json", "null", "[1,2]", '{"type":42}', '{"type":"presence-list"}', '{"type":"presence-list","members":7}'];
    socket.dispatchEvent(new MessageEvent("message", { data: [good("a"), ...hostile, good("b")].join("\x1e") }));
    assert.deepEqual(said, ["a", "b"]);
    assert.deepEqual(errors.map((e) => e instanceof LiveError && e.code), hostile.map(() => "malformed-frame"));
    assert.match(errors[0].message, /not json/);
    assert.equal(client.state, "open");
    client.close();
  });

  test("a frame without a member its type carries is a malformed-frame error and reaches no handler", async () => {
    const client = connect(host.url("hostile-members"), fast);
    await until(client, "open");
    const errors = [];
    client.onError((e) => errors.push(e));
    const seen = [];
    client.on("said", (data) => seen.push("said " + data.text));
    client.onTopic("news", (data, topic) => seen.push("news " + topic));
    client.onSubscribed((name) => seen.push("subscribed " + name));
    client.onNotRecovered((lost) => seen.push("lost " + lost.stream));
    client.onPresence((change) => seen.push("presence " + change.member));
    const socket = /** @type {any} */ (client).socket;
    const good = (text) => JSON.stringify({ type: "action", action: "said", data: { text, tags: [], by: "x" } });
    const hostile = [
      '{"type":"action","data":{"text":"no action"}}',
      '{"type":"topic","action":"news","data":{"room":"r","text":"no topic"}}',
      '{"type":"topic","topic":"news/r","data":{}}',
      '{"type":"subscribed"}',
      '{"type":"subscribed","name":7}',
      '{"type":"error","message":"no code"}',
      '{"type":"not-recovered","reason":"trimmed"}',
      '{"type":"presence","event":"join"}',
      '{"type":"update","data":{}}',
    ];
    socket.dispatchEvent(new MessageEvent("message", { data: [good("a"), ...hostile, good("b")].join("\x1e") }));
    assert.deepEqual(seen, ["said a", "said b"]);
    assert.deepEqual(errors.map((e) => e instanceof LiveError && e.code), hostile.map(() => "malformed-frame"));
    assert.equal(client.state, "open");
    client.close();
  });

  test("a page's handler that throws does not keep the other handlers or the next frames from running", async () => {
    const client = connect(host.url("throwing"), fast);
    await until(client, "open");
    const thrown = [];
    const saved = process.listeners("uncaughtException");
    process.removeAllListeners("uncaughtException");
    const listener = (/** @type {Error} */ e) => thrown.push(e.message);
    process.on("uncaughtException", listener);
    try {
      const seen = [];
      client.on("said", () => { throw new Error("page bug"); });
      const all = next("the repeats", (done) => client.on("said", (d) => { seen.push(d.text); if (seen.length === 3) done(); }));
      client.send("repeat", { text: "t", times: 3 });
      await all;
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(seen, ["t0", "t1", "t2"]);
      assert.deepEqual(thrown, ["page bug", "page bug", "page bug"], "each failure is reported, not swallowed");
    } finally {
      process.removeListener("uncaughtException", listener);
      for (const l of saved) process.on("uncaughtException", l);
    }
    client.close();
  });

  test("presence: track before the connection is open is sent with the hello, like subscribe", async () => {
    const client = connect(host.url("presence-early"), fast);
    const list = next("presence list", (done) => client.onPresenceList(done));
    client.track({ name: "Early", row: 2 });
    assert.deepEqual((await list).map((m) => m.data), [{ name: "Early", row: 2 }]);
    client.close();
  });

  test("a page that closes the client in its open handler: the hello sends nothing more, and there is no error", async () => {
    const client = connect(host.url("close-on-open"), fast);
    const errors = [];
    client.onError((e) => errors.push(e.code));
    client.track({ name: "Gone", row: null });
    client.subscribe("news/gone");
    client.onState((state) => state === "open" && client.close());
    await until(client, "closed");
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(errors, []);
    assert.equal(client.state, "closed");
  });

  test("a refused subscription is not presented again after a reconnect", async () => {
    const client = connect(host.url("topics-refused"), fast);
    await until(client, "open");
    const errors = [];
    client.onError((e) => errors.push(e.code + " " + e.topic));
    const refused = next("error", (done) => client.onError(done));
    client.subscribe("secret/x");
    await refused;
    const subscribed = next("subscribed", (done) => client.onSubscribed(done));
    client.subscribe("news/x");
    await subscribed;
    const again = next("subscribed again", (done) => client.onSubscribed(done));
    /** @type {any} */ (client).socket.close(4000, "test");
    assert.equal(await again, "news/x", "the allowed one is subscribed again");
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(errors, ["topic_forbidden secret/x"], "the refused one once only");
    client.close();
  });

  test("subscribe and track while the socket is closing throw nothing and are sent after the reconnect", async () => {
    const client = connect(host.url("topics-closing"), fast);
    await until(client, "open");
    const errors = [];
    client.onError((e) => errors.push(e.code));
    /** @type {any} */ (client).socket.close(4000, "test");   // CLOSING at once; the close event comes later
    const subscribed = next("subscribed after the reconnect", (done) => client.onSubscribed(done));
    const list = next("presence list after the reconnect", (done) => client.onPresenceList(done));
    client.subscribe("news/closing");
    client.track({ name: "Closing", row: null });
    assert.equal(await subscribed, "news/closing");
    assert.deepEqual((await list).map((m) => m.data), [{ name: "Closing", row: null }]);
    assert.deepEqual(errors, []);
    client.close();
  });

  test("presence metadata that does not decode is an invalid-presence error", async () => {
    const client = connect(host.url("presence-bad"), fast);
    await until(client, "open");
    const error = next("error", (done) => client.onError(done));
    client.track(/** @type {any} */ ({ row: "not a number" }));
    assert.equal((await error).code, "invalid-presence");
    client.close();
  });
});

describe("a restarted instance", () => {
  test("the client reconnects with backoff, and what the stream lost is signalled as not recovered", async () => {
    let host = await startHost();
    const client = connect(host.url("restart"), fast);
    const states = [];
    client.onState((s) => states.push(s));
    await until(client, "open");
    const said = next("said", (done) => client.on("said", done));
    client.send("say", { text: "before", tags: [] });
    await said;

    const port = host.port;
    await host.kill();
    await until(client, "reconnecting");
    // Same port, new process: its in-memory history is a new epoch, so the old position cannot be resumed.
    const lost = next("not-recovered", (done) => client.onNotRecovered(done), 60000);
    host = await startHost({ port });
    const notice = await lost;
    assert.equal(notice.stream, "group-action");
    assert.ok(["epoch_changed", "stream_missing"].includes(notice.reason), notice.reason);
    await until(client, "open");
    assert.ok(states.includes("reconnecting"));
    client.close();
    await host.stop();
  });
});

describe("an instance restarted without history", () => {
  test("the positions the page presented are signalled as not recovered (no_history) and not presented again", async () => {
    let host = await startHost();
    const urls = [];
    class Recording extends WebSocket {
      /** @param {string | URL} url @param {string | string[]} [protocols] */
      constructor(url, protocols) { super(url, protocols); urls.push(String(url)); }
    }
    const client = connect(host.url("nohistory"), { ...fast, WebSocket: Recording });
    try {
      await until(client, "open");
      const said = next("said", (done) => client.on("said", done));
      client.send("say", { text: "before", tags: [] });
      await said;
      assert.equal(typeof client.positions["group-action"], "string");

      const port = host.port;
      await host.kill();
      await until(client, "reconnecting");
      const lost = next("not-recovered", (done) => client.onNotRecovered(done), 60000);
      host = await startHost({ port, noHistory: true });
      assert.deepEqual(await lost, { stream: "group-action", reason: "no_history", pos: null });
      assert.equal(client.resumed, false);
      assert.deepEqual(client.positions, {});
      assert.ok(urls.at(-1).includes("resume="), "the reconnect presented the position");

      // A second reconnect to the same host presents nothing: the position is gone, and nothing is signalled again.
      const signalled = [];
      client.onNotRecovered((n) => signalled.push(n));
      await host.kill();
      await until(client, "reconnecting");
      host = await startHost({ port, noHistory: true });
      await until(client, "open", 60000);
      assert.ok(!urls.at(-1).includes("resume="), urls.at(-1));
      assert.deepEqual(signalled, []);
    } finally {
      client.close();
      await host.stop();
    }
  });
});

describe("history away when a page connects", () => {
  test("a page whose hello had no position for a stream (Redis away) reconnects once Redis is back", async () => {
    let redis = await startRedis();
    const redisPort = redis.port;
    let host = await startHost({ redis: redis.address });
    await redis.stop();
    const urls = [];
    class Recording extends WebSocket {
      /** @param {string | URL} url @param {string | string[]} [protocols] */
      constructor(url, protocols) { super(url, protocols); urls.push(String(url)); }
    }
    const client = connect(host.url("away"), { ...fast, WebSocket: Recording });
    try {
      await until(client, "open", 60000);
      assert.ok(Object.values(client.positions).every((p) => typeof p === "string"), JSON.stringify(client.positions));
      redis = await startRedis({ port: redisPort });
      const port = host.port;
      await host.kill();
      await until(client, "reconnecting");
      host = await startHost({ port, redis: redis.address });
      await until(client, "open", 60000);
      assert.ok(!urls.some((u) => decodeURIComponent(u).includes("null")), urls.join("\n"));
    } finally {
      client.close();
      await host.stop();
      await redis.stop();
    }
  });
});

describe("two instances over Redis", () => {
  let redis;
  let first;
  let second;
  before(async () => {
    redis = await startRedis();
    [first, second] = await Promise.all([startHost({ redis: redis.address }), startHost({ redis: redis.address })]);
  });
  after(async () => {
    await first?.stop();
    await second?.stop();
    await redis?.stop();
  });

  test("a client whose instance is killed resumes: it gets what was said meanwhile, in order, once", async () => {
    const alice = connect(first.url("resume"), fast);
    const bob = connect(second.url("resume"), fast);
    await Promise.all([until(alice, "open"), until(bob, "open")]);
    const seen = [];
    alice.on("said", (data) => seen.push(data.text));
    const errors = [];
    alice.onError((e) => errors.push(e.code));
    const firstSaid = next("first said", (done) => alice.on("said", done));
    bob.send("say", { text: "one", tags: [] });
    await firstSaid;

    const port = first.port;
    await first.kill();
    await until(alice, "reconnecting");
    for (const text of ["two", "three", "four"]) {
      const echoed = next("echo at bob", (done) => bob.on("said", (d) => d.text === text && done(d)));
      bob.send("say", { text, tags: [] });
      await echoed;
    }

    const last = next("replayed four", (done) => alice.on("said", (d) => d.text === "four" && done(d)), 60000);
    first = await startHost({ port, redis: redis.address });
    await last;
    assert.equal(alice.resumed, true);
    assert.deepEqual(seen, ["one", "two", "three", "four"]);
    // Redis epochs (HistoryScripts: NewEpochPrefix's 6 hex digits, then the server time in hex, microseconds in 5):
    // the client's position check accepts the real ones, in hello and in every stamped frame.
    assert.match(alice.positions["group-action"], /^[0-9a-f]{6}[0-9a-f]+[0-9a-f]{5}:\d+$/);
    assert.deepEqual(errors, []);
    alice.close();
    bob.close();
  });
});
