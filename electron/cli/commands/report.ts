/**
 * `spbe-eval report <file> --format docx|xlsx -o <file>`: the report of an evaluation, written
 * by the same shared/report model and writers as the app.
 *
 * Input: an evaluation snapshot as JSON (what the app exports, with answers, justifications,
 * evidence metadata and the team), or the plain levels form of `score`, which carries no
 * instansi: then --kind, --region, --head-title and --year say whose report it is, and the report
 * states that no justifications or evidence were given. A `.spbe` bundle is read with every
 * check of an import (and its logo, when the bundle carries the bytes).
 *
 * The regional regulation comes from --profile (a profile file exported by the app, or the
 * minimal {"regulation":…} form), else from the built-in profile the evaluation names.
 */
import { z } from 'zod';
import {
  evaluationSnapshotSchema,
  instansiKindLabel,
  instansiKinds,
  snapshotValues,
  type EvaluationSnapshot,
  type InstansiKind,
} from '../../../shared/assessment';
import { checkValues } from '../../../shared/scoring';
import {
  buildReport,
  previousFromSnapshot,
  reportSectionIds,
  reportProfileFromRegional,
  reportSectionLabel,
  type PreviousEvaluation,
  type ReportModel,
  type ReportProfile,
  type ReportSectionId,
} from '../../../shared/report';
import { calendarDate, reportDateProblem, reportMoment } from '../../../shared/report/status';
import { logoUploadProblem, reportToDocx, reportToXlsx } from '../../../shared/report/office';
import { valueNoun, type InstrumentPack } from '../../../shared/instrument';
import { findProfile, parseProfileFile } from '../../../shared/profiles';
import { indonesianErrorMap } from '../../../shared/format/zod-messages';
import { CliError, type CliIo } from '../io';
import { resolvePack } from '../packs';
import { loadRasterizer } from '../rasterize';
import { isValuesForm, parseJsonFile, readValuesForm } from '../values-input';
import { looksLikeBundle, openBundleFile } from './bundle-file';

