/** Adding evidence files from a picker or a drop, with the outcome of each file announced. */
import { useCallback, useState } from 'react';
import { formatNumber } from '../../../../shared/format/number';
import { errorText, useNotify } from '../../components/notices';
import { addEvidenceFiles, type AddFileResult } from '../../db/commands/evidence';
import { usePlatform } from '../../app/platform-context';
import { useWorkspace } from '../workspace/workspace-context';

export function useAddFiles(linkTo?: { indicator: number; levels: number[] }) {
  const { evaluation, actor } = useWorkspace();
  const platform = usePlatform();
  const notify = useNotify();
  const [busy, setBusy] = useState<{ done: number; total: number } | null>(null);

  const add = useCallback(
    async (files: ReadonlyArray<File | (Blob & { name: string })>): Promise<AddFileResult[]> => {
      if (files.length === 0) return [];
      setBusy({ done: 0, total: files.length });
      try {
        const results = await addEvidenceFiles(
          evaluation.id,
          files as never,
          actor,
          linkTo ? { linkTo } : {},
          (done, total) => setBusy({ done, total }),
        );
        const added = results.filter((r) => r.ok && !r.duplicate).length;
        const duplicates = results.filter((r) => r.ok && r.duplicate).length;
        if (added > 0 || duplicates > 0) {
          const parts = [];
          if (added > 0) parts.push(`${formatNumber(added, 0)} dokumen ditambahkan`);
          if (duplicates > 0)
            parts.push(
              `${formatNumber(duplicates, 0)} sudah ada di pustaka (tidak disimpan dua kali)`,
            );
          notify(
            'ok',
            `${parts.join('; ')}${linkTo ? ` dan ditautkan ke indikator ${linkTo.indicator}` : ''}.`,
          );
        }
        for (const r of results) if (!r.ok) notify('danger', r.message);
        for (const r of results) if (r.ok && r.notice) notify('warn', r.notice);
        return results;
      } catch (e) {
        notify('danger', errorText(e));
        return [];
      } finally {
        setBusy(null);
      }
    },
    [evaluation.id, actor, linkTo, notify],
  );

  const pick = useCallback(async () => {
    const picked = await platform.pickFiles({
      kind: 'evidence',
      multiple: true,
      title: 'Pilih berkas bukti dukung',
    });
    if (!picked) return;
    const files = await Promise.all(
      picked.map(async (p) => {
        const blob = await p.blob();
        // A browser hands back the File itself; elsewhere wrap the Blob (no copy: same bytes).
        return blob instanceof File && blob.name === p.name
          ? blob
          : new File([blob], p.name, { type: blob.type || p.type, lastModified: p.lastModified });
      }),
    );
    await add(files);
  }, [platform, add]);

  return { add, pick, busy };
}
