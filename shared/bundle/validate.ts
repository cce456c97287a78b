/**
 * Everything a manifest must satisfy before anything from it is stored: UTF-8 JSON, the format
 * version (migrated when older), the zod schema, the instrument pack (installed, same version),
 * the values (in the pack's range), and referential integrity (every row of this evaluation, links
 * to evidence that exists, evidence files listed exactly once, the scope respected). Pure: it
 * reads bytes and returns a manifest or throws a `BundleError` with every reason in Indonesian.
 */
import { snapshotValues } from '../assessment/snapshot';
import type { InstrumentPack } from '../instrument/schema';
import { findPack } from '../instrument/packs';
import { indicatorEntries, type IndicatorEntry } from '../instrument/tree';
import { checkValues } from '../scoring/score';
import { evidenceEntryName } from './entries';
import { BundleError } from './errors';
import {
  BUNDLE_MIGRATIONS,
  upgradeManifest,
  type FormatMigration,
  type FormatVersion,
} from './format';
import { bundleManifestSchema, type BundleManifest } from './manifest';
import {
  describePath,
  indonesianErrorMap,
  packMissingMessage,
  summarizeProblems,
} from './messages';
import { decodeUtf8Strict } from '../format/utf8';

export interface ParsedManifest {
  manifest: BundleManifest;
  /** The format version the file was written in (before migration). */
  originalVersion: FormatVersion;
  pack: InstrumentPack;
}

export interface ParseManifestOptions {
  appVersion: string;
  migrations?: readonly FormatMigration[];
  /** Finds an installed pack; the registry (built-in and loaded packs) by default. */
  findPack?: (id: string, version?: string) => InstrumentPack | undefined;
}

