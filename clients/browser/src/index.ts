// The typed browser client of LiveTemplate.Typed (docs/browser-client.md): one WebSocket to a MapLiveTemplate
// endpoint, typed by the declarations `dotnet build` generates from the C# actions (live-actions.d.ts).
// No runtime dependency; the frames are those of docs/aspnetcore.md#frame-protocol.

/** The shape of the generated `LiveApp`: what a browser may send, what the server sends, the presence metadata. */
export interface AppShape {
  browser: object;
  server: object;
  presence: unknown;
}

/** `connecting` (first attempt), `open` (hello received), `reconnecting` (waiting to retry), `closed` (for good). */
export type ConnectionState = "connecting" | "open" | "reconnecting" | "closed";

/** An error frame from the server, or a send refused by the client, as a typed error. */
export class LiveError extends Error {
  constructor(readonly code: string, message: string, readonly action?: string, readonly topic?: string) {
    super(message);
    this.name = "LiveError";
  }
}

/** Messages of a stream are lost for good (docs/recovery.md): the page should load its state again. */
export interface NotRecovered {
  stream: string;
  reason: string;
  /** Where the stream is complete again; null when it has no message yet. */
  pos: string | null;
}

/** A member of the connection's group, as presence-list and presence frames carry it. */
export interface Member<P> {
  member: string;
  userId: string | null;
  connections: number;
  since: string;
  data: P;
}

/** A presence change: join, update or leave of one member. */
export interface PresenceChange<P> {
  event: "join" | "update" | "leave";
  member: string;
  userId: string | null;
  connectionId: string;
  since: string;
  data: P;
}

export interface ClientOptions {
  /** First reconnect delay, ms (default 500); doubles per failed attempt up to maxDelay. */
  minDelay?: number;
  /** Largest reconnect delay, ms (default 10000). */
  maxDelay?: number;
  /** A WebSocket constructor (default: the global one). */
  WebSocket?: typeof WebSocket;
  /** Random source in [0, 1) for the jitter (default Math.random). */
  random?: () => number;
}

type Handler<T> = (value: T) => void;
type Frame = { type: string; [member: string]: any };

// Close codes after which a retry would fail again at once (docs/aspnetcore.md: 1008 policy, 1009 too large).
const FINAL_CLOSES = [1008, 1009];

/** The reconnect delay of attempt `n` (0-based): capped exponential backoff with full jitter over its upper half. */
export function backoff(attempt: number, minDelay: number, maxDelay: number, random: () => number): number {
  const cap = Math.min(maxDelay, minDelay * 2 ** Math.min(attempt, 30));
  return Math.round(cap / 2 + (cap / 2) * random());
}

/**
 * One live connection. Frames are delivered to the handlers registered with `on`, `onUpdate`, `onBroadcast`,
 * `onError`, `onState`, `onNotRecovered` and the presence handlers; each returns a function that removes it.
 */
export class LiveClient<A extends AppShape> {
  state: ConnectionState = "connecting";
  connectionId: string | null = null;
  userId: string | null = null;
  /** True when the last hello said the server replayed what this page missed. */
  resumed = false;
  /** The last position of every stream with history ("epoch:offset"), presented on reconnect. */
  readonly positions: Record<string, string> = {};
  /** The group's members, by member key, once presence was tracked or listed. */
  readonly members = new Map<string, Member<A["presence"]>>();

  private socket: WebSocket | null = null;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private presence: { track?: A["presence"]; list?: boolean } = {};
  private readonly topics = new Set<string>();
  private readonly handlers = new Map<string, Set<Handler<any>>>();
  private readonly options: Required<ClientOptions>;

  constructor(private readonly url: string, options: ClientOptions = {}) {
    this.options = {
      minDelay: options.minDelay ?? 500,
      maxDelay: options.maxDelay ?? 10000,
      WebSocket: options.WebSocket ?? WebSocket,
      random: options.random ?? Math.random,
    };
    this.open();
  }

  /** Sends a typed action the endpoint allows from a browser; throws a `LiveError` ("not-connected") when not open. */
  send<K extends keyof A["browser"] & string>(action: K, data: A["browser"][K]): void {
    this.write({ action, data });
  }

  /** Handles one typed action the server sends. */
  on<K extends keyof A["server"] & string>(action: K, handler: (data: A["server"][K], frame: { stream?: string; pos?: string }) => void) {
    return this.add("action:" + action, (frame: Frame) => handler(frame.data, { stream: frame.stream, pos: frame.pos }));
  }

  /** Handles `update` frames of one name (state the app sends, for example on connect). */
  onUpdate(name: string, handler: Handler<unknown>) {
    return this.add("update:" + name, (frame: Frame) => handler(frame.data));
  }

  onBroadcast(handler: (data: unknown, scope: "global" | "group" | "user") => void) {
    return this.add("broadcast", (frame: Frame) => handler(frame.data, frame.scope));
  }

  onError(handler: Handler<LiveError>) {
    return this.add("error", handler);
  }

  /** The connection state as it changes, with the close code and reason when a socket closed. */
  onState(handler: (state: ConnectionState, detail?: { code: number; reason: string }) => void) {
    return this.add("state", (e: any) => handler(e.state, e.detail));
  }

  onNotRecovered(handler: Handler<NotRecovered>) {
    return this.add("not-recovered", handler);
  }

  /** Every member of the group, each time a presence-list arrives (after track or list, and after each reconnect). */
  onPresenceList(handler: Handler<Member<A["presence"]>[]>) {
    return this.add("presence-list", handler);
  }

