/**
 * The headless command line: argument parsing and dispatch. Every user error ends with exit
 * code 2 and one Indonesian line on stderr; unresolved merge conflicts with 3; unexpected
 * failures with 1.
 */
import { parseArgs } from 'node:util';
import { instrumentCommand } from './commands/instrument';
import { reportCommand } from './commands/report';
import { mergeCommand } from './commands/merge';
import { packExportCommand, packValidateCommand } from './commands/pack';
import { rekapCommand } from './commands/rekap';
import { scoreCommand } from './commands/score';
import { validateCommand } from './commands/validate';
import { CliError, EXIT_INVALID, EXIT_OK, type CliIo } from './io';

export const USAGE = `Penggunaan: spbe-eval <perintah> [opsi]

Perintah:
  score <berkas> [--json] [--password <sandi>]
                                    Hitung indeks dan predikat. Berkas: bentuk JSON
                                    {"instrument":"permenpanrb-8-2026","values":{"1":2.5,...}}
                                    (nilai desimal Indeks Pemdi) atau
                                    {"instrument":"permenpanrb-59-2020","levels":{"1":3,...}}
                                    (tingkat 1–5), atau berkas pertukaran .spbe (diperiksa
                                    lengkap lebih dulu).
  validate <berkas.spbe> [--json] [--password <sandi>]
                                    Periksa berkas .spbe seperti saat impor (format, versi, nama
                                    entri, ukuran, hash setiap bukti dukung, instrumen, nilai).
                                    Keluar 0 bila sah, 2 bila tidak sah beserta alasannya.
  merge <a.spbe> <b.spbe> ... -o <hasil.spbe> [--prefer <asesor>] [--base <koordinator.spbe>]
        [--password <sandi>] [--output-password <sandi>] [--by <nama>] [--json]
                                    Gabungkan berkas para asesor. Tanpa konflik: ditulis langsung.
                                    Ada konflik tanpa --prefer: keluar 3 dan daftar konflik ditulis
                                    ke <hasil>.conflicts.json. Dengan --prefer: konflik diselesaikan
                                    ke jawaban asesor itu (nama atau id anggota) dan dicatat.
  rekap <folder atau berkas.spbe ...> -o <rekap.xlsx> [--json] [--password <sandi>]
                                    Rekap banyak instansi (provinsi/kementerian): setiap berkas
                                    .spbe diperiksa seperti saat impor; per instansi dan tahun
                                    dipakai evaluasi final terbaru. Buku kerja: rekap per
                                    instansi, nilai per indikator, sebaran predikat, dan berkas
                                    yang ditolak beserta alasannya. Keluar 2 bila tak ada yang sah.
  instrument [--json] [--id <id>] [--version <v>]
                                    Tampilkan struktur instrumen (domain, aspek, indikator, bobot),
                                    mis. --id permenpanrb-8-2026 untuk Indeks Pemdi.
  pack export <id> [--version <v>] -o <paket.json>
                                    Tulis paket instrumen bawaan ke berkas (JSON seperti dikirim).
  pack validate <paket.json>        Periksa berkas paket instrumen seperti saat dimuat aplikasi.
                                    Keluar 0 bila sah (satu baris ringkasan), 2 beserta setiap
                                    alasannya (satu per baris) bila tidak.
  report <berkas> --format docx|xlsx -o <berkas>
                                    Tulis laporan hasil penilaian mandiri (Word atau Excel).
                                    Berkas: berkas pertukaran .spbe (diperiksa lengkap, --password
                                    bila terlindung), snapshot evaluasi JSON ({"evaluation":…}),
                                    atau berkas tingkat seperti pada score ditambah --kind
                                    kota|kabupaten|provinsi, --region <nama daerah>, --head-title
                                    <sebutan kepala daerah> dan --year <tahun> (laporan lalu
                                    menyatakan tidak ada penjelasan dan bukti dukung).
    --previous <berkas>             Evaluasi tahun sebelumnya (.spbe atau JSON; boleh berulang).
    --profile <berkas.json>         Profil daerah yang diekspor aplikasi (peraturan, pasal
                                    pelaporan, dan pemeriksaan kepatuhan), atau bentuk ringkas
                                    {"regulation":{"kind":"Peraturan Wali Kota","number":"14",
                                    "year":2022,"title":"…"}}. Tanpa opsi ini dipakai profil
                                    bawaan yang tercatat pada evaluasi.
    --logo <berkas.png|jpg>         Logo instansi untuk sampul (docx).
    --sections <a,b,…>              Bagian yang dimuat: cover, summary, legal, methodology,
                                    results, findings, recommendations, appendix (baku: semua).
    --date, --tanggal <TTTT-BB-HH>  Tanggal laporan (baku: tanggal yang disimpan pada evaluasi,
                                    atau hari ini).

Opsi umum:
  --json        Keluaran JSON.
  --help, -h    Tampilkan bantuan ini.
  --version     Tampilkan versi aplikasi.`;

