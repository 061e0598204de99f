const { chromium } = require(process.argv[2] + '/package');
const fs = require('fs');
// Memory per idle interactive page and a vote's fan-out to every open page:
// node circuits.js PLAYWRIGHT_DIR BASE_URL SERVER_PID IDEA_ID PAGES
// WARM_PAGES=N first opens N such pages and closes them again, so the server has compiled its hot paths (tier-1 JIT)
// and grown its heaps before the measured pages open; run the server with a short Circuits:RetentionSeconds then.
// HOLD_SECONDS=N keeps the pages open that long after measuring memory (time for `dotnet-gcdump collect -p SERVER_PID`).
const base = process.argv[3], pid = process.argv[4], id = process.argv[5], n = +process.argv[6];
const rss = () => +fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1];
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows'] });
  const ctx = await browser.newContext({ baseURL: base });
  const email = 'm' + Date.now() + '@example.jp';
  await ctx.request.post('/api/account/register', { data: { email, password: 'test-password-123', displayName: '計測' } });
  await ctx.request.post('/api/account/login', { data: { email, password: 'test-password-123' } });
  const warm = await ctx.newPage(); await warm.goto('/ideas/' + id); await warm.waitForSelector('[data-interactive=true]', { timeout: 30000 });
  const state = await ctx.storageState();
  const open = async count => {
    const opened = [];
    for (let i = 0; i < count; i++) { const c = await browser.newContext({ baseURL: base, storageState: state }); const p = await c.newPage(); await p.goto('/ideas/' + id); opened.push(p); }
    for (const p of opened) await p.waitForSelector('[data-interactive=true]', { timeout: 60000 });
    return opened;
  };
  if (process.env.WARM_PAGES) {
    const warmed = await open(+process.env.WARM_PAGES);
    for (const p of warmed) await p.context().close();
    console.log(`warmed with ${warmed.length} pages, RSS ${rss()} kB; waiting 30 s for their circuits to go`);
    await new Promise(r => setTimeout(r, 30000));
  }
  await new Promise(r => setTimeout(r, 5000));
  const before = rss();
  const pages = await open(n);
  await new Promise(r => setTimeout(r, 10000));
  const after = rss();
  console.log(`${n} interactive idea pages: server RSS ${before} kB -> ${after} kB, ${((after - before) / n).toFixed(0)} kB per page`);
  if (process.env.HOLD_SECONDS) { console.log('holding the pages open'); await new Promise(r => setTimeout(r, 1000 * +process.env.HOLD_SECONDS)); }
  // A vote from another browser context, seen by every open page.
  const voter = await browser.newContext({ baseURL: base });
  const e2 = 'v' + Date.now() + '@example.jp';
  await voter.request.post('/api/account/register', { data: { email: e2, password: 'test-password-123', displayName: '投票' } });
  await voter.request.post('/api/account/login', { data: { email: e2, password: 'test-password-123' } });
  const expected = String(+(await pages[0].textContent('[data-testid=vote-count]')) + 1);
  await voter.request.get('/api/ideas/' + id);
  // Each page notes the wall-clock time its count changes (a MutationObserver, so 30 or 100 tabs do not spend the
  // machine's two cores polling every frame); same machine, same clock as this script's.
  await Promise.all(pages.map(p => p.evaluate(x => {
    window.__seen = null;
    const count = () => document.querySelector('[data-testid=vote-count]')?.textContent;
    new MutationObserver(() => { if (window.__seen === null && count() === x) window.__seen = Date.now(); })
      .observe(document.body, { childList: true, characterData: true, subtree: true });
  }, expected)));
  const start = Date.now();
  await voter.request.post('/api/ideas/' + id + '/votes', { data: {} });
  console.log('POST answered in', Date.now() - start, 'ms');
  const seenAt = await Promise.all(pages.map(p => p.waitForFunction(() => window.__seen, null, { timeout: 30000, polling: 100 }).then(h => h.jsonValue())));
  const times = seenAt.map(t => t - start).sort((a, b) => a - b);
  console.log(`vote seen by ${times.length} pages: p50 ${times[Math.floor(times.length * 0.5)]} ms, p99 ${times[Math.ceil(times.length * 0.99) - 1]} ms, max ${times[times.length - 1]} ms (from sending the vote to the page's count changing)`);
  await voter.request.delete('/api/ideas/' + id + '/votes');
  await browser.close();
})();
