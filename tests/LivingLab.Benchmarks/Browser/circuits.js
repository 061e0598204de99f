const { chromium } = require(process.argv[2] + '/package');
const fs = require('fs');
// Memory per idle interactive page and a vote's fan-out to every open page:
// node circuits.js PLAYWRIGHT_DIR BASE_URL SERVER_PID IDEA_ID PAGES
const base = process.argv[3], pid = process.argv[4], id = process.argv[5], n = +process.argv[6];
const rss = () => +fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1];
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const ctx = await browser.newContext({ baseURL: base });
  const email = 'm' + Date.now() + '@example.jp';
  await ctx.request.post('/api/account/register', { data: { email, password: 'test-password-123', displayName: '計測' } });
  await ctx.request.post('/api/account/login', { data: { email, password: 'test-password-123' } });
  const warm = await ctx.newPage(); await warm.goto('/ideas/' + id); await warm.waitForSelector('[data-interactive=true]', { timeout: 30000 });
  await new Promise(r => setTimeout(r, 5000));
  const before = rss();
  const pages = [];
  const state = await ctx.storageState();
  for (let i = 0; i < n; i++) { const c = await browser.newContext({ baseURL: base, storageState: state }); const p = await c.newPage(); await p.goto('/ideas/' + id); pages.push(p); }
  for (const p of pages) await p.waitForSelector('[data-interactive=true]', { timeout: 60000 });
  await new Promise(r => setTimeout(r, 10000));
  const after = rss();
  console.log(`${n} interactive idea pages: server RSS ${before} kB -> ${after} kB, ${((after - before) / n).toFixed(0)} kB per page`);
  // A vote from another browser context, seen by every open page.
  const voter = await browser.newContext({ baseURL: base });
  const e2 = 'v' + Date.now() + '@example.jp';
  await voter.request.post('/api/account/register', { data: { email: e2, password: 'test-password-123', displayName: '投票' } });
  await voter.request.post('/api/account/login', { data: { email: e2, password: 'test-password-123' } });
  const expected = String(+(await pages[0].textContent('[data-testid=vote-count]')) + 1);
  await voter.request.get('/api/ideas/' + id);
  const start = Date.now();
  const seen = pages.map(p => p.waitForFunction(x => document.querySelector('[data-testid=vote-count]').textContent === x, expected, { timeout: 30000, polling: 'raf' }).then(() => Date.now() - start));
  await voter.request.get('/api/ideas/' + id);
  const postStart = Date.now();
  await voter.request.post('/api/ideas/' + id + '/votes', { data: {} });
  console.log('POST answered in', Date.now() - postStart, 'ms');
  const times = (await Promise.all(seen)).sort((a, b) => a - b);
  console.log(`vote seen by ${times.length} pages: p50 ${times[Math.floor(times.length * 0.5)]} ms, p99 ${times[Math.ceil(times.length * 0.99) - 1]} ms, max ${times[times.length - 1]} ms (from sending, polled per frame)`);
  await voter.request.delete('/api/ideas/' + id + '/votes');
  await browser.close();
})();
