/**
 * The articles (Pasal) and paragraphs (ayat) of a regional regulation's text, and where a quoted
 * phrase stands in it. Works on the plain-text copies the profiles carry: OCR and PDF extractions
 * with markdown marks (`#`, `**`), list bullets, hard line breaks inside sentences, page numbers
 * and initials in the margins. Nothing here is specific to one regulation.
 *
 * An article starts at a line that holds only "Pasal N" (possibly as a markdown heading or in
 * bold), or that ends with a bold "**Pasal N**" after a chapter heading on the same line. A
 * paragraph starts at a line that begins with "(k)". Both are accepted only in sequence (Pasal 1,
 * 2, 3 …; ayat (1), (2) …), so a cross-reference that happens to be wrapped onto its own line
 * ("… sebagaimana dimaksud pada ayat\n(2) …") is never taken for a new paragraph. Chapter and
 * part headings after an article's last paragraph are cut off.
 */

export interface ParagraphSection {
  /** The ayat number: 1 for "(1)". */
  number: number;
  text: string;
}

export interface ArticleSection {
  /** The Pasal number. */
  number: number;
  /** "Pasal 5". */
  label: string;
  /** The article's text, heading excluded, as in the source (line breaks kept). */
  text: string;
  /** Its ayat in order; empty when the article is a single paragraph. */
  paragraphs: ParagraphSection[];
}

export interface RegulationSections {
  /** Everything before Pasal 1: heading, title, konsiderans, diktum. */
  opening: string;
  articles: ArticleSection[];
}

/** Named parts of a regulation outside the numbered articles. */
export const regulationParts = ['Pembukaan', 'Penutup'] as const;
export type RegulationPart = (typeof regulationParts)[number];

export type ArticleRef =
  | {
      kind: 'article';
      article: number;
      paragraph: number | null;
      letter: string | null;
      item: number | null;
    }
  | { kind: 'part'; part: RegulationPart };

