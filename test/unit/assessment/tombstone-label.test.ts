/**
 * How a deleted document is named in the Berita Acara, the import summary and the merge screen:
 * the file name, with the title only where it says more than the file name.
 */
import { describe, expect, it } from 'vitest';
import { tombstoneLabel, type Tombstone } from '../../../shared/assessment/tombstone';

const deleted = (fileName: string, title: string): Tombstone =>
  ({
    id: 't-1',
    evaluationId: 'e-1',
    at: Date.UTC(2026, 11, 7),
    by: { memberId: null, name: 'Budi Santoso' },
    entity: 'evidence',
    evidence: { fileName, title },
    links: [],
  }) as unknown as Tombstone;

describe('tombstoneLabel', () => {
  it('names a document by its file name and a title of its own', () => {
    expect(tombstoneLabel(deleted('perwal_15_2022.pdf', 'Perwal 15/2022 tentang SPBE'))).toBe(
      'perwal_15_2022.pdf (Perwal 15/2022 tentang SPBE)',
    );
  });

  it('leaves out the title the app made from the file name', () => {
    expect(tombstoneLabel(deleted('notulen-rapat.pdf', 'notulen-rapat'))).toBe('notulen-rapat.pdf');
    expect(tombstoneLabel(deleted('perwal_15_2022.pdf', 'perwal 15 2022'))).toBe(
      'perwal_15_2022.pdf',
    );
    expect(tombstoneLabel(deleted('sk.pdf', 'sk.pdf'))).toBe('sk.pdf');
    expect(tombstoneLabel(deleted('sk.pdf', '  '))).toBe('sk.pdf');
  });
});
