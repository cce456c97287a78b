import { capitalized } from '../format/text';
/**
 * Where a problem of a regional profile stands, in the words of the profile editor: a schema path
 * such as `instansi.name` or `mapping.2.argument` becomes "Nama instansi" or "Pemetaan 3, Argumen
 * tingkat", the labels the editor shows on its fields, sections and rows. The file import, the
 * save command and the editor's problem summary all name places through this one mapping; a path
 * it does not know falls back to its keys (numbers counted from 1).
 */

/** A place of the profile: its label, the labels of its fields, and how its rows are named. */
interface Place {
  label: string;
  /** Whether its fields' labels name them without it (a section, not a row or a citation). */
  group?: boolean;
  fields?: Record<string, Place>;
  /** For a list: the label of row `n` (from 1), and what a row holds. */
  row?: { label: (n: number) => string; place?: Place };
}

const citation: Place = {
  label: 'Pasal',
  fields: { ref: { label: 'Rujukan' }, quote: { label: 'Kutipan' } },
};

const citations = (label: string): Place => ({
  label,
  row: { label: (n) => `${label}, pasal ${n}`, place: citation },
});

/** As the editor names a fact's parts: "Isi: koordinator spbe", "Dasar: koordinator spbe". */
const fact = (label: string): Place => ({
  label,
  group: true,
  fields: {
    value: { label: `Isi: ${label.toLowerCase()}` },
    articles: citations(`Dasar: ${label.toLowerCase()}`),
  },
});

const rule: Place = {
  label: 'Aturan',
  fields: {
    indicators: { label: 'Indikator yang diperiksa' },
    match: { label: 'Yang harus memenuhi' },
    minLevel: { label: 'Tingkat paling rendah' },
    evidenceWithinYears: { label: 'Bukti dukung bertanggal dalam' },
    evidenceKinds: { label: 'Jenis bukti dukung' },
    titleIncludes: { label: 'Judul dokumen memuat salah satu frasa' },
    withinYears: { label: 'Dokumen bertanggal dalam' },
    kind: { label: 'Jenis aturan' },
  },
};

const mappingEntry: Place = {
  label: 'Pemetaan',
  fields: {
    indicator: { label: 'Indikator' },
    role: { label: 'Peran peraturan' },
    articles: citations('Pasal untuk indikator'),
    covers: { label: 'Yang diatur pasal-pasal ini' },
    suggestedLevels: {
      label: 'Saran tingkat',
      group: true,
      fields: {
        min: { label: 'Saran tingkat terendah' },
        max: { label: 'Saran tingkat tertinggi' },
      },
    },
    argument: { label: 'Argumen tingkat' },
  },
};

const profilePlace: Place = {
  label: '',
  group: true,
  fields: {
    formatVersion: { label: 'Versi format' },
    id: { label: 'Id profil' },
    instrumentId: { label: 'Instrumen' },
    instansi: {
      label: 'Profil instansi',
      group: true,
      fields: {
        name: { label: 'Nama instansi' },
        kind: { label: 'Jenis pemerintah daerah' },
        regionName: { label: 'Nama daerah' },
        province: { label: 'Provinsi' },
        headOfRegionTitle: { label: 'Sebutan kepala daerah' },
        headOfRegionTitleSource: { ...citation, label: 'Pasal yang menyebut kepala daerah' },
        sources: citations('Sumber nama instansi dan daerah'),
      },
    },
    ictAgency: {
      label: 'Perangkat daerah bidang TIK',
      group: true,
      fields: {
        name: { label: 'Nama perangkat daerah bidang TIK' },
        abbreviation: { label: 'Singkatan yang ditetapkan peraturan' },
        referredToAs: { label: 'Sebutan dalam pasal-pasal' },
        articles: citations('Pasal tentang perangkat daerah bidang TIK'),
      },
    },
    coordinator: fact('Koordinator SPBE'),
    regulation: {
      label: 'Peraturan SPBE daerah',
      group: true,
      fields: {
        kind: { label: 'Jenis peraturan' },
        number: { label: 'Nomor peraturan' },
        year: { label: 'Tahun peraturan' },
        title: { label: 'Judul (setelah “tentang”)' },
        dateSet: { label: 'Tanggal ditetapkan' },
        datePromulgated: { label: 'Tanggal diundangkan' },
        gazette: { label: 'Berita Daerah' },
        sources: citations('Sumber data peraturan'),
        text: { label: 'Teks peraturan' },
        textNote: { label: 'Catatan tentang salinan teks' },
      },
    },
    evaluation: {
      label: 'Pemantauan dan evaluasi',
      group: true,
      fields: {
        performedBy: fact('Pelaksana pemantauan dan evaluasi'),
        reportsTo: fact('Penerima hasil pemantauan dan evaluasi'),
        frequency: fact('Frekuensi pemantauan dan evaluasi'),
      },
    },
    teams: {
      label: 'Tim',
      row: {
        label: (n) => `Tim ${n}`,
        place: {
          label: 'Tim',
          fields: {
            id: { label: 'Id tim' },
            name: { label: 'Nama tim' },
            role: { label: 'Peran tim' },
            establishedBy: { label: 'Ditetapkan dengan' },
            chair: { label: 'Ketua' },
            members: { label: 'Susunan anggota' },
            accountableTo: { label: 'Bertanggung jawab kepada' },
            articles: citations('Dasar tim'),
          },
        },
      },
    },
    obligations: {
      label: 'Kewajiban',
      row: {
        label: (n) => `Kewajiban ${n}`,
        place: {
          label: 'Kewajiban',
          fields: {
            id: { label: 'Id kewajiban' },
            title: { label: 'Judul kewajiban' },
            description: { label: 'Uraian' },
            articles: citations('Dasar kewajiban'),
            rules: {
              label: 'Aturan pemeriksaan',
              row: { label: (n) => `Aturan ${n}`, place: rule },
            },
          },
        },
      },
    },
    mapping: {
      label: 'Pemetaan',
      row: { label: (n) => `Pemetaan ${n}`, place: mappingEntry },
    },
    otherMappings: {
      label: 'Pemetaan instrumen lain',
      row: {
        label: (n) => `Pemetaan instrumen lain ${n}`,
        place: {
          label: 'Pemetaan instrumen lain',
          fields: {
            instrumentId: { label: 'Instrumen yang dipetakan' },
            mapping: {
              label: 'Pemetaan',
              row: { label: (n) => `Pemetaan ${n}`, place: mappingEntry },
            },
          },
        },
      },
    },
    notes: { label: 'Catatan', row: { label: (n) => `Catatan ${n}` } },
  },
};

