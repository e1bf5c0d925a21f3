// One helper of each kind: the Markdown escaper with its table-cell line breaks, the word-wrapper for headings, the day validator.
import { describe, expect, it } from 'vitest';
import { markdownText } from '../../src/render/escape.js';
import { wrapLine, wrapText } from '../../src/render/table.js';
import { isValidDay } from '../../src/schedule/day.js';

describe('markdownText', () => {
  it('makes links, code, HTML and table syntax text, in a line of its own or in a table cell', () => {
    const s = '[x](javascript:alert(1)) `a|b` <img onerror=x>\nsau';
    expect(markdownText(s)).toBe('\\[x\\](javascript:alert(1)) \\`a\\|b\\` &lt;img onerror=x&gt; sau');
    expect(markdownText(s, { lineBreaks: true })).toBe('\\[x\\](javascript:alert(1)) \\`a\\|b\\` &lt;img onerror=x&gt;<br>sau');
  });
});

describe('the word-wrapper', () => {
  it('breaks a long word in a table cell, and leaves it whole in a heading', () => {
    expect(wrapLine('Kế hoạch 41/KH-UBND-2023-sửa-đổi', 10)).toEqual(['Kế hoạch', '41/KH-UBND', '-2023-sửa-', 'đổi']);
    expect(wrapLine('Kế hoạch 41/KH-UBND-2023-sửa-đổi', 10, { breakWords: false })).toEqual(['Kế hoạch', '41/KH-UBND-2023-sửa-đổi']);
    expect(wrapText('Kế hoạch 41/KH-UBND-2023-sửa-đổi\nngày 10/3/2023', 10)).toBe('Kế hoạch\n41/KH-UBND-2023-sửa-đổi\nngày\n10/3/2023');
  });
});

describe('the day validator', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2023-13-01', false],
    ['2023-04-31', false],
    ['0000-01-01', false],
    ['2023-3-10', false],
  ])('%s is a day: %s', (s, want) => {
    expect(isValidDay(s)).toBe(want);
  });
});
