/** The CLI as a program: what scripts/build-cli.mjs bundles and `npm run normlint:dev` runs through tsx. */
import { run } from './main';

process.exitCode = await run(process.argv.slice(2));
