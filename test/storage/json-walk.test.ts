import { describe, expect, it } from 'vitest';
import { JsonWalker, JsonWalkError, type JsonPath, type JsonValueEvent } from '../../utils/storage/json-walk';

// Walks the root object, its `list` array and each item's `rows` array, as the backup reader walks its file.
const plan = (p: JsonPath) =>
  p.length === 0 ? 'object' : p.length === 1 && p[0] === 'list' ? 'array' : p.length === 2 ? 'object' : p.length === 3 && p[2] === 'rows' ? 'array' : undefined;

const DOC = {
  name: '备份 "引号" \\ 反斜杠 \\" 结尾\\',
  n: -1.5e3,
  flag: true,
  none: null,
  list: [
    { id: 1, rows: [{ text: '第一条 {不是括号} [也不是] "引用"', esc: 'a\\\\"b\\u4e2d' }, [1, [2, { x: '}' }]], 'str\\"', 42, false] },
    { rows: [] },
    { id: 3, rows: [{}] },
  ],
  tail: { deep: [1, 2, 3] },
};

function walk(text: string, pieces: (t: string) => string[], max = 1e6): JsonValueEvent[] {
  const w = new JsonWalker(plan, max);
  const out: JsonValueEvent[] = [];
  for (const p of pieces(text)) w.push(p, out);
  w.end(out);
  return out;
}
const whole = (t: string) => [t];
const bySize = (n: number) => (t: string) => Array.from({ length: Math.ceil(t.length / n) }, (_, i) => t.slice(i * n, i * n + n));

describe('JsonWalker', () => {
  const text = JSON.stringify(DOC, null, 1);
  const expected = walk(text, whole);

  it('emits each value outside the walked containers whole, with its path', () => {
    expect(expected.map((e) => e.path.join('.'))).toEqual([
      'name', 'n', 'flag', 'none', 'list.0.id', 'list.0.rows.0', 'list.0.rows.1', 'list.0.rows.2', 'list.0.rows.3', 'list.0.rows.4', 'list.2.id', 'list.2.rows.0', 'tail',
    ]);
    expect(expected.find((e) => e.path.join('.') === 'list.0.rows.0')!.value).toEqual(DOC.list[0].rows[0]);
    expect(expected[0].value).toBe(DOC.name);
    expect(expected.at(-1)!.value).toEqual(DOC.tail);
  });

  it('gives the same values however the text is cut (quotes, backslashes and brackets split between pieces)', () => {
    for (const n of [1, 2, 3, 5, 7, 64]) expect(walk(text, bySize(n)), `pieces of ${n}`).toEqual(expected);
    expect(walk(JSON.stringify(DOC), bySize(1))).toEqual(walk(JSON.stringify(DOC), whole));
  });

  it('says where the text ended', () => {
    const cut = text.slice(0, text.indexOf('"str'));
    const err = (() => {
      try {
        walk(cut, bySize(10));
      } catch (e) {
        return e as JsonWalkError;
      }
    })();
    expect(err).toBeInstanceOf(JsonWalkError);
    expect(err).toMatchObject({ kind: 'incomplete', path: ['list', 0, 'rows', 2] });
  });

  it('refuses text that is not JSON, naming the value', () => {
    const broken = text.replace('"id": 3', '"id": 3,,');
    expect(() => walk(broken, bySize(4))).toThrow(expect.objectContaining({ kind: 'syntax', path: ['list', 2, 'id'] }));
    const badRow = JSON.stringify(DOC).replace('{"x":"}"}', '{"x":}');
    expect(() => walk(badRow, bySize(16))).toThrow(expect.objectContaining({ kind: 'syntax', path: ['list', 0, 'rows', 1] }));
    expect(() => walk('PK\u0003\u0004', whole)).toThrow(expect.objectContaining({ kind: 'syntax' }));
    expect(() => walk('{"a":1} x', whole)).toThrow(expect.objectContaining({ kind: 'syntax' }));
    expect(() => walk('{"list":{"a":1}}', whole)).toThrow(expect.objectContaining({ kind: 'shape', path: ['list'] }));
  });

  it('refuses one value longer than the limit, before reading all of it', () => {
    const big = JSON.stringify({ list: [{ rows: [{ text: 'x'.repeat(5000) }, 1] }] });
    const w = new JsonWalker(plan, 1000);
    const out: JsonValueEvent[] = [];
    let err: unknown;
    let fed = 0;
    try {
      for (const p of bySize(100)(big)) {
        w.push(p, out);
        fed += p.length;
      }
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ kind: 'too-large', path: ['list', 0, 'rows', 0] });
    expect(fed).toBeLessThan(1200);
  });
});
