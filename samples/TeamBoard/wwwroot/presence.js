// Who is on the board (docs/presence.md), beside board.js: once connected, the page asks for the board's presence
// list, then applies every join, update and leave frame. The server tracks this tab under the signed-in name (a user
// with several tabs is one person); the tab only says which card it edits: clicking a card's title starts editing
// it, clicking it again stops ({"action":"edit-card","data":{"cardId":…}}).
"use strict";

const people = new Map();            // member ("u:alice", "c:<connection>") -> { name, color, editingCardId }
let editingCard = null;
window.presenceEvents = [];          // the presence events the page applied, in order (for the browser test)

function renderPeople() {
  const list = document.getElementById("people");
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

  document.querySelectorAll(".card[data-edited-by]").forEach((card) => { delete card.dataset.editedBy; card.style.borderColor = ""; });
  for (const who of people.values()) {
    const card = who.editingCardId != null && document.getElementById("card-" + who.editingCardId);
    if (card) {
      card.dataset.editedBy = card.dataset.editedBy ? card.dataset.editedBy + ", " + who.name : who.name;
      card.style.borderColor = who.color;
    }
  }
}

window.onLiveFrame = (frame) => {
  switch (frame.type) {
    case "hello":
      // A new connection is tracked afresh (editing nothing): ask for the list, then the events follow.
      editingCard = null;
      socket.send(JSON.stringify({ presence: "list" }));
      break;
    case "presence-list":
      people.clear();
      frame.members.forEach((m) => people.set(m.member, m.data));
      renderPeople();
      break;
    case "presence":
      window.presenceEvents.push(`${frame.event} ${frame.member} ${frame.data.editingCardId ?? ""}`);
      if (frame.event === "leave") people.delete(frame.member); else people.set(frame.member, frame.data);
      renderPeople();
      break;
    case "update":
      if (frame.name === "board") renderPeople();   // the cards were drawn again: mark who edits which
      break;
  }
};

document.getElementById("columns").addEventListener("click", (e) => {
  const title = e.target.closest(".card .title");
  if (!title) return;
  const cardId = Number(title.closest(".card").dataset.cardId);
  editingCard = editingCard === cardId ? null : cardId;
  send("edit-card", { cardId: editingCard });
});
