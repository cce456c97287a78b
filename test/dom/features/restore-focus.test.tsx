/**
 * Where the keyboard focus is once a backup has been checked: the check's "Batalkan" had it and
 * goes away with the check, so the focus fell to the page body (a screen reader said nothing, the
 * next Tab started anew). It moves to the first choice of the preview, or to "Tutup" of a refusal.
 */
import { cleanup, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupBlob, populate } from '../db/backup-helpers';
import { resetDatabase } from '../db/helpers';
import { openRestorePreview } from '../support/restore-preview';

beforeEach(resetDatabase);
afterEach(cleanup);

const renderPreview = (file: Blob) => openRestorePreview(file);

describe('the focus after a backup is checked', () => {
  it('moves to the first choice of the preview', async () => {
    await populate();
    const dialog = await renderPreview(await backupBlob());
    const first = await within(dialog).findByRole('radio', { name: /^Ganti seluruh data/ });
    // The focus moves in an effect after the preview is drawn: waited for, not assumed at once
    // (on a busy machine the preview can be found before the effect has run).
    await waitFor(() => expect(first).toHaveFocus());
  });

  it('moves to "Tutup" of a refusal', async () => {
    const dialog = await renderPreview(new Blob(['bukan cadangan']));
    await within(dialog).findByRole('alert');
    const close = within(dialog).getByRole('button', { name: 'Tutup' });
    await waitFor(() => expect(close).toHaveFocus());
  });
});
