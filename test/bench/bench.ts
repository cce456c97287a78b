/**
 * `npm run bench`: every measured figure of the product, one line each. Sections register
 * here as features arrive (evidence ingest, bundles, merge, reports).
 */
import { benchFiles } from './files.bench';
import { benchScoring } from './scoring.bench';

async function main(): Promise<void> {
  console.log(`Evaluasi SPBE bench — Node ${process.version}, ${process.platform}/${process.arch}`);
  await benchScoring();
  await benchFiles();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
