// `cuenta-plan pricing refresh` for the whole bundled catalog against a local AWS Price List (127.0.0.1,
// AWS JSON 1.1): the wall time of the built binary, process start-up included. Target: under a second.
// Usage: node bench/pricing-refresh.mjs [runs]   (npm run bench builds first)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 7);
const TARGET_MS = 1000;
const bin = fileURLToPath(new URL('../bin/cuenta-plan.js', import.meta.url));

/** One SKU with its on-demand price and the twelve reserved terms, as GetProducts returns it. */
function item(type, serviceCode) {
  const reserved = {};
  let n = 0;
  for (const years of [1, 3]) {
    for (const offeringClass of ['standard', 'convertible']) {
      // Effective rates: 1 y 0.06 / 0.0528 / 0.0457 per hour, 3 y 0.04 / 0.0352 / 0.0304 (all below on-demand 0.1, in order).
      const terms = years === 1 ? [['No Upfront', 0.06, 0], ['Partial Upfront', 0.03, 200], ['All Upfront', 0, 400]] : [['No Upfront', 0.04, 0], ['Partial Upfront', 0.02, 400], ['All Upfront', 0, 800]];
      for (const [option, hourly, upfront] of terms) {
        const code = `SKU.R${(n += 1)}`;
        reserved[code] = {
          priceDimensions: {
            [`${code}.H`]: { unit: 'Hrs', pricePerUnit: { USD: String(hourly) } },
            [`${code}.U`]: { unit: 'Quantity', pricePerUnit: { USD: String(upfront) } },
          },
          termAttributes: { LeaseContractLength: `${years}yr`, OfferingClass: offeringClass, PurchaseOption: option },
        };
      }
    }
  }
  const onDemand = { 'SKU.OD': { priceDimensions: { 'SKU.OD.H': { unit: 'Hrs', pricePerUnit: { USD: '0.1' } } } } };
  return JSON.stringify({ product: { sku: `SKU-${type}`, attributes: { instanceType: type, servicecode: serviceCode } }, terms: { OnDemand: onDemand, Reserved: reserved } });
}

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    const request = JSON.parse(body);
    const type = request.Filters.find((f) => f.Field === 'instanceType').Value;
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
    res.end(JSON.stringify({ FormatVersion: 'aws_v1', PriceList: [item(type, request.ServiceCode)] }));
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}`;

/** A bare `node -e 0`, interleaved with the runs: on a loaded machine it shows how much of the time is the machine's. */
function bare() {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' }).on('close', () => resolve(Number(process.hrtime.bigint() - start) / 1e6));
  });
}

function refresh(cacheHome) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: cacheHome,
      XDG_CACHE_HOME: cacheHome,
      AWS_ENDPOINT_URL_PRICING: url,
      AWS_ACCESS_KEY_ID: 'AKIDBENCH',
      AWS_SECRET_ACCESS_KEY: 'bench',
      AWS_EC2_METADATA_DISABLED: 'true',
    };
    const child = spawn(process.execPath, [bin, 'pricing', 'refresh', '--format', 'json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0 || stderr !== '') reject(new Error(`pricing refresh exited ${code}: ${stderr}`));
      else resolve({ ms, products: JSON.parse(stdout).products.length });
    });
  });
}

const scratch = mkdtempSync(join(tmpdir(), 'cuenta-plan-bench-refresh-'));
const times = [];
const baseline = [];
let products = 0;
try {
  for (let i = 0; i < runs; i += 1) {
    baseline.push(await bare());
    const run = await refresh(mkdtempSync(join(scratch, 'home-')));
    times.push(run.ms);
    products = run.products;
  }
} finally {
  server.close();
  rmSync(scratch, { recursive: true, force: true });
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
const bareMedian = [...baseline].sort((a, b) => a - b)[Math.floor(baseline.length / 2)];
console.log(
  `pricing refresh, whole bundled catalog (${products} products, one request each, local server): median ${median.toFixed(0)} ms over ${runs} runs ` +
    `(min ${sorted[0].toFixed(0)}, max ${sorted.at(-1).toFixed(0)}; node -e 0: ${bareMedian.toFixed(0)} ms); target < ${TARGET_MS} ms`,
);
if (median >= TARGET_MS) process.exitCode = 1;
