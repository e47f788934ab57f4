// @ts-check
// Who is on the board (docs/presence.md), beside board.js and on its connection: once connected, the page asks for
// the board's presence list (the client asks again after every reconnect), then applies every join, update and
// leave. The server tracks this tab under the signed-in name (a user with several tabs is one person); the tab only
// says which card it edits: clicking a card's title starts editing it, clicking it again stops (EditCard).
import { live, send } from "./board.js";

/** @typedef {import("./live-actions").BoardPresence} BoardPresence */

/** @type {Map<string, BoardPresence>} member ("u:alice", "c:<connection>") -> who */
const people = new Map();
/** @type {number | null} */
let editingCard = null;
/** @type {string[]} the presence events the page applied, in order (for the browser test) */
const presenceEvents = [];
Object.assign(window, { presenceEvents });

function renderPeople() {
  const list = /** @type {HTMLElement} */ (document.getElementById("people"));
  list.replaceChildren(...[...people.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([member, who]) => {
      const item = document.createElement("li");
      item.dataset.member = member;
      const dot = document.createElement("span");
      dot.className = "dot";
      dot.style.background = who.color;
      const text = document.createElement("span");
      text.textContent = who.name + (who.editingCardId != null ? ` · editing #${who.editingCardId}` : "");
      item.append(dot, text);
      return item;
    }));

  document.querySelectorAll(".card[data-edited-by]").forEach((element) => {
    const card = /** @type {HTMLElement} */ (element);
    delete card.dataset.editedBy;
    card.style.borderColor = "";
  });
  for (const who of people.values()) {
    const card = who.editingCardId != null ? document.getElementById("card-" + who.editingCardId) : null;
    if (card) {
      card.dataset.editedBy = card.dataset.editedBy ? card.dataset.editedBy + ", " + who.name : who.name;
      card.style.borderColor = who.color;
    }
  }
}

let listed = false;
live.onState((state) => {
  if (state !== "open") return;
  editingCard = null;                // a new connection is tracked afresh, editing nothing
  if (!listed) {
    listed = true;
    live.list();
  }
});

live.onPresenceList((members) => {
  people.clear();
  members.forEach((m) => people.set(m.member, m.data));
  renderPeople();
});

live.onPresence((change) => {
  presenceEvents.push(`${change.event} ${change.member} ${change.data.editingCardId ?? ""}`);
  if (change.event === "leave") people.delete(change.member); else people.set(change.member, change.data);
  renderPeople();
});

live.onUpdate("board", renderPeople);   // the cards were drawn again: mark who edits which

/** @type {HTMLElement} */ (document.getElementById("columns")).addEventListener("click", (e) => {
  const title = /** @type {HTMLElement} */ (e.target).closest(".card .title");
  const card = title?.closest(".card");
  if (!(card instanceof HTMLElement)) return;
  const cardId = Number(card.dataset.cardId);
  editingCard = editingCard === cardId ? null : cardId;
  send("edit-card", { cardId: editingCard });
});
