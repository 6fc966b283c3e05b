/**
 * A manual check of dist/atlas-offline.html in Firefox, which the browser tests (Chromium) do not cover.
 * Drives Debian's stock firefox-esr over WebDriver BiDi (no browser download, no extra package), with a fresh
 * profile whose proxy points nowhere, opens the file from file:// and reports what the page shows, its console and
 * any request that is not file:/data:/blob:. Writes a screenshot per link to test-results/screenshots/.
 *
 *   apt-get install -y firefox-esr xvfb   # WebGL needs a display: headless Firefox has none here
 *   xvfb-run -a node --experimental-websocket scripts/check-offline-firefox.mjs '' '#plan=qujing' '#plan=yunnan&present=1&chapter=3'
 *
 * Exits 1 if the map never draws, the page logs an error, or a request leaves the file.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const file = pathToFileURL(resolve(root, 'dist/atlas-offline.html')).href;
const shots = resolve(root, 'test-results/screenshots');
const hashes = process.argv.length > 2 ? process.argv.slice(2) : [''];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
if (typeof WebSocket === 'undefined') throw new Error('no WebSocket: run node with --experimental-websocket (Node 20) or use Node ≥ 22');

mkdirSync(shots, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'atlas-firefox-'));
// Any http(s) request goes to a proxy that does not exist: nothing reaches the network.
writeFileSync(
  join(profile, 'user.js'),
  [
    'network.proxy.type',
    1,
    'network.proxy.http',
    '127.0.0.1',
    'network.proxy.http_port',
    9,
    'network.proxy.ssl',
    '127.0.0.1',
    'network.proxy.ssl_port',
    9,
    'network.proxy.allow_hijacking_localhost',
    true,
  ]
    .flatMap((v, i, a) => (i % 2 ? [] : [`user_pref(${JSON.stringify(v)}, ${JSON.stringify(a[i + 1])});`]))
    .join('\n'),
);
const port = 9400 + Math.floor(Math.random() * 500);
const firefox = spawn(
  process.env.FIREFOX_PATH ?? 'firefox-esr',
  [...(process.env.DISPLAY ? [] : ['--headless']), `--remote-debugging-port=${port}`, '--profile', profile, '--no-remote'],
  { stdio: 'ignore' },
);

let ws;
for (let i = 0; i < 30 && !ws; i++) {
  await sleep(1000);
  try {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/session`);
    await new Promise((ok, fail) => {
      socket.onopen = ok;
      socket.onerror = fail;
    });
    ws = socket;
  } catch {
    /* not listening yet */
  }
}
if (!ws) throw new Error('Firefox did not open its WebDriver BiDi port');

let nextId = 0;
const pending = new Map();
let events = { logs: [], requests: [] };
ws.onmessage = (m) => {
  const msg = JSON.parse(String(m.data));
  if (msg.id && pending.has(msg.id)) {
    pending.get(msg.id)(msg);
    pending.delete(msg.id);
  } else if (msg.method === 'log.entryAdded') events.logs.push(`${msg.params.level}: ${msg.params.text}`);
  else if (msg.method === 'network.beforeRequestSent') events.requests.push(msg.params.request.url);
};
const send = (method, params = {}) =>
  new Promise((ok, fail) => {
    const id = ++nextId;
    pending.set(id, (msg) => (msg.type === 'error' ? fail(new Error(`${method}: ${msg.error} ${msg.message}`)) : ok(msg.result)));
    ws.send(JSON.stringify({ id, method, params }));
  });

let failed = false;
try {
  await send('session.new', { capabilities: {} });
  await send('session.subscribe', { events: ['log.entryAdded', 'network.beforeRequestSent'] });
  const context = (await send('browsingContext.getTree', {})).contexts[0].context;
  await send('browsingContext.setViewport', { context, viewport: { width: 1280, height: 720 } });
  const evaluate = async (expression) => (await send('script.evaluate', { expression, target: { context }, awaitPromise: true })).result?.value;
  for (const [n, hash] of hashes.entries()) {
    // A fresh load for each link (a change of hash alone would not reload the page).
    await send('browsingContext.navigate', { context, url: 'about:blank', wait: 'complete' });
    events = { logs: [], requests: [] };
    await send('browsingContext.navigate', { context, url: `${file}${hash}`, wait: 'complete' });
    let idle = false;
    for (let i = 0; i < 90 && !idle; i++) {
      idle = await evaluate(`!!document.querySelector('.map[data-idle="true"]')`);
      if (!idle) await sleep(500);
    }
    await sleep(1500);
    const seen = JSON.parse(
      await evaluate(`JSON.stringify({
      title: document.querySelector('.present-title, .overview .panel-title')?.textContent,
      names: [...document.querySelectorAll('.visible-names li')].slice(0, 6).map((li) => li.textContent),
      webgl2: !!document.createElement('canvas').getContext('webgl2'),
    })`),
    );
    const shot = await send('browsingContext.captureScreenshot', { context });
    const png = join(shots, `offline-firefox-${n}.png`);
    writeFileSync(png, Buffer.from(shot.data, 'base64'));
    const outside = events.requests.filter((u) => !/^(file|data|blob):/.test(u));
    const errors = events.logs.filter((l) => l.startsWith('error'));
    const ok = idle && errors.length === 0 && outside.length === 0;
    failed ||= !ok;
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} ${hash || '(no hash)'}: map ${idle ? 'drawn' : 'NOT drawn'}; “${seen.title ?? ''}”; ${seen.names.join(' ')}${seen.webgl2 ? '' : ' (no WebGL2 in this Firefox: run under xvfb-run)'}; ${png}`,
    );
    for (const l of events.logs) console.log(`     ${l.slice(0, 300)}`);
    for (const u of outside) console.log(`     request outside the file: ${u.slice(0, 200)}`);
  }
} finally {
  ws.close();
  firefox.kill('SIGTERM');
  await sleep(1000);
  if (firefox.exitCode === null) firefox.kill('SIGKILL');
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
