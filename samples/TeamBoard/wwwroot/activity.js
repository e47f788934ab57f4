// @ts-check
// The board's activity feed, a topic (docs/topics.md#from-the-browser): the page follows board/{board}/activity on the
// typed client, which subscribes again after every reconnect; the server answers "subscribed" and then sends each
// entry as a typed topic action (board-activity, checked against live-actions.d.ts like the rest of the page).
import { live } from "./board.js";

const feed = /** @type {HTMLElement} */ (document.getElementById("activity"));
const board = new URLSearchParams(location.search).get("board") || "team";
const topic = `board/${board}/activity`;

document.body.dataset.activity = "subscribing";
live.onSubscribed((name) => {
  if (name === topic) document.body.dataset.activity = "following";
});
live.onTopic("board-activity", (entry) => {
  const item = document.createElement("li");
  item.textContent = entry.text;
  feed.prepend(item);
  while (feed.children.length > 50) feed.lastChild?.remove();
});
live.subscribe(topic);
