/**
 * A Monte Carlo shared with worker threads, when asked for with CUENTA_PLAN_THREADS=N (N threads in all). Each
 * worker runs the same command line in the same bundle, so it draws from the same catalog, prices and evaluator
 * without anything crossing threads but samples: when the command reaches its Monte Carlo, the worker takes chunks
 * of samples from a shared counter, as the main thread does, posts each chunk's figures, and stops there (it never
 * writes output).
 *
 * Off by default: on the two-core machines this project is measured on, one thread already keeps the second core
 * busy with V8's garbage collector and compiler (2.1 s of CPU in 1.7 s for 10,000 samples), and a worker made the
 * run slower, not faster (bench/uncertainty.mjs). With more cores it may pay; measure before turning it on.
 *
 * The result is the same as in one thread, byte for byte: sample i always draws from stream i of the seed
 * (src/model/random.ts), percentiles sort every sample, and breaches are counts. A worker that fails or never
 * starts costs nothing but its share: the main thread computes every chunk it did not receive.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { buildId } from '../build-info.js';
import { drawSamples, summarize, type MonteCarloInput, type SampleBatch, type UncertaintySummary } from '../model/uncertainty.js';
import type { Io } from '../output.js';
import { packageRoot } from '../paths.js';

/** The first argument of a worker's command line: `run()` (src/cli.ts) hands the rest to `runSampleWorker`. */
export const SAMPLE_WORKER_FLAG = '--sample-worker';

/** Samples per chunk: small enough to balance the threads, large enough that posting costs nothing. */
const CHUNK = 250;
/** Below this a worker's start-up (~100 ms: a thread, the bundle, the command's set-up) costs more than it can save. */
export const PARALLEL_MIN_SAMPLES = 2000;

/** counter[0]: the next chunk to take; counter[1]: samples done by every thread (for the progress bar). */
interface WorkerData {
  counter: SharedArrayBuffer;
}

interface ChunkMessage {
  chunk: number;
  batch: SampleBatch<string>;
}

/** Set in a worker thread while its command runs: the counter it shares with the main thread. */
let share: { counter: Int32Array; post: (message: ChunkMessage | 'done') => void } | undefined;

/** Thrown in the worker once its share is posted: the rest of the command is the main thread's. */
class ShareDone extends Error {}

/**
 * The worker threads to start: CUENTA_PLAN_THREADS − 1, at most one per further core, none below a few thousand
 * samples or from the sources (a worker runs the built bin/cuenta-plan.js). The command decides the rest (its
 * inputs must read the same in a second run: no standard input, no live prices).
 */
export function workersFor(samples: number, env: NodeJS.ProcessEnv): number {
  const threads = Number(env.CUENTA_PLAN_THREADS ?? '1');
  if (buildId === undefined || samples < PARALLEL_MIN_SAMPLES || !Number.isInteger(threads) || threads < 2) return 0;
  return Math.min(threads, availableParallelism()) - 1;
}

const chunkRange = (chunk: number, samples: number) => ({ from: chunk * CHUNK, to: Math.min(samples, (chunk + 1) * CHUNK) });

/** Takes chunks until none is left, evaluating each and counting its samples as done. */
function takeChunks<M extends string>(input: MonteCarloInput<M>, counter: Int32Array, each: (chunk: number, batch: SampleBatch<M>) => void): void {
  const chunks = Math.ceil(input.samples / CHUNK);
  for (let chunk = Atomics.add(counter, 0, 1); chunk < chunks; chunk = Atomics.add(counter, 0, 1)) {
    const { from, to } = chunkRange(chunk, input.samples);
    const batch = drawSamples({ ...input, onProgress: undefined }, from, to);
    Atomics.add(counter, 1, to - from);
    each(chunk, batch);
  }
}

/**
 * In a worker: evaluates its share of the run and stops the command (ShareDone). In the main thread: undefined,
 * and the caller runs the Monte Carlo itself.
 * @throws ShareDone in a worker, always
 */
export function workerShare<M extends string>(input: MonteCarloInput<M>): never | undefined {
  if (share === undefined) return undefined;
  const { counter, post } = share;
  takeChunks(input, counter, (chunk, batch) => post({ chunk, batch }));
  post('done');
  throw new ShareDone();
}

/**
 * The Monte Carlo on this thread and `workers` worker threads started with the same command line. `progress`
 * hears the samples done by all.
 */
export async function sharedMonteCarlo<M extends string>(
  input: MonteCarloInput<M>,
  argv: readonly string[],
  workers: number,
  progress: (done: number, total: number) => void,
): Promise<UncertaintySummary<M>> {
  const counter = new Int32Array(new SharedArrayBuffer(8));
  const data: WorkerData = { counter: counter.buffer as SharedArrayBuffer };
  const chunks = Math.ceil(input.samples / CHUNK);
  const batches = new Map<number, SampleBatch<M>>();
  // Settles when every chunk is in, or every worker has ended (one that failed leaves its chunks, done below).
  let running = workers;
  let settle = () => {};
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const ended = () => {
    running -= 1;
    if (running === 0) settle();
  };
  const started = Array.from({ length: workers }, () => {
    const worker = new Worker(join(packageRoot, 'bin', 'cuenta-plan.js'), { argv: [SAMPLE_WORKER_FLAG, ...argv], workerData: data, stdout: true, stderr: true });
    let done = false;
    const end = () => {
      if (!done) ended();
      done = true;
    };
    worker.on('message', (message: ChunkMessage | 'done') => {
      if (message === 'done') end();
      else batches.set(message.chunk, message.batch as SampleBatch<M>);
      if (batches.size === chunks) settle();
    });
    worker.on('error', end);
    worker.on('exit', end);
    return worker;
  });
  takeChunks(input, counter, (chunk, batch) => {
    batches.set(chunk, batch);
    progress(Atomics.load(counter, 1), input.samples);
  });
  // Workers still starting when this thread took the last chunk have none to give: they are not waited for.
  if (batches.size < chunks) await settled;
  await Promise.all(started.map((worker) => worker.terminate()));
  for (let chunk = 0; chunk < chunks; chunk++) {
    if (batches.has(chunk)) continue;
    const { from, to } = chunkRange(chunk, input.samples);
    batches.set(chunk, drawSamples({ ...input, onProgress: undefined }, from, to));
  }
  progress(input.samples, input.samples);
  return summarize(input, [...batches.keys()].sort((a, b) => a - b).map((chunk) => batches.get(chunk)!));
}

/**
 * A worker thread's run: the command line after the flag, silent, its Monte Carlo shared through `workerData`.
 * @returns false on the main thread, where the flag is no option of cuenta-plan's (the caller reports it as such)
 */
export async function runSampleWorker(argv: string[], main: (argv: string[], io: Io) => Promise<number>): Promise<boolean> {
  const port = parentPort;
  if (port === null) return false;
  const { counter } = workerData as WorkerData;
  share = { counter: new Int32Array(counter), post: (message) => port.postMessage(message) };
  const silent: Io = { stdout: () => {}, stderr: () => {}, env: process.env, isTTY: false };
  await main(argv, silent);
  return true;
}
