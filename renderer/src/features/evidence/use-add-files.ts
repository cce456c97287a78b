/**
 * Adding evidence files from a picker or a drop: files that cannot be stored (empty, over the
 * size limit, a type not accepted, contents not of their type) are refused at once, before any
 * question, and so are copies of a stored document (same content): the user is told at once
 * which document it repeats, and that one is linked as the file would have been. The others wait
 * in a small step asking each one's title and kind (UploadDialog; "Lewati" keeps the suggestions
 * shown), then are stored with the outcome of each file announced. Render the returned `dialog`.
 */
import { createElement, useCallback, useState, type ReactNode } from 'react';
import type { EvidenceHash } from '../../../../shared/assessment';
import { formatNumber } from '../../../../shared/format/number';
import { errorText, useNotify } from '../../components/notices';
import { addEvidenceFiles, maxEvidenceBytes, type AddFileResult } from '../../db/commands/evidence';
import { checkEvidenceFile, RejectedFileError } from '../../db/commands/file-checks';
import { Sha256Reader } from '../../db/commands/hash';
import { usePlatform } from '../../app/platform-context';
import type { PickedFile } from '../../platform/types';
import { useProfileLookup } from '../profiles/use-profiles';
import { useWorkspace } from '../workspace/workspace-context';
import { documentLabel } from './evidence-view';
import { UploadDialog } from './upload-dialog';
import { suggestDetails, type UploadDetails } from './upload-details';

type AddedFile = File | (Blob & { name: string });

/** How many names a notice lists before "dan N berkas lainnya". */
const NAMES_LISTED = 5;

/** One sentence for the files a full disk refused, naming the first few. */
export function diskFullText(names: readonly string[]): string {
  const listed = names
    .slice(0, NAMES_LISTED)
    .map((n) => `"${n}"`)
    .join(', ');
  const rest = names.length - NAMES_LISTED;
  const which = rest > 0 ? `${listed}, dan ${formatNumber(rest, 0)} berkas lainnya` : listed;
  return `Ruang penyimpanan penuh: ${formatNumber(names.length, 0)} berkas tidak disimpan (${which}). Data yang sudah ada tidak berubah. Kosongkan ruang disk atau hapus bukti dukung yang tidak dipakai, lalu tambahkan berkas itu lagi.`;
}

/** What the drop zone says while files are checked (hashed against the library) or stored. */
export interface AddFilesProgress {
  phase: 'checking' | 'saving';
  done: number;
  total: number;
}

/** A picked file as a File: a browser hands back the File itself; elsewhere the Blob is wrapped. */
export async function pickedAsFile(p: PickedFile): Promise<File> {
  const blob = await p.blob();
  // No copy: the wrapping File holds the same bytes.
  return blob instanceof File && blob.name === p.name
    ? blob
    : new File([blob], p.name, { type: blob.type || p.type, lastModified: p.lastModified });
}

