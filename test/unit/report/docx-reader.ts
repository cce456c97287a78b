/**
 * Reading a .docx back for tests: its parts, the text of each paragraph and table row. Free of
 * `import.meta`, so Playwright's loader (CommonJS) can use it in e2e tests too.
 */
import { strFromU8, unzipSync } from 'fflate';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => entities[e] ?? '');

export interface DocxParts {
  files: Record<string, Uint8Array>;
  document: string;
  /** Text of each paragraph of the body, in order. */
  paragraphs: string[];
  /** Text of each table row (cells joined with " | "). */
  rows: string[];
  text: string;
  xml: (path: string) => string;
}

export function readDocx(bytes: Uint8Array): DocxParts {
  const files = unzipSync(bytes);
  const xml = (path: string): string => {
    const f = files[path];
    if (!f) throw new Error(`no ${path} in the docx`);
    return strFromU8(f);
  };
  const document = xml('word/document.xml');
  const textOf = (fragment: string): string =>
    [...fragment.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => decode(m[1] ?? ''))
      .join('');
  const paragraphs = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => textOf(m[0]));
  const rows = [...document.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) =>
    [...m[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0])).join(' | '),
  );
  return { files, document, paragraphs, rows, text: paragraphs.join('\n'), xml };
}
