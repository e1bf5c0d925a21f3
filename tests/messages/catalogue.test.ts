// The message catalogue: Vietnamese and English have the same keys and the same parameters, checked by the compiler
// (vi.ts is typed by en.ts) and here at run time, and a message said in a language is in that language.
import { describe, expect, it } from 'vitest';
import { en } from '../../src/messages/en.js';
import { vi } from '../../src/messages/vi.js';
import { CATALOGUES, msg, render, say, type Catalogue } from '../../src/messages/index.js';

describe('the catalogue', () => {
  it('has the same keys in vi and en, each a text in both or a function in both', () => {
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en) as (keyof Catalogue)[]) {
      expect(typeof vi[k], k).toBe(typeof en[k]);
      if (typeof en[k] === 'string') expect((en[k] as string).length, k).toBeGreaterThan(0);
    }
  });

  it('refuses, at compile time, a language without a key or a parameter the key does not have', () => {
    // @ts-expect-error a catalogue without the key `total` is not a Catalogue
    const missing: Catalogue = { ...vi, total: undefined };
    // @ts-expect-error `late` takes { n }, not { days }
    const wrongParam: Catalogue = { ...vi, late: (p: { days: number }) => `trễ ${p.days} ngày` };
    // Never called: the compiler's refusal is the test.
    const calls = () => {
      // @ts-expect-error a key takes its parameters
      say('vi', 'late');
      // @ts-expect-error `late` has no parameter `days`
      msg('late', { days: 3 });
    };
    expect([missing, wrongParam, calls].length).toBe(3);
  });

  it('says a message in the language asked for, and keeps it as data until then', () => {
    const m = msg('late', { n: 3 });
    expect(JSON.parse(JSON.stringify(m))).toEqual({ key: 'late', params: { n: 3 } });
    expect(render('vi', m)).toBe('trễ 3 ngày');
    expect(render('en', m)).toBe('3 days late');
    expect(say('en', 'late', { n: 1 })).toBe('1 day late');
    expect(render('vi', 'a text of the plan')).toBe('a text of the plan');
    expect(Object.keys(CATALOGUES)).toEqual(['vi', 'en']);
  });
});
