/**
 * "Ganti berkas" in the Bukti Dukung library: the dialog says what stays (title and the links to
 * indicators), a refused file is said in the dialog where the user acts and changes nothing, a
 * chosen file puts the focus on "Ganti berkas", and after the replacement the row shows the new
 * file under the same title, the keyboard back on the row's "Ganti berkas".
 */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvaluationId, EvidenceId } from '../../../shared/assessment';
import { App } from '../../../renderer/src/app/app';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import {
  addEvidenceFile,
  linkEvidence,
  updateEvidenceMetadata,
} from '../../../renderer/src/db/commands/evidence';
import { db } from '../../../renderer/src/db/db';
import { pickedFromBlob } from '../../../renderer/src/platform/picked-file';
import { pdfFile, resetDatabase, sampleInput } from '../db/helpers';
import { testPlatform } from '../support/platform';

const actor = { id: null, name: 'Hendra Wijaya' };
let id: EvaluationId;
let doc: EvidenceId;

beforeEach(async () => {
  await resetDatabase();
  id = await createEvaluation(sampleInput(), actor);
  const added = await addEvidenceFile(id, pdfFile('SK Tim draft.pdf', 'draf'), actor, {
    linkTo: { indicator: 1, levels: [1] },
  });
  if (!added.ok) throw new Error(added.message);
  doc = added.evidence.id;
  await linkEvidence(id, doc, 3, [2], '', actor);
  await updateEvidenceMetadata(
    doc,
    {
      kind: 'sk',
      title: 'SK Tim Koordinasi SPBE',
      number: '',
      documentDate: null,
      description: '',
    },
    actor,
  );
  window.location.hash = `#/evaluasi/${id}/bukti`;
});
afterEach(cleanup);

describe('Ganti berkas', () => {
  it('replaces the file of a document, keeping its title and links, and says a refusal in the dialog', async () => {
    const picks = [
      new File(['MZ'], 'SK Tim.exe'),
      pdfFile('SK Tim ditandatangani.pdf', 'versi bertanda tangan'),
    ];
    const { platform } = testPlatform({
      pickFiles: async () => {
        const f = picks.shift()!;
        return [pickedFromBlob(f, f.name)];
      },
    });
    render(<App platform={platform} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Ganti berkas SK Tim draft.pdf' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Ganti berkas: SK Tim Koordinasi SPBE',
    });
    expect(dialog).toHaveTextContent('Berkas saat ini: SK Tim draft.pdf');
    expect(dialog).toHaveTextContent('dan tautan ke indikator 1, 3 tetap');
    const replace = within(dialog).getByRole('button', { name: 'Ganti berkas' });
    expect(replace).toBeDisabled();
    const choose = within(dialog).getByRole('button', { name: 'Pilih berkas pengganti…' });
    expect(choose).toHaveFocus();

    // A file an upload would refuse: said where the user acts; nothing changes.
    await user.click(choose);
    await waitFor(() => expect(replace).toHaveFocus());
    await user.click(replace);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      /^Jenis berkas "SK Tim.exe" tidak diterima sebagai bukti dukung/,
    );
    expect((await db.evidence.get(doc))?.fileName).toBe('SK Tim draft.pdf');

    await user.click(choose);
    expect(dialog).toHaveTextContent('Berkas pengganti: SK Tim ditandatangani.pdf');
    await waitFor(() => expect(replace).toHaveFocus());
    await user.keyboard('{Enter}');
    expect(
      await screen.findByText(
        'Berkas dokumen "SK Tim Koordinasi SPBE" diganti dengan "SK Tim ditandatangani.pdf". Judul, keterangan dan tautan ke indikator 1, 3 tetap.',
      ),
    ).toBeVisible();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const again = await screen.findByRole('button', {
      name: 'Ganti berkas SK Tim ditandatangani.pdf',
    });
    await waitFor(() => expect(again).toHaveFocus());
    const row = again.closest('tr')!;
    expect(row).toHaveTextContent('SK Tim Koordinasi SPBE');
    expect(row).toHaveTextContent('1, 3');
    expect(await db.evidence.where('evaluationId').equals(id).count()).toBe(1);
  });
});
