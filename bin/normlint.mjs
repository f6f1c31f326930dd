#!/usr/bin/env node
// normlint CLI entry: runs the TypeScript sources through tsx's ESM loader (no build step), then utils/cli/main.ts.
import { register } from 'tsx/esm/api';

register();
const { run } = await import(new URL('../utils/cli/main.ts', import.meta.url).href);
process.exitCode = await run(process.argv.slice(2));
