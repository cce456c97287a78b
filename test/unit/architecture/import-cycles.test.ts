/**
 * The import graph of the pure core (shared/) has no cycles, neither between modules nor between
 * its directories (shared/<dir> → shared/<dir>): each directory has one owner of each rule and
 * depends on the ones below it. The graph is read with the TypeScript compiler API (static
 * imports, `export … from` and dynamic `import('…')` of relative paths); a failure names the cycle.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot, sourceFiles } from './source-files';

const root = repoRoot;
const sharedDir = join(root, 'shared');

/** Relative module specifiers a file imports or re-exports (type-only imports included). */
function specifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.filter((specifier) => specifier.startsWith('.'));
}

function resolveImport(from: string, specifier: string, known: Set<string>): string | undefined {
  const base = resolve(dirname(from), specifier);
  const stripped = base.replace(/\.(m?js|tsx?)$/, '');
  for (const candidate of [
    base,
    `${stripped}.ts`,
    `${stripped}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ]) {
    if (known.has(candidate)) return candidate;
  }
  return undefined;
}

type Graph = Map<string, Set<string>>;

function addEdge(graph: Graph, from: string, to: string): void {
  let targets = graph.get(from);
  if (!targets) graph.set(from, (targets = new Set()));
  targets.add(to);
}

/** Every elementary cycle found by a depth-first search, each once, as a path a → … → a. */
function findCycles(graph: Graph): string[][] {
  const cycles = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next));
        const key = [...cycle].sort().join('|');
        if (!cycles.has(key)) cycles.set(key, [...cycle, next]);
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return [...cycles.values()];
}

function buildGraphs(): { modules: Graph; directories: Graph } {
  const files = sourceFiles(sharedDir);
  const known = new Set(files);
  const modules: Graph = new Map();
  const directories: Graph = new Map();
  const name = (file: string): string => relative(root, file).split(sep).join('/');
  const directoryOf = (file: string): string => {
    const parts = relative(sharedDir, file).split(sep);
    return parts.length > 1 ? `shared/${parts[0]}` : 'shared';
  };
  for (const file of files) {
    for (const specifier of specifiers(file)) {
      const target = resolveImport(file, specifier, known);
      if (!target) continue;
      addEdge(modules, name(file), name(target));
      const from = directoryOf(file);
      const to = directoryOf(target);
      if (from !== to) addEdge(directories, from, to);
    }
  }
  return { modules, directories };
}

const describeCycles = (cycles: string[][]): string[] => cycles.map((cycle) => cycle.join(' → '));

describe('import cycles in shared/', () => {
  const { modules, directories } = buildGraphs();

  it('reads a real graph', () => {
    expect(modules.size).toBeGreaterThan(50);
    expect(directories.get('shared/report')?.has('shared/scoring')).toBe(true);
  });

  it('has no cycle between modules', () => {
    expect(describeCycles(findCycles(modules))).toEqual([]);
  });

  it('has no cycle between directories', () => {
    expect(describeCycles(findCycles(directories))).toEqual([]);
  });

  it('names a cycle when there is one', () => {
    const graph: Graph = new Map();
    addEdge(graph, 'shared/a', 'shared/b');
    addEdge(graph, 'shared/b', 'shared/c');
    addEdge(graph, 'shared/c', 'shared/a');
    addEdge(graph, 'shared/c', 'shared/d');
    expect(describeCycles(findCycles(graph))).toEqual([
      'shared/a → shared/b → shared/c → shared/a',
    ]);
  });
});
