/**
 * The version of the .spbe format and how an older manifest is brought up to date.
 *
 * Versions are "MAJOR.MINOR". A reader accepts its own major version with any minor version
 * (minor versions only add top-level manifest fields an older reader may ignore). A newer major
 * version is refused with a message asking the user to update the app. An older major version is
 * carried forward by explicit migration functions, one per major step, each a pure function of
 * the parsed JSON; the result is then checked by the current schema like any other manifest.
 *
 * 1.0 is the first released format, so the shipped migration list is empty; the runner is tested
 * with a test chain (test/unit/bundle/format.test.ts) so that the first real migration lands on
 * tested machinery.
 */
import { BundleError } from './errors';

/** The `format` field of every manifest: what tells our bundle from any other zip. */
export const BUNDLE_FORMAT = 'evaluasi-spbe-bundle';

export const FORMAT_MAJOR = 1;
export const FORMAT_MINOR = 0;
export const FORMAT_VERSION = `${FORMAT_MAJOR}.${FORMAT_MINOR}`;

export interface FormatVersion {
  major: number;
  minor: number;
}

export function parseFormatVersion(text: unknown): FormatVersion | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^(\d{1,6})\.(\d{1,6})$/.exec(text);
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]) };
}

/**
 * Carries a manifest of major version `from` to `from + 1`. It receives the parsed JSON of the
 * older format (unknown: the older schema is not kept as code) and returns the newer one.
 */
export interface FormatMigration {
  from: number;
  /** What changed, for the code reader and the test names. */
  description: string;
  migrate(manifest: Record<string, unknown>): Record<string, unknown>;
}

/** The migrations the app ships, oldest first. Empty while 1.x is the only format. */
export const BUNDLE_MIGRATIONS: readonly FormatMigration[] = [];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks the format header of a parsed manifest and migrates it to the current major version.
 * Returns the (possibly migrated) manifest JSON, still unvalidated, and the version it had.
 */
export function upgradeManifest(
  raw: unknown,
  appVersion: string,
  migrations: readonly FormatMigration[] = BUNDLE_MIGRATIONS,
  current: FormatVersion = { major: FORMAT_MAJOR, minor: FORMAT_MINOR },
): { manifest: Record<string, unknown>; original: FormatVersion } {
  if (!isRecord(raw) || raw.format !== BUNDLE_FORMAT) {
    throw new BundleError(
      'manifestInvalid',
      'Berkas ini bukan berkas pertukaran Evaluasi SPBE (.spbe): manifest.json tidak menyebut format "evaluasi-spbe-bundle".',
      'manifest.json',
    );
  }
  const version = parseFormatVersion(raw.formatVersion);
  if (!version) {
    throw new BundleError(
      'formatUnknown',
      `Versi format berkas tidak terbaca (${JSON.stringify(raw.formatVersion) ?? 'kosong'}); seharusnya berbentuk "1.0".`,
      'manifest.json',
    );
  }
  const label = `${version.major}.${version.minor}`;
  if (version.major > current.major) {
    const madeBy = isRecord(raw.app) && typeof raw.app.version === 'string' ? raw.app.version : '';
    throw new BundleError(
      'formatTooNew',
      `Berkas ini dibuat dengan format versi ${label}${madeBy ? ` oleh aplikasi Evaluasi SPBE versi ${madeBy}` : ''}, lebih baru daripada yang dapat dibaca aplikasi ini (versi ${appVersion}, format ${current.major}.x). Perbarui aplikasi Evaluasi SPBE lalu buka berkas ini lagi.`,
      'manifest.json',
    );
  }
  let manifest: Record<string, unknown> = raw;
  for (let major = version.major; major < current.major; major += 1) {
    const step = migrations.find((m) => m.from === major);
    if (!step) {
      throw new BundleError(
        'formatUnknown',
        `Format berkas versi ${label} tidak didukung lagi oleh aplikasi ini (tidak ada migrasi dari versi ${major}.x).`,
        'manifest.json',
      );
    }
    let next: Record<string, unknown>;
    try {
      next = step.migrate(manifest);
    } catch (e) {
      throw new BundleError(
        'manifestInvalid',
        `manifest.json format versi ${label} tidak dapat dimigrasikan ke versi ${major + 1}.0: ${e instanceof Error ? e.message : String(e)}`,
        'manifest.json',
        { cause: e },
      );
    }
    manifest = { ...next, format: BUNDLE_FORMAT, formatVersion: `${major + 1}.0` };
  }
  return { manifest, original: version };
}