export function useAddFiles(linkTo?: { indicator: number; levels: number[] }) {
  const { evaluation, actor, evidence } = useWorkspace();
  const platform = usePlatform();
  const notify = useNotify();
  const [busy, setBusy] = useState<AddFilesProgress | null>(null);
  const lookup = useProfileLookup(evaluation.profileId);
  const profile = lookup.state === 'ok' ? lookup.profile : null;
  const [asking, setAsking] = useState<{
    files: readonly AddedFile[];
    hashes: ReadonlyMap<AddedFile, EvidenceHash>;
    resolve: (results: AddFileResult[]) => void;
  } | null>(null);

  // Every refusal of one upload in one notice, so none is pushed out by the others. Files not
  // stored because the disk is full are named in one sentence (the same advice repeated for
  // each of three hundred files buried the names and the files that were stored).
  const announceRefused = useCallback(
    (results: readonly AddFileResult[]) => {
      const full = results.flatMap((r) => (!r.ok && r.full ? [r.fileName] : []));
      const refused = results.flatMap((r) => (r.ok || r.full ? [] : [r.message]));
      const count = refused.length + full.length;
      if (full.length > 0) refused.push(diskFullText(full));
      if (refused.length === 1) notify('danger', refused[0]!);
      if (refused.length > 1)
        notify('danger', `${formatNumber(count, 0)} berkas tidak disimpan. ${refused.join(' ')}`);
    },
    [notify],
  );

  const store = useCallback(
    async (
      files: readonly AddedFile[],
      details: readonly UploadDetails[],
      hashes: ReadonlyMap<AddedFile, EvidenceHash>,
    ): Promise<AddFileResult[]> => {
      if (files.length === 0) return [];
      setBusy({ phase: 'saving', done: 0, total: files.length });
      try {
        const meta = new Map(files.map((f, i) => [f, details[i]!] as const));
        const results = await addEvidenceFiles(
          evaluation.id,
          files,
          actor,
          { ...(linkTo ? { linkTo } : {}), meta, hashes },
          (done, total) => setBusy({ phase: 'saving', done, total }),
        );
        const added = results.filter((r) => r.ok && !r.duplicate).length;
        const parts: string[] = [];
        if (added > 0)
          parts.push(
            `${formatNumber(added, 0)} dokumen ditambahkan${linkTo ? ` dan ditautkan ke indikator ${linkTo.indicator}` : ''}.`,
          );
        // A copy under another name is not a new document: say which stored one it repeats.
        for (const [i, r] of results.entries()) {
          if (!r.ok || !r.duplicate) continue;
          const name = files[i]?.name ?? r.evidence.fileName;
          if (r.filled) {
            parts.push(
              `Berkas "${name}" melengkapi isi dokumen "${documentLabel(r.evidence)}", yang diterima tanpa isi berkas; dokumen itu kini dapat dibuka${linkTo ? ` dan ditautkan ke indikator ${linkTo.indicator}` : ''}.`,
            );
            continue;
          }
          parts.push(
            `Berkas "${name}" sama isinya dengan dokumen "${documentLabel(r.evidence)}" yang sudah ada di pustaka, jadi tidak disimpan dua kali${linkTo ? `; dokumen itu ditautkan ke indikator ${linkTo.indicator}` : ''}.`,
          );
        }
        if (parts.length > 0) notify('ok', parts.join(' '));
        announceRefused(results);
        for (const r of results) if (r.ok && r.notice) notify('warn', r.notice);
        return results;
      } catch (e) {
        notify('danger', errorText(e));
        return [];
      } finally {
        setBusy(null);
      }
    },
    [evaluation.id, actor, linkTo, notify, announceRefused],
  );

  /**
   * Refuses what cannot be stored at once, asks title and kind of the rest, then stores; resolves
   * with the outcomes (the refusals, and none of the rest when the step is closed).
   */
  const add = useCallback(
    async (files: readonly AddedFile[]): Promise<AddFileResult[]> => {
      if (files.length === 0) return [];
      const refused: AddFileResult[] = [];
      const accepted: AddedFile[] = [];
      const hashes = new Map<AddedFile, EvidenceHash>();
      const copies: AddedFile[] = [];
      const fresh: AddedFile[] = [];
      // Checking and hashing a large pick takes a while: say so, and keep the picker shut.
      setBusy({ phase: 'checking', done: 0, total: files.length });
      try {
        const maxBytes = await maxEvidenceBytes();
        for (const file of files) {
          try {
            await checkEvidenceFile(file, maxBytes);
            accepted.push(file);
          } catch (e) {
            // Anything but a refusal is left to the store, which reports it with the others.
            if (e instanceof RejectedFileError)
              refused.push({ ok: false, fileName: file.name, message: e.message });
            else accepted.push(file);
          }
        }
        announceRefused(refused);
        // A copy of a stored document is not asked about: what is typed for it would not be kept.
        const library = new Set(evidence.map((e) => e.hash));
        const reader = new Sha256Reader();
        for (const [i, file] of accepted.entries()) {
          setBusy({ phase: 'checking', done: refused.length + i, total: files.length });
          const hash = await reader.hash(file).catch(() => null);
          if (hash !== null) hashes.set(file, hash);
          (hash !== null && library.has(hash) ? copies : fresh).push(file);
        }
      } finally {
        setBusy(null);
      }
      const repeated = await store(
        copies,
        copies.map((f) => suggestDetails(f, profile)),
        hashes,
      );
      if (fresh.length === 0) return [...refused, ...repeated];
      const added = await new Promise<AddFileResult[]>((resolve) => {
        setAsking((before) => {
          before?.resolve([]);
          return { files: fresh, hashes, resolve };
        });
      });
      return [...refused, ...repeated, ...added];
    },
    [announceRefused, evidence, store, profile],
  );
  const finish = useCallback(
    (details: readonly UploadDetails[] | 'cancel') => {
      if (!asking) return;
      setAsking(null);
      if (details === 'cancel') asking.resolve([]);
      else void store(asking.files, details, asking.hashes).then(asking.resolve);
    },
    [asking, store],
  );

  const pick = useCallback(async () => {
    const picked = await platform.pickFiles({
      kind: 'evidence',
      multiple: true,
      title: 'Pilih berkas bukti dukung',
    });
    if (!picked) return;
    await add(await Promise.all(picked.map(pickedAsFile)));
  }, [platform, add]);

  const dialog: ReactNode = asking
    ? createElement(UploadDialog, {
        key: asking.files.map((f) => f.name).join('\n'),
        files: asking.files as readonly File[],
        profile,
        onSave: (details) => finish(details),
        onSkip: (suggested) => finish(suggested),
        onCancel: () => finish('cancel'),
      })
    : null;

  return { add, pick, busy, dialog };
}
