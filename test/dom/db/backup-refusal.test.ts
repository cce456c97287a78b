/**
 * Broken and hostile backup files: each is refused before anything is written, with a specific
 * Indonesian message, and the database stays exactly as it was (no row changed, no backup of the
 * current data taken, since nothing was going to be restored).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BackupError, type BackupErrorCode } from '../../../shared/backup';
import { syncSha256 } from '../../../shared/hash/sha256';
import { readBundle } from '../../../shared/bundle/zip/read';
import { zipLib } from '../../../shared/bundle/zip/zip-lib';
import { readBackup, restoreBackup } from '../../../renderer/src/db/backup';
import { webBackupStore } from '../../../renderer/src/platform/web-backups';
import {
  backupBlob,
  dump,
  forgeTable,
  json,
  populate,
  readZip,
  withManifest,
  writeZip,
  type Entries,
} from './backup-helpers';
import { resetDatabase } from './helpers';

const fixtures = path.resolve(__dirname, '../../fixtures/bundles');

let valid: Blob;
let entries: Entries;
let before: Record<string, unknown[]>;

beforeAll(async () => {
  await resetDatabase();
  await populate();
  valid = await backupBlob();
  entries = await readZip(valid);
});

beforeEach(async () => {
  for (const e of await webBackupStore.list()) await webBackupStore.remove(e.name);
  before = await dump();
});

const blobNames = () => Object.keys(entries).filter((n) => n.startsWith('blobs/'));

async function flipByteOf(text: string): Promise<Blob> {
  const bytes = new Uint8Array(await valid.arrayBuffer());
  const needle = new TextEncoder().encode(text);
  const at = bytes.findIndex((_, i) => needle.every((b, j) => bytes[i + j] === b));
  if (at < 0) throw new Error(`"${text}" tidak ditemukan`);
  bytes[at] = bytes[at]! ^ 0x01;
  return new Blob([bytes]);
}

async function encrypted(): Promise<Blob> {
  const zip = zipLib();
  const out = new zip.BlobWriter();
  const writer = new zip.ZipWriter(out, { password: 'rahasia' });
  for (const [name, data] of Object.entries(entries)) {
    await writer.add(name, new zip.Uint8ArrayReader(data), { level: 0 });
  }
  await writer.close();
  return out.getData();
}

const cases: {
  about: string;
  file: () => Blob | Promise<Blob>;
  code: BackupErrorCode;
  message: RegExp;
}[] = [
  {
    about: 'a zero-byte file',
    file: () => new Blob([]),
    code: 'empty',
    message: /^Berkas kosong \(0 byte\)/,
  },
  {
    about: 'a PDF renamed to .spbe',
    file: () => new Blob(['%PDF-1.4 bukan zip']),
    code: 'notZip',
    message: /bukan berkas cadangan Evaluasi SPBE \(bukan arsip zip\)/,
  },
  {
    about: 'a backup cut at 60 %',
    file: () => valid.slice(0, Math.floor(valid.size * 0.6)),
    code: 'corrupt',
    message: /terpotong atau rusak/,
  },
  {
    about: 'one bit flipped inside a stored file',
    file: () => flipByteOf('Notulen rapat'),
    code: 'hashMismatch',
    message: /^Isi berkas "blobs\/[0-9a-f]{64}" tidak cocok dengan hash SHA-256-nya/,
  },
  {
    about: 'a table changed without its hash',
    file: () => {
      const answers = json(entries, 'tables/answers.json') as { justification: string }[];
      answers[0]!.justification = answers[0]!.justification.replace(/.$/, 'X');
      return writeZip({
        ...entries,
        'tables/answers.json': new TextEncoder().encode(JSON.stringify(answers)),
      });
    },
    code: 'hashMismatch',
    message: /Isi tabel jawaban tidak cocok dengan hash SHA-256-nya/,
  },
  {
    about: 'an entry named ../../evaluasi.json',
    file: () => writeZip({ ...entries, '../../evaluasi.json': new Uint8Array([1]) }),
    code: 'entryName',
    message: /Entri "\.\.\/\.\.\/evaluasi\.json" ditolak: nama entri memuat "\.\."/,
  },
  {
    about: 'an entry with an absolute path',
    file: () => writeZip({ ...entries, '/etc/cron.d/spbe': new Uint8Array([1]) }),
    code: 'entryName',
    message: /path absolut/,
  },
  {
    about: 'an entry with a Windows drive path',
    file: () => writeZip({ ...entries, 'C:/Windows/evil.dll': new Uint8Array([1]) }),
    code: 'entryName',
    message: /path absolut/,
  },
  {
    about: 'an entry with backslashes',
    file: () => writeZip({ ...entries, 'blobs\\..\\x': new Uint8Array([1]) }),
    code: 'entryName',
    message: /garis miring terbalik/,
  },
  {
    about: 'an entry outside the closed list',
    file: () => writeZip({ ...entries, 'baca-saya.txt': new Uint8Array([1]) }),
    code: 'entryName',
    message: /entri tidak dikenal/,
  },
  {
    about: 'a stored file the manifest does not list',
    file: () => writeZip({ ...entries, [`blobs/${'a'.repeat(64)}`]: new Uint8Array([1]) }),
    code: 'extraEntry',
    message: /tidak tercantum di manifest/,
  },
  {
    about: 'a listed file missing from the zip',
    file: () => {
      const { [blobNames()[0]!]: _gone, ...rest } = entries;
      return writeZip(rest);
    },
    code: 'missingEntry',
    message: /tercantum di manifest tetapi tidak ada/,
  },
  {
    about: 'a stored file deflated',
    file: () => writeZip(entries, { deflateBlobs: true }),
    code: 'unsupported',
    message: /harus tersimpan apa adanya/,
  },
  {
    about: 'an encrypted backup',
    file: encrypted,
    code: 'unsupported',
    message: /dilindungi kata sandi, jadi bukan berkas cadangan/,
  },
  {
    about: 'no manifest',
    file: () => {
      const { 'manifest.json': _gone, ...rest } = entries;
      return writeZip(rest);
    },
    code: 'missingEntry',
    message: /tidak memuat manifest\.json/,
  },
  {
    about: 'a manifest that is not JSON',
    file: () => writeZip({ ...entries, 'manifest.json': new TextEncoder().encode('{bukan json') }),
    code: 'manifestInvalid',
    message: /manifest\.json bukan JSON UTF-8 yang sah/,
  },
  {
    about: 'an exchange bundle (.spbe) instead of a backup',
    file: () =>
      writeZip({
        'manifest.json': new TextEncoder().encode(
          JSON.stringify({ format: 'evaluasi-spbe-bundle', formatVersion: '1.0' }),
        ),
      }),
    code: 'manifestInvalid',
    message: /berkas pertukaran evaluasi \(\.spbe\) hasil ekspor, bukan berkas cadangan/,
  },
  {
    about: 'a backup made by a newer app (format 2)',
    file: () =>
      writeZip(
        withManifest(entries, (m) => {
          m.formatVersion = 2;
          m.app = { name: 'Evaluasi SPBE', version: '9.0.0' };
        }),
      ),
    code: 'formatTooNew',
    message: /versi aplikasi yang lebih baru \(9\.0\.0\).*Perbarui aplikasi/,
  },
  {
    about: 'a backup of a newer database schema',
    file: () =>
      writeZip(withManifest(entries, (m) => (m.database = { name: 'evaluasi-spbe', version: 7 }))),
    code: 'formatTooNew',
    message: /skema basis data versi 7/,
  },
  {
    about: 'a backup of another database',
    file: () => writeZip(withManifest(entries, (m) => (m.database = { name: 'lain', version: 1 }))),
    code: 'content',
    message: /basis data lain/,
  },
  {
    about: 'a manifest with a field of the wrong type',
    file: () => writeZip(withManifest(entries, (m) => (m.createdAt = 'kemarin'))),
    code: 'manifestInvalid',
    message: /manifest\.json cadangan tidak sah: createdAt: harus berupa angka/,
  },
  {
    about: 'a preview summary that differs from the tables',
    file: () =>
      writeZip(
        withManifest(entries, (m) => {
          (m.evaluations as { instansi: string }[])[0]!.instansi = 'Pemerintah Kota Palsu';
        }),
      ),
    code: 'content',
    message: /Ringkasan evaluasi di manifest tidak sesuai/,
  },
  {
    about: 'a fingerprint that does not match the content',
    file: () => writeZip(withManifest(entries, (m) => (m.fingerprint = 'f'.repeat(64)))),
    code: 'content',
    message: /Sidik isi di manifest tidak sesuai/,
  },
  // Rows that break the schema are no longer a refusal: the restore skips them and lists them
  // (test/dom/db/long-names.test.ts).
  {
    about: 'forged rows with a primary key twice (hashes fixed)',
    file: () => {
      const members = json(entries, 'tables/members.json') as unknown[];
      return writeZip(forgeTable(entries, 'members', [...members, members[0]]));
    },
    code: 'content',
    message: /tabel anggota tim baris 2: kunci ".*" muncul lebih dari sekali/,
  },
];

describe('hostile and broken backup files', () => {
  for (const c of cases) {
    it(`refuses ${c.about} and changes nothing`, async () => {
      const file = await c.file();
      const refusal = await readBackup(file).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refusal).toBeInstanceOf(BackupError);
      expect((refusal as BackupError).code).toBe(c.code);
      expect((refusal as BackupError).message).toMatch(c.message);
      await expect(
        restoreBackup(file, { selection: { mode: 'all' }, store: webBackupStore }),
      ).rejects.toThrow(c.message);
      expect(await dump()).toEqual(before);
      expect(await webBackupStore.list()).toEqual([]);
    });
  }

  it('stops inflating a table whose zip headers understate its size', async () => {
    // Declare tables/answers.json as 10 bytes: in the manifest and in the local and central
    // headers of the zip, so only the count of inflated bytes can tell.
    const lying = withManifest(entries, (m) => {
      (m.tables as { name: string; size: number }[]).find((t) => t.name === 'answers')!.size = 10;
    });
    const bytes = new Uint8Array(await writeZip(lying).arrayBuffer());
    const name = new TextEncoder().encode('tables/answers.json');
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < bytes.length - name.length; i += 1) {
      if (!name.every((b, j) => bytes[i + j] === b)) continue;
      if (view.getUint32(i - 30, true) === 0x04034b50) view.setUint32(i - 30 + 22, 10, true);
      if (view.getUint32(i - 46, true) === 0x02014b50) view.setUint32(i - 46 + 24, 10, true);
    }
    await expect(readBackup(new Blob([bytes]))).rejects.toSatisfy(
      (e) =>
        e instanceof BackupError &&
        e.code === 'zipBomb' &&
        /^Berkas rusak atau dimanipulasi: entri "tables\/answers\.json" menghasilkan lebih banyak data daripada ukuran yang dinyatakan/.test(
          e.message,
        ),
    );
    expect(await dump()).toEqual(before);
  });

  it('refuses a flipped bit through the streamed hash too', async () => {
    const file = await flipByteOf('Notulen rapat');
    await expect(readBackup(file, { hash: syncSha256 })).rejects.toSatisfy(
      (e) => e instanceof BackupError && e.code === 'hashMismatch',
    );
  });

  it('refuses a table larger than the limit before inflating it', async () => {
    await expect(readBackup(valid, { limits: { maxTableBytes: 64 } })).rejects.toThrow(
      /Tabel di dalam cadangan terlalu besar/,
    );
  });

  it('is named as a backup when opened as an exchange bundle (both end in .spbe)', async () => {
    await expect(readBundle(valid, { appVersion: '0.1.0' })).rejects.toThrow(
      /berkas cadangan basis data Evaluasi SPBE, bukan berkas pertukaran evaluasi\. Pulihkan lewat layar Cadangan/,
    );
  });

  it('names a password-protected exchange file as one, not as a broken backup', async () => {
    const blob = new Blob([readFileSync(path.join(fixtures, 'password-required.spbe'))]);
    await expect(readBackup(blob)).rejects.toThrow(
      /^Berkas ini dilindungi kata sandi, jadi bukan berkas cadangan \(cadangan tidak pernah dilindungi kata sandi\)\. Berkas \.spbe berkata sandi adalah berkas pertukaran evaluasi hasil ekspor; bukalah lewat impor evaluasi/,
    );
    expect(await dump()).toEqual(before);
  });

  it('names an exchange file chosen as a backup, and where to open it instead', async () => {
    const blob = new Blob([readFileSync(path.join(fixtures, 'unknown-instrument.spbe'))]);
    await expect(readBackup(blob)).rejects.toThrow(
      'Berkas ini adalah berkas pertukaran evaluasi (.spbe) hasil ekspor, bukan berkas cadangan basis data. Bukalah lewat impor evaluasi (Buka berkas .spbe di Daftar Evaluasi).',
    );
    expect(await dump()).toEqual(before);
  });

  // Zip-level hostility from the .spbe corpus: the backup reader refuses the same archives.
  for (const [file, code, message] of [
    ['duplicate-entries.spbe', 'duplicateEntry', /"manifest\.json" muncul lebih dari sekali/],
    ['appended-data.spbe', 'corrupt', /dapat dibaca lebih dari satu cara/],
    ['zipcrypto.spbe', 'unsupported', /dilindungi kata sandi, jadi bukan berkas cadangan/],
  ] as const) {
    it(`refuses ${file} from the bundle corpus`, async () => {
      const blob = new Blob([readFileSync(path.join(fixtures, file))]);
      await expect(readBackup(blob)).rejects.toSatisfy(
        (e) => e instanceof BackupError && e.code === code && message.test(e.message),
      );
      expect(await dump()).toEqual(before);
    });
  }
});
