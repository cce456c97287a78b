/**
 * The scoring form's save status ("Semua perubahan tersimpan", "Belum disimpan: …"). The
 * indicator's history shows its own status ("Memuat riwayat…") while it loads, which a busy
 * machine leaves on screen longer: a test asking for "the" status would find two.
 */
import { screen } from '@testing-library/react';

export function saveStatus(): HTMLElement {
  const found = screen.getAllByRole('status').filter((s) => s.classList.contains('save-indicator'));
  if (found.length !== 1) throw new Error(`${found.length} status simpan ditemukan`);
  return found[0]!;
}
