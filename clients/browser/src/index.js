// The typed browser client of LiveTemplate.Typed (docs/browser-client.md): one WebSocket to a MapLiveTemplate
// endpoint, typed by the declarations `dotnet build` generates from the C# actions (live-actions.d.ts).
// No runtime dependency; the frames are those of docs/aspnetcore.md#frame-protocol. Plain JavaScript with JSDoc types,
// checked by `tsc --strict` (which also emits dist/index.d.ts): the host serves this very file at
// /_livetemplate/client.js (app.MapLiveTemplateClient()), so it must stay one self-contained ES module.

/**
 * The shape of the generated `LiveApp`: what a browser may send, what the server sends, the presence metadata, and,
 * when the declarations have it, `updates` (update name to data type), which types `onUpdate`.
 * @typedef {{ browser: object, server: object, presence: unknown }} AppShape
 */

/**
 * The `update` frames of an app: its `updates` member, or any name with `unknown` data when it has none.
 * @template {AppShape} A
 * @typedef {A extends { updates: infer U extends object } ? U : Record<string, unknown>} UpdatesOf
 */

/**
 * `connecting` (first attempt), `open` (hello received), `reconnecting` (waiting to retry), `closed` (for good).
 * @typedef {"connecting" | "open" | "reconnecting" | "closed"} ConnectionState
 */

/**
 * Messages of a stream are lost for good (docs/recovery.md): the page should load its state again.
 * @typedef {object} NotRecovered
 * @property {string} stream
 * @property {string} reason The server's (docs/recovery.md), or `no_history` when the server reached keeps none.
 * @property {string | null} pos Where the stream is complete again; null when it has no message yet.
 */

/**
 * A member of the connection's group, as presence-list and presence frames carry it.
 * @template P
 * @typedef {{ member: string, userId: string | null, connections: number, since: string, data: P }} Member
 */

/**
 * A presence change: join, update or leave of one member.
 * @template P
 * @typedef {{ event: "join" | "update" | "leave", member: string, userId: string | null, connectionId: string, since: string, data: P }} PresenceChange
 */

/**
 * @typedef {object} ClientOptions
 * @property {number} [minDelay] First reconnect delay, ms (default 500); doubles per failed attempt up to maxDelay.
 * @property {number} [maxDelay] Largest reconnect delay, ms (default 10000).
 * @property {typeof WebSocket} [WebSocket] A WebSocket constructor (default: the global one).
 * @property {() => number} [random] Random source in [0, 1) for the jitter (default Math.random).
 * @property {number} [healthyAfter] How long, ms, a connection must stay open after its hello to reset the backoff
 *   (default 5000): a server that sends its hello and closes at once is retried ever more slowly.
 */

/** The close code and reason `onState` reports with `reconnecting` and `closed`. @typedef {{ code: number, reason: string }} CloseDetail */
/** Where an action frame sits in its stream (recovery.md), when the stream has history. @typedef {{ stream?: string, pos?: string }} FramePosition */
/** A handler of one kind of event. @template T @typedef {(value: T) => void} Handler */
/** A frame as the socket delivers it (docs/aspnetcore.md#frame-protocol), before the client types it. @typedef {{ type: string, [member: string]: any }} Frame */

// Close codes after which a retry would fail again at once (docs/aspnetcore.md: 1008 policy, 1009 too large).
const FINAL_CLOSES = [1008, 1009];

// StreamPosition.TryParse's text (src/LiveTemplate.Typed/PubSub/StreamPosition.cs): "none", or an epoch of 1 to 64
// characters from A-Z a-z 0-9 _ -, a colon and an offset that is a ulong in plain digits.
const POSITION = /^[\w-]{1,64}:(\d+)$/;

/** @param {unknown} pos */
const isPosition = (pos) => {
  const offset = typeof pos === "string" && POSITION.exec(pos)?.[1];
  return pos === "none" || (!!offset && BigInt(offset) < 2n ** 64n);
};

// The string members each frame type carries (docs/aspnetcore.md#frame-protocol): a frame without one is malformed.
/** @type {Record<string, string[]>} */
const REQUIRED = {
  hello: ["connectionId"],
  action: ["action"],
  update: ["name"],
  topic: ["topic", "action"],
  subscribed: ["name"],
  unsubscribed: ["name"],
  error: ["code", "message"],
  "not-recovered": ["stream", "reason"],
  position: ["stream"],
  presence: ["event", "member"],
};

