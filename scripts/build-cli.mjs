#!/usr/bin/env node
// Builds the normlint CLI into one ES module, dist/cli/normlint.mjs, from utils/cli/bin.ts and everything it imports
// (rules, engine, statute table). A linter should start in tens of milliseconds: loading the TypeScript sources
// through tsx costs about 0.4 s a run. linkedom, mammoth, jszip, exceljs and jieba-wasm stay outside the bundle and are
// imported only for the files that need them. The bundle sits two folders deep like utils/cli/, so its relative
// URLs (../../package.json) and node_modules lookups resolve as they do from the sources.
//
//   node scripts/build-cli.mjs             build
//   node scripts/build-cli.mjs --if-stale  build only when a source changed since the last build (or none exists)
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE = join(ROOT, 'dist/cli/normlint.mjs');
// The sources the bundle was built from (esbuild's metafile), to tell when it is out of date.
const INPUTS = join(ROOT, 'dist/cli/inputs.json');

/** Whether the bundle is missing or older than a source it was built from (or a source has gone). */
export function bundleIsStale() {
  let built;
  let inputs;
  try {
    built = statSync(BUNDLE).mtimeMs;
    inputs = JSON.parse(readFileSync(INPUTS, 'utf8'));
  } catch {
    return true;
  }
  for (const file of inputs) {
    try {
      if (statSync(join(ROOT, file)).mtimeMs > built) return true;
    } catch {
      return true;
    }
  }
  return false;
}

export async function buildCli() {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['utils/cli/bin.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['linkedom', 'mammoth', 'jszip', 'jieba-wasm', 'exceljs'],
    legalComments: 'none',
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].contents;
  const sources = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules/'));
  mkdirSync(dirname(BUNDLE), { recursive: true });
  // Written beside and renamed: a CLI starting meanwhile (tests run several) reads the old or the new bundle whole.
  const tmp = `${BUNDLE}.${process.pid}.tmp`;
  writeFileSync(tmp, code);
  writeFileSync(`${INPUTS}.${process.pid}.tmp`, JSON.stringify(sources));
  renameSync(`${INPUTS}.${process.pid}.tmp`, INPUTS);
  renameSync(tmp, BUNDLE);
  return { bytes: code.length, sources: sources.length };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--if-stale') && !bundleIsStale()) process.exit(0);
  const t0 = performance.now();
  const { bytes, sources } = await buildCli();
  if (!process.argv.includes('--quiet')) {
    console.error(`normlint CLI: ${relative(process.cwd(), BUNDLE) || BUNDLE} (${(bytes / 1024).toFixed(0)} KB from ${sources} sources) in ${(performance.now() - t0).toFixed(0)} ms`);
  }
}
