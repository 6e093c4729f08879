// The bundled catalog at each phase's midpoint: the figures README.md and docs/model.md show (scripts/docs.mjs
// re-runs both examples, so the tables follow the engine). Each phase is simulated at ⌊(min + max) / 2⌋ of its
// user range — the users test/golden uses — with the offline snapshot prices:
//   node scripts/midpoints.mjs          peak, cost (floor + variable) against the document's quote, availability
//   node scripts/midpoints.mjs --full   also requests a month, the availability band and the budget status
// Every figure is a field of `cuenta-plan simulate --users N --format json`; the column heads name them.
// Needs the build (npm run build).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/cuenta-plan.js', import.meta.url));
const full = process.argv.includes('--full');

const run = (...args) => JSON.parse(execFileSync(process.execPath, [bin, ...args, '--format', 'json'], { encoding: 'utf8' }));

const usd = (x) => `$${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const count = (x) => x.toLocaleString('en-US', { maximumFractionDigits: x < 10 ? 1 : 0 });
const percent = (x) => x.toFixed(4);
const millions = (x) => `${(x / 1e6).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} M`;

const rows = run('catalog', 'show').phases.map(({ id, users }) => {
  const n = Math.floor((users.min + users.max) / 2);
  const { workload: w, cost: c, availability: a } = run('simulate', '--users', String(n), '--phase', String(id));
  return [
    String(id),
    count(n),
    count(w.concurrentUsers),
    count(w.impliedPeakConcurrentUsers),
    ...(full ? [millions(w.monthlyRequests)] : []),
    usd(c.totalUsd),
    `${usd(c.floorUsd)} + ${usd(c.variableUsd)}`,
    c.quotedTotalUsd === null ? '—' : usd(c.quotedTotalUsd),
    ...(full ? [c.budget.status] : []),
    full ? `${percent(a.expectedPercent)} (${percent(a.expectedLowPercent)}–${percent(a.expectedHighPercent)})` : percent(a.expectedPercent),
    percent(a.slaPercent),
    `${a.targetPercent} ${a.pass ? 'met' : 'missed'}`,
  ];
});

const heads = [
  'phase',
  'users',
  'design peak',
  'implied peak',
  ...(full ? ['requests/month'] : []),
  'cost/month',
  'floor + variable',
  'document',
  ...(full ? ['budget'] : []),
  full ? 'expected % (band)' : 'expected %',
  'SLA floor %',
  'target %',
];
// Text columns (the floor split, the target verdict) align left, figures right.
const left = new Set(['floor + variable', 'target %']);
const widths = heads.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) =>
  cells
    .map((cell, i) => (left.has(heads[i]) ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
    .join('  ')
    .trimEnd();
console.log([line(heads), ...rows.map(line)].join('\n'));