/** An error frame from the server, or a send refused by the client, as a typed error. */
export class LiveError extends Error {
  /** @readonly @type {string} */
  code;
  /** @readonly @type {string | undefined} */
  action;
  /** @readonly @type {string | undefined} */
  topic;

  /**
   * @param {string} code
   * @param {string} message
   * @param {string} [action]
   * @param {string} [topic]
   */
  constructor(code, message, action, topic) {
    super(message);
    this.code = code;
    this.action = action;
    this.topic = topic;
    this.name = "LiveError";
  }
}

/**
 * The reconnect delay of attempt `n` (0-based): capped exponential backoff with full jitter over its upper half.
 * @param {number} attempt
 * @param {number} minDelay
 * @param {number} maxDelay
 * @param {() => number} random
 */
export function backoff(attempt, minDelay, maxDelay, random) {
  const cap = Math.min(maxDelay, minDelay * 2 ** Math.min(attempt, 30));
  return Math.round(cap / 2 + (cap / 2) * random());
}

/**
 * One live connection. Frames are delivered to the handlers registered with `on`, `onUpdate`, `onBroadcast`,
 * `onError`, `onState`, `onNotRecovered` and the presence handlers; each returns a function that removes it.
 * @template {AppShape} A
 */
export class LiveClient {
  /** @type {ConnectionState} */
  state = "connecting";
  /** @type {string | null} */
  connectionId = null;
  /** @type {string | null} */
  userId = null;
  /** True when the last hello said the server replayed what this page missed. */
  resumed = false;
  /** The last position of every stream with history ("epoch:offset"), presented on reconnect. @readonly @type {Record<string, string>} */
  positions = {};
  /** The group's members, by member key, once presence was tracked or listed. @readonly @type {Map<string, Member<A["presence"]>>} */
  members = new Map();

  /** @private @type {WebSocket | null} */
  socket = null;
  /** @private */
  attempt = 0;
  /** @private When the current connection's hello arrived (0: none yet). */
  openedAt = 0;
  /** @private @type {Set<string>} The streams the last hello announced: a frame naming another is malformed. */
  streams = new Set();
  /** @private @type {ReturnType<typeof setTimeout> | undefined} */
  timer = undefined;
  /** @private @type {{ track?: A["presence"], list?: boolean }} */
  presence = {};
  /** @private @readonly @type {Set<string>} */
  topics = new Set();
  /** @private @readonly @type {Map<string, Set<Handler<any>>>} */
  handlers = new Map();
  /** @private @readonly @type {string} */
  url;
  /** @private @readonly @type {Required<ClientOptions>} */
  options;

  /**
   * @param {string} url
   * @param {ClientOptions} [options]
   */
  constructor(url, options = {}) {
    this.url = url;
    this.options = {
      minDelay: options.minDelay ?? 500,
      maxDelay: options.maxDelay ?? 10000,
      WebSocket: options.WebSocket ?? WebSocket,
      random: options.random ?? Math.random,
      healthyAfter: options.healthyAfter ?? 5000,
    };
    this.open();
  }

  /**
   * Sends a typed action the endpoint allows from a browser; throws a `LiveError` ("not-connected") when not open.
   * @template {keyof A["browser"] & string} K
   * @param {K} action
   * @param {A["browser"][K]} data
   */
  send(action, data) {
    this.write({ action, data });
  }

  /**
   * Handles one typed action the server sends.
   * @template {keyof A["server"] & string} K
   * @param {K} action
   * @param {(data: A["server"][K], frame: FramePosition) => void} handler
   */
  on(action, handler) {
    return this.add("action:" + action, (/** @type {Frame} */ frame) => handler(frame.data, { stream: frame.stream, pos: frame.pos }));
  }

  /**
   * Handles `update` frames of one name (state the app sends, for example on connect), typed by the app's `updates`
   * when its declarations have them; any name with `unknown` data otherwise.
   * @template {keyof UpdatesOf<A> & string} K
   * @param {K} name
   * @param {Handler<UpdatesOf<A>[K]>} handler
   */
  onUpdate(name, handler) {
    return this.add("update:" + name, (/** @type {Frame} */ frame) => handler(frame.data));
  }

  /**
   * @param {(data: unknown, scope: "global" | "group" | "user") => void} handler
   */
  onBroadcast(handler) {
    return this.add("broadcast", (/** @type {Frame} */ frame) => handler(frame.data, frame.scope));
  }

