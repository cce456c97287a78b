/**
 * The Berita Acara Rekonsiliasi of a stored merge: on screen (with the way to print it and to the
 * merged evaluation) and as the print route `routes.print.minutes`, which shows only the
 * document and signals when it is ready (platform/print-ready.ts) so that the desktop prints it
 * to PDF and the browser opens its print dialog.
 */
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import { findPack } from '../../../../shared/instrument';
import { signingPlaceFor } from '../../../../shared/report';
import { usePlatform } from '../../app/platform-context';
import { routes } from '../../app/routes';
import { errorText, useNotify } from '../../components/notices';
import { setPrintReady } from '../../platform/print-ready';
import { lookupProfile } from '../report/report-sources';
import { MinutesDocument, useMinutes } from './minutes-document';
import { useMerge } from './use-merge';

const printRoute = (id: string): string => routes.print.minutes({ mergeId: id });

/**
 * The stored merge and its minutes; `merge` stays undefined (loading) until the signing place of
 * its evaluation's regional profile is read too, so that a print never catches the region's name
 * before the profile's place ("Manggar", not "Belitung Timur").
 */
function useMergeMinutes(id: string) {
  const stored = useMerge(id);
  const evaluation = stored?.evaluation ?? null;
  const placeKey = evaluation
    ? `${evaluation.profileId ?? ''}\u0000${evaluation.instansi.regionName}`
    : '';
  const signing = useLiveQuery(
    async () => ({
      key: placeKey,
      place: evaluation
        ? signingPlaceFor(await lookupProfile(evaluation.profileId), evaluation.instansi.regionName)
        : null,
    }),
    [placeKey],
  );
  const placeRead = signing !== undefined && signing.key === placeKey;
  const merge = placeRead ? stored : undefined;
  const pack = merge?.evaluation
    ? findPack(merge.record.instrument.id, merge.record.instrument.version)
    : undefined;
  const minutes = useMinutes(merge, pack, placeRead ? signing.place : null);
  return { merge, minutes };
}

function Missing({ deleted }: { deleted: boolean }) {
  return (
    <div className="alert danger" role="alert">
      {deleted
        ? 'Evaluasi hasil penggabungan ini sudah dihapus, jadi berita acaranya tidak dapat disusun lagi.'
        : 'Catatan penggabungan tidak ditemukan di komputer ini.'}
    </div>
  );
}

export function MinutesPage() {
  const { mergeId = '' } = useParams();
  const { merge, minutes } = useMergeMinutes(mergeId);
  const platform = usePlatform();
  const notify = useNotify();
  const [printing, setPrinting] = useState(false);
  if (merge === undefined) return <p role="status">Memuat berita acara…</p>;
  if (!merge || !minutes) return <Missing deleted={merge !== null} />;
  const name = `Berita Acara Rekonsiliasi ${merge.record.instansi} ${merge.record.year}`;
  return (
    <section aria-label="Berita Acara Rekonsiliasi">
      <div className="minutes-toolbar no-print">
        <button
          type="button"
          disabled={printing}
          onClick={async () => {
            setPrinting(true);
            try {
              const saved = await platform.printToPdf({
                route: printRoute(merge.id),
                suggestedName: `${name.replace(/[^A-Za-z0-9 ._()-]/g, '')}.pdf`,
                title: name,
              });
              if (saved) notify('ok', `Berita acara tersimpan sebagai ${saved.name}.`);
            } catch (e) {
              notify('danger', errorText(e));
            } finally {
              setPrinting(false);
            }
          }}
        >
          Cetak / simpan PDF
        </button>
        {merge.evaluation && (
          <Link
            className="button secondary"
            to={routes.evaluation.dashboard({ evaluationId: merge.evaluation.id })}
          >
            Buka evaluasi hasil penggabungan
          </Link>
        )}
      </div>
      <MinutesDocument minutes={minutes} />
    </section>
  );
}

/** The print route: the document alone, with the ready signal. */
export function MinutesPrintPage() {
  const { mergeId = '' } = useParams();
  const { merge, minutes } = useMergeMinutes(mergeId);
  const failed = merge === null || (merge !== undefined && !minutes);
  useEffect(() => {
    if (failed) {
      setPrintReady('error');
      return () => setPrintReady(null);
    }
    if (!minutes) return undefined;
    let live = true;
    // Fonts decide the line breaks: print only once they are in.
    void document.fonts.ready.then(() => {
      if (live) setPrintReady('true');
    });
    return () => {
      live = false;
      setPrintReady(null);
    };
  }, [minutes, failed]);
  return (
    <main className="print-page">
      <p className="no-print">
        <Link to={routes.minutes({ mergeId })}>Kembali ke berita acara</Link>
      </p>
      {merge === undefined ? (
        <p role="status">Memuat berita acara…</p>
      ) : failed || !minutes ? (
        <Missing deleted={merge !== null} />
      ) : (
        <MinutesDocument minutes={minutes} />
      )}
    </main>
  );
}
