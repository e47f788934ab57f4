// The team board's browser side: plain JavaScript, no build step.
// Protocol (docs/aspnetcore.md): the browser sends {"action":"move-card","data":{...}}; the server sends
// {"type":"hello"|"update"|"action"|"broadcast"|"error"|"position"|"not-recovered", ...}.
// Resuming (docs/recovery.md): frames of streams with history carry "stream" and "pos"; the page keeps the last
// position of each stream and presents them when it reconnects (to any instance), which replays what it missed, or
// sends "not-recovered" and the board again.
"use strict";

const board = new URLSearchParams(location.search).get("board") || "team";
const columns = ["todo", "doing", "done"];
const labels = { todo: "To do", doing: "Doing", done: "Done" };
const $ = (selector) => document.querySelector(selector);
let socket = null;
let retryDelay = 500;
let connectionId = null;
const positions = {};                 // stream -> "epoch:offset", the last one this page has
window.boardEvents = [];              // what the page applied, in order (for the browser test and debugging)

document.getElementById("board-name").textContent = board;

function setConnection(state, text) {
  document.body.dataset.connection = state;
  $("#status").textContent = text;
}

function showError(message) {
  const error = $("#error");
  error.textContent = message;
  error.hidden = false;
  setTimeout(() => { error.hidden = true; }, 5000);
}

function send(action, data) {
  if (socket && socket.readyState === WebSocket.OPEN) {
    socket.send(JSON.stringify({ action, data }));
  } else {
    showError("Not connected: try again in a moment.");
  }
}

function renderCard(card, by) {
  let item = document.getElementById("card-" + card.cardId);
  if (!item) {
    item = document.createElement("li");
    item.id = "card-" + card.cardId;
    item.className = "card";
    item.draggable = true;
    item.dataset.cardId = card.cardId;
    item.addEventListener("dragstart", (e) => e.dataTransfer.setData("text/plain", String(card.cardId)));
    item.append(document.createElement("div"), document.createElement("div"), document.createElement("div"));
    item.children[0].className = "title";
    item.children[1].className = "meta";
  }

  if (card.title !== undefined) item.children[0].textContent = card.title;
  item.children[1].textContent = by ? "by " + by : "";
  const moves = item.children[2];
  moves.replaceChildren(...columns.filter((c) => c !== card.column).map((column) => {
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.to = column;
    button.textContent = "→ " + labels[column];
    button.addEventListener("click", () => send("move-card", { cardId: card.cardId, column }));
    return button;
  }));
  document.querySelector(`.column[data-column="${card.column}"] ul`).append(item);
  item.classList.remove("flash");
  void item.offsetWidth;
  item.classList.add("flash");
}

function remember(stream, pos) {
  if (!stream) return;
  if (pos) positions[stream] = pos; else delete positions[stream];
}

function onFrame(frame) {
  remember(frame.stream, frame.pos);
  switch (frame.type) {
    case "hello":
      connectionId = frame.connectionId;
      Object.entries(frame.streams ?? {}).forEach(([stream, pos]) => remember(stream, pos));
      document.body.dataset.recovery = frame.resumed ? "replayed" : "fresh";
      setConnection("open", frame.resumed ? "live (resumed)" : "live");
      break;
    case "not-recovered":
      // The server sends the board again right after this frame.
      document.body.dataset.recovery = "reloaded";
      setConnection("open", "live (board reloaded)");
      break;
    case "update":
      if (frame.name === "board") {
        window.boardEvents.push("board");
        document.querySelectorAll(".column ul").forEach((list) => list.replaceChildren());
        frame.data.cards.forEach((c) => renderCard({ cardId: c.id, title: c.title, column: c.column }));
      }
      break;
    case "action":
      window.boardEvents.push(`${frame.action} ${frame.data.cardId ?? ""} ${frame.data.column ?? ""} ${frame.pos ?? ""}`);
      if (frame.action === "card-moved") renderCard(frame.data, frame.data.movedBy);
      if (frame.action === "card-added") renderCard(frame.data, frame.data.addedBy);
      if (frame.action === "note-received") {
        const note = document.createElement("li");
        note.textContent = `${frame.data.from}: ${frame.data.text}`;
        $("#notes").prepend(note);
      }
      break;
    case "broadcast":
      $("#announcement").textContent = "Announcement: " + (frame.data.text ?? frame.data);
      $("#announcement").hidden = false;
      break;
    case "error":
      showError(frame.message);
      break;
  }
  window.onLiveFrame?.(frame);        // presence.js: who is on the board
}

function connect() {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const resume = Object.keys(positions).length > 0
    ? "?resume=" + encodeURIComponent(JSON.stringify({ connectionId, streams: positions }))
    : "";
  socket = new WebSocket(`${scheme}://${location.host}/live/${encodeURIComponent(board)}${resume}`);
  socket.onmessage = (event) => {
    const frame = JSON.parse(event.data);
    onFrame(frame);
    document.dispatchEvent(new CustomEvent("live-frame", { detail: { frame, socket } })); // for activity.js
  };
  socket.onopen = () => { retryDelay = 500; };
  socket.onclose = (event) => {
    setConnection("closed", `disconnected (${event.code}${event.reason ? ": " + event.reason : ""})`);
    // A refused or policy-closed connection would fail again at once; anything else reconnects.
    if (event.code !== 1008 && event.code !== 1009) {
      setTimeout(connect, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 10000);
    }
  };
}

document.querySelectorAll(".column").forEach((column) => {
  column.addEventListener("dragover", (e) => { e.preventDefault(); column.classList.add("drop"); });
  column.addEventListener("dragleave", () => column.classList.remove("drop"));
  column.addEventListener("drop", (e) => {
    e.preventDefault();
    column.classList.remove("drop");
    send("move-card", { cardId: Number(e.dataTransfer.getData("text/plain")), column: column.dataset.column });
  });
});

function onSubmit(id, handler) {
  $(id).addEventListener("submit", (e) => {
    e.preventDefault();
    handler(new FormData(e.target));
    e.target.reset();
  });
}

onSubmit("#add-card", (form) => send("add-card", { title: form.get("title") }));
onSubmit("#send-note", (form) => send("send-note", { to: form.get("to"), text: form.get("text") }));
onSubmit("#announce", (form) => postJson("/api/announce", { text: form.get("text") }));
onSubmit("#signin", async (form) => {
  await postJson("/api/signin", { name: form.get("name") });
  location.reload();
});
$("#signout").addEventListener("click", async () => {
  await postJson("/api/signout", {});
  location.reload();
});

async function postJson(url, body) {
  const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) showError(await response.text());
}

fetch("/api/me").then((r) => r.json()).then((me) => {
  $("#signin").hidden = !!me.name;
  $("#whoami").hidden = !me.name;
  $("#me").textContent = me.name ?? "";
});

connect();