  /**
   * @param {Handler<LiveError>} handler
   */
  onError(handler) {
    return this.add("error", handler);
  }

  /**
   * The connection state as it changes, with the close code and reason when a socket closed.
   * @param {(state: ConnectionState, detail?: CloseDetail) => void} handler
   */
  onState(handler) {
    return this.add("state", (/** @type {{ state: ConnectionState, detail?: CloseDetail }} */ e) => handler(e.state, e.detail));
  }

  /**
   * @param {Handler<NotRecovered>} handler
   */
  onNotRecovered(handler) {
    return this.add("not-recovered", handler);
  }

  /**
   * Every member of the group, each time a presence-list arrives (after track or list, and after each reconnect).
   * @param {Handler<Member<A["presence"]>[]>} handler
   */
  onPresenceList(handler) {
    return this.add("presence-list", handler);
  }

  /**
   * @param {Handler<PresenceChange<A["presence"]>>} handler
   */
  onPresence(handler) {
    return this.add("presence", handler);
  }

  /**
   * Follows a topic (`board/7/activity`) or a pattern (`board/*\/activity`) the endpoint's topic policy allows
   * (docs/topics.md#from-the-browser); kept across reconnects, so it may be called before the connection is open.
   * The server answers with `subscribed` (see `onSubscribed`) or an error naming the topic: `topic_forbidden`,
   * `invalid-topic`, `too-many-topics`.
   * @param {string} name
   */
  subscribe(name) {
    topic(name);
    this.topics.add(name);
    this.writeIfOpen({ topic: "subscribe", name });
  }

  /**
   * Stops following a topic or pattern.
   * @param {string} name
   */
  unsubscribe(name) {
    topic(name);
    this.topics.delete(name);
    this.writeIfOpen({ topic: "unsubscribe", name });
  }

  /**
   * The server's confirmation of a subscription (once it holds on every instance's Redis).
   * @param {Handler<string>} handler
   */
  onSubscribed(handler) {
    return this.add("subscribed", (/** @type {Frame} */ frame) => handler(frame.name));
  }

  /**
   * Handles one typed topic action, from any topic this page follows; the handler gets the topic it came on.
   * @template {keyof A["server"] & string} K
   * @param {K} action
   * @param {(data: A["server"][K], topic: string) => void} handler
   */
  onTopic(action, handler) {
    return this.add("topic:" + action, (/** @type {Frame} */ frame) => handler(frame.data, frame.topic));
  }

  /**
   * Tracks this connection with its metadata (again after every reconnect) and starts the presence events. Like
   * `subscribe`, it may be called before the connection is open: the client sends it once the hello arrives.
   * @param {A["presence"]} metadata
   */
  track(metadata) {
    this.presence.track = metadata;
    this.writeIfOpen({ presence: "track", data: metadata });
  }

  /**
   * Replaces this connection's metadata (before the connection is open: the metadata the hello tracks); throws a
   * `LiveError` ("not-allowed") and sends nothing when the connection is not tracked (no `track`, or after `untrack`).
   * @param {A["presence"]} metadata
   */
  update(metadata) {
    if (this.presence.track === undefined) throw new LiveError("not-allowed", "update() needs track() first: this connection is not tracked.");
    this.presence.track = metadata;
    this.writeIfOpen({ presence: "update", data: metadata });
  }

  /** Stops tracking this connection; the others see it leave. */
  untrack() {
    delete this.presence.track;
    this.writeIfOpen({ presence: "untrack" });
  }

  /**
   * Asks for the group's members (and from then on its events, again after every reconnect).
   */
  list() {
    this.presence.list = true;
    this.writeIfOpen({ presence: "list" });
  }

  /**
   * Closes the connection for good: no handler runs after it but those of the one `closed` state (a second call does
   * nothing), and no retry follows, even when called from a handler.
   */
  close() {
    if (this.state === "closed") return;
    clearTimeout(this.timer);
    const socket = this.socket;
    this.socket = null;
    this.setState("closed");
    socket?.close(1000);
  }

