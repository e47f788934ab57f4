// The board's activity feed, a topic (docs/topics.md#from-the-browser): on each connection the page subscribes to
// board/{board}/activity with {"topic":"subscribe","name":…}; the server answers {"type":"subscribed"} and then sends
// {"type":"topic","topic":…,"action":"board-activity","data":{"board":…,"text":…}} for each entry. Subscriptions end
// with the connection, so the page subscribes again after every reconnect.
"use strict";

(() => {
  const feed = document.getElementById("activity");
  const topicOf = (board) => `board/${board}/activity`;
  const board = new URLSearchParams(location.search).get("board") || "team";

  document.addEventListener("live-frame", ({ detail: { frame, socket } }) => {
    switch (frame.type) {
      case "hello":
        document.body.dataset.activity = "subscribing";
        socket.send(JSON.stringify({ topic: "subscribe", name: topicOf(board) }));
        break;
      case "subscribed":
        if (frame.name === topicOf(board)) document.body.dataset.activity = "following";
        break;
      case "topic":
        if (frame.action === "board-activity") {
          const entry = document.createElement("li");
          entry.textContent = frame.data.text;
          feed.prepend(entry);
          while (feed.children.length > 50) feed.lastChild.remove();
        }
        break;
    }
  });
})();
