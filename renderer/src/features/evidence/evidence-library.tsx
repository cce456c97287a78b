/**
 * The evidence library of an evaluation: every document with its metadata, search, filter by
 * indicator, "unused" documents, a chosen order, the indicators each document supports (linking
 * it to more, letting one go: DocumentLinksDialog), preview, opening with the system, editing
 * metadata, replacing a document's file ("Ganti berkas", keeping its details and links), deleting
 * (the keyboard focus then goes to the next document's "Hapus").
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  evidenceEditSchema,
  evidenceKindLabel,
  evidenceKinds,
  type Evidence,
  type EvidenceEdit,
} from '../../../../shared/assessment';
import { formatDate, formatDateTime } from '../../../../shared/format/date';
import { formatBytes } from '../../../../shared/format/number';
import { ConfirmDialog, Dialog } from '../../components/dialog';
import { useFocusAfterRemoval } from '../../components/focus-after-removal';
import { TableScroll } from '../../components/table-scroll';
import { Field } from '../../components/field';
import { errorText, useNotify } from '../../components/notices';
import { deleteEvidence, updateEvidenceMetadata } from '../../db/commands/evidence';
import { IndicatorSelect } from '../../components/indicator-select';
import { useWorkspace } from '../workspace/workspace-context';
import { DropZone } from './drop-zone';
import { matchesEvidence, queryWords } from './evidence-match';
import { PreviewDialog, useOpenDocument } from './evidence-view';
import { ReplaceFileDialog } from './replace-file-dialog';
import { DocumentLinksDialog } from './document-links-dialog';
import { useAddFiles } from './use-add-files';
import './evidence.css';
import { fieldErrorMap } from '../../../../shared/format/zod-messages';
import { formatNumber } from '../../../../shared/format/number';
import {
  isLibraryOrder,
  libraryOrderLabel,
  libraryOrders,
  sortEvidence,
  type LibraryOrder,
} from './library-order';

function MetadataDialog({ evidence, onClose }: { evidence: Evidence; onClose: () => void }) {
  const { actor } = useWorkspace();
  const notify = useNotify();
  const { register, handleSubmit, formState } = useForm<EvidenceEdit>({
    resolver: zodResolver(evidenceEditSchema, { error: fieldErrorMap }),
    defaultValues: {
      kind: evidence.kind,
      title: evidence.title,
      number: evidence.number,
      documentDate: evidence.documentDate,
      description: evidence.description,
    },
  });
  const submit = handleSubmit(async (edit) => {
    try {
      await updateEvidenceMetadata(evidence.id, edit, actor);
      notify('ok', 'Keterangan dokumen disimpan.');
      onClose();
    } catch (e) {
      notify('danger', errorText(e));
    }
  });
  return (
    <Dialog open title={`Keterangan dokumen: ${evidence.fileName}`} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Field label="Jenis dokumen" error={formState.errors.kind?.message}>
          <select {...register('kind')}>
            {evidenceKinds.map((k) => (
              <option key={k} value={k}>
                {evidenceKindLabel[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Judul dokumen" error={formState.errors.title?.message}>
          <input {...register('title')} />
        </Field>
        <div className="grid-2">
          <Field
            label="Nomor dokumen"
            hint="Contoh: 15 Tahun 2022"
            error={formState.errors.number?.message}
          >
            <input {...register('number')} />
          </Field>
          <Field label="Tanggal dokumen" error={formState.errors.documentDate?.message}>
            <input
              type="date"
              {...register('documentDate', { setValueAs: (v: string) => (v ? v : null) })}
            />
          </Field>
        </div>
        <Field label="Keterangan" error={formState.errors.description?.message}>
          <textarea rows={3} {...register('description')} />
        </Field>
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            Batal
          </button>
          <button type="submit" disabled={formState.isSubmitting}>
            Simpan
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function EvidenceLibrary() {
  const { evidence, links, members, actor, result } = useWorkspace();
  const notify = useNotify();
  const open = useOpenDocument();
  const { add, pick, busy, dialog } = useAddFiles();
  const [query, setQuery] = useState('');
  const [indicator, setIndicator] = useState('');
  const [unusedOnly, setUnusedOnly] = useState(false);
  const [order, setOrder] = useState<LibraryOrder>('baru');
  const [preview, setPreview] = useState<Evidence | null>(null);
  const [editing, setEditing] = useState<Evidence | null>(null);
  const [deleting, setDeleting] = useState<Evidence | null>(null);
  const [replacing, setReplacing] = useState<Evidence | null>(null);
  const [linking, setLinking] = useState<Evidence | null>(null);

  const indicatorsOf = useMemo(() => {
    const map = new Map<string, number[]>();
    for (const l of links) map.set(l.evidenceId, [...(map.get(l.evidenceId) ?? []), l.indicator]);
    return map;
  }, [links]);

  // Where in the document each link points ("Pasal 5 ayat (1)"), per document.
  const notesOf = useMemo(() => {
    const map = new Map<string, { indicator: number; note: string }[]>();
    for (const l of links) {
      if (!l.note.trim()) continue;
      map.set(l.evidenceId, [
        ...(map.get(l.evidenceId) ?? []),
        { indicator: l.indicator, note: l.note },
      ]);
    }
    for (const list of map.values()) list.sort((a, b) => a.indicator - b.indicator);
    return map;
  }, [links]);

  // Where the keyboard focus goes once a deleted document's row is gone: it fell to <body>, and
  // a keyboard user started again at the top of the window. It goes to "Hapus" of the next
  // document in the list, else the one before, else to the search field.
  const focusAfterRef = useFocusAfterRemoval();
  const deleteButton = (id: string) =>
    document.querySelector<HTMLElement>(`[data-hapus-dokumen="${CSS.escape(id)}"]`);

  // Every word typed, in any order ("perwali 12 2025"), as on an indicator's page.
  const words = queryWords(query);
  const matching = evidence.filter((e) => {
    const used = indicatorsOf.get(e.id) ?? [];
    if (unusedOnly && used.length > 0) return false;
    if (indicator && !used.includes(Number(indicator))) return false;
    return matchesEvidence(e, words);
  });
  const shown = sortEvidence(matching, order, indicatorsOf);
  const filtered = words.length > 0 || indicator !== '' || unusedOnly;
  const unusedCount = evidence.filter((e) => !indicatorsOf.has(e.id)).length;
  const total = evidence.reduce((s, e) => s + e.size, 0);

  return (
    <section aria-labelledby="judul-pustaka">
      <div className="page-header">
        <div>
          <h2 id="judul-pustaka">Pustaka bukti dukung</h2>
          <p>
            {evidence.length} dokumen · {formatBytes(total)} · {unusedCount} belum ditautkan ke
            indikator
          </p>
        </div>
      </div>
      <DropZone
        onFiles={(f) => void add(f)}
        onPick={() => void pick()}
        busy={busy}
        label="Tambah berkas…"
      />
      {dialog}
      <div className="filters">
        <div className="field">
          <label htmlFor="cari-dokumen">Cari</label>
          <input
            id="cari-dokumen"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Nama, judul, nomor…"
          />
        </div>
        <div className="field">
          <label htmlFor="saring-indikator-bukti">Indikator</label>
          <IndicatorSelect
            id="saring-indikator-bukti"
            value={indicator}
            onChange={setIndicator}
            indicators={result.indicators}
          />
        </div>
        <label className="inline-check">
          <input
            type="checkbox"
            checked={unusedOnly}
            onChange={(e) => setUnusedOnly(e.target.checked)}
          />{' '}
          Hanya yang belum dipakai
        </label>
        <div className="field">
          <label htmlFor="urutan-dokumen">Urutkan</label>
          <select
            id="urutan-dokumen"
            value={order}
            onChange={(e) => {
              if (isLibraryOrder(e.target.value)) setOrder(e.target.value);
            }}
          >
            {libraryOrders.map((o) => (
              <option key={o} value={o}>
                {libraryOrderLabel[o]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p role="status" className={filtered ? 'small' : 'visually-hidden'}>
        {filtered && evidence.length > 0
          ? `Menampilkan ${formatNumber(shown.length, 0)} dari ${formatNumber(evidence.length, 0)} dokumen.`
          : ''}
      </p>
      {shown.length === 0 ? (
        <p className="muted">
          {evidence.length === 0 ? 'Belum ada dokumen.' : 'Tidak ada dokumen yang cocok.'}
        </p>
      ) : (
        <TableScroll label="Tabel dokumen bukti dukung (dapat digeser ke samping)">
          <table className="evidence-table">
            <caption className="visually-hidden">Dokumen bukti dukung</caption>
            <thead>
              <tr>
                <th scope="col">Dokumen</th>
                <th scope="col">Jenis</th>
                <th scope="col">Nomor dan tanggal</th>
                <th scope="col" className="num">
                  Ukuran
                </th>
                <th scope="col">Ditambahkan</th>
                <th scope="col">Indikator</th>
                <th scope="col">Tindakan</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => {
                const used = [...new Set(indicatorsOf.get(e.id) ?? [])].sort((a, b) => a - b);
                return (
                  <tr key={e.id}>
                    <td>
                      <strong className={e.title ? undefined : 'file-name'}>
                        {e.title || e.fileName}
                      </strong>
                      <div className="small muted file-name">{e.fileName}</div>
                      {e.description && <div className="small">{e.description}</div>}
                    </td>
                    <td>{evidenceKindLabel[e.kind]}</td>
                    <td>
                      {e.number || '—'}
                      {e.documentDate && <div className="small">{formatDate(e.documentDate)}</div>}
                    </td>
                    <td className="num">{formatBytes(e.size)}</td>
                    <td className="small">
                      {formatDateTime(e.addedAt)}
                      <div>{members.find((m) => m.id === e.addedBy)?.name ?? '—'}</div>
                    </td>
                    <td>
                      {used.length > 0 ? (
                        used.join(', ')
                      ) : (
                        <span className="badge warn">Belum dipakai</span>
                      )}
                      <div>
                        <button
                          type="button"
                          className="secondary small atur-tautan"
                          onClick={() => setLinking(e)}
                          aria-label={`Atur tautan indikator ${e.fileName}`}
                        >
                          Atur tautan
                        </button>
                      </div>
                      {notesOf.has(e.id) && (
                        <details className="small">
                          <summary>Bagian yang dirujuk</summary>
                          <ul className="plain">
                            {notesOf.get(e.id)?.map((n) => (
                              <li key={n.indicator}>
                                Indikator {n.indicator}: {n.note}
                              </li>
                            ))}
                          </ul>
                        </details>
                      )}
                    </td>
                    <td>
                      <div className="row-actions">
                        <button
                          type="button"
                          className="secondary"
                          onClick={() => setPreview(e)}
                          aria-label={`Pratinjau ${e.fileName}`}
                        >
                          Pratinjau
                        </button>
                        <button
                          type="button"
                          className="secondary"
                          onClick={() => void open(e)}
                          aria-label={`Buka ${e.fileName} dengan aplikasi lain`}
                        >
                          Buka
                        </button>
                        <button
                          type="button"
                          className="secondary"
                          onClick={() => setEditing(e)}
                          aria-label={`Ubah keterangan ${e.fileName}`}
                        >
                          Keterangan
                        </button>
                        <button
                          type="button"
                          className="secondary"
                          onClick={() => setReplacing(e)}
                          aria-label={`Ganti berkas ${e.fileName}`}
                        >
                          Ganti berkas
                        </button>
                        <button
                          type="button"
                          className="secondary"
                          onClick={() => setDeleting(e)}
                          aria-label={`Hapus ${e.fileName}`}
                          data-hapus-dokumen={e.id}
                        >
                          Hapus
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      <PreviewDialog evidence={preview} onClose={() => setPreview(null)} />
      {editing && <MetadataDialog evidence={editing} onClose={() => setEditing(null)} />}
      {linking && (
        <DocumentLinksDialog
          evidence={evidence.find((x) => x.id === linking.id) ?? linking}
          onClose={() => setLinking(null)}
        />
      )}
      {replacing && (
        <ReplaceFileDialog
          evidence={replacing}
          indicators={[...new Set(indicatorsOf.get(replacing.id) ?? [])].sort((a, b) => a - b)}
          onClose={() => setReplacing(null)}
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        title="Hapus dokumen?"
        danger
        confirmLabel="Hapus dokumen"
        message={
          deleting && (
            <p>
              Dokumen <strong>{deleting.fileName}</strong> dihapus dari evaluasi ini
              {(indicatorsOf.get(deleting.id)?.length ?? 0) > 0
                ? ` beserta tautannya ke indikator ${[...new Set(indicatorsOf.get(deleting.id))].join(', ')}`
                : ''}
              . Jawaban dan dokumen lain tidak berubah.
            </p>
          )
        }
        onCancel={() => setDeleting(null)}
        onConfirm={async () => {
          const target = deleting;
          setDeleting(null);
          if (!target) return;
          const from = deleteButton(target.id);
          const at = shown.findIndex((x) => x.id === target.id);
          const neighbours = [shown[at + 1], shown[at - 1]].filter((x) => x !== undefined);
          if (from)
            focusAfterRef.current = {
              from,
              to: () =>
                neighbours.map((n) => deleteButton(n.id)).find((el) => el !== null) ??
                document.getElementById('cari-dokumen'),
            };
          try {
            await deleteEvidence(target.id, actor);
            notify('ok', `Dokumen "${target.fileName}" dihapus.`);
          } catch (err) {
            notify('danger', errorText(err));
          }
        }}
      />
    </section>
  );
}