  onPresence(handler: Handler<PresenceChange<A["presence"]>>) {
    return this.add("presence", handler);
  }

  /**
   * Follows a topic (`board/7/activity`) or a pattern (`board/*\/activity`) the endpoint's topic policy allows
   * (docs/topics.md#from-the-browser); kept across reconnects, so it may be called before the connection is open.
   * The server answers with `subscribed` (see `onSubscribed`) or an error naming the topic: `topic_forbidden`,
   * `invalid-topic`, `too-many-topics`.
   */
  subscribe(name: string): void {
    this.topics.add(name);
    if (this.state === "open") this.write({ topic: "subscribe", name });
  }

  /** Stops following a topic or pattern. */
  unsubscribe(name: string): void {
    this.topics.delete(name);
    if (this.state === "open") this.write({ topic: "unsubscribe", name });
  }

  /** The server's confirmation of a subscription (once it holds on every instance's Redis). */
  onSubscribed(handler: Handler<string>) {
    return this.add("subscribed", (frame: Frame) => handler(frame.name));
  }

  /** Handles one typed topic action, from any topic this page follows; the handler gets the topic it came on. */
  onTopic<K extends keyof A["server"] & string>(action: K, handler: (data: A["server"][K], topic: string) => void) {
    return this.add("topic:" + action, (frame: Frame) => handler(frame.data, frame.topic));
  }

  /** Tracks this connection with its metadata (again after every reconnect) and starts the presence events. */
  track(metadata: A["presence"]): void {
    this.presence.track = metadata;
    this.write({ presence: "track", data: metadata });
  }

  /** Replaces this connection's metadata. */
  update(metadata: A["presence"]): void {
    this.presence.track = metadata;
    this.write({ presence: "update", data: metadata });
  }

  untrack(): void {
    delete this.presence.track;
    this.write({ presence: "untrack" });
  }

  /** Asks for the group's members (and from then on its events, again after every reconnect). */
  list(): void {
    this.presence.list = true;
    this.write({ presence: "list" });
  }

  /** Closes the connection for good. */
  close(): void {
    clearTimeout(this.timer);
    const socket = this.socket;
    this.socket = null;
    this.setState("closed");
    socket?.close(1000);
  }

  private open(): void {
    const resume = Object.keys(this.positions).length > 0 && this.connectionId
      ? (this.url.includes("?") ? "&" : "?") + "resume=" + encodeURIComponent(JSON.stringify({ connectionId: this.connectionId, streams: this.positions }))
      : "";
    const socket = new this.options.WebSocket(this.url + resume);
    this.socket = socket;
    socket.onmessage = (event) => this.receive(JSON.parse(String(event.data)));
    socket.onclose = (event) => this.closed(socket, event.code, event.reason);
    // A connection that fails before it opens: browsers follow the error with a close, some runtimes (Node 20's
    // WebSocket) do not; the second of the two is ignored.
    socket.onerror = () => this.closed(socket, 1006, "");
  }

  private closed(socket: WebSocket, code: number, reason: string): void {
    if (this.socket !== socket) {
      return;
    }

    this.socket = null;
    if (FINAL_CLOSES.includes(code)) {
      this.setState("closed", { code, reason });
      return;
    }

    this.setState("reconnecting", { code, reason });
    this.timer = setTimeout(() => this.open(), backoff(this.attempt++, this.options.minDelay, this.options.maxDelay, this.options.random));
  }

  private receive(frame: Frame): void {
    if (typeof frame.stream === "string") {
      if (typeof frame.pos === "string") this.positions[frame.stream] = frame.pos;
      else delete this.positions[frame.stream];
    }

    switch (frame.type) {
      case "hello":
        this.connectionId = frame.connectionId;
        this.userId = frame.userId ?? null;
        this.resumed = frame.resumed === true;
        Object.assign(this.positions, frame.streams);
        this.attempt = 0;
        this.setState("open");
        if (this.presence.track !== undefined) this.write({ presence: "track", data: this.presence.track });
        else if (this.presence.list) this.write({ presence: "list" });
        for (const name of this.topics) this.write({ topic: "subscribe", name });
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
        return this.emit("error", new LiveError(frame.code, frame.message, frame.action, frame.topic));
      case "not-recovered":
        return this.emit("not-recovered", { stream: frame.stream, reason: frame.reason, pos: frame.pos });
      case "presence-list":
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

  private write(frame: object): void {
    if (this.socket?.readyState !== 1 || this.state !== "open") {
      throw new LiveError("not-connected", "Not connected: the client is " + this.state + ".");
    }

    this.socket.send(JSON.stringify(frame));
  }

  private setState(state: ConnectionState, detail?: { code: number; reason: string }): void {
    this.state = state;
    this.emit("state", { state, detail });
  }

  private add(key: string, handler: Handler<any>): () => void {
    let set = this.handlers.get(key);
    if (!set) this.handlers.set(key, (set = new Set()));
    set.add(handler);
    return () => set.delete(handler);
  }

  private emit(key: string, value: unknown): void {
    for (const handler of this.handlers.get(key) ?? []) handler(value);
  }
}

/** Opens a live connection to a MapLiveTemplate endpoint (`ws://` or `wss://` URL, or a path on this page's host). */
export function connect<A extends AppShape>(url: string, options?: ClientOptions): LiveClient<A> {
  if (url.startsWith("/") && typeof location !== "undefined") {
    url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + url;
  }

  return new LiveClient<A>(url, options);
}
