#!/usr/bin/env node
// normlint CLI entry: runs the bundle scripts/build-cli.mjs makes (built by `npm install` and `npm test`), rebuilt
// first when a source changed since. Without it (esbuild absent), the TypeScript sources run through tsx: slower to
// start, same results.
import { bundleIsStale, buildCli, BUNDLE } from '../scripts/build-cli.mjs';
import { pathToFileURL } from 'node:url';

let fresh = !bundleIsStale();
if (!fresh) {
  try {
    await buildCli();
    fresh = true;
  } catch {
    // esbuild is a devDependency: an install without it runs the sources.
  }
}
if (fresh) {
  await import(pathToFileURL(BUNDLE).href);
} else {
  const { register } = await import('tsx/esm/api');
  // tsconfig: false — the CLI's sources need none of it, and tsx would otherwise read the tsconfig.json of whatever
  // directory the user runs normlint from (its "paths" can break our imports).
  register({ tsconfig: false });
  await import(new URL('../utils/cli/bin.ts', import.meta.url).href);
}
