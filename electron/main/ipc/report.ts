/** IPC: printing an app route (the report) to a PDF file the user picks. */
import path from 'node:path';
import type { MainContext } from '../context';
import { asFileError } from '../errors';
import { AtomicWriter } from '../files/atomic-writer';
import { printRouteToPdf } from '../print';
import { askSavePath } from './files';
import type { Register } from './handle';

export function registerReportHandlers(register: Register, ctx: MainContext): void {
  register('report:print-pdf', async ({ route, suggestedName, title }, event) => {
    // Ask first: the user is not kept waiting for a render they then cancel.
    const target = await askSavePath(event, { kind: 'pdf', suggestedName, title });
    if (!target) return null;
    const pdf = await printRouteToPdf(route, ctx.createPrintWindow);
    let writer: AtomicWriter | undefined;
    try {
      writer = await AtomicWriter.create(target);
      await writer.write(0, pdf);
      const committed = await writer.commit();
      return { name: path.basename(committed.path), ...committed };
    } catch (error) {
      await writer?.abort().catch(() => undefined);
      throw asFileError(error, 'menyimpan', ctx.log);
    }
  });
}
