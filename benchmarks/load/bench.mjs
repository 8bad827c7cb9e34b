// The HTTP half of the load benchmark (run.sh publishes and starts the server, then runs this): signs in as a person,
// makes an API token per workspace, finds a median-sized map, then loads every read with autocannon and a write mix,
// measuring the server process's CPU time (/proc/PID/stat) around each run. Prints one markdown table and writes it
// (with the raw figures as JSON) to the results file.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const require = createRequire(process.env.AUTOCANNON_DIR + '/');
const autocannon = require('autocannon');

const env = (name, fallback) => process.env[name] ?? fallback;
const base = env('BENCH_URL');
const serverPid = Number(env('BENCH_PID'));
const duration = Number(env('BENCH_DURATION', '20'));
const warmup = Number(env('BENCH_WARMUP', '3'));
const readConnections = Number(env('BENCH_CONNECTIONS', '50'));
const writeConnections = Number(env('BENCH_WRITE_CONNECTIONS', '10'));
const idleSeconds = Number(env('BENCH_IDLE', '60'));
const freshSeconds = Number(env('BENCH_FRESH', '10'));
// Sent with every read, as a browser (and most HTTP client libraries) does: the server compresses what it keeps.
const acceptEncoding = env('BENCH_ACCEPT_ENCODING', 'gzip, deflate, br');
const ticksPerSecond = Number(env('BENCH_CLK_TCK', '100'));
const adminEmail = env('BENCH_EMAIL');
const oneTimePassword = env('BENCH_PASSWORD');
const workspaces = JSON.parse(env('BENCH_WORKSPACES')); // [{label, key, note}]
const out = env('BENCH_OUT');
const header = env('BENCH_HEADER', '');

