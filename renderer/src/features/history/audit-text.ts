/**
 * An audit event's field and values as an inspector reads them, in Indonesian: fields by the
 * names their forms give them ("Awal periode penilaian mandiri", "Nama kepala daerah"), calendar
 * dates as "22 November 2026", stored codes by their labels ("Diarsipkan", "Penanggung jawab"),
 * and, through the evaluation's pack, an answer's value as that pack writes it ("Nilai 2,50" on
 * Pemdi, "Tingkat 3" on 59/2020) with Pemdi's source index and butir statuses as text, not JSON.
 */
import {
  answerStatusLabel,
  butirStatusLabel,
  evidenceKindLabel,
  formatIndicatorList,
  instansiKindLabel,
  isMemberRole,
  memberRoleLabel,
  type AnswerStatus,
  type AuditEvent,
  type ButirStatus,
} from '../../../../shared/assessment';
import { formatDate } from '../../../../shared/format/date';
import {
  findIndicator,
  formatExternalInput,
  formatValue,
  valueNoun,
  type InstrumentPack,
} from '../../../../shared/instrument';
import { complianceDecisionLabel } from '../../../../shared/profiles';
import { ANONYMOUS } from '../../db/commands/actor';
import { capitalized } from '../../../../shared/format/text';

/** Who made the change; an entry without a name (from an imported file) is nobody's. */
export const auditActorName = (event: Pick<AuditEvent, 'actorName'>): string =>
  event.actorName.trim() || ANONYMOUS.name;

const PROFILE_IN_NOTE = / dari profil daerah "([^"]+)"$/;
/** The merge's record id a merge entry ends with ("… (penggabungan 3e789df8-…)"). */
const MERGE_ID_IN_NOTE = / \(penggabungan [^()\s]+\)$/;

/**
 * An entry's note as shown. A "Dibuat" note written before it named the profile by its name
 * ('dari profil daerah "kota-bengkulu"') reads with that profile's name when `profileName` knows
 * the id; a merge's note reads without the record id it keeps for the program ("Gabungan dari
 * ani.spbe, budi.spbe"). The stored entry itself is never rewritten.
 */
export function auditNoteText(
  event: Pick<AuditEvent, 'entity' | 'action' | 'note'>,
  profileName: (id: string) => string | undefined,
): string {
  if (event.entity === 'evaluation' && event.action === 'merge') {
    return event.note.replace(MERGE_ID_IN_NOTE, '');
  }
  if (event.entity !== 'evaluation' || event.action !== 'create') return event.note;
  return event.note.replace(PROFILE_IN_NOTE, (whole, id: string) => {
    const name = profileName(id);
    return name === undefined ? whole : ` dari profil daerah "${name}"`;
  });
}

/** Field names as a user reads them; an answer's value is named by the pack (valueNoun). */
const fieldLabel: Record<string, string> = {
  justification: 'Penjelasan',
  agency: 'Perangkat daerah',
  status: 'Status',
  reviewNote: 'Catatan asesor',
  carriedOver: 'Peninjauan salinan',
  evidence: 'Bukti dukung',
  levels: 'Tingkat yang didukung',
  fileName: 'Dokumen',
  /** A document's file replaced ("Ganti berkas"): old and new file names. */
  file: 'Berkas dokumen',
  backup: 'Cadangan',
  name: 'Nama',
  nip: 'NIP',
  position: 'Jabatan',
  role: 'Peran',
  indicators: 'Indikator tugas',
  kind: 'Jenis dokumen',
  title: 'Judul dokumen',
  number: 'Nomor dokumen',
  documentDate: 'Tanggal dokumen',
  description: 'Keterangan',
  year: 'Tahun',
  periodStart: 'Awal periode penilaian mandiri',
  periodEnd: 'Akhir periode penilaian mandiri',
  reportDate: 'Tanggal laporan',
  external: 'Indeks sumber',
  butir: 'Status butir',
};

/** The instansi profile's fields (stored as "instansi.<key>"), as its form labels them. */
const instansiLabel: Record<string, string> = {
  name: 'Nama instansi',
  kind: 'Jenis pemerintah daerah',
  regionName: 'Nama daerah',
  province: 'Provinsi',
  headOfRegionTitle: 'Sebutan kepala daerah',
  headOfRegionName: 'Nama kepala daerah',
  sekdaName: 'Nama Sekretaris Daerah',
  sekdaNip: 'NIP Sekretaris Daerah',
  ictAgencyName: 'Nama dinas yang membidangi TIK',
  ictAgencyAbbreviation: 'Singkatan dinas',
  address: 'Alamat kantor',
  logo: 'Logo instansi',
};

const COMPLIANCE_PREFIX = 'complianceDecisions.';

