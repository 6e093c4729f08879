// Break-even on the bundled catalog: the search in-process (both margins, the implied opex), and the whole
// `cuenta-plan breakeven` process end to end, against a bare `node -e 0` run interleaved with it.
// Usage: node bench/breakeven.mjs   (npm run bench builds first; the end-to-end case needs the build)
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { importTs, medianMicros } from './bundle.mjs';

const TARGET_MS = 200;
const engine = await importTs('bench/breakeven-entry.ts');
const book = engine.loadSnapshotPriceBook();
const { catalog } = engine.loadCatalog(undefined, book);
const input = {
  catalog,
  revenue: catalog.revenue,
  thresholds: engine.thresholdsOf(catalog),
  infrastructureUsd: (plan) => engine.pricePlan(plan, book).totalUsd,
  opexUsd: catalog.revenue.opexUsdPerMonth.value,
  claimedPremiumUsers: 50000,
};
const evaluations = engine.breakeven(input).evaluations;

const bin = fileURLToPath(new URL('../bin/cuenta-plan.js', import.meta.url));
// As bench/startup.mjs: only PATH and HOME, as in a CI container. An inherited NODE_EXTRA_CA_CERTS (this
// sandbox sets one) makes every node start read the certificates, ~50 ms of `node -e 0` itself.
const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
const wallMs = (args) => {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const process_ = [];
const bare = [];
for (let i = 0; i < 9; i += 1) {
  bare.push(wallMs(['-e', '0']));
  process_.push(wallMs([bin, 'breakeven']));
}

const searchMs = medianMicros(() => engine.breakeven(input), { calls: 1, rounds: 9 }) / 1000;
const endToEnd = median(process_);
console.log(`breakeven — ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, medians`);
console.log(`  search in-process: ${evaluations} user counts sized and priced        ${`${searchMs.toFixed(1)} ms`.padStart(10)}`);
console.log(`  node -e 0                                                  ${`${median(bare).toFixed(1)} ms`.padStart(10)}`);
const ok = endToEnd <= TARGET_MS;
// On a loaded machine every process is slow alike: the time over a bare node start says what breakeven adds.
const over = `${(endToEnd - median(bare)).toFixed(1)} ms over node -e 0, ${(endToEnd / median(bare)).toFixed(2)}×`;
console.log(`  cuenta-plan breakeven, end to end                          ${`${endToEnd.toFixed(1)} ms`.padStart(10)}  (target ≤ ${TARGET_MS} ms) ${ok ? 'ok' : 'OVER'} — ${over}`);
if (!ok) process.exitCode = 1;
