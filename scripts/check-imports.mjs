#!/usr/bin/env node
// Keeps the architecture honest (run by `npm test`):
//   1. no import cycle between files, type-only imports included;
//   2. no import cycle between folders;
//   3. the core's layers import downwards only: base → spec → model → parse → analysis → rules → fixes → service;
//   4. code outside the core (LSP server, CLI, host, importers) reaches the core only through its facade,
//      server/src/core/index.ts; the VS Code client through its small facade, server/src/core/client.ts.
// Imports are read with TypeScript's own pre-processor (import/export … from, import(), require()).
//   node scripts/check-imports.mjs           check, exit 1 on a violation
//   node scripts/check-imports.mjs --tree    also print the core's folders with their line counts
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SOURCE_ROOTS = ['server/src', 'client/src'];
const CORE = 'server/src/core';
const FACADE = `${CORE}/index.ts`;
const CLIENT_FACADE = `${CORE}/client.ts`;
const FACADES = [FACADE, CLIENT_FACADE];
export const LAYERS = ['base', 'spec', 'model', 'parse', 'analysis', 'rules', 'fixes', 'service'];

function sourceFiles(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(full, out);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

function resolveImport(from, spec) {
  if (!spec.startsWith('.')) return undefined; // a package
  const base = resolve(dirname(from), spec);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

const rel = (file) => relative(root, file);
const files = SOURCE_ROOTS.flatMap((r) => sourceFiles(join(root, r))).sort();
/** file → files it imports */
const graph = new Map();
for (const file of files) {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const targets = new Set();
  for (const { fileName } of info.importedFiles) {
    const target = resolveImport(file, fileName);
    if (target) targets.add(target);
  }
  graph.set(file, [...targets]);
}

/** Strongly connected components with more than one node, or a node importing itself (Tarjan, iterative). */
function cycles(nodes, edges) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const found = [];
  for (const start of nodes) {
    if (index.has(start)) continue;
    const work = [[start, 0]];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [node, i] = frame;
      const next = edges(node);
      if (i < next.length) {
        frame[1]++;
        const to = next[i];
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push([to, 0]);
        } else if (onStack.has(to)) low.set(node, Math.min(low.get(node), index.get(to)));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node) === index.get(node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        if (component.length > 1 || next.includes(node)) found.push(component.sort());
      }
    }
  }
  return found;
}

const problems = [];

for (const component of cycles(files, (f) => graph.get(f))) {
  problems.push(`import cycle between files: ${component.map(rel).join(' → ')}`);
}

const folderOf = (file) => rel(dirname(file));
const folders = [...new Set(files.map(folderOf))].sort();
const folderEdges = new Map(folders.map((f) => [f, new Set()]));
for (const [file, targets] of graph) {
  for (const target of targets) if (folderOf(target) !== folderOf(file)) folderEdges.get(folderOf(file)).add(folderOf(target));
}
for (const component of cycles(folders, (f) => [...folderEdges.get(f)])) {
  const why = component.flatMap((a) =>
    [...graph].filter(([file]) => folderOf(file) === a).flatMap(([file, targets]) =>
      targets.filter((t) => component.includes(folderOf(t)) && folderOf(t) !== a).map((t) => `${rel(file)} → ${rel(t)}`),
    ),
  );
  problems.push(`import cycle between folders ${component.join(', ')}:\n    ${why.join('\n    ')}`);
}

const layerOf = (file) => {
  const r = rel(file);
  if (!r.startsWith(`${CORE}/`)) return undefined;
  const top = r.slice(CORE.length + 1).split('/')[0];
  return LAYERS.includes(top) ? LAYERS.indexOf(top) : -1;
};
for (const [file, targets] of graph) {
  const layer = layerOf(file);
  for (const target of targets) {
    const targetLayer = layerOf(target);
    if (layer !== undefined) {
      if (layer === -1 && !FACADES.includes(rel(file))) problems.push(`${rel(file)} is in no layer of the core (${LAYERS.join(', ')})`);
      else if (targetLayer !== undefined && targetLayer > layer && !FACADES.includes(rel(file))) {
        problems.push(`${rel(file)} (${LAYERS[layer]}) imports ${rel(target)} (${LAYERS[targetLayer]}), a higher layer`);
      }
    } else if (targetLayer !== undefined && !FACADES.includes(rel(target))) {
      problems.push(`${rel(file)} imports ${rel(target)}: outside the core, import the facade ${FACADE}`);
    } else if (rel(target) === CLIENT_FACADE && !rel(file).startsWith('client/')) {
      problems.push(`${rel(file)} imports ${rel(target)}: the client's facade is the client's; import ${FACADE}`);
    }
  }
}

if (process.argv.includes('--tree')) {
  const lines = (file) => readFileSync(file, 'utf8').split('\n').length;
  const byFolder = new Map();
  for (const file of files) byFolder.set(folderOf(file), (byFolder.get(folderOf(file)) ?? [0, 0]).map((v, i) => v + (i === 0 ? 1 : lines(file))));
  for (const [folder, [count, total]] of [...byFolder].sort()) console.log(`${folder.padEnd(40)} ${String(count).padStart(3)} files ${String(total).padStart(6)} lines`);
}

const edgeCount = [...graph.values()].reduce((n, t) => n + t.length, 0);
if (problems.length > 0) {
  for (const p of [...new Set(problems)]) console.error(`check-imports: ${p}`);
  process.exit(1);
}
console.log(`check-imports: ${files.length} files, ${edgeCount} imports, ${folders.length} folders: no cycle; core layers ${LAYERS.join(' → ')} respected; adapters use the facade`);