export const reportFormats = ['docx', 'xlsx'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export interface ReportArgs {
  file: string;
  /** For encrypted .spbe bundles. */
  password?: string;
  appVersion?: string;
  format: string | undefined;
  output: string | undefined;
  previous: string[];
  profile?: string;
  logo?: string;
  sections?: string;
  date?: string;
  /** For the levels form only: whose report it is. */
  kind?: string;
  region?: string;
  headTitle?: string;
  year?: string;
}

/** Flags that describe the instansi of a levels-form input. */
interface InstansiFlags {
  kind?: string;
  region?: string;
  headTitle?: string;
  year?: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

async function readBytes(io: CliIo, file: string): Promise<Uint8Array> {
  try {
    return await io.readFile(file);
  } catch {
    throw new CliError(`Berkas "${file}" tidak dapat dibaca`);
  }
}

function parseJson(bytes: Uint8Array, file: string): unknown {
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch (e) {
    const reason = e instanceof SyntaxError ? e.message : 'bukan teks UTF-8';
    throw new CliError(`Berkas "${file}" bukan JSON yang sah (${reason})`);
  }
}

function issueText(error: z.ZodError, file: string): string {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? ` pada "${issue.path.join('.')}"` : '';
  return `Isi berkas "${file}" tidak sesuai format${where}: ${issue?.message ?? ''}`;
}

function snapshotFromLevels(json: unknown, file: string, flags: InstansiFlags): EvaluationSnapshot {
  // Read first: a bad values file is refused before the instansi flags are asked for.
  const { pack, values } = readValuesForm(json, file);
  const missing = [
    ['--kind', flags.kind],
    ['--region', flags.region],
    ['--head-title', flags.headTitle],
    ['--year', flags.year],
  ]
    .filter(([, v]) => !v)
    .map(([k]) => k);
  if (missing.length > 0) {
    throw new CliError(
      `Berkas "${file}" hanya berisi ${valueNoun(pack)} indikator; sebutkan instansinya dengan ${missing.join(', ')}`,
    );
  }
  if (!instansiKinds.includes(flags.kind as InstansiKind)) {
    throw new CliError(`--kind harus salah satu dari: ${instansiKinds.join(', ')}`);
  }
  const kind = flags.kind as InstansiKind;
  const year = Number(flags.year);
  const now = Date.now();
  const candidate = {
    evaluation: {
      id: 'cli-levels',
      year,
      instrument: { id: pack.id, version: pack.version },
      instansi: {
        name: `${instansiKindLabel[kind]} ${flags.region}`,
        kind,
        regionName: flags.region,
        headOfRegionTitle: flags.headTitle,
      },
      createdAt: now,
      updatedAt: now,
    },
    answers: Object.entries(values).map(([k, value]) => ({
      evaluationId: 'cli-levels',
      indicator: Number(k),
      value,
      justification: '',
      agency: '',
      status: 'draft',
      reviewNote: '',
      carriedOver: false,
      updatedAt: now,
      updatedBy: null,
      revision: `cli-${k}`,
      ancestors: [],
      revisionOpen: false,
    })),
    evidence: [],
    links: [],
    members: [],
    audit: [],
  };
  const snapshot = evaluationSnapshotSchema.safeParse(candidate, { error: indonesianErrorMap });
  if (!snapshot.success) {
    const issue = snapshot.error.issues[0];
    throw new CliError(`Data instansi dari opsi tidak sah: ${issue?.message ?? ''}`);
  }
  return snapshot.data;
}

/**
 * Readers of an evaluation file by extension. `.json` is built in; the bundle module registers
 * `.spbe` here (bytes in, validated snapshot out, CliError with one Indonesian line on bad input).
 */
export const snapshotReaders: Record<
  string,
  (
    bytes: Uint8Array,
    file: string,
    flags: InstansiFlags,
  ) => Promise<EvaluationSnapshot> | EvaluationSnapshot
> = {
  '.json': (bytes, file, flags) => {
    const json = parseJsonFile(bytes, file);
    if (json !== null && typeof json === 'object' && 'evaluation' in json) {
      const parsed = evaluationSnapshotSchema.safeParse(json, { error: indonesianErrorMap });
      if (!parsed.success) throw new CliError(issueText(parsed.error, file));
      return parsed.data;
    }
    if (isValuesForm(json)) {
      return snapshotFromLevels(json, file, flags);
    }
    throw new CliError(
      `Berkas "${file}" bukan snapshot evaluasi ({"evaluation":…}) maupun berkas nilai ({"instrument":…,"values":…})`,
    );
  },
};

const extensionOf = (file: string): string => {
  const m = /\.[^./\\]+$/.exec(file);
  return m ? m[0].toLowerCase() : '';
};

export interface ReadEvaluation {
  snapshot: EvaluationSnapshot;
  pack: InstrumentPack;
  /** The logo's bytes, when a bundle carries them. */
  logo: Uint8Array | null;
}

async function readBundleEvaluation(
  io: CliIo,
  file: string,
  args: Pick<ReportArgs, 'password' | 'appVersion'>,
): Promise<ReadEvaluation> {
  const { bundle, handle } = await openBundleFile(io, file, {
    ...(args.password !== undefined ? { password: args.password } : {}),
    appVersion: args.appVersion ?? '',
  });
  try {
    const snapshot = bundle.manifest.snapshot;
    const logoHash = snapshot.evaluation.instansi.logoHash;
    let logo: Uint8Array | null = null;
    if (
      logoHash &&
      bundle.manifest.evidenceIncluded &&
      bundle.files.some((f) => f.hash === logoHash)
    ) {
      logo = new Uint8Array(await (await bundle.evidenceBlob(logoHash)).arrayBuffer());
    }
    return { snapshot, pack: bundle.pack, logo };
  } finally {
    await handle.close();
  }
}

export async function readSnapshot(
  io: CliIo,
  file: string,
  flags: InstansiFlags & Pick<ReportArgs, 'password' | 'appVersion'> = {},
): Promise<ReadEvaluation> {
  if (await looksLikeBundle(io, file)) return readBundleEvaluation(io, file, flags);
  const ext = extensionOf(file);
  const reader = snapshotReaders[ext];
  if (!reader) {
    throw new CliError(
      `Jenis berkas "${ext || file}" tidak dikenal; gunakan berkas .spbe atau snapshot evaluasi JSON`,
    );
  }
  const snapshot = await reader(await readBytes(io, file), file, flags);
  const { id, version } = snapshot.evaluation.instrument;
  const pack = resolvePack(id, version);
  const problems = checkValues(pack, snapshotValues(snapshot));
  if (problems.length > 0)
    throw new CliError(`Isi berkas "${file}" tidak sah: ${problems.join('; ')}`);
  return { snapshot, pack, logo: null };
}

const regulationSchema = z.strictObject({
  kind: z.string().trim().min(1, 'jenis peraturan kosong'),
  number: z.string().trim().min(1).nullable().default(null),
  year: z.number().int().min(1945).max(2100).nullable().default(null),
  title: z.string().trim().min(1, 'judul peraturan kosong'),
});
/** The minimal profile file the CLI accepts (a regional profile may carry much more). */
const profileSchema = z.looseObject({
  regulation: regulationSchema.nullable().optional(),
  evaluationArticle: z
    .strictObject({ article: z.string().trim().min(1), text: z.string().trim().min(1) })
    .nullable()
    .optional(),
});

function parseSections(text: string | undefined): ReportSectionId[] | undefined {
  if (text === undefined) return undefined;
  const chosen = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = chosen.filter((s) => !reportSectionIds.includes(s as ReportSectionId));
  if (unknown.length > 0 || chosen.length === 0) {
    throw new CliError(
      `Bagian laporan tidak dikenal: ${unknown.join(', ') || '(kosong)'}; pilihan: ${reportSectionIds.join(', ')}`,
    );
  }
  return chosen as ReportSectionId[];
}

/**
 * The report date: --date/--tanggal, else the date stored with the evaluation (a bundle or
 * snapshot made by the app carries it), else today. A given date must be a real calendar date
 * within the bounds the app accepts (shared/report/status).
 */
function reportDateFor(text: string | undefined, snapshot: EvaluationSnapshot): Date {
  if (text === undefined) return reportMoment(snapshot.evaluation, new Date());
  const date = calendarDate(text);
  if (!date) throw new CliError(`Tanggal laporan "${text}" tidak sah; gunakan TTTT-BB-HH`);
  const problem = reportDateProblem(text, snapshot.evaluation.year, new Date());
  if (problem) throw new CliError(`${problem} ("${text}")`);
  return date;
}

/**
 * The report's regional part: from a profile file (the app's export: regulation, reporting
 * article and compliance with its obligations; or the minimal {"regulation":…} form), else from
 * the built-in profile the evaluation was created from, else none.
 */
async function reportProfileFor(
  io: CliIo,
  file: string | undefined,
  snapshot: EvaluationSnapshot,
  pack: InstrumentPack,
): Promise<ReportProfile | null> {
  if (!file) {
    const builtIn = snapshot.evaluation.profileId
      ? findProfile(snapshot.evaluation.profileId)
      : undefined;
    return builtIn ? reportProfileFromRegional(builtIn, snapshot, pack) : null;
  }
  const bytes = await readBytes(io, file);
  const json = parseJson(bytes, file);
  if (json !== null && typeof json === 'object' && 'format' in json) {
    const parsed = parseProfileFile(new TextDecoder().decode(bytes));
    if (!parsed.ok) throw new CliError(`Profil "${file}" tidak sah: ${parsed.errors[0] ?? ''}`);
    return reportProfileFromRegional(parsed.profile, snapshot, pack);
  }
  const parsed = profileSchema.safeParse(json, { error: indonesianErrorMap });
  if (!parsed.success) throw new CliError(issueText(parsed.error, file));
  return {
    regulation: parsed.data.regulation ?? null,
    evaluationArticle: parsed.data.evaluationArticle ?? null,
  };
}

export async function buildReportFromFiles(
  io: CliIo,
  args: ReportArgs,
): Promise<{ model: ReportModel; logo: Uint8Array | null }> {
  const { snapshot, pack, logo } = await readSnapshot(io, args.file, args);
  const previous: PreviousEvaluation[] = [];
  for (const file of args.previous) {
    const earlier = await readSnapshot(io, file, {
      ...(args.password !== undefined ? { password: args.password } : {}),
      ...(args.appVersion !== undefined ? { appVersion: args.appVersion } : {}),
    });
    if (earlier.snapshot.evaluation.year >= snapshot.evaluation.year) {
      throw new CliError(
        `Evaluasi pembanding "${file}" (Tahun ${earlier.snapshot.evaluation.year}) harus lebih awal dari Tahun ${snapshot.evaluation.year}`,
      );
    }
    previous.push(previousFromSnapshot(earlier.pack, earlier.snapshot));
  }
  const profile = await reportProfileFor(io, args.profile, snapshot, pack);
  const sections = parseSections(args.sections);
  const model = buildReport({
    snapshot,
    pack,
    previous,
    profile,
    ...(sections ? { options: { sections } } : {}),
    now: reportDateFor(args.date, snapshot),
  });
  return { model, logo };
}

export async function reportCommand(io: CliIo, args: ReportArgs): Promise<void> {
  if (!args.format || !reportFormats.includes(args.format as ReportFormat)) {
    throw new CliError(`Format laporan harus ${reportFormats.join(' atau ')} (--format docx|xlsx)`);
  }
  if (!args.output) throw new CliError('Sebutkan berkas keluaran dengan -o <berkas>');
  const format = args.format as ReportFormat;
  if (extensionOf(args.output) !== `.${format}`) {
    throw new CliError(`Berkas keluaran untuk format ${format} harus berakhiran .${format}`);
  }
  let logo: Uint8Array | null = null;
  if (args.logo) {
    logo = await readBytes(io, args.logo);
    // The check the app makes at upload: a kind it takes and a sane size.
    const problem = logoUploadProblem(logo);
    if (problem) throw new CliError(`${problem} (berkas "${args.logo}")`);
  }
  const built = await buildReportFromFiles(io, args);
  const model = built.model;
  // The logo given on the command line wins over the one a bundle carries.
  logo ??= built.logo;
  let bytes: Uint8Array;
  if (format === 'docx') {
    const rasterize = await loadRasterizer();
    if (!rasterize) {
      io.err(
        'Peringatan: pengubah gambar (resvg) tidak tersedia; grafik ditulis sebagai tabel data.',
      );
    }
    bytes = await reportToDocx(model, {
      ...(rasterize ? { rasterize } : {}),
      logo,
      onNote: (note) => io.err(`Peringatan: ${note}`),
    });
  } else {
    bytes = await reportToXlsx(model);
  }
  // Written only once complete: a failure above leaves any existing output untouched.
  try {
    await io.writeFile(args.output, bytes);
  } catch {
    throw new CliError(`Berkas "${args.output}" tidak dapat ditulis`);
  }
  const h = model.headline;
  const sections = model.sections.map((s) => reportSectionLabel[s.id]).join(', ');
  io.out(
    `Laporan ${format.toUpperCase()} ditulis ke ${args.output}: ${h.indexLabel} ${h.display ?? '—'}` +
      `${h.rating ? ` (predikat ${h.rating})` : ''}${model.provisional ? ' — SEMENTARA' : ''}; bagian: ${sections}.`,
  );
}