// ---- the server process ------------------------------------------------------------------------------------------
function cpuTicks() {
  const stat = readFileSync(`/proc/${serverPid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from 3 (state) on
  return Number(fields[11]) + Number(fields[12]); // utime (14) + stime (15)
}
function rssMb() {
  const line = readFileSync(`/proc/${serverPid}/status`, 'utf8').split('\n').find(l => l.startsWith('VmRSS:'));
  return Number(line.split(/\s+/)[1]) / 1024;
}
// What the resident memory is made of (/proc/PID/status): the process's own (anonymous) memory, files mapped in (the
// runtime and assemblies) and shared memory (with W^X, the runtime's code and type data are mapped through it).
function memoryParts() {
  const status = readFileSync(`/proc/${serverPid}/status`, 'utf8');
  const mb = name => Number((status.match(new RegExp(`^${name}:\\s+(\\d+)`, 'm')) ?? [0, NaN])[1]) / 1024;
  return { anonymous: mb('RssAnon'), file: mb('RssFile'), shmem: mb('RssShmem') };
}

// ---- signing in as a person, as the login form does --------------------------------------------------------------
const jar = new Map();
function keepCookies(response) { keepSetCookies(response.headers.getSetCookie()); }
function keepSetCookies(setCookies) {
  for (const c of [setCookies ?? []].flat()) {
    const [pair] = c.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq), value = pair.slice(eq + 1);
    if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c)) jar.delete(name); else jar.set(name, value);
  }
}
const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

async function http(method, path, { body, form, token, cookie } = {}) {
  const headers = {};
  if (cookie) headers.cookie = cookieHeader();
  if (token) headers.authorization = `Bearer ${token}`;
  let payload;
  if (form) { headers['content-type'] = 'application/x-www-form-urlencoded'; payload = new URLSearchParams(form).toString(); }
  if (body !== undefined) { headers['content-type'] = 'application/json'; payload = JSON.stringify(body); }
  const response = await fetch(base + path, { method, headers, body: payload, redirect: 'manual' });
  if (cookie) keepCookies(response);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}
function expect(response, status, what) {
  if (response.status !== status) throw new Error(`${what}: expected ${status}, got ${response.status}: ${response.text.slice(0, 500)}`);
  return response;
}

async function signIn() {
  const page = await http('GET', '/account/login', { cookie: true });
  const input = page.text.match(/<input[^>]*name="__RequestVerificationToken"[^>]*>/);
  const antiforgery = input?.[0].match(/value="([^"]+)"/)?.[1];
  if (!antiforgery) throw new Error('the sign-in form carries no antiforgery token');
  const login = await http('POST', '/account/login', {
    cookie: true, form: { email: adminEmail, password: oneTimePassword, returnUrl: '/', __RequestVerificationToken: antiforgery },
  });
  if (login.status !== 302 || login.headers.get('location')?.includes('error=')) throw new Error(`sign-in failed: ${login.status} ${login.headers.get('location')}`);
  const me = expect(await http('GET', '/api/account', { cookie: true }), 200, 'who am I').json();
  if (me.mustChangePassword) {
    expect(await http('POST', '/api/account/password', {
      cookie: true, body: { currentPassword: oneTimePassword, newPassword: 'a long own password for the load benchmark' },
    }), 204, 'choosing an own password');
  }
  const after = expect(await http('GET', '/api/account', { cookie: true }), 200, 'who am I, after choosing a password').json();
  if (after.mustChangePassword) throw new Error('the account still has to choose a password');
  const home = await http('GET', '/', { cookie: true });
  if (home.status >= 400 || home.headers.get('location')?.includes('/account/')) throw new Error(`the home page after sign-in answered ${home.status} ${home.headers.get('location') ?? ''}`);
}

// ---- what each workspace offers to load --------------------------------------------------------------------------
async function prepare(ws) {
  const created = expect(await http('POST', `/api/workspaces/${ws.key}/tokens`, {
    cookie: true, body: { name: 'load benchmark', role: 'editor' },
  }), 201, `token for ${ws.key}`).json();
  const token = created.token;
  const api = `/api/workspaces/${ws.key}`;
  const journeys = expect(await http('GET', `${api}/journeys?pageSize=500`, { token }), 200, 'journeys').json();
  const list = Array.isArray(journeys) ? journeys : journeys.items;
  const sorted = [...list].sort((a, b) => a.stepCount - b.stepCount || a.id.localeCompare(b.id));
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  const map = expect(await http('GET', `${api}/journeys/${median.id}`, { token }), 200, 'the median map').json();
  const touchpoints = expect(await http('GET', `${api}/touchpoints?pageSize=500`, { token }), 200, 'touchpoints').json();
  const evaluations = expect(await http('GET', `${api}/evaluations?pageSize=1`, { token }), 200, 'evaluations').json();
  // Steps for the edits: each editing connection gets a step of its own, from the median map first, then other maps.
  const steps = map.stages.flatMap(s => s.steps.map(step => ({ journeyId: map.id, step })));
  for (const j of sorted.filter(j => j.id !== median.id)) {
    if (steps.length >= writeConnections) break;
    const other = expect(await http('GET', `${api}/journeys/${j.id}`, { token }), 200, 'a map').json();
    steps.push(...other.stages.flatMap(s => s.steps.map(step => ({ journeyId: other.id, step }))));
  }
  return {
    ...ws, token, api, map: median,
    journeyCount: list.length, medianSteps: median.stepCount,
    touchpointIds: touchpoints.items.map(t => t.id), touchpointTotal: touchpoints.total, evaluationTotal: evaluations.total,
    steps,
  };
}

function reads(w) {
  // Like a browser: a sign-in cookie the server renews (it re-checks the account every minute) is kept and sent from
  // then on, by every connection; a page answered with Set-Cookie is not kept by the server, so this matters.
  const page = path => ({
    url: base + path,
    headers: { cookie: cookieHeader(), ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) },
    requests: [{
      method: 'GET', path,
      setupRequest: req => ({ ...req, headers: { ...(req.headers ?? {}), cookie: cookieHeader(), ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) } }),
      onResponse: (status, body, context, headers) => keepSetCookies(headers['set-cookie'] ?? headers['Set-Cookie']),
    }],
  });
  const api = path => ({ url: base + w.api + path, headers: { authorization: `Bearer ${w.token}`, ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) } });
  return [
    ['map page (HTML, signed in)', page(`/w/${w.key}/journeys/${w.map.id}`)],
    ['map.svg', api(`/journeys/${w.map.id}/map.svg`)],
    ['dashboard page (HTML)', page(`/w/${w.key}/dashboard`)],
    ['dashboard (API)', api('/dashboard')],
    ['touchpoint page (HTML)', page(`/w/${w.key}/touchpoints`)],
    ['touchpoints (API, pageSize=500)', api('/touchpoints?pageSize=500')],
    ['one journey (API JSON)', api(`/journeys/${w.map.id}`)],
    ['KPI page (HTML)', page(`/w/${w.key}/kpis`)],
  ];
}

// The same read with a query parameter of its own each time (the server ignores it), so no kept answer can serve it:
// what a read costs when it is worked out afresh, as the first read after every change is.
function afresh(request) {
  const url = new URL(request.url);
  const inner = request.requests?.[0] ?? {};
  let n = 0;
  return {
    ...request,
    requests: [{
      ...inner, method: 'GET', path: url.pathname + url.search,
      setupRequest: (req, context) => {
        const r = inner.setupRequest ? inner.setupRequest(req, context) : req;
        return { ...r, path: `${url.pathname}${url.search}${url.search ? '&' : '?'}fresh=${++n}` };
      },
    }],
  };
}

// ---- running autocannon and measuring ----------------------------------------------------------------------------
function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

// Runs several autocannon instances at once; each part is {name, options}. Returns per-part stats and the CPU of all.
// The server goes on with the requests still in flight when autocannon stops (one per connection) and with those
// autocannon gave up on (timeouts): the CPU is taken from the start until the server is quiet again, and divided by
// all the requests it worked on, so that a slow run is not charged the CPU of requests it did not count.
async function measure(parts, seconds) {
  const cpuBefore = cpuTicks();
  const started = performance.now();
  const results = await Promise.all(parts.map(part => new Promise((resolve, reject) => {
    const latencies = [];
    const statuses = {};
    const instance = autocannon({ url: base, duration: seconds, timeout: 10, ...part.options }, (error, result) => {
      if (error) reject(error); else resolve({ name: part.name, result, latencies, statuses, connections: part.options.connections });
    });
    instance.on('response', (client, status, bytes, ms) => {
      latencies.push(ms);
      statuses[status] = (statuses[status] ?? 0) + 1;
    });
  })));
  const elapsed = (performance.now() - started) / 1000;
  const cpuMsDuringLoad = (cpuTicks() - cpuBefore) * 1000 / ticksPerSecond;
  const rss = rssMb();
  const settled = await settle();
  const cpuMs = (cpuTicks() - cpuBefore) * 1000 / ticksPerSecond;
  const answers = results.reduce((n, r) => n + r.latencies.length, 0);
  const workedOn = results.reduce((n, r) => n + r.latencies.length + r.result.timeouts + r.connections, 0);
  const byName = new Map();
  for (const r of results) {
    const row = byName.get(r.name) ?? { latencies: [], statuses: {}, timeouts: 0, connectionErrors: 0 };
    row.latencies.push(...r.latencies);
    for (const [s, n] of Object.entries(r.statuses)) row.statuses[s] = (row.statuses[s] ?? 0) + n;
    row.timeouts += r.result.timeouts;
    row.connectionErrors += r.result.errors - r.result.timeouts;
    byName.set(r.name, row);
  }
  return [...byName].map(([name, row]) => {
    const sorted = row.latencies.sort((a, b) => a - b);
    const non2xx = Object.entries(row.statuses).filter(([s]) => s[0] !== '2' && s !== '409').reduce((n, [, c]) => n + c, 0);
    return {
      name, requests: sorted.length, perSecond: sorted.length / elapsed,
      p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99),
      statuses: row.statuses, errors: non2xx + row.timeouts + row.connectionErrors, non2xx, timeouts: row.timeouts,
      connectionErrors: row.connectionErrors, conflicts: row.statuses['409'] ?? 0,
      cpuMsPerRequest: answers > 0 ? cpuMs / workedOn : NaN, cpuMs, workedOn,
      cpuMsPerAnswerDuringLoad: answers > 0 ? cpuMsDuringLoad / answers : NaN, cpuMsDuringLoad, mixAnswers: answers,
      rssMb: rss, seconds: elapsed, settled,
    };
  });
}

// Waits until the server is quiet (under a tenth of a core for a second), at most 60 s; says whether it got there.
async function settle() {
  const sleep = ms => new Promise(r => setTimeout(r, ms));
  let quiet = 0;
  for (let i = 0; i < 120 && quiet < 2; i++) {
    const before = cpuTicks();
    await sleep(500);
    quiet = (cpuTicks() - before) * 1000 / ticksPerSecond < 50 ? quiet + 1 : 0;
  }
  return quiet >= 2;
}

// One request before the load: it must answer 200 within a minute, else the read is reported as not answered.
async function check(name, request) {
  try {
    const headers = request.requests ? { cookie: cookieHeader() } : request.headers;
    const response = await fetch(request.url, { headers, redirect: 'manual', signal: AbortSignal.timeout(60_000) });
    if (request.requests) keepCookies(response);
    const body = await response.arrayBuffer();
    return response.status === 200 ? { bytes: body.byteLength } : { failure: `answered ${response.status} before the load` };
  } catch (error) {
    return { failure: `no answer within 60 s before the load (${error.cause?.code ?? error.name})` };
  }
}

// The first workspace warms every read up (JIT, caches); the code is then warm for the next workspace's same reads.
async function loadReads(w, warm, rows) {
  for (const [name, request] of reads(w)) {
    const { bytes, failure } = await check(name, request);
    if (failure) {
      rows.push({ name, failure });
      log(`${w.label}: ${name}: ${failure}`);
      writeReport();
      continue;
    }
    if (warm && warmup > 0) await measure([{ name, options: { connections: readConnections, ...request } }], warmup);
    const [row] = await measure([{ name, options: { connections: readConnections, ...request } }], duration);
    row.bytes = bytes;
    rows.push(row);
    writeReport();
    log(`${w.label}: ${name}: ${row.perSecond.toFixed(1)}/s p95 ${ms(row.p95)} ms, ${fixed(row.cpuMsPerRequest)} ms CPU, ${row.errors} errors`);
    if (freshSeconds > 0) {
      const [fresh] = await measure([{ name: `${name}, worked out afresh (2 connections)`, options: { connections: 2, ...afresh(request) } }], freshSeconds);
      rows.push(fresh);
      writeReport();
      log(`${w.label}: ${fresh.name}: ${fresh.perSecond.toFixed(1)}/s p95 ${ms(fresh.p95)} ms, ${fixed(fresh.cpuMsPerRequest)} ms CPU, ${fresh.errors} errors`);
    }
  }
}

// A small deterministic random sequence, so that two runs post the same evaluations.
function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function writeParts(w) {
  const auth = { authorization: `Bearer ${w.token}`, 'content-type': 'application/json' };
  const evaluators = Math.ceil(writeConnections / 2);
  const editors = writeConnections - evaluators;
  const next = random(11);
  const today = new Date().toISOString().slice(0, 10);
  const parts = [{
    name: 'write: evaluation created (POST)',
    options: {
      connections: evaluators,
      requests: [{
        method: 'POST', path: `${w.api}/evaluations`, headers: auth,
        setupRequest: req => ({
          ...req,
          body: JSON.stringify({
            score: 1 + Math.floor(next() * 10), evaluatedOn: today,
            touchpointId: w.touchpointIds[Math.floor(next() * w.touchpointIds.length)], comment: 'load benchmark',
          }),
        }),
      }],
    },
  }];
  // One autocannon instance per editing connection: its own step, and the version it last saw, so no two edits race.
  for (const { journeyId, step } of w.steps.slice(0, editors)) {
    let version = step.version;
    let edits = 0;
    const content = {
      action: step.action, thoughtsAndMotivation: step.thoughtsAndMotivation, questions: step.questions, obstacles: step.obstacles,
      emotion: step.emotion, touchpointIds: step.touchpointIds, backstageDepartmentId: step.backstageDepartmentId,
      waitingMinutes: step.waitingMinutes, isMomentOfTruth: step.isMomentOfTruth, isPainPoint: step.isPainPoint,
      isBrandSuccessPoint: step.isBrandSuccessPoint,
    };
    parts.push({
      name: 'write: step edited (PUT, If-Match)',
      options: {
        connections: 1,
        requests: [{
          method: 'PUT', path: `${w.api}/journeys/${journeyId}/steps/${step.id}`,
          setupRequest: req => ({
            ...req,
            headers: { ...auth, 'if-match': `"${version}"` },
            body: JSON.stringify({ ...content, notes: `${step.notes ?? ''} (load benchmark edit ${++edits})`.trim() }),
          }),
          onResponse: (status, body) => {
            try {
              const answer = JSON.parse(body);
              version = answer.version ?? answer.currentVersion ?? version;
            } catch { /* a refusal without a body keeps the last version */ }
          },
        }],
      },
    });
  }
  return parts;
}

async function loadWrites(w, into) {
  const rows = await measure(writeParts(w), duration);
  into.push(...rows);
  writeReport();
  for (const row of rows) log(`${w.label}: ${row.name}: ${row.perSecond.toFixed(1)}/s p95 ${ms(row.p95)} ms, ${row.conflicts} conflicts, ${row.errors} errors`);
}

// ---- report ------------------------------------------------------------------------------------------------------
const log = line => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const ms = v => (!Number.isFinite(v) ? '–' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
const fixed = v => (!Number.isFinite(v) ? '–' : v.toFixed(2));

function table(results) {
  const lines = [
    '| request | workspace | requests/s | p50 ms | p95 ms | p99 ms | errors | 409 | server CPU ms/request | large ÷ demo CPU | RSS after, MB |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const names = [...new Set(results.flatMap(r => r.rows.map(row => row.name)))];
  const demo = results.find(r => r.label === 'demo');
  for (const name of names) {
    for (const r of results) {
      const row = r.rows.find(x => x.name === name);
      if (!row) continue;
      if (row.failure) { lines.push(`| ${name} | ${r.label} | – | – | – | – | ${row.failure} | – | – | – | – |`); continue; }
      const mix = name.startsWith('write:') ? ' (mix)' : '';
      const base = demo?.rows.find(x => x.name === name && !x.failure);
      const ratio = r !== demo && base ? fixed(row.cpuMsPerRequest / base.cpuMsPerRequest) : '';
      const errors = row.errors === 0 ? '0' : `${row.errors} (${[row.non2xx && `${row.non2xx} non-2xx`, row.timeouts && `${row.timeouts} timeouts`,
        row.connectionErrors && `${row.connectionErrors} connection errors`].filter(Boolean).join(', ')})`;
      lines.push(`| ${name} | ${r.label} | ${row.perSecond.toFixed(1)} | ${ms(row.p50)} | ${ms(row.p95)} | ${ms(row.p99)} | ${errors} | ${row.conflicts} | ` +
        `${fixed(row.cpuMsPerRequest)}${mix}${row.settled ? '' : ' †'} | ${ratio} | ${row.rssMb.toFixed(0)} |`);
    }
  }
  return lines.join('\n');
}

const results = [];
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const loadBefore = loadAverage();
let loadAfter = '(still loading)';
let idleRss = NaN;
let idleParts = null;
let rssAfterSetup = NaN;

// Written after every run, so that a run cut short still leaves what it measured.
function writeReport() {
  const report = [
    header,
    '',
    `Reads: ${readConnections} connections for ${duration} s each (after ${warmup} s of warm-up in the first workspace); write mix: ${writeConnections} connections ` +
      `(${Math.ceil(writeConnections / 2)} creating evaluations, ${writeConnections - Math.ceil(writeConnections / 2)} editing a step each) for ${duration} s. ` +
      'Latency over every answer. CPU = user+system time of the server process from the start of the run until it is quiet again ÷ the requests it worked on ' +
      '(answers + timed-out + the one in flight on each connection when the run stopped); for the write mix over all its requests. ' +
      `Reads are sent with Accept-Encoding: ${acceptEncoding || '(none)'}` +
      (freshSeconds > 0 ? `; each is also timed "worked out afresh": ${freshSeconds} s at 2 connections, every request with a query parameter of its own, so no kept answer serves it.` : '.'),
    '',
    ...results.map(r => `- **${r.label}** (\`${r.key}\`${r.note ? `, ${r.note}` : ''}): ${r.journeys} maps, ${r.touchpoints} touchpoints, ` +
      `${r.evaluations} evaluations before the writes; the map loaded is "${r.map}" (${r.mapSteps} steps, the median).`),
    '',
    table(results),
    '',
    ...(results.some(r => r.rows.some(row => row.settled === false))
      ? ['† the server was still busy 60 s after the load stopped: this CPU figure misses the rest of its work (and the next run may include it).', '']
      : []),
    `Server memory (RSS): ${rssAfterSetup.toFixed(0)} MB after sign-in, before any load; ` +
      (Number.isFinite(idleRss) ? `${idleRss.toFixed(0)} MB idle ${idleSeconds} s after the last load` +
        (idleParts ? ` (anonymous ${idleParts.anonymous.toFixed(0)} MB, files mapped ${idleParts.file.toFixed(0)} MB, shared memory ${idleParts.shmem.toFixed(0)} MB).` : '.') : 'idle memory not measured (the run did not finish).'),
    `Load average (1, 5, 15 min): ${loadBefore} before, ${loadAfter} after the loads.`,
    '',
  ].join('\n');
  writeFileSync(out, report);
  writeFileSync(out.replace(/\.md$/, '') + '.json', JSON.stringify({ results, rssAfterSetup, idleRss, idleParts, loadBefore, loadAfter }, null, 2));
  return report;
}

await signIn();
log(`signed in as ${adminEmail}`);
rssAfterSetup = rssMb();
for (const ws of workspaces) {
  const w = await prepare(ws);
  log(`${w.label} (${w.key}): ${w.journeyCount} maps, median map "${w.map.name}" with ${w.medianSteps} steps, ${w.touchpointTotal} touchpoints, ${w.evaluationTotal} evaluations`);
  const entry = { label: w.label, key: w.key, note: w.note, journeys: w.journeyCount, map: w.map.name, mapSteps: w.medianSteps,
    touchpoints: w.touchpointTotal, evaluations: w.evaluationTotal, rows: [] };
  const warm = results.length === 0;
  results.push(entry);
  await loadReads(w, warm, entry.rows);
  await loadWrites(w, entry.rows);
}
loadAfter = loadAverage();
log(`waiting ${idleSeconds} s for the idle memory`);
await new Promise(r => setTimeout(r, idleSeconds * 1000));
idleRss = rssMb();
idleParts = memoryParts();
console.log(writeReport());
