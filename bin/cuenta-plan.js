#!/usr/bin/env node
import('../dist/cli.js').then(
  (cli) => cli.run(),
  (error) => {
    if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
      process.stderr.write('cuenta-plan: the CLI is not built yet. Run `npm run build` (npm ci does it for you).\n');
      process.exit(70);
    }
    throw error;
  },
);
