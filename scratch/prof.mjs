import { readFileSync, readdirSync } from 'node:fs';
const dir = process.argv[2];
const f = readdirSync(dir).find((x) => x.endsWith('.cpuprofile'));
const p = JSON.parse(readFileSync(`${dir}/${f}`));
const self = new Map(); const byId = new Map(p.nodes.map((n) => [n.id, n]));
const dt = new Map(); for (let i = 0; i < p.samples.length; i++) dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
for (const n of p.nodes) { const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/.*node_modules\//, '').replace('file:///work/main/', '')}:${n.callFrame.lineNumber}`; self.set(key, (self.get(key) ?? 0) + (dt.get(n.id) ?? 0)); }
const total = [...self.values()].reduce((a, b) => a + b, 0);
// inclusive by package
const pkg = new Map();
for (const n of p.nodes) { const u = n.callFrame.url; const m = u.match(/node_modules\/((@[^/]+\/)?[^/]+)/); const k = m ? m[1] : (u.includes('/work/main/') ? 'ours:' + u.replace(/.*work\/main\//,'') : (u || n.callFrame.functionName)); pkg.set(k, (pkg.get(k) ?? 0) + (dt.get(n.id) ?? 0)); }
console.log('self time by package/file (top 25):');
for (const [k, v] of [...pkg].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((100 * v / total).toFixed(1).padStart(5) + '%  ' + k);