  /** @private */
  open() {
    const resume = Object.keys(this.positions).length > 0 && this.connectionId
      ? (this.url.includes("?") ? "&" : "?") + "resume=" + encodeURIComponent(JSON.stringify({ connectionId: this.connectionId, streams: this.positions }))
      : "";
    // Offering the batch subprotocol lets the server send the frames it has ready as one message, each ended by
    // 0x1E (a byte no JSON text holds unescaped); a server that does not know it sends one frame per message.
    const socket = new this.options.WebSocket(this.url + resume, "livetemplate.batch");
    this.socket = socket;
    socket.onmessage = (event) => {
      for (const text of String(event.data).split("\x1e")) {
        // A handler may have closed the client (or a malformed hello this socket): the rest of the message is dropped.
        if (this.socket !== socket) return;
        if (text) this.receiveText(text, socket);
      }
    };
    socket.onclose = (event) => this.closed(socket, event.code, event.reason);
    // A connection that fails before it opens: browsers follow the error with a close, some runtimes (Node 20's
    // WebSocket) do not; the second of the two is ignored.
    socket.onerror = () => this.closed(socket, 1006, "");
  }

  /**
   * @private
   * @param {WebSocket} socket
   * @param {number} code
   * @param {string} reason
   */
  closed(socket, code, reason) {
    if (this.socket !== socket) {
      return;
    }

    this.socket = null;
    // Only a connection that stayed open healthyAfter ms after its hello resets the backoff.
    if (this.openedAt && Date.now() - this.openedAt >= this.options.healthyAfter) this.attempt = 0;
    this.openedAt = 0;
    if (FINAL_CLOSES.includes(code)) {
      this.setState("closed", { code, reason });
      return;
    }

    this.setState("reconnecting", { code, reason });
    // A reconnecting handler may have closed the client: then no retry.
    if (this.state !== "reconnecting") return;
    this.timer = setTimeout(() => this.open(), backoff(this.attempt++, this.options.minDelay, this.options.maxDelay, this.options.random));
  }

  /**
   * One frame's text: a frame that is not a JSON object with a string `type`, or whose members are not what its type
   * carries, or that names a stream the hello did not announce or a position StreamPosition.TryParse would refuse, is
   * skipped and reported as a `malformed-frame` LiveError; the frames after it are handled. A malformed hello also
   * closes its socket (4002), and the client retries with its backoff.
   * @private
   * @param {string} text
   * @param {WebSocket} socket
   */
  receiveText(text, socket) {
    /** @type {any} */
    let frame;
    try {
      frame = JSON.parse(text);
      if (typeof frame?.type !== "string") throw new TypeError("no type");
      for (const member of REQUIRED[frame.type] ?? []) {
        if (typeof frame[member] !== "string") throw new TypeError("no " + member);
      }
      if (frame.type === "hello") {
        const streams = frame.streams ?? {};
        if (typeof streams !== "object" || Array.isArray(streams) || (frame.userId != null && typeof frame.userId !== "string")
          || !Object.values(streams).every((pos) => pos === null || isPosition(pos))) throw new TypeError("bad hello");
      } else if (frame.stream !== undefined && (!this.streams.has(frame.stream) || (frame.pos != null && !isPosition(frame.pos)))) {
        throw new TypeError("bad position");
      }
      this.receive(frame);
    } catch {
      this.emit("error", new LiveError("malformed-frame", "The server sent a frame the client cannot read: " + text.slice(0, 200)));
      if (frame?.type === "hello" && this.socket === socket) {
        socket.close(4002, "malformed hello");
        this.closed(socket, 4002, "malformed hello");
      }
    }
  }

