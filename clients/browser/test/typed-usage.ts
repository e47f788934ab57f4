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
    default:
      return frame.type;
  }
}