type Handler = (io: CliIo, args: string[], appVersion: string) => Promise<number | void> | void;

function single(positionals: string[], command: string, what: string): string {
  const [file, ...rest] = positionals;
  if (!file)
    throw new CliError(
      `Perintah ${command} memerlukan nama berkas: spbe-eval ${command} <${what}>`,
    );
  if (rest.length > 0) throw new CliError(`Argumen tidak dikenal: ${rest.join(' ')}`);
  return file;
}

const commands: Record<string, Handler> = {
  score: async (io, args, appVersion) => {
    const { values, positionals } = parseArgs({
      args,
      options: {
        json: { type: 'boolean', default: false },
        password: { type: 'string' },
      },
      allowPositionals: true,
    });
    const file = single(positionals, 'score', 'berkas.json');
    await scoreCommand(io, file, values.json ?? false, { password: values.password, appVersion });
  },
  validate: async (io, args, appVersion) => {
    const { values, positionals } = parseArgs({
      args,
      options: {
        json: { type: 'boolean', default: false },
        password: { type: 'string' },
      },
      allowPositionals: true,
    });
    const file = single(positionals, 'validate', 'berkas.spbe');
    await validateCommand(io, file, {
      password: values.password,
      json: values.json ?? false,
      appVersion,
    });
  },
  merge: async (io, args, appVersion) => {
    const { values, positionals } = parseArgs({
      args,
      options: {
        output: { type: 'string', short: 'o' },
        prefer: { type: 'string' },
        base: { type: 'string' },
        password: { type: 'string' },
        'output-password': { type: 'string' },
        by: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      allowPositionals: true,
    });
    if (!values.output) {
      throw new CliError('Perintah merge memerlukan berkas hasil: -o <hasil.spbe>');
    }
    return mergeCommand(io, positionals, {
      output: values.output,
      prefer: values.prefer,
      base: values.base,
      password: values.password,
      outputPassword: values['output-password'],
      by: values.by?.trim() || 'spbe-eval merge',
      json: values.json ?? false,
      appVersion,
    });
  },
  report: async (io, args, appVersion) => {
    const { values, positionals } = parseArgs({
      args,
      options: {
        format: { type: 'string' },
        output: { type: 'string', short: 'o' },
        previous: { type: 'string', multiple: true },
        profile: { type: 'string' },
        logo: { type: 'string' },
        sections: { type: 'string' },
        date: { type: 'string' },
        tanggal: { type: 'string' },
        kind: { type: 'string' },
        region: { type: 'string' },
        'head-title': { type: 'string' },
        year: { type: 'string' },
        password: { type: 'string' },
      },
      allowPositionals: true,
    });
    const [file, ...rest] = positionals;
    if (!file) {
      throw new CliError(
        'Perintah report memerlukan nama berkas: spbe-eval report <berkas.json> --format docx -o laporan.docx',
      );
    }
    if (rest.length > 0) throw new CliError(`Argumen tidak dikenal: ${rest.join(' ')}`);
    await reportCommand(io, {
      file,
      appVersion,
      ...(values.password !== undefined ? { password: values.password } : {}),
      format: values.format,
      output: values.output,
      previous: values.previous ?? [],
      ...(values.profile !== undefined ? { profile: values.profile } : {}),
      ...(values.logo !== undefined ? { logo: values.logo } : {}),
      ...(values.sections !== undefined ? { sections: values.sections } : {}),
      ...((values.date ?? values.tanggal) !== undefined
        ? { date: (values.date ?? values.tanggal) as string }
        : {}),
      ...(values.kind !== undefined ? { kind: values.kind } : {}),
      ...(values.region !== undefined ? { region: values.region } : {}),
      ...(values['head-title'] !== undefined ? { headTitle: values['head-title'] } : {}),
      ...(values.year !== undefined ? { year: values.year } : {}),
    });
  },
  pack: async (io, args) => {
    const [sub, ...rest] = args;
    const { values, positionals } = parseArgs({
      args: rest,
      options: {
        output: { type: 'string', short: 'o' },
        version: { type: 'string' },
      },
      allowPositionals: true,
    });
    if (sub === 'export') {
      const id = single(positionals, 'pack export', 'id');
      if (!values.output) {
        throw new CliError('Perintah pack export memerlukan berkas hasil: -o <paket.json>');
      }
      await packExportCommand(io, id, { version: values.version, output: values.output });
      return EXIT_OK;
    }
    if (sub === 'validate') {
      if (values.output !== undefined || values.version !== undefined) {
        throw new CliError('Perintah pack validate tidak memakai -o maupun --version');
      }
      return packValidateCommand(io, single(positionals, 'pack validate', 'paket.json'));
    }
    throw new CliError(
      'Perintah pack memerlukan subperintah: spbe-eval pack export <id> -o <paket.json> atau spbe-eval pack validate <paket.json>',
    );
  },
  rekap: async (io, args, appVersion) => {
    const { values, positionals } = parseArgs({
      args,
      options: {
        output: { type: 'string', short: 'o' },
        json: { type: 'boolean', default: false },
        password: { type: 'string' },
      },
      allowPositionals: true,
    });
    return rekapCommand(io, positionals, {
      ...(values.output !== undefined ? { output: values.output } : {}),
      ...(values.password !== undefined ? { password: values.password } : {}),
      json: values.json ?? false,
      appVersion,
    });
  },
  instrument: (io, args) => {
    const { values, positionals } = parseArgs({
      args,
      options: {
        json: { type: 'boolean', default: false },
        id: { type: 'string' },
        version: { type: 'string' },
      },
      allowPositionals: true,
    });
    if (positionals.length > 0)
      throw new CliError(`Argumen tidak dikenal: ${positionals.join(' ')}`);
    instrumentCommand(io, values.json ?? false, values.id, values.version);
  },
};

export async function run(argv: readonly string[], io: CliIo, appVersion: string): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return command === undefined ? EXIT_INVALID : EXIT_OK;
    }
    if (command === '--version') {
      io.out(appVersion);
      return EXIT_OK;
    }
    const handler = commands[command];
    if (!handler)
      throw new CliError(`Perintah "${command}" tidak dikenal. Jalankan "spbe-eval --help".`);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(USAGE);
      return EXIT_OK;
    }
    const code = await handler(io, rest, appVersion);
    return typeof code === 'number' ? code : EXIT_OK;
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`Kesalahan: ${e.message}`);
      return e.exitCode;
    }
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`Kesalahan: opsi tidak dikenal atau tidak lengkap (${e.message})`);
      return EXIT_INVALID;
    }
    io.err(`Kesalahan tak terduga: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
