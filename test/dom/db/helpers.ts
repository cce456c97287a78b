/** Shared setup for database tests: a fresh database per test, sample inputs. */
import type { NewEvaluationInput } from '../../../shared/assessment';
import { db } from '../../../renderer/src/db/db';

export async function resetDatabase(): Promise<void> {
  db.close();
  await db.delete();
  await db.open();
}

export const sampleInput = (overrides: Partial<NewEvaluationInput> = {}): NewEvaluationInput => ({
  year: 2026,
  instrumentId: 'permenpanrb-59-2020',
  instrumentVersion: '1.0.0',
  profileId: null,
  instansi: {
    name: 'Pemerintah Kota Balikpapan',
    kind: 'kota',
    regionName: 'Balikpapan',
    province: 'Kalimantan Timur',
    headOfRegionTitle: 'Wali Kota',
    headOfRegionName: '',
    sekdaName: '',
    sekdaNip: '',
    ictAgencyName: 'Dinas Komunikasi dan Informatika',
    ictAgencyAbbreviation: 'Diskominfo',
    address: '',
  },
  ...overrides,
});

/** A File with the bytes given (PDF by default, with a real PDF signature). */
export function pdfFile(name: string, body = 'isi dokumen'): File {
  return new File([`%PDF-1.4\n${body}\n%%EOF`], name, { type: 'application/pdf' });
}
