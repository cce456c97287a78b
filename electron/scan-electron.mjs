// Electronegativity (Doyensec) over the code that runs in Electron: main, preload, and the
// renderer (its HTML with the CSP meta tag, and its sources). Fails on any finding of MEDIUM or HIGH severity, and on
// any file the scanner could not parse (a scan that silently skipped a file proves nothing).
// A finding that is intended carries an inline `eng-disable <CHECK>` comment with its reason at
// the flagged line. Usage: node electron/scan-electron.mjs  (npm run scan:electron)
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import run from '@doyensec/electronegativity';

const root = fileURLToPath(new URL('..', import.meta.url));
const electronVersion = JSON.parse(
  await readFile(path.join(root, 'node_modules/electron/package.json'), 'utf8'),
).version;

// Only the shipped Electron code: not the CLI (plain Node) nor this script.
const stage = await mkdtemp(path.join(os.tmpdir(), 'spbe-scan-'));
try {
  await cp(path.join(root, 'electron/main'), path.join(stage, 'electron/main'), {
    recursive: true,
  });
  await cp(path.join(root, 'electron/preload'), path.join(stage, 'electron/preload'), {
    recursive: true,
  });
  await cp(path.join(root, 'renderer/index.html'), path.join(stage, 'renderer/index.html'));
  await cp(path.join(root, 'renderer/src'), path.join(stage, 'renderer/src'), { recursive: true });

  const result = await run({
    input: stage,
    isRelative: true,
    isVerbose: false,
    electronVersionOverride: electronVersion,
    customScan: [],
    excludeFromScan: [],
    parserPlugins: [],
  });

  const blocking = result.issues.filter((issue) => issue.severity.value >= 2); // MEDIUM=2, HIGH=3
  const rows = result.issues.map(
    (i) =>
      `${i.severity.name.padEnd(13)} ${i.confidence.name.padEnd(9)} ${i.id.padEnd(34)} ${i.file}:${i.location.line}:${i.location.column}`,
  );
  console.log(
    `Electronegativity ${result.globalChecks + result.atomicChecks} checks, Electron ${electronVersion}: ` +
      `${result.issues.length} finding(s), ${blocking.length} medium or high, ${result.errors.length} parse error(s)`,
  );
  if (rows.length > 0) console.log(rows.join('\n'));
  for (const error of result.errors)
    console.error(`PARSE ERROR ${error.file}: ${error.message ?? error}`);
  if (blocking.length > 0 || result.errors.length > 0) process.exitCode = 1;
} finally {
  await rm(stage, { recursive: true, force: true });
}
