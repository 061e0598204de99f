const { chromium } = require(process.argv[2] + '/package');
// Cold transfer of pages, anonymous and signed in (the interactive set): node weight.js PLAYWRIGHT_DIR BASE_URL IDEA_ID
const base = process.argv[3], ideaId = process.argv[4];
async function measure(browser, path, signIn) {
  const ctx = await browser.newContext({ baseURL: base });
  if (signIn) {
    const email = 'w' + Date.now() + Math.random() + '@example.jp';
    await ctx.request.post('/api/account/register', { data: { email, password: 'test-password-123', displayName: '計測' } });
    await ctx.request.post('/api/account/login', { data: { email, password: 'test-password-123' } });
  }
  const page = await ctx.newPage();
  const responses = [];
  page.on('response', r => responses.push(r));
  await page.goto(path, { waitUntil: 'load', timeout: 20000 });
  if (signIn) await page.waitForSelector('[data-interactive=true]', { timeout: 20000 }); await page.waitForTimeout(1000);
  let total = 0; const rows = [];
  for (const r of responses.filter(r => !r.url().includes('/live/') && !r.url().includes('/_blazor'))) { const s = await r.request().sizes(); total += s.responseBodySize + s.responseHeadersSize; rows.push(r.url().replace(base, '') + ' ' + s.responseBodySize); }
  console.log(path, signIn ? 'signed in' : 'anonymous', total, 'B in', responses.length, 'responses'); console.log('  ' + rows.join('\n  '));
  await ctx.close();
}
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  await measure(browser, '/challenges', false);
  await measure(browser, '/ideas/' + ideaId, false);
  await measure(browser, '/ideas/' + ideaId, true);
  await browser.close();
})();