/**
 * The labels of the places on a path, outermost first: `['instansi', 'name']` gives
 * ["Nama instansi"] (the field's label names it on its own), `['teams', 1, 'name']` gives
 * ["Tim 2", "Nama tim"]. Indices count from 0, as in zod and react-hook-form.
 */
export function profilePathLabels(path: readonly PropertyKey[]): string[] {
  const parts: string[] = [];
  let place: Place | undefined = profilePlace;
  for (const key of path) {
    if (typeof key === 'number' || (typeof key === 'string' && /^\d+$/.test(key))) {
      const n = Number(key) + 1;
      const row: Place['row'] = place?.row;
      // "Tim 2" replaces "Tim": the row names its list.
      if (row) parts.pop();
      parts.push(row ? row.label(n) : `butir ${n}`);
      place = row?.place;
      continue;
    }
    const name = String(key);
    const field: Place | undefined = place?.fields?.[name];
    // The fields of a group are named on their own: "Nama instansi", not "Profil instansi, …".
    if (field && place?.group) parts.pop();
    parts.push(field ? field.label : name);
    place = field;
  }
  return parts.filter((p) => p !== '');
}

/** "Nama instansi", "Tim 2, Nama tim", "" for the profile as a whole. */
export const profilePathLabel = (path: readonly PropertyKey[]): string =>
  profilePathLabels(path).join(', ');

/** Lower-cases a leading capital of an ordinary word ("Paling"), not of "SPBE" or "TIK". */
const lowerFirst = (s: string): string =>
  /^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLocaleLowerCase('id-ID') + s.slice(1) : s;

/**
 * A problem at a place of the profile as one line: "Nama instansi: paling banyak 200 karakter".
 * A message that already begins with the field's name is not prefixed with it twice ("Nama
 * instansi wajib diisi", "Pemetaan 3: Argumen tingkat wajib diisi"); a message standing alone
 * starts with a capital letter.
 */
export function profileProblemText(path: readonly PropertyKey[], message: string): string {
  const parts = profilePathLabels(path);
  const last = parts.at(-1);
  const named =
    last !== undefined &&
    message.toLocaleLowerCase('id-ID').startsWith(last.toLocaleLowerCase('id-ID'));
  // "Tim 1: Nama tim wajib diisi": the message names the field, and keeps its capital.
  if (named) parts.pop();
  if (parts.length === 0) return capitalized(message);
  return `${parts.join(', ')}: ${named ? message : lowerFirst(message)}`;
}

/**
 * A problem written as "instrumentId: instrumen … tidak dikenal" (a path of the profile, then the
 * message) in the editor's words: "Instrumen: instrumen … tidak dikenal". Text that does not start
 * with a path of the profile is returned as it is.
 */
export function relabelProblem(text: string): string {
  const found = /^([a-zA-Z]+(?:\.[a-zA-Z0-9]+)*): ([\s\S]*)$/.exec(text);
  const [, path, message] = found ?? [];
  if (path === undefined || message === undefined) return text;
  const keys = path.split('.');
  if (!Object.hasOwn(profilePlace.fields ?? {}, keys[0] ?? '')) return text;
  return profileProblemText(keys, message);
}
