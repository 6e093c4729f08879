import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A copy of the built package (bin, dist, data) in a temp folder, to edit its bundled files or break
 * its dist without touching the working tree. `npm test` builds first.
 */
export function copyInstall(): { dir: string; bin: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cuenta-plan-install-'));
  for (const part of ['bin', 'dist', 'data']) cpSync(join(root, part), join(dir, part), { recursive: true });
  return { dir, bin: join(dir, 'bin', 'cuenta-plan.js') };
}