/** "Status evaluasi", "Nama kepala daerah", "Keputusan kepatuhan (arsitektur-keputusan)", … */
export function auditFieldLabel(
  entity: AuditEvent['entity'],
  field: string,
  pack: InstrumentPack,
): string {
  if (field === 'value') {
    const noun = valueNoun(pack);
    return capitalized(noun);
  }
  if (field.startsWith('instansi.')) {
    const key = field.slice('instansi.'.length);
    return instansiLabel[key] ?? `Profil instansi (${key})`;
  }
  if (field.startsWith(COMPLIANCE_PREFIX))
    return `Keputusan kepatuhan (${field.slice(COMPLIANCE_PREFIX.length)})`;
  if (entity === 'evaluation' && field === 'status') return 'Status evaluasi';
  if (entity === 'link' && field === 'butir') return 'Butir yang dijawab';
  return fieldLabel[field] ?? field;
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

const DATE_FIELDS = new Set(['periodStart', 'periodEnd', 'reportDate', 'documentDate']);
const evaluationStatusLabel: Record<string, string> = {
  active: 'Aktif',
  archived: 'Diarsipkan',
};

/** A stored compliance decision ("notApplicable: Belum diwajibkan") in the panel's words. */
function complianceText(value: string): string {
  const [status = '', ...rest] = value.split(': ');
  const note = rest.join(': ');
  const label =
    status === 'confirmed' ||
    status === 'evidenceFound' ||
    status === 'evidenceMissing' ||
    status === 'notApplicable'
      ? complianceDecisionLabel(status, 'notMet')
      : null;
  return label === null ? value : note ? `${label}: ${note}` : label;
}

/** An answer's Pemdi-only fields and decimal values as a user reads them; null = not one. */
function answerText(
  pack: InstrumentPack,
  indicator: number | null,
  field: string | null,
  value: string,
): string | null {
  if (field === 'value' && /^\d+(\.\d+)?$/.test(value)) return formatValue(pack, Number(value));
  if (field === 'external') {
    const ext = parseJson(value) as
      { input?: unknown; year?: unknown; note?: unknown } | null | undefined;
    if (!ext || typeof ext.input !== 'number') return null;
    const source = indicator === null ? undefined : findIndicator(pack, indicator);
    const name = source?.indicator.externalIndex?.shortName ?? 'Indeks sumber';
    const year = typeof ext.year === 'number' ? ` (${ext.year})` : '';
    // The note is part of the entry: a change of the note alone must show.
    const note =
      typeof ext.note === 'string' && ext.note.trim() !== ''
        ? `; keterangan: ${ext.note.trim()}`
        : '';
    return `${name} ${formatExternalInput(ext.input)}${year}${note}`;
  }
  if (field === 'butir') {
    const state = parseJson(value);
    if (!state || typeof state !== 'object') return null;
    const parts = Object.entries(state as Record<string, string>).map(
      ([code, status]) => `${code}: ${butirStatusLabel[status as ButirStatus] ?? status}`,
    );
    return parts.length > 0 ? parts.join('; ') : '—';
  }
  if (field === 'status' && value in answerStatusLabel)
    return answerStatusLabel[value as AnswerStatus];
  return null;
}

/** Any other entity's stored value as a user reads it; null = shown as stored. */
function otherText(
  entity: AuditEvent['entity'],
  field: string | null,
  value: string,
  side: 'old' | 'new',
  pack: InstrumentPack,
): string | null {
  if (field === null) return null;
  if (DATE_FIELDS.has(field) && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (field === 'instansi.logo') return side === 'old' ? 'logo sebelumnya' : 'logo baru';
  if (field === 'instansi.kind' && value in instansiKindLabel)
    return instansiKindLabel[value as keyof typeof instansiKindLabel];
  if (field.startsWith(COMPLIANCE_PREFIX)) return complianceText(value);
  if (entity === 'evaluation' && field === 'status') return evaluationStatusLabel[value] ?? null;
  if (entity === 'member' && field === 'role' && isMemberRole(value))
    return memberRoleLabel(pack, value);
  if (entity === 'member' && field === 'indicators') {
    const list = parseJson(value);
    if (!Array.isArray(list) || !list.every((n) => typeof n === 'number')) return null;
    return list.length > 0 ? formatIndicatorList(list) : '—';
  }
  if (entity === 'evidence' && field === 'kind' && value in evidenceKindLabel)
    return evidenceKindLabel[value as keyof typeof evidenceKindLabel];
  return null;
}

/** One side of a change ("Sebelumnya" or "Menjadi"); "—" for nothing. */
export function auditValueText(
  event: Pick<AuditEvent, 'entity' | 'indicator' | 'field'>,
  value: string | null,
  side: 'old' | 'new',
  pack: InstrumentPack,
): string {
  if (value === null || value === '') {
    // A logo removed reads as such, not as an empty cell.
    return event.field === 'instansi.logo' && side === 'new' ? 'tanpa logo' : '—';
  }
  const text =
    event.entity === 'answer'
      ? answerText(pack, event.indicator, event.field, value)
      : otherText(event.entity, event.field, value, side, pack);
  if (text !== null) return text;
  if (event.field === 'carriedOver') return value === 'true' ? 'perlu ditinjau' : 'sudah ditinjau';
  return value.length > 300 ? `${value.slice(0, 300)}…` : value;
}
