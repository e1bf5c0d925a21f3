// The importer's vocabulary is data (src/import/vocabulary.json): its lists are tried in order, so they must stay in a working order.
import { describe, expect, it } from 'vitest';
import VOCABULARY from '../../src/import/vocabulary.json' with { type: 'json' };
import { importPlan } from '../../src/import/index.js';

/** Phrases as word lists; a phrase must come before any other that is its first words, or the shorter one wins. */
function shadowed(phrases: string[][]): string[] {
  const out: string[] = [];
  phrases.forEach((p, i) => {
    for (const q of phrases.slice(0, i)) if (q.length < p.length && q.every((w, k) => p[k] === w)) out.push(`"${p.join(' ')}" after "${q.join(' ')}"`);
  });
  return out;
}

describe('vocabulary.json', () => {
  it.each<[string, string[][]]>([
    ['levelWords.words', VOCABULARY.levelWords.words.map(([w]) => w!.split(' '))],
    ['names.qualifiers', VOCABULARY.names.qualifiers.map((w) => w.split(' '))],
    ['collectives.nouns', VOCABULARY.collectives.nouns],
    ['collectives.links', VOCABULARY.collectives.links],
    ['collectives.levelWords', VOCABULARY.collectives.levelWords.map(([w]) => w as string[])],
  ])('%s: no phrase comes after a shorter one it starts with', (_name, phrases) => {
    expect(shadowed(phrases)).toEqual([]);
  });

  it('names each level by words that the level words know, and gives every kind of collective an id at every level', () => {
    const known = new Map(VOCABULARY.levelWords.words.map(([w, l]) => [w!, l!]));
    for (const [level, words] of Object.entries(VOCABULARY.levelWords.wordsOfLevel)) {
      for (const w of words) expect(known.has(w), `${level}: ${w}`).toBe(true);
    }
    for (const ids of Object.values(VOCABULARY.collectives.ids)) expect(Object.keys(ids).sort()).toEqual(['commune', 'district', 'province']);
  });

  it('drives the importer: a qualifier of the list is not taken for an agency', () => {
    const table = 'TT\tNội dung\tChủ trì\tPhối hợp\tThời gian\n1\tViệc\tSở Tư pháp theo phân công của UBND tỉnh\tSở Nội vụ\tQuý I/2026\n';
    expect(importPlan(table).plan.sections[0]!.tasks[0]!.lead).toBe('so-tu-phap');
  });
});
