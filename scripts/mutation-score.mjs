// The mutation score of the files scored so far, from the committed incremental file (reports/stryker-incremental.json),
// per folder and in all: killed = Killed + Timeout, valid = killed + Survived + NoCoverage (Ignored static mutants
// are left out, as Stryker does). Usage: node scripts/mutation-score.mjs
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(new URL('../reports/stryker-incremental.json', import.meta.url), 'utf8'));
const KILLED = new Set(['Killed', 'Timeout']);
const MISSED = new Set(['Survived', 'NoCoverage']);
const folders = new Map();
const add = (name, killed, valid) => {
  const row = folders.get(name) ?? { files: 0, killed: 0, valid: 0 };
  folders.set(name, { files: row.files + 1, killed: row.killed + killed, valid: row.valid + valid });
};
for (const [file, { mutants }] of Object.entries(report.files)) {
  const killed = mutants.filter((m) => KILLED.has(m.status)).length;
  const valid = killed + mutants.filter((m) => MISSED.has(m.status)).length;
  add(file.split('/').slice(0, 2).join('/'), killed, valid);
  add('all', killed, valid);
}
const percent = ({ killed, valid }) => (valid === 0 ? 'n/a' : `${((100 * killed) / valid).toFixed(1)} %`);
for (const [name, row] of [...folders].sort(([a], [b]) => (a === 'all') - (b === 'all') || a.localeCompare(b))) {
  console.log(`${name.padEnd(12)} ${String(row.files).padStart(4)} files  ${String(row.killed).padStart(5)} / ${String(row.valid).padEnd(5)} killed  ${percent(row)}`);
}
