#!/usr/bin/env node
// normlint CLI entry: runs the TypeScript sources through tsx's ESM loader (no build step), then utils/cli/main.ts.
import { register } from 'tsx/esm/api';

// tsconfig: false — the CLI's sources need none of it, and tsx would otherwise read the tsconfig.json of whatever
// directory the user runs normlint from (its "paths" can break our imports).
register({ tsconfig: false });
const { run } = await import(new URL('../utils/cli/main.ts', import.meta.url).href);
process.exitCode = await run(process.argv.slice(2));
