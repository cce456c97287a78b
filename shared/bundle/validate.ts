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
} from '../format/zod-messages';
import { decodeUtf8Strict } from '../format/utf8';
import { fastSafeParse } from './fast-parse';

/**
 * The manifest schema's parse, fast on large valid manifests (zod's own parse, with all its
 * messages, whenever anything is wrong).
 */
const parseManifestSchema = fastSafeParse(bundleManifestSchema);

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
  const parsed = parseManifestSchema(upgraded, { error: indonesianErrorMap });
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

/** Rows of another evaluation, and the repeated keys (each repeat once), in one pass. */
function scanRows<T extends { evaluationId: string }>(
  rows: readonly T[],
  evaluationId: string,
  key: (row: T) => string,
  what: string,
): { foreign: number; duplicates: string[] } {
  let foreign = 0;
  const duplicates: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (row.evaluationId !== evaluationId) foreign += 1;
    const k = key(row);
    if (seen.has(k)) duplicates.push(`${what} "${k}" ganda`);
    seen.add(k);
  }
  return { foreign, duplicates };
}

/**
 * The checks beyond the schema. Returns every problem found (Indonesian), none when sound, in a
 * fixed order (rows of another evaluation, repeated ids, values, scope, links, members, sizes,
 * files). Every table is read a bounded number of times; the evidence table, the longest a
 * bundle has, once into the two sets every later check looks up (ids and hashes), and once more
 * for sizes when a hash repeats or files are listed.
 */
