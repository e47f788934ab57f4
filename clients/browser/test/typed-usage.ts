// Compiled (not run) by `npm run check:declarations`: the client typed by the test host's generated declarations
// (tests/LiveTemplate.Typed.ClientHost/wwwroot/live-actions.d.ts) accepts what the C# actions accept and refuses,
// at compile time, a misspelt action, a missing or misspelt member, a wrong type and an action only the server sends.
import { connect } from "../src/index.js";
import type { LiveApp, ServerFrame } from "../../../tests/LiveTemplate.Typed.ClientHost/wwwroot/live-actions.js";

const live = connect<LiveApp>("ws://127.0.0.1:1/live/room");
live.send("say", { text: "hello", tags: ["a"] });
live.on("said", (data) => data.by.toUpperCase() + data.tags.join());
live.track({ name: "Alice", row: null });

// @ts-expect-error: no action "sya"
live.send("sya", { text: "hello", tags: [] });
// @ts-expect-error: "tags" is missing
live.send("say", { text: "hello" });
// @ts-expect-error: "txt" is no member of Say
live.send("say", { txt: "hello", tags: [] });
// @ts-expect-error: "text" is a string
live.send("say", { text: 1, tags: [] });
// @ts-expect-error: "said" is not allowed from the browser
live.send("said", { text: "x", tags: [], by: "me" });
// @ts-expect-error: Said has no "author"
live.on("said", (data) => data.author);
// @ts-expect-error: "row" is a number or null
live.track({ name: "Alice", row: "front" });

export function describe(frame: ServerFrame): string {
  switch (frame.type) {
    case "action":
      return frame.action === "said" ? frame.data.by : frame.action;
    case "not-recovered":
      return frame.reason;
    case "presence":
      return frame.data.name;
    case "hello":
      // @ts-expect-error: a stream whose history could not be read has no position (null)
      return frame.streams!["group-action"].length.toString();
    default:
      return frame.type;
  }
}

// onUpdate is typed by the app's `updates` (update name -> data) when its declarations have them, and takes any name
// with `unknown` data when they have none. Small inline app types, so these lines hold whatever the generated
// LiveApp of the test host has.
interface BoardUpdate { cards: { id: number; title: string }[] }
interface Shape { browser: {}; server: {}; presence: never }
const typed = connect<Shape & { updates: { board: BoardUpdate } }>("ws://127.0.0.1:1/live/room");
typed.onUpdate("board", (board) => board.cards.map((card) => card.title.toUpperCase() + card.id.toFixed()));
// @ts-expect-error: no update "bored"
typed.onUpdate("bored", () => {});
// @ts-expect-error: BoardUpdate has no "columns"
typed.onUpdate("board", (board) => board.columns);
// @ts-expect-error: a card's "title" is a string
typed.onUpdate("board", (board) => board.cards[0].title.toFixed());

// With an index signature for the names the declarations do not know: those are `unknown`, the known ones typed.
const open = connect<Shape & { updates: { board: BoardUpdate; [name: string]: unknown } }>("ws://127.0.0.1:1/live/room");
open.onUpdate("board", (board) => board.cards.length);
open.onUpdate("anything", (data) => data);
// @ts-expect-error: BoardUpdate has no "columns", index signature or not
open.onUpdate("board", (board) => board.columns);
// @ts-expect-error: the data of an update the declarations do not know is unknown
open.onUpdate("anything", (data) => data.cards);

// No `updates` member: any name, unknown data (the fallback).
const untyped = connect<Shape>("ws://127.0.0.1:1/live/room");
untyped.onUpdate("whatever", (data) => data);
// @ts-expect-error: unknown data must be narrowed before use
untyped.onUpdate("whatever", (data) => data.cards);
