/**
 * The document model asks jieba for one line at a time (a line break is always a word boundary, so the words of the
 * lines are the words of the whole text), and only for lines where a word-based rule has a candidate. Re-checks
 * after an edit ask for the same lines again: their words come from this cache, and only a changed line is cut.
 */
export type Cut = (text: string) => string[];

/**
 * Returns a function from a line to the UTF-16 lengths of its words (a compact typed array per line instead of
 * thousands of small strings), keeping the `capacity` most recently used lines.
 */
export function cachedLengths(cut: Cut, capacity = 20_000): (line: string) => Int32Array {
  const cache = new Map<string, Int32Array>();
  return (line) => {
    let lengths = cache.get(line);
    if (lengths) {
      // Map keeps insertion order: re-inserting makes it the most recent.
      cache.delete(line);
    } else {
      const words = cut(line);
      lengths = new Int32Array(words.length);
      for (let k = 0; k < words.length; k++) lengths[k] = words[k].length;
      if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
    }
    cache.set(line, lengths);
    return lengths;
  };
}