const ARTICLE_HEADING = /^[\s#*]*Pasal\s+(\d+)[\s*]*$/;
const INLINE_ARTICLE_HEADING = /\*\*Pasal\s+(\d+)\*\*\s*$/;
const PARAGRAPH_START = /^[\s\-*]*\((\d+)\)\s/;
/** Chapter, part and paragraph headings ("BAB IV", "Bagian Kedua", "Paragraf 2"): never inside an article. */
const STRUCTURAL_HEADING =
  /^[\s#*]*(?:BAB\s*[IVXLC]+\b|Bagian\s+Ke[a-z]+|BAGIAN\s+KE[A-Z]+|Paragraf\s+\d+\b)/;
const REF =
  /^Pasal ([1-9]\d{0,3})(?: ayat \(([1-9]\d{0,2})\))?(?: huruf ([a-z]))?(?: angka ([1-9]\d{0,2}))?$/;

/** "Pasal 5 ayat (2) huruf a", "Pasal 1 angka 6", "Penutup" → its parts; null when malformed. */
export function parseArticleRef(ref: string): ArticleRef | null {
  const trimmed = ref.trim();
  if ((regulationParts as readonly string[]).includes(trimmed)) {
    return { kind: 'part', part: trimmed as RegulationPart };
  }
  const m = REF.exec(trimmed);
  if (!m) return null;
  return {
    kind: 'article',
    article: Number(m[1]),
    paragraph: m[2] === undefined ? null : Number(m[2]),
    letter: m[3] ?? null,
    item: m[4] === undefined ? null : Number(m[4]),
  };
}

/**
 * The form in which quotes are compared: markdown marks dropped, all whitespace (line breaks of
 * the PDF columns included) collapsed to one space, and line-break hyphenation
 * ("perundang- undangan") joined. Letters, case and punctuation are kept: a quote is verbatim.
 */
export function normalizeQuoteText(s: string): string {
  return s
    .replace(/[*#]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/(\w)- (\w)/g, '$1-$2')
    .trim();
}

function articleHeadingNumber(line: string): number | null {
  const m = ARTICLE_HEADING.exec(line) ?? INLINE_ARTICLE_HEADING.exec(line);
  return m ? Number(m[1]) : null;
}

function splitParagraphs(text: string): ParagraphSection[] {
  const paragraphs: { number: number; lines: string[] }[] = [];
  for (const line of text.split('\n')) {
    const m = PARAGRAPH_START.exec(line);
    const current = paragraphs[paragraphs.length - 1];
    if (m && Number(m[1]) === (current?.number ?? 0) + 1) {
      paragraphs.push({ number: Number(m[1]), lines: [line] });
    } else if (current) {
      current.lines.push(line);
    }
  }
  return paragraphs.map((p) => ({ number: p.number, text: p.lines.join('\n').trim() }));
}

/** The regulation's opening and its articles in order (Pasal 1, 2, … without gaps). */
export function splitArticles(text: string): RegulationSections {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const opening: string[] = [];
  const articles: { number: number; lines: string[] }[] = [];
  for (const line of lines) {
    const n = articleHeadingNumber(line);
    const last = articles[articles.length - 1];
    if (n !== null && n === (last?.number ?? 0) + 1) {
      articles.push({ number: n, lines: [] });
    } else if (last) {
      last.lines.push(line);
    } else {
      opening.push(line);
    }
  }
  return {
    opening: opening.join('\n'),
    articles: articles.map((a) => {
      // The headings of the next chapter or part follow the last paragraph; they are not part of it.
      const cut = a.lines.findIndex((line) => STRUCTURAL_HEADING.test(line));
      const body = (cut === -1 ? a.lines : a.lines.slice(0, cut)).join('\n').trim();
      return {
        number: a.number,
        label: `Pasal ${a.number}`,
        text: body,
        paragraphs: splitParagraphs(body),
      };
    }),
  };
}

export type SectionLookup =
  { ok: true; text: string; label: string } | { ok: false; error: string };

/**
 * The text a reference points to: the article, or its paragraph when the reference names one
 * (a letter or item inside it is not cut out: lists are too irregular in the text copies).
 */
export function sectionOf(sections: RegulationSections, ref: ArticleRef): SectionLookup {
  if (ref.kind === 'part') {
    if (ref.part === 'Pembukaan') return { ok: true, text: sections.opening, label: 'Pembukaan' };
    const last = sections.articles[sections.articles.length - 1];
    if (!last) return { ok: false, error: 'Teks peraturan tidak memuat pasal' };
    return { ok: true, text: last.text, label: `Penutup (${last.label})` };
  }
  const article = sections.articles.find((a) => a.number === ref.article);
  if (!article) return { ok: false, error: `Pasal ${ref.article} tidak ditemukan dalam teks` };
  if (ref.paragraph === null) return { ok: true, text: article.text, label: article.label };
  const paragraph = article.paragraphs.find((p) => p.number === ref.paragraph);
  if (!paragraph) {
    return { ok: false, error: `Pasal ${ref.article} tidak memuat ayat (${ref.paragraph})` };
  }
  return {
    ok: true,
    text: paragraph.text,
    label: `Pasal ${ref.article} ayat (${ref.paragraph})`,
  };
}

export type QuoteCheck = { ok: true } | { ok: false; error: string };

/** Whether `quote` stands, verbatim up to whitespace, in the part of the text `ref` names. */
export function checkQuote(sections: RegulationSections, ref: string, quote: string): QuoteCheck {
  const parsed = parseArticleRef(ref);
  if (!parsed) return { ok: false, error: `Rujukan "${ref}" tidak dikenali` };
  const section = sectionOf(sections, parsed);
  if (!section.ok) return section;
  const needle = normalizeQuoteText(quote);
  if (needle === '') return { ok: false, error: `Kutipan untuk ${ref} kosong` };
  if (!normalizeQuoteText(section.text).includes(needle)) {
    return { ok: false, error: `Kutipan "${quote}" tidak terdapat pada ${section.label}` };
  }
  return { ok: true };
}