/** Bytes of manifest.json -> a manifest checked in every way that needs no evidence bytes. */
export function parseManifest(bytes: Uint8Array, options: ParseManifestOptions): ParsedManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(decodeUtf8Strict(bytes));
  } catch (e) {
    const reason = e instanceof SyntaxError ? 'JSON rusak' : 'bukan teks UTF-8';
    throw new BundleError(
      'manifestInvalid',
      `manifest.json tidak dapat dibaca (${reason}); berkas rusak atau diubah.`,
      'manifest.json',
      { cause: e },
    );
  }
  const { manifest: upgraded, original } = upgradeManifest(
    raw,
    options.appVersion,
    options.migrations ?? BUNDLE_MIGRATIONS,
  );
  const parsed = bundleManifestSchema.safeParse(upgraded, { error: indonesianErrorMap });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${describePath(i.path)}: ${i.message}`);
    throw new BundleError(
      'manifestInvalid',
      `Isi manifest.json tidak sesuai format: ${summarizeProblems(problems)}.`,
      'manifest.json',
    );
  }
  const manifest = parsed.data;
  const pack = resolveManifestPack(manifest, options.findPack ?? findPack);
  const problems = checkManifestContent(manifest, pack);
  if (problems.length > 0) {
    throw new BundleError(
      'content',
      `Isi berkas tidak sah: ${summarizeProblems(problems)}.`,
      'manifest.json',
    );
  }
  return { manifest, originalVersion: original, pack };
}

function resolveManifestPack(
  manifest: BundleManifest,
  find: (id: string, version?: string) => InstrumentPack | undefined,
): InstrumentPack {
  const { id, version } = manifest.instrument;
  const pack = find(id, version);
  if (pack) return pack;
  // The names the file carries are those of the version needed; older files carry none.
  const named = { id, version, ...manifest.instrumentTitle };
  const other = find(id);
  if (other) {
    throw new BundleError(
      'instrumentVersion',
      packMissingMessage({ shortTitle: other.shortTitle, ...named }, other.version),
      'manifest.json',
    );
  }
  throw new BundleError('instrumentUnknown', packMissingMessage(named), 'manifest.json');
}

/** Referenced file hashes of a snapshot: every evidence hash and the instansi logo. */
export function referencedHashes(manifest: Pick<BundleManifest, 'snapshot'>): Set<string> {
  const hashes = new Set<string>(manifest.snapshot.evidence.map((e) => e.hash));
  const logo = manifest.snapshot.evaluation.instansi.logoHash;
  if (logo) hashes.add(logo);
  return hashes;
}

/** The checks beyond the schema. Returns every problem found (Indonesian), none when sound. */
export function checkManifestContent(manifest: BundleManifest, pack: InstrumentPack): string[] {
  const problems: string[] = [];
  const { snapshot } = manifest;
  // Indicators by number: each row's lookup is O(1), not a walk over the pack.
  const indicatorByNumber = new Map<number, IndicatorEntry>(
    indicatorEntries(pack).map((e) => [e.indicator.number, e]),
  );
  const findIndicator = (_pack: InstrumentPack, n: number): IndicatorEntry | undefined =>
    indicatorByNumber.get(n);
  const evaluationId = snapshot.evaluation.id;
  const inst = snapshot.evaluation.instrument;
  if (inst.id !== manifest.instrument.id || inst.version !== manifest.instrument.version) {
    problems.push(
      `evaluasi memakai instrumen ${inst.id} versi ${inst.version}, berbeda dari yang dinyatakan manifest (${manifest.instrument.id} versi ${manifest.instrument.version})`,
    );
  }

  const foreign = (rows: readonly { evaluationId: string }[], what: string): void => {
    const n = rows.filter((r) => r.evaluationId !== evaluationId).length;
    if (n > 0) problems.push(`${n} ${what} milik evaluasi lain`);
  };
  foreign(snapshot.answers, 'jawaban');
  foreign(snapshot.evidence, 'bukti dukung');
  foreign(snapshot.links, 'tautan bukti');
  foreign(snapshot.members, 'anggota tim');
  foreign(snapshot.audit, 'catatan riwayat');

  const duplicates = (keys: readonly string[], what: string): void => {
    const seen = new Set<string>();
    for (const k of keys) {
      if (seen.has(k)) problems.push(`${what} "${k}" ganda`);
      seen.add(k);
    }
  };
  duplicates(
    snapshot.answers.map((a) => String(a.indicator)),
    'jawaban indikator',
  );
  duplicates(
    snapshot.evidence.map((e) => e.id),
    'id bukti dukung',
  );
  duplicates(
    snapshot.links.map((l) => l.id),
    'id tautan bukti',
  );
  duplicates(
    snapshot.members.map((m) => m.id),
    'id anggota tim',
  );
  duplicates(
    snapshot.audit.map((a) => a.id),
    'id catatan riwayat',
  );

  // Values: the same check the scoring uses.
  for (const p of checkValues(pack, snapshotValues(snapshot))) problems.push(p);

  // Scope: "only mine" carries nothing outside its indicators.
  const inScope =
    manifest.scope.kind === 'all'
      ? (_n: number) => true
      : (
          (set: Set<number>) => (n: number) =>
            set.has(n)
        )(new Set(manifest.scope.indicators));
  if (manifest.scope.kind === 'indicators') {
    for (const n of manifest.scope.indicators) {
      if (!findIndicator(pack, n)) problems.push(`cakupan menyebut indikator ${n} yang tidak ada`);
    }
    for (const a of snapshot.answers) {
      if (!inScope(a.indicator)) {
        problems.push(`jawaban indikator ${a.indicator} di luar cakupan berkas`);
      }
    }
  }

  // Links: to evidence of this snapshot, on indicators and levels of the pack.
  const evidenceById = new Map(snapshot.evidence.map((e) => [e.id as string, e]));
  for (const link of snapshot.links) {
    if (!evidenceById.has(link.evidenceId)) {
      problems.push(
        `tautan bukti "${link.id}" (indikator ${link.indicator}) merujuk bukti dukung "${link.evidenceId}" yang tidak ada`,
      );
    }
    const entry = findIndicator(pack, link.indicator);
    if (!entry) {
      problems.push(`tautan bukti "${link.id}" merujuk indikator ${link.indicator} yang tidak ada`);
      continue;
    }
    if (!inScope(link.indicator)) {
      problems.push(`tautan bukti indikator ${link.indicator} di luar cakupan berkas`);
    }
    const top = entry.scale.levels.length;
    for (const level of link.levels) {
      if (level > top) {
        problems.push(
          `tautan bukti "${link.id}" (indikator ${link.indicator}) menyebut tingkat ${level}, padahal skala hanya sampai ${top}`,
        );
      }
    }
  }
  for (const m of snapshot.members) {
    const unknown = m.indicators.filter((n) => !findIndicator(pack, n));
    if (unknown.length > 0) {
      problems.push(
        `anggota tim "${m.name}" ditugaskan pada indikator yang tidak ada: ${unknown.join(', ')}`,
      );
    }
  }

  // The same bytes cannot have two sizes.
  const sizeByHash = new Map<string, number>();
  for (const e of snapshot.evidence) {
    const known = sizeByHash.get(e.hash);
    if (known !== undefined && known !== e.size) {
      problems.push(
        `bukti dukung dengan hash ${e.hash.slice(0, 12)}… tercatat dengan dua ukuran berbeda`,
      );
    }
    sizeByHash.set(e.hash, e.size);
  }

  // Files: exactly the referenced hashes when bytes are included, none otherwise.
  const referenced = referencedHashes(manifest);
  if (!manifest.evidenceIncluded) {
    if (manifest.files.length > 0) {
      problems.push('berkas menyatakan tanpa isi bukti dukung, tetapi mendaftar berkas bukti');
    }
  } else {
    const listed = new Set<string>();
    for (const f of manifest.files) {
      if (listed.has(f.hash)) problems.push(`berkas bukti ${f.entry} terdaftar dua kali`);
      listed.add(f.hash);
      if (f.entry !== evidenceEntryName(f.hash)) {
        problems.push(
          `berkas bukti dengan hash ${f.hash.slice(0, 12)}… harus bernama ${evidenceEntryName(f.hash)}, bukan "${f.entry}"`,
        );
      }
      if (!referenced.has(f.hash)) {
        problems.push(`berkas bukti ${f.entry} tidak dipakai oleh bukti dukung mana pun`);
      }
      const size = sizeByHash.get(f.hash);
      if (size !== undefined && size !== f.size) {
        problems.push(
          `berkas bukti ${f.entry} berukuran ${f.size} byte di daftar berkas, tetapi ${size} byte di data bukti dukung`,
        );
      }
    }
    // One pass over the rows, not one per missing hash: validation stays linear in the rows.
    const evidenceByHash = new Map<string, (typeof snapshot.evidence)[number]>();
    for (const e of snapshot.evidence)
      if (!evidenceByHash.has(e.hash)) evidenceByHash.set(e.hash, e);
    for (const hash of referenced) {
      if (!listed.has(hash)) {
        const ev = evidenceByHash.get(hash);
        problems.push(
          `isi bukti dukung ${ev ? `"${ev.fileName}"` : '(logo instansi)'} tidak terdaftar di berkas (${evidenceEntryName(hash)})`,
        );
      }
    }
  }
  return problems;
}
