// Marks of a textarea follow an edit at once (before the re-check answers).
import { describe, expect, test } from 'vitest';
import { diffRegion, shiftSpans } from '../../utils/highlight/shift';

describe('diffRegion', () => {
  test('an insertion, a deletion, a replacement, no change', () => {
    expect(diffRegion('abcdef', 'abXcdef')).toEqual({ start: 2, oldEnd: 2, newEnd: 3 });
    expect(diffRegion('abcdef', 'abef')).toEqual({ start: 2, oldEnd: 4, newEnd: 2 });
    expect(diffRegion('工作,区公安', '工作，区公安')).toEqual({ start: 2, oldEnd: 3, newEnd: 3 });
    expect(diffRegion('same', 'same')).toBeNull();
  });

  test('a repeated character is not counted twice in prefix and suffix', () => {
    expect(diffRegion('aaa', 'aaaa')).toEqual({ start: 3, oldEnd: 3, newEnd: 4 });
    expect(diffRegion('aaaa', 'aaa')).toEqual({ start: 3, oldEnd: 4, newEnd: 3 });
  });
});

describe('shiftSpans', () => {
  const marks = [
    { key: 'a', start: 0, end: 2 },
    { key: 'b', start: 5, end: 8 },
    { key: 'c', start: 10, end: 12 },
  ];

  test('marks before stay, marks after move, a mark the edit touches is dropped', () => {
    const out = shiftSpans(marks, { start: 6, oldEnd: 7, newEnd: 9 });
    expect(out).toEqual([
      { key: 'a', start: 0, end: 2 },
      { key: 'c', start: 12, end: 14 },
    ]);
  });

  test('typing right after a mark leaves it; typing right before it moves it', () => {
    expect(shiftSpans(marks, { start: 2, oldEnd: 2, newEnd: 4 })[0]).toEqual({ key: 'a', start: 0, end: 2 });
    expect(shiftSpans(marks, { start: 5, oldEnd: 5, newEnd: 6 })[1]).toEqual({ key: 'b', start: 6, end: 9 });
  });
});
