import type { Command } from 'commander';
import { loadCatalog } from '../catalog/load.js';
import { ExternalError, UserError } from '../errors.js';
import { emit } from '../output.js';
import { mergePriceCache, priceCachePath, readPriceCache, writePriceCache, type CachedProduct } from '../pricing/cache-file.js';
import { pricingShowResult, PRICING_SCHEMA_VERSION, type PricingRefreshResult } from '../pricing/cache-summary.js';
import { cachedProductOf } from '../pricing/live-chain.js';
import { fetchLivePrices } from '../pricing/live-fetch.js';
import { liveProductsFor } from '../pricing/live-products.js';
import { renderPricingRefreshMarkdown, renderPricingRefreshTable, renderPricingShowMarkdown, renderPricingShowTable } from '../render/pricing.js';
import type { CommandContext } from './context.js';
import { cacheTtlOption, catalogPriceKeys } from './pricing.js';

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

function parseRegion(raw: string): string {
  if (!REGION.test(raw)) throw new UserError(`--region takes an AWS region id such as us-east-1 or eu-west-1; got "${raw}"`);
  return raw;
}

const REGION_HELP = "the region to price (default: the price book's, us-east-1 for the bundled snapshot)";

export function registerPricing(program: Command, ctx: CommandContext): void {
  const pricing = program
    .command('pricing')
    .description('live AWS prices: refresh the local price cache, and show what it holds')
    .addHelpText(
      'after',
      `
--pricing live on simulate, compare, sweep and solve asks the AWS Price List for the catalog's EC2, RDS/Aurora and
ElastiCache instances (with their reserved terms); when that fails it falls back to this cache, then to the
snapshot, saying so on stderr. Credentials come from the AWS SDK's default chain (environment, ~/.aws, SSO, roles).

Examples:
  $ cuenta-plan pricing refresh                 price the bundled catalog's instances now and cache them
  $ cuenta-plan pricing refresh --region eu-west-1
  $ cuenta-plan pricing show                    what is cached, and how old`,
    );

  pricing
    .command('refresh')
    .description("ask the AWS Price List for the catalog's instance prices now and write them to the price cache")
    .option('--region <region>', REGION_HELP, parseRegion)
    .action(async (options: { region?: string }, command: Command) => {
      const globals = ctx.globals(command);
      const base = ctx.snapshotBook(globals);
      const { catalog } = loadCatalog(globals.catalog, base);
      const region = options.region ?? base.meta.region;
      const outcomes = await fetchLivePrices(liveProductsFor(catalogPriceKeys(catalog), region));
      const cacheFile = priceCachePath(ctx.io.env, region);
      const fetched: Record<string, CachedProduct> = {};
      for (const outcome of outcomes) if (outcome.ok) fetched[outcome.product.key] = cachedProductOf(outcome);
      // A cache that cannot be read is replaced: this run has fresher prices than whatever it held.
      if (Object.keys(fetched).length > 0) writePriceCache(cacheFile, mergePriceCache(readPriceCache(cacheFile, region).cache, region, fetched));
      const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
      const result: PricingRefreshResult = {
        schemaVersion: PRICING_SCHEMA_VERSION,
        command: 'pricing refresh',
        region,
        cacheFile,
        products: Object.entries(fetched)
          .map(([key, p]) => ({ key, serviceCode: p.serviceCode, sku: p.sku, retrievedAt: p.retrievedAt, prices: Object.keys(p.prices).length }))
          .sort(byKey),
        failed: outcomes.flatMap((o) => (o.ok ? [] : [{ key: o.product.key, reason: o.error.reason }])).sort(byKey),
      };
      emit(result, { table: renderPricingRefreshTable, md: renderPricingRefreshMarkdown }, globals, ctx.io);
      if (result.failed.length > 0) {
        throw new ExternalError(`${result.failed.length} of ${outcomes.length} products could not be refreshed; the others were cached (see the list above)`);
      }
    });

  pricing
    .command('show')
    .description('list the cached live prices: each product, its SKU, when it was retrieved and how old it is')
    .option('--region <region>', REGION_HELP, parseRegion)
    .addOption(cacheTtlOption())
    .action((options: { region?: string; cacheTtl: number }, command: Command) => {
      const globals = ctx.globals(command);
      const region = options.region ?? ctx.snapshotBook(globals).meta.region;
      const cacheFile = priceCachePath(ctx.io.env, region);
      const read = readPriceCache(cacheFile, region);
      if (read.problem !== undefined) throw new ExternalError(`the price cache cannot be read: ${read.problem}; \`cuenta-plan pricing refresh\` rewrites it`);
      const result = pricingShowResult(read.cache, { region, cacheFile, now: new Date(), ttlMs: options.cacheTtl });
      emit(result, { table: renderPricingShowTable, md: renderPricingShowMarkdown }, globals, ctx.io);
    });
}