export function checkManifestContent(manifest: BundleManifest, pack: InstrumentPack): string[] {
  const problems: string[] = [];
  const { snapshot } = manifest;
  // Indicators by number: each row's lookup is O(1), not a walk over the pack.
  const indicatorByNumber = new Map<number, IndicatorEntry>(
    indicatorEntries(pack).map((e) => [e.indicator.number, e]),
  );
  const findIndicator = (n: number): IndicatorEntry | undefined => indicatorByNumber.get(n);
  const evaluationId = snapshot.evaluation.id;
  const inst = snapshot.evaluation.instrument;
  if (inst.id !== manifest.instrument.id || inst.version !== manifest.instrument.version) {
    problems.push(
      `evaluasi memakai instrumen ${inst.id} versi ${inst.version}, berbeda dari yang dinyatakan manifest (${manifest.instrument.id} versi ${manifest.instrument.version})`,
    );
  }

  // Evidence in one pass: other evaluation's rows, repeated ids, repeated hashes (two sets, the
  // cheapest structure for 200 000 rows; sizes per hash are only looked at when they matter).
  const evidenceIds = new Set<string>();
  const hashes = new Set<string>();
  let foreignEvidence = 0;
  let repeatedHash = false;
  const duplicateEvidence: string[] = [];
  for (const e of snapshot.evidence) {
    if (e.evaluationId !== evaluationId) foreignEvidence += 1;
    const ids = evidenceIds.size;
    evidenceIds.add(e.id);
    if (evidenceIds.size === ids) duplicateEvidence.push(`id bukti dukung "${e.id}" ganda`);
    const known = hashes.size;
    hashes.add(e.hash);
    if (hashes.size === known) repeatedHash = true;
  }
  // The size of each hash (its last row's), for the file list and for the same bytes recorded
  // with two sizes, which only a repeated hash can show.
  let sizes: Map<string, number> | undefined;
  const sizeProblems: string[] = [];
  const sizeByHash = (): Map<string, number> => {
    if (sizes) return sizes;
    sizes = new Map<string, number>();
    for (const e of snapshot.evidence) {
      const known = sizes.get(e.hash);
      if (known !== undefined && known !== e.size) {
        sizeProblems.push(
          `bukti dukung dengan hash ${e.hash.slice(0, 12)}… tercatat dengan dua ukuran berbeda`,
        );
      }
      sizes.set(e.hash, e.size);
    }
    return sizes;
  };
  if (repeatedHash) sizeByHash();
  const answers = scanRows(
    snapshot.answers,
    evaluationId,
    (a) => String(a.indicator),
    'jawaban indikator',
  );
  const links = scanRows(snapshot.links, evaluationId, (l) => l.id, 'id tautan bukti');
  const members = scanRows(snapshot.members, evaluationId, (m) => m.id, 'id anggota tim');
  const audit = scanRows(snapshot.audit, evaluationId, (a) => a.id, 'id catatan riwayat');

  const foreign = (n: number, what: string): void => {
    if (n > 0) problems.push(`${n} ${what} milik evaluasi lain`);
  };
  foreign(answers.foreign, 'jawaban');
  foreign(foreignEvidence, 'bukti dukung');
  foreign(links.foreign, 'tautan bukti');
  foreign(members.foreign, 'anggota tim');
  foreign(audit.foreign, 'catatan riwayat');
  const pushAll = (list: readonly string[]): void => {
    for (const p of list) problems.push(p);
  };
  pushAll(answers.duplicates);
  pushAll(duplicateEvidence);
  pushAll(links.duplicates);
  pushAll(members.duplicates);
  pushAll(audit.duplicates);

  // Values: the same check the scoring uses.
  pushAll(checkValues(pack, snapshotValues(snapshot)));

  // Scope: "only mine" carries nothing outside its indicators.
  const scopeSet = manifest.scope.kind === 'indicators' ? new Set(manifest.scope.indicators) : null;
  const inScope = (n: number): boolean => scopeSet === null || scopeSet.has(n);
  if (manifest.scope.kind === 'indicators') {
    for (const n of manifest.scope.indicators) {
      if (!findIndicator(n)) problems.push(`cakupan menyebut indikator ${n} yang tidak ada`);
    }
    for (const a of snapshot.answers) {
      if (!inScope(a.indicator)) {
        problems.push(`jawaban indikator ${a.indicator} di luar cakupan berkas`);
      }
    }
  }

  // Links: to evidence of this snapshot, on indicators and levels of the pack.
  for (const link of snapshot.links) {
    if (!evidenceIds.has(link.evidenceId)) {
      problems.push(
        `tautan bukti "${link.id}" (indikator ${link.indicator}) merujuk bukti dukung "${link.evidenceId}" yang tidak ada`,
      );
    }
    const entry = findIndicator(link.indicator);
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
    const unknown = m.indicators.filter((n) => !findIndicator(n));
    if (unknown.length > 0) {
      problems.push(
        `anggota tim "${m.name}" ditugaskan pada indikator yang tidak ada: ${unknown.join(', ')}`,
      );
    }
  }

  pushAll(sizeProblems);

  // Files: exactly the referenced hashes (every evidence hash and the logo) when bytes are
  // included, none otherwise.
  const logo = snapshot.evaluation.instansi.logoHash;
  const referenced = (hash: string): boolean => hashes.has(hash) || hash === logo;
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
      if (!referenced(f.hash)) {
        problems.push(`berkas bukti ${f.entry} tidak dipakai oleh bukti dukung mana pun`);
      }
      const size = sizeByHash().get(f.hash);
      if (size !== undefined && size !== f.size) {
        problems.push(
          `berkas bukti ${f.entry} berukuran ${f.size} byte di daftar berkas, tetapi ${size} byte di data bukti dukung`,
        );
      }
    }
    // Referenced but not listed, in the order of `referencedHashes`: evidence first, then logo.
    const missing: string[] = [];
    for (const hash of hashes) if (!listed.has(hash)) missing.push(hash);
    if (logo && !hashes.has(logo) && !listed.has(logo)) missing.push(logo);
    if (missing.length > 0) {
      // One pass over the rows for the names, not one per missing hash: still linear.
      const evidenceByHash = new Map<string, (typeof snapshot.evidence)[number]>();
      for (const e of snapshot.evidence) {
        if (!evidenceByHash.has(e.hash)) evidenceByHash.set(e.hash, e);
      }
      for (const hash of missing) {
        const ev = evidenceByHash.get(hash);
        problems.push(
          `isi bukti dukung ${ev ? `"${ev.fileName}"` : '(logo instansi)'} tidak terdaftar di berkas (${evidenceEntryName(hash)})`,
        );
      }
    }
  }
  return problems;
}
