/**
 * The headless command line: argument parsing and dispatch. Every user error ends with exit
 * code 2 and one Indonesian line on stderr; unexpected failures with 1.
 */
import { parseArgs } from 'node:util';
import { instrumentCommand } from './commands/instrument';
import { reportCommand } from './commands/report';
import { scoreCommand } from './commands/score';
import { CliError, EXIT_INVALID, EXIT_OK, type CliIo } from './io';

export const USAGE = `Penggunaan: spbe-eval <perintah> [opsi]

Perintah:
  score <berkas.json> [--json]      Hitung indeks dan predikat dari tingkat tiap indikator.
                                    Berkas: {"instrument":"permenpanrb-59-2020","levels":{"1":3,...}}
  instrument [--json] [--id <id>]   Tampilkan struktur instrumen (domain, aspek, indikator, bobot).
  report <berkas.json> --format docx|xlsx -o <berkas>
                                    Tulis laporan hasil penilaian mandiri (Word atau Excel).
                                    Berkas: snapshot evaluasi JSON ({"evaluation":…,"answers":…}),
                                    atau berkas tingkat seperti pada score ditambah --kind
                                    kota|kabupaten|provinsi, --region <nama daerah>, --head-title
                                    <sebutan kepala daerah> dan --year <tahun> (laporan lalu
                                    menyatakan tidak ada penjelasan dan bukti dukung). Berkas
                                    .spbe belum didukung oleh perintah ini.
    --previous <berkas.json>        Snapshot evaluasi tahun sebelumnya (boleh berulang) untuk tren.
    --profile <berkas.json>         Peraturan daerah tentang SPBE:
                                    {"regulation":{"kind":"Peraturan Wali Kota","number":"14",
                                    "year":2022,"title":"…"}}
    --logo <berkas.png|jpg>         Logo instansi untuk sampul (docx).
    --sections <a,b,…>              Bagian yang dimuat: cover, summary, legal, methodology,
                                    results, findings, recommendations, appendix (baku: semua).
    --date <TTTT-BB-HH>             Tanggal laporan (baku: hari ini).

Opsi umum:
  --json        Keluaran JSON.
  --help, -h    Tampilkan bantuan ini.
  --version     Tampilkan versi aplikasi.`;

type Handler = (io: CliIo, args: string[]) => Promise<void> | void;

const commands: Record<string, Handler> = {
  score: async (io, args) => {
    const { values, positionals } = parseArgs({
      args,
      options: { json: { type: 'boolean', default: false } },
      allowPositionals: true,
    });
    const [file, ...rest] = positionals;
    if (!file)
      throw new CliError('Perintah score memerlukan nama berkas: spbe-eval score <berkas.json>');
    if (rest.length > 0) throw new CliError(`Argumen tidak dikenal: ${rest.join(' ')}`);
    await scoreCommand(io, file, values.json ?? false);
  },
  report: async (io, args) => {
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
        kind: { type: 'string' },
        region: { type: 'string' },
        'head-title': { type: 'string' },
        year: { type: 'string' },
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
      format: values.format,
      output: values.output,
      previous: values.previous ?? [],
      ...(values.profile !== undefined ? { profile: values.profile } : {}),
      ...(values.logo !== undefined ? { logo: values.logo } : {}),
      ...(values.sections !== undefined ? { sections: values.sections } : {}),
      ...(values.date !== undefined ? { date: values.date } : {}),
      ...(values.kind !== undefined ? { kind: values.kind } : {}),
      ...(values.region !== undefined ? { region: values.region } : {}),
      ...(values['head-title'] !== undefined ? { headTitle: values['head-title'] } : {}),
      ...(values.year !== undefined ? { year: values.year } : {}),
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
    await handler(io, rest);
    return EXIT_OK;
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
