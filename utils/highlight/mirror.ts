/**
 * Where characters of a textarea sit. A textarea has no DOM text to put a Range on, so a hidden copy with the same
 * box and font metrics lays the value out the same way, and Ranges over the copy's text give the rectangles.
 */

/** A rectangle relative to the field's padding box, as if the field were not scrolled. */
export interface LocalRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

// The properties that decide where text wraps and how tall lines are.
const COPIED = [
  'direction',
  'fontStyle',
  'fontVariant',
  'fontWeight',
  'fontStretch',
  'fontSize',
  'fontSizeAdjust',
  'fontFamily',
  'fontFeatureSettings',
  'fontKerning',
  'lineHeight',
  'textAlign',
  'textTransform',
  'textIndent',
  'letterSpacing',
  'wordSpacing',
  'tabSize',
  'whiteSpace',
  'wordBreak',
  'overflowWrap',
  'lineBreak',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'writingMode',
] as const;

/**
 * Measures `spans` (offsets into the field's value) with a mirror built inside `container` (which must be rendered;
 * the mirror is invisible). Returns, per span, its line rectangles.
 */
export function measureField(field: HTMLTextAreaElement, spans: readonly { start: number; end: number }[], container: Node): LocalRect[][] {
  const doc = field.ownerDocument;
  const cs = doc.defaultView!.getComputedStyle(field);
  const mirror = doc.createElement('div');
  const st = mirror.style;
  for (const p of COPIED) st[p] = cs[p];
  st.position = 'absolute';
  st.top = '0';
  st.left = '0';
  st.visibility = 'hidden';
  st.boxSizing = 'border-box';
  st.border = '0';
  st.margin = '0';
  // clientWidth is the padding box without the scrollbar: exactly the width text wraps in, plus padding.
  st.width = `${field.clientWidth}px`;
  st.height = 'auto';
  st.overflow = 'hidden';
  // Textareas always wrap unless told otherwise; their default white-space is pre-wrap.
  if (cs.whiteSpace === 'normal' || !cs.whiteSpace) st.whiteSpace = 'pre-wrap';
  if (field.getAttribute('wrap') === 'off') st.whiteSpace = 'pre';
  const value = field.value;
  // A zero-width space keeps a trailing newline's empty line measurable.
  const textNode = doc.createTextNode(value + '\u200b');
  mirror.appendChild(textNode);
  container.appendChild(mirror);
  try {
    const origin = mirror.getBoundingClientRect();
    const range = doc.createRange();
    return spans.map(({ start, end }) => {
      const s = Math.max(0, Math.min(start, value.length));
      const e = Math.max(s, Math.min(end, value.length));
      range.setStart(textNode, s);
      range.setEnd(textNode, e === s ? Math.min(s + 1, value.length + 1) : e);
      return [...range.getClientRects()]
        .filter((r) => r.width > 0 || r.height > 0)
        .map((r) => ({ left: r.left - origin.left, top: r.top - origin.top, width: Math.max(r.width, 2), height: r.height }));
    });
  } finally {
    mirror.remove();
  }
}
