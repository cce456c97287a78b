/**
 * A damaged deflated entry that inflates past its declared size (a flipped byte in a backup or a
 * .spbe file does it as well as a zip bomb) is said to be a damaged file first, as the other
 * refusals of a damaged file are, not only as a read that was stopped.
 */
import { describe, expect, it } from 'vitest';
import { bundleErrorFromZip, zipLib } from '../../../shared/bundle/zip/zip-lib';

describe('the refusal of an entry that inflates past its declared size', () => {
  it('says the file is damaged or altered, and which entry', () => {
    const error = bundleErrorFromZip(
      new Error(zipLib().ERR_INVALID_UNCOMPRESSED_SIZE),
      'tables/answers.json',
    );
    expect(error.code).toBe('zipBomb');
    expect(error.message).toBe(
      'Berkas rusak atau dimanipulasi: entri "tables/answers.json" menghasilkan lebih banyak data daripada ukuran yang dinyatakan; pembacaan dihentikan.',
    );
  });
});
