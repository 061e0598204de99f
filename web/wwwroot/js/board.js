// The live board's countdown: every [data-countdown-end] element shows the time left, counted in the browser every
// second from the end the server sent, corrected by the server's clock at render time (data-server-now).
(function () {
  const offsets = new WeakMap();
  function tick() {
    document.querySelectorAll('[data-countdown-end]').forEach(function (el) {
      const end = Number(el.getAttribute('data-countdown-end'));
      const serverNow = Number(el.getAttribute('data-server-now'));
      let seen = offsets.get(el);
      if (!seen || seen.serverNow !== serverNow) {
        seen = { serverNow: serverNow, offset: serverNow - Date.now() };
        offsets.set(el, seen);
      }
      const left = Math.max(0, Math.round((end - (Date.now() + seen.offset)) / 1000));
      const text = Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
      if (el.textContent !== text) {
        el.textContent = text;
      }
      el.classList.toggle('is-over', left === 0);
    });
  }
  tick();
  setInterval(tick, 1000);
})();
