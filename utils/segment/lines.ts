/**
 * jieba segments each run of Han characters (and letters, digits) on its own, so a line break is always a word
 * boundary: cutting a text line by line gives exactly the words of cutting it whole (tested over the corpus).
 * Re-checks after an edit change a line or two; the other lines' words come from the previous text's.
 */
export type Cut = (text: string) => string[];

/** Returns a function from text to the UTF-16 lengths of its words, remembering the previous text's lines. */
export function lineCachedLengths(cut: Cut): (text: string) => Int32Array {
  let previous = new Map<string, Int32Array>();
  return (text) => {
    // Each line keeps its line break, so "\r\n" is never split.
    const lines = text.split(/(?<=\n)/);
    const current = new Map<string, Int32Array>();
    const parts: Int32Array[] = new Array(lines.length);
    let total = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      let lengths = current.get(line) ?? previous.get(line);
      if (!lengths) {
        const words = cut(line);
        lengths = new Int32Array(words.length);
        for (let k = 0; k < words.length; k++) lengths[k] = words[k].length;
      }
      current.set(line, lengths);
      parts[i] = lengths;
      total += lengths.length;
    }
    previous = current;
    const out = new Int32Array(total);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  };
}
