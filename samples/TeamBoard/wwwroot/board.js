// @ts-check
// The team board's browser side: plain JavaScript with no build step, on the typed client (docs/browser-client.md).
// `tsc` checks it against live-actions.d.ts, which `dotnet build` writes from the C# actions and updates (samples/TeamBoard/tsconfig.json):
// a renamed member of MoveCard, AddCard, SendNote, of the board update or of what else the server sends fails that check, naming the member.
// The client reconnects, and resumes the board's streams with their positions (docs/recovery.md); when the server
// cannot replay what the page missed it sends "not-recovered" and then the board again.
import { connect } from "/_livetemplate/client.js";

/** @typedef {import("./live-actions").LiveApp} LiveApp */

const board = new URLSearchParams(location.search).get("board") || "team";
const columns = ["todo", "doing", "done"];
/** @type {Record<string, string>} */
const labels = { todo: "To do", doing: "Doing", done: "Done" };
/** @param {string} selector */
const $ = (selector) => /** @type {HTMLElement} */ (document.querySelector(selector));
/** @type {string[]} what the page applied, in order (for the browser test and debugging) */
const boardEvents = [];
Object.assign(window, { boardEvents });

$("#board-name").textContent = board;

/** The board's live connection; presence.js (who is on the board) uses it too. */
export const live = /** @type {typeof connect<LiveApp>} */ (connect)("/live/" + encodeURIComponent(board));

/** @param {string} state @param {string} text */
function setConnection(state, text) {
  document.body.dataset.connection = state;
  $("#status").textContent = text;
}

/** @param {string} message */
function showError(message) {
  const error = $("#error");
  error.textContent = message;
  error.hidden = false;
  setTimeout(() => { error.hidden = true; }, 5000);
}

/** Sends a typed action; says so when the socket is away. @type {typeof live.send} */
export const send = (action, data) => {
  try {
    live.send(action, data);
  } catch (error) {
    showError(error instanceof Error ? error.message : String(error));
  }
};

/** @param {{ cardId: number, title?: string, column: string }} card @param {string} [by] */
function renderCard(card, by) {
  let item = document.getElementById("card-" + card.cardId);
  if (!item) {
    const created = document.createElement("li");
    created.id = "card-" + card.cardId;
    created.className = "card";
    created.draggable = true;
    created.dataset.cardId = String(card.cardId);
    created.addEventListener("dragstart", (e) => e.dataTransfer?.setData("text/plain", String(card.cardId)));
    created.append(document.createElement("div"), document.createElement("div"), document.createElement("div"));
    created.children[0].className = "title";
    created.children[1].className = "meta";
    item = created;
  }

  if (card.title !== undefined) item.children[0].textContent = card.title;
  item.children[1].textContent = by ? "by " + by : "";
  item.children[2].replaceChildren(...columns.filter((c) => c !== card.column).map((column) => {
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.to = column;
    button.textContent = "→ " + labels[column];
    button.addEventListener("click", () => send("move-card", { cardId: card.cardId, column }));
    return button;
  }));
  document.querySelector(`.column[data-column="${card.column}"] ul`)?.append(item);
  item.classList.remove("flash");
  void item.offsetWidth;
  item.classList.add("flash");
}

live.onState((state, detail) => {
  if (state === "open") {
    document.body.dataset.recovery = live.resumed ? "replayed" : "fresh";
    setConnection("open", live.resumed ? "live (resumed)" : "live");
  } else if (state !== "connecting") {
    setConnection("closed", `disconnected (${detail ? detail.code + (detail.reason ? ": " + detail.reason : "") : "closed"})`);
  }
});

// The server sends the board again right after this.
live.onNotRecovered(() => {
  document.body.dataset.recovery = "reloaded";
  setConnection("open", "live (board reloaded)");
});

live.onUpdate("board", (data) => {
  boardEvents.push("board");
  document.querySelectorAll(".column ul").forEach((list) => list.replaceChildren());
  data.cards.forEach((c) => renderCard({ cardId: c.id, title: c.title, column: c.column }));
});

live.on("card-moved", (moved, at) => {
  boardEvents.push(`card-moved ${moved.cardId} ${moved.column} ${at.pos ?? ""}`);
  renderCard(moved, moved.movedBy);
});

live.on("card-added", (added, at) => {
  boardEvents.push(`card-added ${added.cardId} ${added.column} ${at.pos ?? ""}`);
  renderCard(added, added.addedBy);
});

live.on("note-received", (note) => {
  boardEvents.push("note-received");
  const item = document.createElement("li");
  item.textContent = `${note.from}: ${note.text}`;
  $("#notes").prepend(item);
});

live.onBroadcast((data) => {
  const text = typeof data === "object" && data !== null && "text" in data ? String(data.text) : String(data);
  $("#announcement").textContent = "Announcement: " + text;
  $("#announcement").hidden = false;
});

live.onError((error) => showError(error.message));

document.querySelectorAll(".column").forEach((element) => {
  const column = /** @type {HTMLElement} */ (element);
  column.addEventListener("dragover", (e) => { e.preventDefault(); column.classList.add("drop"); });
  column.addEventListener("dragleave", () => column.classList.remove("drop"));
  column.addEventListener("drop", (e) => {
    e.preventDefault();
    column.classList.remove("drop");
    send("move-card", { cardId: Number(e.dataTransfer?.getData("text/plain")), column: column.dataset.column ?? "" });
  });
});

/** @param {string} id @param {(form: FormData) => void} handler */
function onSubmit(id, handler) {
  const form = /** @type {HTMLFormElement} */ ($(id));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    handler(new FormData(form));
    form.reset();
  });
}

/** @param {FormData} form @param {string} name */
const field = (form, name) => String(form.get(name) ?? "");

onSubmit("#add-card", (form) => send("add-card", { title: field(form, "title") }));
onSubmit("#send-note", (form) => send("send-note", { to: field(form, "to"), text: field(form, "text") }));
onSubmit("#announce", (form) => postJson("/api/announce", { text: field(form, "text") }));
onSubmit("#signin", async (form) => {
  await postJson("/api/signin", { name: field(form, "name") });
  location.reload();
});
$("#signout").addEventListener("click", async () => {
  await postJson("/api/signout", {});
  location.reload();
});

/** @param {string} url @param {object} body */
async function postJson(url, body) {
  const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) showError(await response.text());
}

fetch("/api/me").then((r) => r.json()).then((/** @type {{ name: string | null }} */ me) => {
  $("#signin").hidden = !!me.name;
  $("#whoami").hidden = !me.name;
  $("#me").textContent = me.name ?? "";
});
