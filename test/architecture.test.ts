/**
 * The architecture as tests: which layer may import which, no runtime import cycle, no oversized
 * module in shared/. The import graph is read from the sources with the TypeScript parser, so it
 * needs no build and runs in well under a second.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LAYERS = ['shared', 'functions', 'infra'] as const;
const MAX_SHARED_LINES = 400;

/** One import or re-export of one file; `to` is a root-relative path, a package name or `node:x`. */
interface Edge {
  from: string;
  to: string;
  line: number;
  /** `import type`, `export type`, or every named specifier marked `type`: gone at runtime. */
  typeOnly: boolean;
  /** `to` is a file of this repository (else a package or a node: built-in). */
  local: boolean;
}

function tsFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...tsFilesUnder(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const toPosix = (path: string) => path.split(sep).join('/');

/** Bundler resolution, as tsconfig says: `x` → `x.ts`, `x.js` → `x.ts`, a directory → `x/index.ts`. */
function resolveLocal(fromFile: string, specifier: string): string | undefined {
  const base = resolve(dirname(fromFile), specifier);
  const candidates = [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')];
  const hit = candidates.find((path) => existsSync(path) && statSync(path).isFile());
  return hit === undefined ? undefined : toPosix(relative(ROOT, hit));
}

/** `@aws-sdk/client-sns/x` → `@aws-sdk/client-sns`, `zod/mini` → `zod`, `node:fs` stays. */
function packageOf(specifier: string): string {
  if (specifier.startsWith('node:')) return specifier;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // `import './x'` runs x
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return (
    clause.name === undefined &&
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((element) => element.isTypeOnly)
  );
}

function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return (
    clause !== undefined &&
    ts.isNamedExports(clause) &&
    clause.elements.length > 0 &&
    clause.elements.every((element) => element.isTypeOnly)
  );
}

interface Graph {
  files: string[];
  edges: Edge[];
  /** Relative imports that lead to no file: the graph would be incomplete, so they fail a test. */
  unresolved: string[];
  /** `import(\`…${name}…\`)`: an entry point loaded by name, not a module dependency (see below). */
  computed: string[];
}

function buildGraph(): Graph {
  const graph: Graph = { files: [], edges: [], unresolved: [], computed: [] };
  for (const layer of LAYERS) {
    for (const path of tsFilesUnder(join(ROOT, layer))) {
      const from = toPosix(relative(ROOT, path));
      graph.files.push(from);
      const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
      const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      const add = (specifier: string, node: ts.Node, typeOnly: boolean) => {
        const line = lineOf(node);
        if (!specifier.startsWith('.')) {
          graph.edges.push({ from, to: packageOf(specifier), line, typeOnly, local: false });
          return;
        }
        const to = resolveLocal(path, specifier);
        if (to === undefined) graph.unresolved.push(`${from}:${line} '${specifier}'`);
        else graph.edges.push({ from, to, line, typeOnly, local: true });
      };
      const visit = (node: ts.Node): void => {
        if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
          add(node.moduleSpecifier.text, node, isTypeOnlyImport(node));
        } else if (
          ts.isExportDeclaration(node) &&
          node.moduleSpecifier &&
          ts.isStringLiteral(node.moduleSpecifier)
        ) {
          add(node.moduleSpecifier.text, node, isTypeOnlyExport(node));
        } else if (
          ts.isImportEqualsDeclaration(node) &&
          ts.isExternalModuleReference(node.moduleReference) &&
          ts.isStringLiteral(node.moduleReference.expression)
        ) {
          add(node.moduleReference.expression.text, node, node.isTypeOnly);
        } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
          const [argument] = node.arguments;
          if (argument && ts.isStringLiteralLike(argument)) add(argument.text, node, false);
          else graph.computed.push(`${from}:${lineOf(node)}`);
        }
        // `import('./x').T` in a type position is an ImportTypeNode: type-only, so not followed.
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  graph.files.sort();
  return graph;
}

const show = (edge: Edge) => `${edge.from}:${edge.line} → ${edge.to}${edge.typeOnly ? ' (type-only)' : ''}`;

/** The edges breaking a rule, one per line, ready to be the failure message. */
function offending(edges: Edge[], breaks: (edge: Edge) => boolean): string {
  return edges.filter(breaks).map(show).join('\n');
}

/**
 * Every elementary cycle would be exponential in the worst case; instead each strongly connected
 * component (Tarjan) is shown with the shortest cycle through each of its files, which names every
 * file that takes part and stays readable.
 */
function runtimeCycles(files: string[], edges: Edge[]): string[][] {
  const next = new Map<string, string[]>(files.map((file) => [file, []]));
  for (const edge of edges) {
    if (edge.local && !edge.typeOnly && next.has(edge.to)) next.get(edge.from)?.push(edge.to);
  }
  for (const targets of next.values()) targets.sort();

  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  const strongConnect = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter);
    counter += 1;
    stack.push(file);
    onStack.add(file);
    for (const target of next.get(file) ?? []) {
      if (!index.has(target)) {
        strongConnect(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      const selfLoop = next.get(file)?.includes(file) ?? false;
      if (component.length > 1 || selfLoop) components.push(component.sort());
    }
  };
  for (const file of files) if (!index.has(file)) strongConnect(file);

  const cycles: string[][] = [];
  const seen = new Set<string>();
  for (const component of components) {
    const inside = new Set(component);
    for (const start of component) {
      // Breadth-first from `start` back to itself, staying inside the component.
      const parent = new Map<string, string>();
      const queue = [start];
      let closing: string | undefined;
      while (queue.length > 0 && closing === undefined) {
        const file = queue.shift()!;
        for (const target of next.get(file) ?? []) {
          if (target === start) {
            closing = file;
            break;
          }
          if (inside.has(target) && !parent.has(target)) {
            parent.set(target, file);
            queue.push(target);
          }
        }
      }
      if (closing === undefined) continue;
      const path = [closing];
      while (path[0] !== start) path.unshift(parent.get(path[0]!)!);
      // The same cycle found from another of its files is shown once, starting at its least file.
      const first = path.indexOf([...path].sort()[0]!);
      const rotated = [...path.slice(first), ...path.slice(0, first)];
      const key = rotated.join(' → ');
      if (!seen.has(key)) {
        seen.add(key);
        cycles.push([...rotated, rotated[0]!]);
      }
    }
  }
  return cycles;
}

function lineCount(file: string): number {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

const graph = buildGraph();
const under = (prefix: string) => (path: string) => path.startsWith(prefix);
const inDomain = under('shared/domain/');
const inShared = under('shared/');
const inFunctions = under('functions/');
const inInfra = under('infra/');
const inLocalInfra = under('infra/local/');

describe('architecture', () => {
  it('reads a graph: every layer has files and every relative import leads to a file', () => {
    for (const layer of LAYERS) expect(graph.files.some(under(`${layer}/`)), layer).toBe(true);
    expect(graph.edges.length).toBeGreaterThan(graph.files.length);
    expect(graph.unresolved.join('\n'), 'relative imports that resolve to no file').toBe('');
  });

  // A computed import escapes every rule below, so it stays where the local runtime loads handlers.
  it('loads code by a computed import() only in infra/local', () => {
    expect(graph.computed.filter((at) => !inLocalInfra(at)).join('\n'), 'computed import()').toBe('');
  });

  it('shared/domain imports only shared/domain and node:crypto', () => {
    const breaks = (edge: Edge) =>
      inDomain(edge.from) && !(edge.local ? inDomain(edge.to) : edge.to === 'node:crypto');
    expect(offending(graph.edges, breaks), 'shared/domain imports outside itself').toBe('');
  });

  it('shared never imports functions or infra', () => {
    const breaks = (edge: Edge) =>
      inShared(edge.from) && edge.local && (inFunctions(edge.to) || inInfra(edge.to));
    expect(offending(graph.edges, breaks), 'shared → functions/infra').toBe('');
  });

  it('functions never import infra', () => {
    const breaks = (edge: Edge) => inFunctions(edge.from) && edge.local && inInfra(edge.to);
    expect(offending(graph.edges, breaks), 'functions → infra').toBe('');
  });

  // A computed `import(\`../../functions/http/${name}.ts\`)` loads a handler by its route's name, as
  // the CDK stack names entries by path: it is running an entry point, not depending on a module,
  // so only static and string-literal imports count here (graph.computed lists the others).
  it('infra/local never imports functions', () => {
    const breaks = (edge: Edge) => inLocalInfra(edge.from) && edge.local && inFunctions(edge.to);
    expect(offending(graph.edges, breaks), 'infra/local → functions').toBe('');
  });

  it('has no runtime import cycle (type-only imports do not count)', () => {
    const cycles = runtimeCycles(graph.files, graph.edges).map((cycle) => cycle.join(' → '));
    expect(cycles.join('\n'), 'runtime import cycles').toBe('');
  });

  it(`keeps every non-test module in shared/ at ${MAX_SHARED_LINES} lines or fewer`, () => {
    const oversized = graph.files
      .filter((file) => inShared(file) && !file.endsWith('.test.ts'))
      .map((file) => ({ file, lines: lineCount(file) }))
      .filter(({ lines }) => lines > MAX_SHARED_LINES)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    expect(oversized.join('\n'), `modules over ${MAX_SHARED_LINES} lines`).toBe('');
  });
});
