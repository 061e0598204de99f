// Live updates for every reader, signed in or not, over the server's event streams (/live/...): a page without a
// circuit still sees counts and stages change. An element with data-live-src opens one stream; inside it,
// data-live-swap="name" takes the HTML of each "name" event (the server renders and escapes it), and an element with an
// id and data-live-refresh="name" is fetched again from the page's own address and replaced on each "name" event.
// Without JavaScript the page simply stays as it was loaded.
(() => {
  "use strict";

  const refreshing = new WeakSet();
  let streams = [];

  async function refresh(element) {
    // One refresh at a time per element; an event during a refresh is covered by the page it fetches.
    if (refreshing.has(element)) return;
    refreshing.add(element);
    try {
      const response = await fetch(location.href, { headers: { Accept: "text/html" }, credentials: "same-origin" });
      if (!response.ok) return;
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const fresh = page.getElementById(element.id);
      // Keep the reader's place: an element holding the keyboard focus is not replaced under it.
      if (fresh && !element.contains(document.activeElement)) {
        element.replaceWith(document.importNode(fresh, true));
      }
    } catch {
      // A failed refresh leaves the page as it is; the next event tries again.
    } finally {
      refreshing.delete(element);
    }
  }

  function connect(root) {
    const names = new Set();
    root.querySelectorAll("[data-live-swap]").forEach(e => names.add(e.dataset.liveSwap));
    root.querySelectorAll("[data-live-refresh]").forEach(e => names.add(e.dataset.liveRefresh));
    if (names.size === 0) return;

    const stream = new EventSource(root.dataset.liveSrc);
    for (const name of names) {
      stream.addEventListener(name, event => {
        // Looked up on each event: a refresh may have replaced the elements since the stream opened.
        root.querySelectorAll(`[data-live-swap="${name}"]`).forEach(e => { e.innerHTML = event.data; });
        root.querySelectorAll(`[data-live-refresh="${name}"]`).forEach(e => { if (e.id) refresh(e); });
      });
    }
    streams.push(stream);
  }

  function start() {
    document.querySelectorAll("[data-live-src]").forEach(connect);
  }

  // The browser reconnects a dropped stream by itself. Closing on leave frees the server's connection at once (and
  // the browser's six per site); a page restored from the back-forward cache opens its streams again.
  addEventListener("pagehide", () => { streams.forEach(s => s.close()); streams = []; });
  addEventListener("pageshow", event => { if (event.persisted) start(); });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start, { once: true });
  } else {
    start();
  }
})();
