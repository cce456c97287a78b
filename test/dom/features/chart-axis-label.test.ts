import { describe, expect, it } from 'vitest';
import { wrapWords } from '../../../renderer/src/features/dashboard/axis-label';

describe('wrapWords (chart axis labels)', () => {
  it('folds a Pemdi aspect name into whole words per line', () => {
    expect(wrapWords('Keterpaduan Layanan Digital Pemerintah', 18, 3)).toEqual([
      'Keterpaduan',
      'Layanan Digital',
      'Pemerintah',
    ]);
    expect(wrapWords('Data', 18, 3)).toEqual(['Data']);
  });

  it('ends the last line with an ellipsis when the name needs more lines', () => {
    expect(wrapWords('Satu Dua Tiga Empat Lima Enam', 9, 2)).toEqual(['Satu Dua', 'Tiga…']);
  });

  it('cuts a word longer than a line', () => {
    expect(wrapWords('Interoperabilitasdata x', 10, 2)).toEqual(['Interoper…', 'x']);
  });
});
