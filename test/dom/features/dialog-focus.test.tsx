/**
 * Where the focus lands when a dialog opens: on the first field (or the element marked
 * `data-autofocus`), never on ✕. Typing a name straight after "Tambah anggota" fills the name;
 * it used to press ✕ with the space and close the dialog with the input. A confirmation focuses
 * its safe answer, Batal.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemberId } from '../../../shared/assessment';
import { ConfirmDialog, Dialog } from '../../../renderer/src/components/dialog';
import { createEvaluation } from '../../../renderer/src/db/commands/evaluations';
import { TeamPage } from '../../../renderer/src/features/team/team-page';
import { WorkspaceProvider } from '../../../renderer/src/features/workspace/workspace-context';
import { resetDatabase, sampleInput } from '../db/helpers';

// jsdom has no modal dialogs. Open by the attribute and focus as a browser's showModal() does
// without an autofocus attribute: the first focusable element in the dialog (its ✕).
HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
  this.setAttribute('open', '');
  this.querySelector<HTMLElement>('button, input, select, textarea, [href]')?.focus();
};
HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
  this.removeAttribute('open');
};

const actor = { id: 'm1' as MemberId, name: 'Siti Aminah' };

beforeEach(resetDatabase);
afterEach(cleanup);

describe('focus on opening a dialog', () => {
  it('"Tambah anggota": typing straight away fills the name and keeps the dialog open', async () => {
    const id = await createEvaluation(sampleInput(), actor);
    render(
      <WorkspaceProvider id={id}>
        <TeamPage />
      </WorkspaceProvider>,
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Tambah anggota' }));
    const dialog = screen.getByRole('dialog', { name: 'Tambah anggota tim' });
    const name = within(dialog).getByLabelText('Nama lengkap');
    expect(name).toHaveFocus();
    await user.keyboard('Rizky Pratama');
    expect(screen.getByRole('dialog', { name: 'Tambah anggota tim' })).toBeInTheDocument();
    expect(name).toHaveValue('Rizky Pratama');
  });

  it('prefers the element marked data-autofocus, and skips disabled and hidden fields', () => {
    render(
      <Dialog open title="Uji" onClose={() => undefined}>
        <input aria-label="Tidak aktif" disabled />
        <input aria-label="Tersembunyi" hidden />
        <input aria-label="Pertama" />
        <input aria-label="Ditandai" data-autofocus />
      </Dialog>,
    );
    expect(screen.getByLabelText('Ditandai')).toHaveFocus();
    cleanup();
    render(
      <Dialog open title="Uji" onClose={() => undefined}>
        <input aria-label="Tidak aktif" disabled />
        <input aria-label="Tersembunyi" hidden />
        <input aria-label="Pertama" />
      </Dialog>,
    );
    expect(screen.getByLabelText('Pertama')).toHaveFocus();
  });

  it('a confirmation focuses Batal, not ✕ and not the destructive answer', () => {
    render(
      <ConfirmDialog
        open
        title="Tinggalkan halaman ini?"
        message="Perubahan yang belum disimpan akan hilang."
        confirmLabel="Tinggalkan halaman"
        danger
        onConfirm={() => undefined}
        onCancel={() => undefined}
      />,
    );
    expect(screen.getByRole('button', { name: 'Batal' })).toHaveFocus();
  });
});

describe('focus on closing a dialog', () => {
  async function openAddMember() {
    const id = await createEvaluation(sampleInput(), actor);
    render(
      <WorkspaceProvider id={id}>
        <TeamPage />
      </WorkspaceProvider>,
    );
    const user = userEvent.setup();
    const add = await screen.findByRole('button', { name: 'Tambah anggota' });
    await user.click(add);
    return { user, add, dialog: screen.getByRole('dialog', { name: 'Tambah anggota tim' }) };
  }

  // The team page renders its dialog only while it is needed: closing unmounted it still open,
  // and the focus fell to <body> instead of going back to "Tambah anggota".
  it('Escape returns the focus to "Tambah anggota"', async () => {
    const { add, dialog } = await openAddMember();
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    expect(screen.queryByRole('dialog', { name: 'Tambah anggota tim' })).not.toBeInTheDocument();
    expect(add).toHaveFocus();
  });

  it('✕ and Simpan return the focus to "Tambah anggota"', async () => {
    const { user, add, dialog } = await openAddMember();
    await user.click(within(dialog).getByRole('button', { name: 'Tutup dialog' }));
    expect(add).toHaveFocus();
    await user.click(add);
    const again = screen.getByRole('dialog', { name: 'Tambah anggota tim' });
    await user.type(within(again).getByLabelText('Nama lengkap'), 'Rizky Pratama');
    await user.click(within(again).getByRole('button', { name: 'Simpan' }));
    expect(await screen.findByRole('cell', { name: /^Rizky Pratama/ })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // The focus returns once the saved member is read back; a busy machine gets there later.
    await waitFor(() => expect(add).toHaveFocus());
  });
});
