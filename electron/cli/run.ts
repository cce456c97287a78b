/**
 * The headless command line: argument parsing and dispatch. Every user error ends with exit
 * code 2 and one Indonesian line on stderr; unexpected failures with 1.
 */
import { parseArgs } from 'node:util';
import { instrumentCommand } from './commands/instrument';
import { scoreCommand } from './commands/score';
import { CliError, EXIT_INVALID, EXIT_OK, type CliIo } from './io';

export const USAGE = `Penggunaan: spbe-eval <perintah> [opsi]

Perintah:
  score <berkas.json> [--json]      Hitung indeks dan predikat dari tingkat tiap indikator.
                                    Berkas: {"instrument":"permenpanrb-59-2020","levels":{"1":3,...}}
  instrument [--json] [--id <id>]   Tampilkan struktur instrumen (domain, aspek, indikator, bobot).

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
