// `node tests/bench/long-tasks.mjs tests/bench/results/lighthouse-tablet-trace.json [min-ms]`:
// the main thread's long tasks in a Lighthouse trace kept by `npm run bench -- --only
// lighthouse --trace`, each with the functions the V8 sampling profiler saw in it (self time,
// and total time of the app's own functions), named through dist/client's source maps. Times
// are as observed, before Lighthouse's 4x slowdown: a task of 12.5 ms here is 50 ms there.
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';

const [file, minMs = '12'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node tests/bench/long-tasks.mjs <trace.json> [min-ms]');
  process.exit(64);
}
const ASSETS = join(import.meta.dirname ?? '.', '..', '..', 'dist', 'client', 'assets');
const trace = JSON.parse(readFileSync(file, 'utf8'));
const events = trace.traceEvents ?? trace;

const maps = new Map();
/** "function@folder/file.ts:line" for a frame of a built chunk, or undefined. */
function original(url, line, column) {
  const path = join(ASSETS, `${url.split('/').pop()}.map`);
  if (!maps.has(path)) {
    maps.set(path, existsSync(path) ? new SourceMap(JSON.parse(readFileSync(path, 'utf8'))) : null);
  }
  const entry = maps.get(path)?.findEntry(line, column);
  if (!entry?.originalSource) return undefined;
  const where = entry.originalSource.split('/').slice(-2).join('/');
  return `${entry.name ?? ''}@${where}:${entry.originalLine + 1}`;
}

const mainThreads = new Set(
  events
    .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`),
);
const start = events.find((e) => e.name === 'navigationStart')?.ts ?? events[0].ts;

// The sampling profiler's chunks, on a main thread.
let profile;
for (const e of events) {
  if (e.name === 'Profile' && mainThreads.has(`${e.pid}:${e.tid}`)) {
    profile = { id: e.id, start: e.args.data.startTime, nodes: new Map(), samples: [], deltas: [] };
  }
  if (e.name === 'ProfileChunk' && profile && e.id === profile.id) {
    const data = e.args.data;
    for (const node of data.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node);
    profile.samples.push(...(data.cpuProfile?.samples ?? []));
    profile.deltas.push(...(data.timeDeltas ?? []));
  }
}
const parents = new Map();
const times = [];
if (profile) {
  for (const node of profile.nodes.values()) if (node.parent) parents.set(node.id, node.parent);
  let t = profile.start;
  for (const delta of profile.deltas) times.push((t += delta));
}
const names = new Map();
function nameOf(id) {
  if (!names.has(id)) {
    const { callFrame: frame } = profile.nodes.get(id);
    names.set(
      id,
      frame.url
        ? (original(frame.url, frame.lineNumber, frame.columnNumber) ??
            `${frame.functionName || '(anonymous)'}@${frame.url.split('/').pop()}`)
        : frame.functionName,
    );
  }
  return names.get(id);
}
const ours = (name) => name?.includes('.ts:');
const top = (map, n) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
    .join(' | ');

const tasks = events.filter(
  (e) => e.name === 'RunTask' && mainThreads.has(`${e.pid}:${e.tid}`) && e.dur >= minMs * 1000,
);
for (const task of tasks) {
  console.log(
    `${((task.ts - start) / 1000).toFixed(0)} ms: a task of ${(task.dur / 1000).toFixed(1)} ms`,
  );
  if (!profile) continue;
  const self = new Map();
  const total = new Map();
  profile.samples.forEach((id, i) => {
    if (times[i] < task.ts || times[i] > task.ts + task.dur) return;
    const ms = (profile.deltas[i + 1] ?? 0) / 1000;
    self.set(nameOf(id), (self.get(nameOf(id)) ?? 0) + ms);
    const seen = new Set();
    for (let at = id; at; at = parents.get(at)) seen.add(nameOf(at));
    for (const name of seen) if (ours(name)) total.set(name, (total.get(name) ?? 0) + ms);
  });
  console.log(`  self:  ${top(self, 6)}`);
  if (total.size) console.log(`  ours:  ${top(total, 8)}`);
}
