/**
 * The app's routes come from one typed table (renderer/src/app/routes.ts): its builders make the
 * paths the tests and Electron's print rely on, and no other renderer module writes a route by
 * hand. The check reads every string and template literal of renderer/src with the TypeScript
 * compiler API (comments are free to name routes) and fails naming the file, line and text.
 */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot, sourceFiles } from './source-files';
import { allRoutes, isPrintPath, routeOf, routes } from '../../../renderer/src/app/routes';

const root = repoRoot;
const rendererDir = join(root, 'renderer', 'src');
const tableFile = join(rendererDir, 'app', 'routes.ts');

/** The first segments of the app's routes: "evaluasi", "gabung", "cetak", … */
const firstSegments = [
  ...new Set(allRoutes.map((r) => r.pattern.split('/')[1]).filter((s): s is string => !!s)),
];
const routeLiteral = new RegExp(`^#?/(${firstSegments.join('|')})(/|\\?|$)`);

/** Where a literal "/" is the root route rather than a path separator. */
function isRouteTarget(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isJsxAttribute(parent)) return ['to', 'href'].includes(parent.name.getText());
  if (ts.isJsxExpression(parent) && ts.isJsxAttribute(parent.parent)) {
    return ['to', 'href'].includes(parent.parent.name.getText());
  }
  return ts.isCallExpression(parent) && parent.expression.getText() === 'navigate';
}

/** Route strings written by hand in a file: "line: text". */
function handWrittenRoutes(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node)
    ) {
      const value = node.text;
      if (routeLiteral.test(value) || (/^#?\/$/.test(value) && isRouteTarget(node))) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push(`${line + 1}: ${node.getText(source)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the routes table', () => {
  it('is the only renderer module that writes a route', () => {
    const offenders = sourceFiles(rendererDir)
      .filter((file) => file !== tableFile)
      .flatMap((file) =>
        handWrittenRoutes(file).map((hit) => `${relative(root, file).split(sep).join('/')}:${hit}`),
      );
    expect(
      offenders,
      'Use the builders of renderer/src/app/routes.ts instead of writing these routes by hand',
    ).toEqual([]);
  });

  it('would find a route written by hand', () => {
    // The check itself can fail: these lines are what it must catch.
    expect(routeLiteral.test('/evaluasi/baru')).toBe(true);
    expect(routeLiteral.test('#/cetak/laporan/')).toBe(true);
    expect(routeLiteral.test('/gabung?dasar=')).toBe(true);
    expect(routeLiteral.test('/evaluasi-lama')).toBe(false);
    expect(firstSegments).toEqual(
      expect.arrayContaining(['evaluasi', 'impor', 'gabung', 'profil-daerah', 'cetak']),
    );
  });

  it('builds the paths the router matches, with encoded parameters and a declared query', () => {
    expect(routes.evaluations()).toBe('/');
    expect(routes.evaluation.indicator({ evaluationId: 'ev 1', number: 11 })).toBe(
      '/evaluasi/ev%201/indikator/11',
    );
    expect(routes.evaluation.dashboard({ evaluationId: 'abc' })).toBe('/evaluasi/abc');
    expect(routes.merge({ dasar: 'abc' })).toBe('/gabung?dasar=abc');
    expect(routes.merge()).toBe('/gabung');
    expect(routes.newEvaluation({ profil: 'kota-balikpapan' })).toBe(
      '/evaluasi/baru?profil=kota-balikpapan',
    );
    expect(routes.print.report({ evaluationId: 'abc', bagian: null })).toBe('/cetak/laporan/abc');
    expect(routes.print.report({ evaluationId: 'abc', bagian: 'sampul,ringkasan' })).toBe(
      '/cetak/laporan/abc?bagian=sampul%2Cringkasan',
    );
    expect(
      routes.instrumentIndicator({ packId: 'permenpanrb-8-2026', version: '1.0.0', number: 3 }),
    ).toBe('/instrumen/permenpanrb-8-2026/1.0.0/indikator/3');
    expect(() => routes.minutes({ mergeId: '' })).toThrow(/mergeId/);
    // @ts-expect-error a route with parameters cannot be built without them
    expect(() => routes.evaluation.team()).toThrow(/evaluationId/);
    // @ts-expect-error a query the route does not read is refused by the types
    routes.import({ dasar: 'abc' });
  });

  it('tells the screen of a path, a fixed path before a pattern that would match it', () => {
    for (const r of allRoutes) {
      const path = r.pattern.replace(/:[A-Za-z]+/g, 'x1');
      expect(routeOf(path)?.pattern, path).toBe(r.pattern);
    }
    expect(routeOf('/evaluasi/baru')?.title).toBe('Evaluasi Baru');
    expect(routeOf('/evaluasi/abc')?.title).toBe('Dasbor');
    expect(routeOf('/evaluasi/abc/laporan?bagian=sampul')?.title).toBe('Laporan');
    expect(routeOf('/tidak-ada')).toBeUndefined();
    expect(isPrintPath(routes.print.report({ evaluationId: 'abc', bagian: 'sampul' }))).toBe(true);
    expect(isPrintPath(routes.print.minutes({ mergeId: 'm1' }))).toBe(true);
    expect(isPrintPath(routes.evaluation.report({ evaluationId: 'abc' }))).toBe(false);
  });
});
