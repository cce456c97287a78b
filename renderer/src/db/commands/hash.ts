/**
 * SHA-256 of evidence bytes with Web Crypto (native speed). The file is read once into memory for
 * the digest: bounded by the per-file size limit, never by the total ingested.
 */
import type { EvidenceHash } from '../../../../shared/assessment';

export async function sha256Hex(blob: Blob): Promise<EvidenceHash> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  const bytes = new Uint8Array(digest);
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex as EvidenceHash;
}
