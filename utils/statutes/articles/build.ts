// npm run statutes:articles [TEXTS_DIR] [OUT_FILE]: derives the article facts from the statute texts
// (default ../shared/statutes-text) into utils/statutes/articles/facts.json. Only facts are written, never text.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { statutes } from '../index';
import { assembleFacts, parseEdition, type ParsedEdition } from './derive';
import type { FactsFile } from './format';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_TEXTS = path.resolve(here, '../../../../shared/statutes-text');
export const FACTS_FILE = path.join(here, 'facts.json');

/** Every statute file under the texts directory, in a fixed order. */
function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...markdownFiles(p));
    else if (name.endsWith('.md') && name !== '_index.md' && name !== 'README.md') out.push(p);
  }
  return out;
}

/** One statute per line: small diffs when a rebuild changes a statute, and still compact. */
export function serializeFacts(facts: FactsFile): string {
  const lines = Object.entries(facts.statutes).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
  return `{"source":${JSON.stringify(facts.source)},"statutes":{\n${lines.join(',\n')}\n}}\n`;
}

export interface BuildReport {
  files: number;
  editions: number;
  statutes: number;
  unjoined: string[];
  json: string;
}

/** Reads the texts and returns the serialized facts (the caller writes them). */
export function buildFacts(textsDir: string = DEFAULT_TEXTS): BuildReport {
  const files = markdownFiles(textsDir);
  const editions: ParsedEdition[] = [];
  for (const f of files) {
    const e = parseEdition(path.basename(f), readFileSync(f, 'utf8'));
    if (e) editions.push(e);
  }
  const unjoined = new Set<string>();
  const canonical = (name: string) => {
    const hit = statutes.lookup(name);
    if (!hit) unjoined.add(name);
    return hit?.statute.name ?? name;
  };
  const readme = readFileSync(path.join(textsDir, 'README.md'), 'utf8');
  const commit = /commit ([0-9a-f]{7,40})/.exec(readme)?.[1] ?? 'unknown';
  const facts = assembleFacts(editions, canonical, `LawRefBook/Laws@${commit.slice(0, 12)}`);
  return { files: files.length, editions: editions.length, statutes: Object.keys(facts.statutes).length, unjoined: [...unjoined].sort(), json: serializeFacts(facts) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [textsDir = DEFAULT_TEXTS, out = FACTS_FILE] = process.argv.slice(2);
  const t0 = performance.now();
  const r = buildFacts(textsDir);
  writeFileSync(out, r.json);
  console.log(
    `statutes:articles: ${r.files} files, ${r.editions} editions, ${r.statutes} statutes (${r.unjoined.length} not in the statute table) → ${path.relative(process.cwd(), out)} ` +
      `${(Buffer.byteLength(r.json) / 1024).toFixed(0)} KB in ${(performance.now() - t0).toFixed(0)} ms`,
  );
}
