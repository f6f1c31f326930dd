/**
 * Document order of two nodes, without Node.compareDocumentPosition: linkedom 0.18 answers it wrongly for nodes in
 * different branches (a heading inside a header div against the content div that follows it).
 */
export function precedes(a: Node, b: Node): boolean {
  if (a === b) return false;
  const chain = (n: Node) => {
    const out: Node[] = [];
    for (let x: Node | null = n; x; x = x.parentNode) out.push(x);
    return out.reverse();
  };
  const ca = chain(a);
  const cb = chain(b);
  let i = 0;
  while (i < ca.length && i < cb.length && ca[i] === cb[i]) i++;
  if (i === ca.length) return true; // a contains b: a starts first
  if (i === cb.length) return false;
  // Siblings under the common ancestor: which comes first.
  for (let s = ca[i].nextSibling; s; s = s.nextSibling) if (s === cb[i]) return true;
  return false;
}

/** Comparator for sorting nodes into document order. */
export const documentOrder = (a: Node, b: Node) => (a === b ? 0 : precedes(a, b) ? -1 : 1);
