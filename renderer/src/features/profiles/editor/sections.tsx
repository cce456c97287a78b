/**
 * The profile editor's sections about the region and its regulation: the instansi (the shared
 * instansi field set with the articles that name it), the ICT agency, the regulation (its text
 * pasted or read from a .txt file) and the evaluation arrangement. Each binds its inputs to the
 * editor's form by path; teams, obligations and the mapping have their own modules.
 */
import { memo, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { formatBytes } from '../../../../../shared/format/number';
import { MAX_REGULATION_TEXT_CHARS, type Profile } from '../../../../../shared/profiles';
import { FileChooser } from '../../../components/file-chooser';
import { InstansiFields } from '../../instansi-profile/instansi-fields';
import { CitationsEditor, OptionalCitation, OptionalFact } from './citations';
import { OptionalDate, OptionalText, OptionalYear, TextArea } from './fields';
import { useReadOnly } from './form';

export const InstansiSection = memo(function InstansiSection() {
  const form = useFormContext<Profile>();
  return (
    <InstansiFields form={form} regional>
      {/* The whole row: in one column of three (a laptop) the quote box was a word wide. */}
      <div className="span-all">
        <OptionalCitation
          label="Pasal yang menyebut kepala daerah"
          name="instansi.headOfRegionTitleSource"
        />
      </div>
      <div className="span-all">
        <CitationsEditor label="Sumber nama instansi dan daerah" name="instansi.sources" />
      </div>
    </InstansiFields>
  );
});

export const IctAgencySection = memo(function IctAgencySection() {
  return (
    <div className="grid-2">
      <OptionalText label="Nama perangkat daerah bidang TIK" name="ictAgency.name" />
      <OptionalText label="Singkatan yang ditetapkan peraturan" name="ictAgency.abbreviation" />
      <OptionalText
        label="Sebutan dalam pasal-pasal"
        hint='Contoh: "Dinas", "Diskominfo"; kosongkan bila tidak ada'
        name="ictAgency.referredToAs"
      />
      <div className="span-all">
        <CitationsEditor
          label="Pasal tentang perangkat daerah bidang TIK"
          name="ictAgency.articles"
        />
      </div>
    </div>
  );
});

/** Reads a text file as UTF-8, or as Windows-1252 when it is not valid UTF-8 (older editors). */
async function readTextFile(file: File): Promise<{ text: string; note: string | null }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), note: null };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      note: 'Berkas bukan UTF-8; dibaca sebagai Windows-1252. Periksa huruf-huruf khusus.',
    };
  }
}

/** The regulation's full text, typed, pasted or read from a .txt file. */
function RegulationText() {
  const readOnly = useReadOnly();
  const { setValue } = useFormContext<Profile>();
  const text = useWatch<Profile, 'regulation.text'>({ name: 'regulation.text' });
  const [message, setMessage] = useState<{ tone: 'ok' | 'danger' | 'warn'; text: string } | null>(
    null,
  );
  const load = async (file: File) => {
    // Bytes are at least characters: a file this large cannot fit the limit.
    if (file.size > MAX_REGULATION_TEXT_CHARS * 4) {
      setMessage({
        tone: 'danger',
        text: `Berkas "${file.name}" terlalu besar (${formatBytes(file.size)}).`,
      });
      return;
    }
    try {
      const { text: read, note } = await readTextFile(file);
      if (read.length > MAX_REGULATION_TEXT_CHARS) {
        setMessage({
          tone: 'danger',
          text: `Teks dalam "${file.name}" melebihi ${MAX_REGULATION_TEXT_CHARS.toLocaleString('id-ID')} karakter dan tidak dimuat.`,
        });
        return;
      }
      setValue('regulation.text', read.replace(/^\uFEFF/, ''), { shouldDirty: true });
      setMessage({
        tone: note ? 'warn' : 'ok',
        text: `Teks dari "${file.name}" dimuat (${read.length.toLocaleString('id-ID')} karakter).${note ? ` ${note}` : ''}`,
      });
    } catch {
      setMessage({ tone: 'danger', text: `Berkas "${file.name}" tidak dapat dibaca.` });
    }
  };
  return (
    <>
      <TextArea
        label="Teks peraturan"
        hint={`Tempel teks lengkap, atau muat dari berkas .txt. Pasal dikenali dari baris "Pasal 1", "Pasal 2", … dan ayat dari "(1)", "(2)", …; kutipan diperiksa terhadap teks ini. ${text.length.toLocaleString('id-ID')} karakter.`}
        rows={12}
        name="regulation.text"
      />
      {!readOnly && (
        <div className="field">
          <FileChooser
            id="muat-teks-peraturan"
            label="Muat teks peraturan dari berkas .txt"
            buttonText="Pilih berkas teks…"
            accept=".txt,text/plain"
            onFile={(file) => void load(file)}
          />
          {message && (
            <p className={`alert ${message.tone} small`} role="status">
              {message.text}
            </p>
          )}
        </div>
      )}
    </>
  );
}

export const RegulationSection = memo(function RegulationSection() {
  return (
    <>
      <div className="grid-2">
        <OptionalText
          label="Jenis peraturan"
          hint='Contoh: "Peraturan Wali Kota", "Peraturan Walikota", "Peraturan Bupati"'
          name="regulation.kind"
        />
        <OptionalText label="Nomor peraturan" name="regulation.number" />
        <OptionalYear label="Tahun peraturan" name="regulation.year" />
        <OptionalText label="Judul (setelah “tentang”)" name="regulation.title" />
        <OptionalDate label="Tanggal ditetapkan" name="regulation.dateSet" />
        <OptionalDate label="Tanggal diundangkan" name="regulation.datePromulgated" />
        <OptionalText
          label="Berita Daerah"
          hint='Contoh: "Berita Daerah Kota Balikpapan Tahun 2022 Nomor 14"'
          name="regulation.gazette"
        />
      </div>
      <CitationsEditor label="Sumber data peraturan" name="regulation.sources" />
      <RegulationText />
      <TextArea
        label="Catatan tentang salinan teks"
        hint="Asal salinan dan cacatnya (hasil OCR, halaman hilang), bila ada"
        name="regulation.textNote"
      />
    </>
  );
});

export const ArrangementSection = memo(function ArrangementSection() {
  return (
    <>
      <OptionalFact
        label="Koordinator SPBE"
        hint='Contoh: "Sekretaris Daerah"'
        name="coordinator"
      />
      <OptionalFact
        label="Pelaksana pemantauan dan evaluasi"
        hint='Contoh: "Tim Asesor Internal yang ditetapkan Wali Kota"'
        name="evaluation.performedBy"
      />
      <OptionalFact
        label="Penerima hasil pemantauan dan evaluasi"
        hint='Contoh: "Wali Kota melalui Koordinator SPBE"'
        name="evaluation.reportsTo"
      />
      <OptionalFact
        label="Frekuensi pemantauan dan evaluasi"
        hint='Contoh: "setiap tahun"'
        name="evaluation.frequency"
      />
    </>
  );
});
