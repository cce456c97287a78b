/**
 * A Word file as its reader sees it: the DOCX rendered to PDF by LibreOffice (headless, a fresh
 * profile per call, bounded by a timeout) after refreshing its fields and Daftar Isi as Word does
 * on opening it (the file asks for that with updateFields), then read back with pdftotext, page
 * by page. Where `soffice` is absent the caller falls back to the file's XML and says so.
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Whether LibreOffice's `soffice` is on PATH (test/setup-machine.sh installs it). */
export function hasSoffice(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v soffice'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the font LibreOffice draws the report's Arial with has Arial's metrics (Arial itself or
 * Liberation Sans, test/setup-machine.sh installs it); a wider fallback breaks lines and pages
 * differently from Word.
 */
export function hasArialMetrics(): boolean {
  try {
    return /"(Arial|Liberation Sans)"/.test(
      execFileSync('fc-match', ['Arial'], { encoding: 'utf8' }),
    );
  } catch {
    return false;
  }
}

/**
 * The macro that does the conversion: loads the file hidden, updates every index (the Daftar
 * Isi) and field (page numbers), exports a PDF, and always quits. Paths come from the
 * environment, so no quoting is involved.
 */
const MACRO = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub ToPdf
  On Error GoTo Failed
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = &quot;Hidden&quot;
  load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(Environ(&quot;SPBE_DOCX_SOURCE&quot;), &quot;_blank&quot;, 0, load())
  indexes = doc.getDocumentIndexes()
  For i = 0 To indexes.getCount() - 1
    indexes.getByIndex(i).update()
  Next i
  doc.getTextFields().refresh()
  Dim store(0) As New com.sun.star.beans.PropertyValue
  store(0).Name = &quot;FilterName&quot;
  store(0).Value = &quot;writer_pdf_Export&quot;
  doc.storeToURL(Environ(&quot;SPBE_DOCX_TARGET&quot;), store())
  doc.close(True)
Failed:
  StarDesktop.terminate()
End Sub
</script:module>
`;

interface Run {
  code: number | null;
  output: string;
}

/** Runs soffice in its own process group; on timeout the whole group is killed. */
function soffice(args: string[], env: Record<string, string>, timeoutMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('soffice', args, {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      reject(
        new Error(
          `LibreOffice did not finish within ${timeoutMs / 1000} s (soffice ${args.join(' ')}): ${output.trim()}`,
        ),
      );
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`soffice could not be started: ${e.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/**
 * Converts `docx` to a PDF in `outDir` (same base name), with a fresh LibreOffice profile under
 * `outDir`. Throws with LibreOffice's output when it fails or makes no PDF.
 */
export async function docxToPdf(docx: string, outDir: string, timeoutMs = 90_000): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const profile = path.join(outDir, `lo-profile-${process.pid}-${Date.now()}`);
  const target = path.join(outDir, `${path.basename(docx, path.extname(docx))}.pdf`);
  const common = [
    '--headless',
    '--norestore',
    '--nologo',
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
  ];
  // First start: LibreOffice creates the profile; then the macro goes into its Standard library.
  const init = await soffice([...common, '--terminate_after_init'], {}, timeoutMs);
  const module = path.join(profile, 'user/basic/Standard/Module1.xba');
  if (init.code !== 0 || !existsSync(module)) {
    throw new Error(
      `LibreOffice made no profile in ${profile} (exit ${init.code}): ${init.output}`,
    );
  }
  writeFileSync(module, MACRO);
  const convert = await soffice(
    [...common, 'macro:///Standard.Module1.ToPdf'],
    {
      SPBE_DOCX_SOURCE: pathToFileURL(path.resolve(docx)).href,
      SPBE_DOCX_TARGET: pathToFileURL(path.resolve(target)).href,
    },
    timeoutMs,
  );
  if (convert.code !== 0 || !existsSync(target)) {
    throw new Error(
      `LibreOffice made no PDF of ${docx} (exit ${convert.code}): ${convert.output.trim()}`,
    );
  }
  return target;
}

export interface RenderedPdf {
  file: string;
  /** Each page's lines as pdftotext -raw prints them (running header and footer included). */
  pages: string[][];
  orientations: Array<'portrait' | 'landscape'>;
}

/** A PDF's pages as lines of text, and each page's orientation (pdfinfo). */
export function readPdfLines(file: string): RenderedPdf {
  const run = (command: string, args: string[]) =>
    execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const orientations = [
    ...run('pdfinfo', ['-f', '1', '-l', '9999', file]).matchAll(
      /Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g,
    ),
  ].map((m) => (Number(m[1]) > Number(m[2]) ? ('landscape' as const) : ('portrait' as const)));
  const pages = run('pdftotext', ['-raw', file, '-'])
    .split('\f')
    .slice(0, orientations.length)
    .map((p) =>
      p
        .split('\n')
        .map((l) => l.replace(/\s+/g, ' ').trim())
        .filter((l) => l !== ''),
    );
  return { file, pages, orientations };
}

/** The DOCX rendered by LibreOffice and read back (see the module docblock). */
export async function renderDocx(docx: string, outDir: string): Promise<RenderedPdf> {
  return readPdfLines(await docxToPdf(docx, outDir));
}
