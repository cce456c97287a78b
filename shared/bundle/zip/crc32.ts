/**
 * CRC-32 (the zip polynomial 0xEDB88320) as an incremental computation, pluggable like SHA-256:
 * the CLI passes Node's native zlib.crc32 (electron/cli/node-io.ts), the browser uses the
 * table-driven JavaScript one here (slice-by-8: eight table lookups per eight bytes). Chunks are
 * fed as they stream past and kept by no one.
 */

export interface IncrementalCrc32 {
  update(chunk: Uint8Array): void;
  /** The CRC-32 of everything fed so far, as an unsigned 32-bit number. */
  digest(): number;
}

export type Crc32Factory = () => IncrementalCrc32;

/** Eight tables of 256 entries: table k maps a byte k positions back. */
const TABLES: Uint32Array = (() => {
  const t = new Uint32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n]!;
    for (let k = 1; k < 8; k++) {
      c = t[c & 0xff]! ^ (c >>> 8);
      t[k * 256 + n] = c >>> 0;
    }
  }
  return t;
})();

/** Continues a CRC-32 (`crc` is a previous result, 0 to start) over `bytes`. */
export function crc32Update(crc: number, bytes: Uint8Array): number {
  const t = TABLES;
  let c = ~crc;
  let i = 0;
  const length = bytes.length;
  const end8 = length - (length % 8);
  for (; i < end8; i += 8) {
    const lo =
      c ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
    c =
      t[1792 + (lo & 0xff)]! ^
      t[1536 + ((lo >>> 8) & 0xff)]! ^
      t[1280 + ((lo >>> 16) & 0xff)]! ^
      t[1024 + (lo >>> 24)]! ^
      t[768 + bytes[i + 4]!]! ^
      t[512 + bytes[i + 5]!]! ^
      t[256 + bytes[i + 6]!]! ^
      t[bytes[i + 7]!]!;
  }
  for (; i < length; i++) c = t[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** The JavaScript CRC-32 as a factory (the default everywhere the runtime offers nothing faster). */
export const jsCrc32: Crc32Factory = () => {
  let crc = 0;
  return {
    update: (chunk) => {
      crc = crc32Update(crc, chunk);
    },
    digest: () => crc,
  };
};
