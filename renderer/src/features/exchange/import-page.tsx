/**
 * "Buka berkas .spbe": pick a file (or take one handed to the app from outside), validate it
 * completely (password prompt when encrypted, progress and Cancel), show the summary, and import
 * only when the user says so. See db/commands/import.ts for what create, update and copy mean.
 */
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { usePlatform } from '../../app/platform-context';
import { routes } from '../../app/routes';
import { useNotify } from '../../components/notices';
import type { ImportResult, OpenedImport } from '../../db/commands/import';
import type { PickedFile } from '../../platform/types';
import { useTeamFolder } from '../team-folder/team-folder-context';
import { BundleOpener } from './bundle-opener';
import { dropImport, handOverForMerge, useHandedImport } from './hand-over';
import { ImportSummary } from './import-summary';

export function ImportPage() {
  const platform = usePlatform();
  const navigate = useNavigate();
  const notify = useNotify();
  const handed = useHandedImport();
  const teamFolder = useTeamFolder();
  const [picked, setPicked] = useState<PickedFile | null>(null);
  const [opened, setOpened] = useState<OpenedImport | null>(null);
  const file = picked ?? handed ?? null;

  const done = () => {
    setOpened(null);
    if (picked) setPicked(null);
    else if (handed) dropImport(handed);
  };
  // A file put aside ("Batal", or its check closed) takes its controls with it: the focus fell to
  // <body> and a keyboard user started again at the top of the window. It goes to "Pilih berkas".
  const pickButton = useRef<HTMLButtonElement>(null);
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (!refocus || !pickButton.current) return;
    setRefocus(false);
    if (!document.activeElement || document.activeElement === document.body) {
      pickButton.current.focus();
    }
  }, [refocus, file]);
  const putAside = () => {
    done();
    setRefocus(true);
  };
  const pick = async () => {
    const files = await platform.pickFiles({
      kind: 'bundle',
      multiple: false,
      title: 'Buka berkas .spbe',
    });
    const first = files?.[0];
    if (!first) return;
    setOpened(null);
    setPicked(first);
  };
  const imported = (r: ImportResult) => {
    const name = opened?.fileName ?? 'berkas';
    // A teammate's file the team folder listed for import by hand is dealt with now.
    if (opened) teamFolder?.engine.imported(opened.bundle.manifestHash);
    done();
    notify(
      'ok',
      r.mode === 'update'
        ? `Berkas ${name} diimpor: ${r.answersTaken} jawaban diperbarui${r.answersKeptLocal > 0 ? `, ${r.answersKeptLocal} jawaban lokal yang lebih baru dipertahankan` : ''}.${r.deletionNote ? ` ${r.deletionNote}` : ''}`
        : `Berkas ${name} diimpor sebagai evaluasi ${r.mode === 'copy' ? 'salinan ' : ''}baru.`,
    );
    void navigate(routes.evaluation.dashboard({ evaluationId: r.evaluationId }));
  };

  return (
    <section aria-labelledby="judul-impor">
      <div className="page-header">
        <div>
          <h1 id="judul-impor">Buka Berkas .spbe</h1>
          <p>
            Berkas pertukaran dari asesor atau koordinator diperiksa seluruhnya lebih dulu; tidak
            ada yang disimpan sebelum Anda melihat ringkasannya dan menyetujui.
          </p>
        </div>
        {!file && (
          <button ref={pickButton} type="button" onClick={() => void pick()}>
            Pilih berkas .spbe…
          </button>
        )}
      </div>
      {!file && (
        <div className="card empty">
          <p>Belum ada berkas yang dipilih.</p>
        </div>
      )}
      {file && !opened && (
        <BundleOpener
          // A new file starts a new check.
          key={`${file.name}:${file.size}:${file.lastModified}`}
          file={file}
          onOpened={setOpened}
          onClose={putAside}
        />
      )}
      {opened && (
        <ImportSummary
          opened={opened}
          onImported={imported}
          onCancel={putAside}
          onMerge={(baseId) => {
            handOverForMerge(baseId, [opened]);
            done();
            void navigate(routes.merge({ dasar: baseId }));
          }}
        />
      )}
    </section>
  );
}