  /**
   * @private
   * @param {Frame} frame
   */
  receive(frame) {
    if (typeof frame.stream === "string") {
      if (typeof frame.pos === "string") this.positions[frame.stream] = frame.pos;
      else delete this.positions[frame.stream];
    }

    switch (frame.type) {
      case "hello":
        this.connectionId = frame.connectionId;
        this.userId = frame.userId ?? null;
        this.resumed = frame.resumed === true;
        // Positions presented to a server that keeps no history (resumed false): what was missed is lost.
        const unresumed = this.resumed ? [] : Object.keys(this.positions);
        // hello lists the streams this connection has; a stream whose history could not be read has no position (null).
        const streams = frame.streams ?? {};
        this.streams = new Set(Object.keys(streams));
        for (const stream of Object.keys(this.positions)) {
          if (!(stream in streams)) delete this.positions[stream];
        }
        for (const [stream, pos] of Object.entries(streams)) {
          if (typeof pos === "string") this.positions[stream] = pos;
          else delete this.positions[stream];
        }
        this.openedAt = Date.now();
        this.setState("open");
        for (const stream of unresumed) this.emit("not-recovered", { stream, reason: "no_history", pos: null });
        // An onState handler may have closed the client: then nothing is sent.
        if (this.presence.track !== undefined) this.writeIfOpen({ presence: "track", data: this.presence.track });
        else if (this.presence.list) this.writeIfOpen({ presence: "list" });
        for (const name of this.topics) this.writeIfOpen({ topic: "subscribe", name });
        return;
      case "action":
        return this.emit("action:" + frame.action, frame);
      case "update":
        return this.emit("update:" + frame.name, frame);
      case "broadcast":
        return this.emit("broadcast", frame);
      case "topic":
        return this.emit("topic:" + frame.action, frame);
      case "subscribed":
        return this.emit("subscribed", frame);
      case "error":
        // A refused subscription is not held: it is not presented again after a reconnect.
        if (typeof frame.topic === "string") this.topics.delete(frame.topic);
        return this.emit("error", new LiveError(frame.code, frame.message, frame.action, frame.topic));
      case "not-recovered":
        return this.emit("not-recovered", { stream: frame.stream, reason: frame.reason, pos: frame.pos });
      case "presence-list":
        if (!Array.isArray(frame.members)) throw new TypeError("no members");
        this.members.clear();
        for (const member of frame.members) this.members.set(member.member, member);
        return this.emit("presence-list", [...this.members.values()]);
      case "presence": {
        const { type, scope, ...change } = frame;
        const known = this.members.get(frame.member);
        if (frame.event === "leave") this.members.delete(frame.member);
        else this.members.set(frame.member, { member: frame.member, userId: frame.userId, connections: known?.connections ?? 1, since: frame.since, data: frame.data });
        return this.emit("presence", change);
      }
    }
  }

  /**
   * @private
   * @param {object} frame
   */
  write(frame) {
    if (this.socket?.readyState !== 1 || this.state !== "open") {
      throw new LiveError("not-connected", "Not connected: the client is " + this.state + ".");
    }

    this.socket.send(JSON.stringify(frame));
  }

  /**
   * Writes a frame now when the connection is open; otherwise (a socket already closing included) the hello's resend
   * (presence, topics) carries it.
   * @private
   * @param {object} frame
   */
  writeIfOpen(frame) {
    if (this.state === "open" && this.socket?.readyState === 1) this.write(frame);
  }

  /**
   * @private
   * @param {ConnectionState} state
   * @param {CloseDetail} [detail]
   */
  setState(state, detail) {
    this.state = state;
    this.emit("state", { state, detail }, state === "closed");
  }

  /**
   * @private
   * @param {string} key
   * @param {Handler<any>} handler
   * @returns {() => void}
   */
  add(key, handler) {
    let set = this.handlers.get(key);
    if (!set) this.handlers.set(key, (set = new Set()));
    // One entry per registration: the same function registered twice runs twice, and each remover removes its own.
    /** @type {Handler<any>} */
    const entry = (value) => handler(value);
    set.add(entry);
    return () => set.delete(entry);
  }

  /**
   * @private
   * @param {string} key
   * @param {unknown} value
   * @param {boolean} [closing] The `closed` state itself: every handler gets it.
   */
  emit(key, value, closing = false) {
    // A page's handler that throws is reported (as an uncaught error, asynchronously) and the others still run. The
    // handlers are those registered when the emit starts; once the client is closed, no more of them run.
    for (const handler of [...(this.handlers.get(key) ?? [])]) {
      if (this.state === "closed" && !closing) return;
      try {
        handler(value);
      } catch (error) {
        setTimeout(() => { throw error; });
      }
    }
  }
}

/**
 * Refuses a topic that is not a string where it is given: a `LiveError` ("invalid-topic").
 * @param {unknown} name
 */
function topic(name) {
  if (typeof name !== "string") throw new LiveError("invalid-topic", "A topic is a string, not " + typeof name + ".", undefined, String(name));
}

/**
 * Opens a live connection to a MapLiveTemplate endpoint (`ws://` or `wss://` URL, or a path on this page's host).
 * @template {AppShape} A
 * @param {string} url
 * @param {ClientOptions} [options]
 * @returns {LiveClient<A>}
 */
export function connect(url, options) {
  if (url.startsWith("/") && typeof location !== "undefined") {
    url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + url;
  }

  return new LiveClient(url, options);
}
