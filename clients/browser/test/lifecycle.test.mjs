// The client's lifecycle against the real test host process (tests/LiveTemplate.Typed.ClientHost): close() from
// handlers, the handler list, refused calls, hostile hello and position frames, and the backoff against a server that
// closes right after each hello. Node's own WebSocket (node --experimental-websocket) stands in for the browser's.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { LiveError, connect } from "../src/index.js";
import { eventually, next, sleep, startHost, tap, until } from "./host.mjs";

const fast = { minDelay: 100, maxDelay: 1000 };

describe("close, handlers and hostile frames", () => {
  let host;
  before(async () => { host = await startHost(); });
  after(async () => { await host?.stop(); });

  const said = (text) => JSON.stringify({ type: "action", action: "said", data: { text, tags: [], by: "x" } });
  const isCode = (code) => (/** @type {unknown} */ e) => e instanceof LiveError && e.code === code;

  test("close() from a reconnecting handler stops the retry: no new attempt is made", async () => {
    const { WebSocket, sockets } = tap();
    const client = connect(host.url("close-reconnecting"), { ...fast, WebSocket });
    await until(client, "open");
    const states = [];
    client.onState((state) => { states.push(state); if (state === "reconnecting") client.close(); });
    sockets[0].close(4000, "test");
    await until(client, "closed");
    await sleep(4 * fast.minDelay);
    assert.equal(sockets.length, 1, "no reconnect after close()");
    assert.deepEqual(states, ["reconnecting", "closed"]);
    assert.equal(client.state, "closed");
  });

  test("close() from a handler mid-batch: no later handler of the batch runs, nor of a message still queued", async () => {
    const { WebSocket, sockets } = tap();
    const client = connect(host.url("close-mid-batch"), { ...fast, WebSocket });
    await until(client, "open");
    const seen = [];
    client.on("said", (data) => { seen.push("first " + data.text); if (data.text === "m1") client.close(); });
    client.on("said", (data) => seen.push("second " + data.text));
    client.onError((e) => seen.push("error " + e.code));
    client.onNotRecovered((n) => seen.push("lost " + n.stream));
    client.send("repeat", { text: "m", times: 5 });   // five frames, one WebSocket message over livetemplate.batch
    await until(client, "closed");
    await sleep(200);
    // A message the socket still delivers after close() (queued before it) reaches no handler either.
    sockets[0].dispatchEvent(new MessageEvent("message", { data: [said("late"), "not json", '{"type":"not-recovered","stream":"group-action","reason":"trimmed"}'].join("\x1e") }));
    assert.deepEqual(seen, ["first m0", "second m0", "first m1"]);
  });

  test("close() twice emits exactly one closed state", async () => {
    const client = connect(host.url("close-twice"), fast);
    await until(client, "open");
    const states = [];
    client.onState((state) => states.push(state));
    client.close();
    client.close();
    await sleep(100);
    client.close();
    assert.deepEqual(states, ["closed"]);
  });

  test("the handler list is snapshotted at emit time: one added or removed during an emit does not change who gets it", async () => {
    const client = connect(host.url("snapshot"), fast);
    await until(client, "open");
    const seen = [];
    let removeThird = () => {};
    client.on("said", (data) => {
      seen.push("first " + data.text);
      if (data.text === "s0") {
        client.on("said", (d) => seen.push("added " + d.text));
        removeThird();
      }
    });
    removeThird = client.on("said", (data) => seen.push("third " + data.text));
    const both = next("s1", (done) => client.on("said", (data) => data.text === "s1" && done(data)));
    client.send("repeat", { text: "s", times: 2 });
    await both;
    assert.deepEqual(seen, ["first s0", "third s0", "first s1", "added s1"]);
    client.close();
  });

  test("the same handler registered twice runs twice, and each remover removes its own registration only", async () => {
    const client = connect(host.url("twice"), fast);
    await until(client, "open");
    const codes = [];
    const onError = (/** @type {LiveError} */ e) => codes.push(e.code);
    const removeFirst = client.onError(onError);
    client.onError(onError);
    const texts = [];
    const onSaid = (/** @type {{ text: string }} */ data) => texts.push(data.text);
    client.on("said", onSaid);
    client.on("said", onSaid);

    let error = next("error", (done) => client.onError(done));
    client.send("say", /** @type {any} */ ({ text: 42, tags: [] }));
    await error;
    assert.deepEqual(codes, ["invalid-data", "invalid-data"]);
    removeFirst();
    removeFirst();   // a second call removes nothing more
    error = next("error", (done) => client.onError(done));
    client.send("say", /** @type {any} */ ({ text: 43, tags: [] }));
    await error;
    assert.deepEqual(codes, ["invalid-data", "invalid-data", "invalid-data"]);

    const echoed = next("said", (done) => client.on("said", done));
    client.send("say", { text: "twice", tags: [] });
    await echoed;
    assert.deepEqual(texts, ["twice", "twice"]);
    client.close();
  });

  test("a position frame is checked against hello's streams and StreamPosition.TryParse; a bad one is malformed-frame and the resume state stays as it was", async () => {
    const { WebSocket, sockets } = tap();
    const client = connect(host.url("positions"), { ...fast, WebSocket });
    await until(client, "open");
    const errors = [];
    client.onError((e) => errors.push(e.code));
    const seen = [];
    client.on("said", (data) => seen.push(data.text));
    const hello = sockets[0].frames()[0];
    assert.deepEqual(Object.keys(hello.streams), ["group-action"], "the host keeps history of group actions only");
    // What this connection says comes back to it as a position frame (it has the action already): a real one.
    client.send("say", { text: "p", tags: [] });
    const real = await eventually("a position frame", () => sockets[0].frames().find((f) => f.type === "position"));
    assert.equal(real.stream, "group-action");
    assert.match(real.pos, /^[0-9a-f]{16}:\d+$/, "the in-memory epoch: 16 hex digits (InMemoryNetwork), then the offset");
    assert.equal(client.positions["group-action"], real.pos, "the host's own position frame is accepted");
    assert.deepEqual(errors, []);

    const [epoch, offset] = real.pos.split(":");
    const kept = { ...client.positions };
    const bad = [
      { ...real, stream: "global" },                            // a stream, but not one this hello announced
      { ...real, stream: "no-such-stream" },
      { ...real, stream: 7 },
      { type: "position", pos: real.pos },                      // no stream
      { ...real, pos: 42 },
      { ...real, pos: epoch },                                  // no offset
      { ...real, pos: epoch + ":" },
      { ...real, pos: ":" + offset },                           // no epoch
      { ...real, pos: epoch + ":-1" },
      { ...real, pos: epoch + ":+1" },
      { ...real, pos: epoch + ": 1" },
      { ...real, pos: epoch + ":1.0" },
      { ...real, pos: epoch + ":1e3" },
      { ...real, pos: epoch + ":18446744073709551616" },        // past ulong
      { ...real, pos: "e".repeat(65) + ":" + offset },          // epoch longer than 64
      { ...real, pos: epoch + "!:" + offset },                  // a character no epoch has
      { ...real, pos: epoch + ":x:" + offset },
      { ...real, pos: "é:" + offset },
      { ...real, pos: "NONE" },
      { type: "action", action: "said", data: { text: "bad pos", tags: [], by: "x" }, stream: "group-action", pos: epoch + ":-2" },
      { type: "not-recovered", stream: "user", reason: "trimmed", pos: null },
    ];
    sockets[0].dispatchEvent(new MessageEvent("message", { data: bad.map((f) => JSON.stringify(f)).join("\x1e") }));
    assert.deepEqual(errors, bad.map(() => "malformed-frame"));
    assert.deepEqual(client.positions, kept, "no bad frame moved a position");
    assert.deepEqual(seen, ["p"], "the action with a bad position reached no handler");

    // What StreamPosition.TryParse reads is accepted: any epoch of 1 to 64 of A-Z a-z 0-9 _ -, any ulong, "none", null.
    for (const pos of [epoch + ":18446744073709551615", "a".repeat(64) + ":0", "Az09_-:007", "none", null]) {
      sockets[0].dispatchEvent(new MessageEvent("message", { data: JSON.stringify({ ...real, pos }) }));
      assert.equal(client.positions["group-action"], pos ?? undefined, String(pos));
    }
    assert.equal(errors.length, bad.length);

    // The real position again, and the reconnect presents it: the host resumes from it.
    sockets[0].dispatchEvent(new MessageEvent("message", { data: JSON.stringify(real) }));
    sockets[0].close(4000, "test");
    await until(client, "reconnecting");
    await until(client, "open");
    const resume = JSON.parse(new URL(sockets[1].url).searchParams.get("resume") ?? "null");
    assert.deepEqual(resume?.streams, { "group-action": real.pos });
    assert.equal(client.resumed, true);
    assert.deepEqual(errors.length, bad.length);
    client.close();
  });

  test("update() before track() is refused with not-allowed where called, and nothing is sent", async () => {
    const { WebSocket, sockets } = tap();
    const client = connect(host.url("update-first"), { ...fast, WebSocket });
    const errors = [];
    client.onError((e) => errors.push(e.code));
    assert.throws(() => client.update({ name: "Early", row: null }), isCode("not-allowed"));
    await until(client, "open");
    assert.throws(() => client.update({ name: "Open", row: null }), isCode("not-allowed"));
    const list = next("presence list", (done) => client.onPresenceList(done));
    client.track({ name: "Tracked", row: 1 });
    await list;
    const updated = next("update", (done) => client.onPresence((c) => c.event === "update" && done(c)));
    client.update({ name: "Tracked", row: 2 });
    await updated;
    client.untrack();
    assert.throws(() => client.update({ name: "Gone", row: null }), isCode("not-allowed"));
    await sleep(100);
    assert.deepEqual(sockets[0].sent.map((s) => JSON.parse(s).presence), ["track", "update", "untrack"]);
    assert.deepEqual(errors, []);
    client.close();
  });

  test("subscribe to a topic that is not a string is refused where called (invalid-topic): nothing sent, nothing kept", async () => {
    const { WebSocket, sockets } = tap();
    const client = connect(host.url("topic-type"), { ...fast, WebSocket });
    const errors = [];
    client.onError((e) => errors.push(e.code));
    assert.throws(() => client.subscribe(/** @type {any} */ (42)), isCode("invalid-topic"));
    await until(client, "open");
    for (const name of [null, undefined, {}, ["news/x"], 7]) {
      assert.throws(() => client.subscribe(/** @type {any} */ (name)), isCode("invalid-topic"));
      assert.throws(() => client.unsubscribe(/** @type {any} */ (name)), isCode("invalid-topic"));
    }
    await sleep(100);
    assert.deepEqual(sockets[0].sent, []);
    sockets[0].close(4000, "test");
    await until(client, "reconnecting");
    await until(client, "open");
    await sleep(100);
    assert.deepEqual(sockets[1].sent, [], "nothing presented after the reconnect");
    assert.deepEqual(errors, []);
    client.close();
  });

  test("a malformed hello is a malformed-frame error: the socket is closed and the client retries with its backoff", async () => {
    // The host's real hellos, tampered with on the first three connections.
    const mangle = [
      (/** @type {string} */ t) => t.replace(/"connectionId":"[^"]*"/, '"connectionId":7'),
      (/** @type {string} */ t) => t.replace(/"streams":\{[^}]*\}/, '"streams":{"group-action":"not a position"}'),
      (/** @type {string} */ t) => t.replace(/"streams":\{[^}]*\}/, '"streams":["group-action"]'),
    ];
    const { WebSocket, sockets } = tap({ rewrite: (data, socket) => {
      const i = sockets.indexOf(socket);
      return i < mangle.length && socket.received.length === 1 ? mangle[i](data) : data;
    } });
    const client = connect(host.url("bad-hello"), { minDelay: 100, maxDelay: 1000, random: () => 1, WebSocket });
    const errors = [];
    client.onError((e) => errors.push(e.code));
    const states = [];
    const reconnectingAt = [];
    client.onState((state, detail) => { states.push(state); if (state === "reconnecting") reconnectingAt.push({ at: Date.now(), detail }); });
    await until(client, "open", 10000);
    assert.deepEqual(errors, ["malformed-frame", "malformed-frame", "malformed-frame"]);
    assert.deepEqual(states, ["reconnecting", "reconnecting", "reconnecting", "open"]);
    assert.equal(sockets.length, 4);
    for (const socket of sockets.slice(0, 3)) assert.ok(socket.readyState >= 2, "the client closed the socket of a malformed hello");
    assert.deepEqual(reconnectingAt.map((r) => r.detail), mangle.map(() => ({ code: 4002, reason: "malformed hello" })));
    const waits = reconnectingAt.map((r, i) => sockets[i + 1].at - r.at);
    [100, 200, 400].forEach((delay, i) => assert.ok(waits[i] >= delay - 5, `retry ${i} waited ${waits[i]} ms, not ${delay}`));
    assert.equal(typeof client.connectionId, "string");
    client.close();
  });

  test("a server that closes right after each hello: the backoff grows, a hello alone is not a healthy connection", async () => {
    const { WebSocket, sockets } = tap();
    const client = connect(host.slam("loop"), { minDelay: 100, maxDelay: 10000, random: () => 1, WebSocket });
    const opened = [];
    const reconnectingAt = [];
    client.onState((state, detail) => {
      if (state === "open") opened.push(Date.now());
      if (state === "reconnecting") reconnectingAt.push({ at: Date.now(), detail });
    });
    await eventually("five attempts", () => sockets.length >= 5, 15000);
    client.close();
    assert.ok(opened.length >= 4, "each attempt got its hello");
    assert.deepEqual(reconnectingAt[0].detail, { code: 1000, reason: "slammed" });
    const waits = reconnectingAt.slice(0, 4).map((r, i) => sockets[i + 1].at - r.at);
    [100, 200, 400, 800].forEach((delay, i) => assert.ok(waits[i] >= delay - 5, `retry ${i} waited ${waits[i]} ms, not ${delay}: ${waits}`));
  });

  test("a connection open for healthyAfter ms resets the backoff; one closed sooner does not", async () => {
    const { WebSocket, sockets } = tap();
    const client = connect(host.url("healthy"), { minDelay: 100, maxDelay: 10000, random: () => 1, healthyAfter: 500, WebSocket });
    const reconnectingAt = [];
    client.onState((state) => { if (state === "reconnecting") reconnectingAt.push(Date.now()); });
    await until(client, "open");
    sockets[0].close(4000, "test");                   // at once: attempt 0, 100 ms
    await until(client, "reconnecting");
    await until(client, "open");
    sockets[1].close(4000, "test");                   // at once again: attempt 1, 200 ms
    await until(client, "reconnecting");
    await until(client, "open");
    await sleep(700);                                  // healthy now
    sockets[2].close(4000, "test");                   // attempt 0 again, 100 ms
    await until(client, "reconnecting");
    await until(client, "open");
    const waits = reconnectingAt.map((at, i) => sockets[i + 1].at - at);
    assert.ok(waits[0] >= 95 && waits[0] < 190, `first ${waits}`);
    assert.ok(waits[1] >= 195, `second ${waits}`);
    assert.ok(waits[2] >= 95 && waits[2] < 190, `after a healthy connection ${waits}`);
    client.close();
  });
});
