/**
 * The binary writes its output to file descriptors 1 and 2 directly (src/process-io.ts): the same bytes
 * whether stdout is a pipe or a file, and a reader that stops early is not an error.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { binPath, runBinary } from './run.js';

const tmp = mkdtempSync(join(tmpdir(), 'cuenta-plan-io-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// About 350 KB of JSON (under spawnSync's 1 MB buffer): more than a pipe holds, so the writer must wait for the reader.
const bigOutput = ['sweep', '--from', '100', '--to', '1000000', '--points', '300', '--format', 'json'];

it('writes the same bytes to a pipe and to a file', () => {
  const piped = runBinary(bigOutput);
  expect(piped.code).toBe(0);
  expect(piped.stdout.length).toBeGreaterThan(100_000);
  const file = join(tmp, 'out.json');
  const fd = openSync(file, 'w');
  const child = spawnSync(process.execPath, [binPath, ...bigOutput], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
  closeSync(fd);
  expect(child.status).toBe(0);
  expect(readFileSync(file, 'utf8')).toBe(piped.stdout);
});

it('exits 0 without a word when the reader closes the pipe early (`| head`)', async () => {
  const child = spawn(process.execPath, [binPath, ...bigOutput], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(stderr).toBe('');
  expect(code).toBe(0);
});
