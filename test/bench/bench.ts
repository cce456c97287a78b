/**
 * `npm run bench`: every measured figure of the product, one line each. Sections register
 * here as features arrive (evidence ingest, bundles, merge, reports).
 */
import path from 'node:path';
import { benchBackup } from './backup.bench';
import { benchReport } from './report.bench';
import { benchReportUi } from './report-ui.bench';
import { benchBundle } from './bundle.bench';
import { benchExchange } from './exchange.bench';
import { benchFiles } from './files.bench';
import { benchRekap } from './rekap.bench';
import { benchScoring } from './scoring.bench';
import { benchWorkspace } from './workspace.bench';

async function main(): Promise<void> {
  console.log(`Evaluasi SPBE bench — Node ${process.version}, ${process.platform}/${process.arch}`);
  await benchScoring();
  const root = path.resolve(__dirname, '../..');
  const only = process.env.BENCH_ONLY;
  if (!only || only === 'workspace') await benchWorkspace(root);
  if (!only || only === 'report') await benchReport();
  if (!only || only === 'report-ui') await benchReportUi(root);
  if (!only || only === 'bundle') await benchBundle();
  if (!only || only === 'files') await benchFiles();
  if (!only || only === 'exchange') await benchExchange(root);
  if (!only || only === 'backup') await benchBackup(root);
  if (!only || only === 'rekap') await benchRekap();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
