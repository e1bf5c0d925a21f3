// How records are paired between two versions of a task: same record, changed, added, removed.
import { describe, expect, it } from 'vitest';
import { diffRecords } from '../../src/views/diff.js';

describe('diffRecords', () => {
  it.each([
    ['the same records, in another order', [{ done: '2023-03-08' }, { done: '2023-04-01', period: '2023-Q2' }], [{ done: '2023-04-01', period: '2023-Q2' }, { done: '2023-03-08' }], { added: [], removed: [], changed: [] }],
    ['a reference corrected', [{ done: '2023-03-08', ref: '41/KH-UBND' }], [{ done: '2023-03-08', ref: '42/KH-UBND' }], { added: [], removed: [], changed: [{ old: { done: '2023-03-08', ref: '41/KH-UBND' }, new: { done: '2023-03-08', ref: '42/KH-UBND' } }] }],
    ['a date corrected, same period', [{ done: '2023-03-08', period: '2023-Q1' }], [{ done: '2023-03-09', period: '2023-Q1' }], { added: [], removed: [], changed: [{ old: { done: '2023-03-08', period: '2023-Q1' }, new: { done: '2023-03-09', period: '2023-Q1' } }] }],
    ['a period added, same date', [{ done: '2023-03-08' }], [{ done: '2023-03-08', period: '2023-Q1' }], { added: [], removed: [], changed: [{ old: { done: '2023-03-08' }, new: { done: '2023-03-08', period: '2023-Q1' } }] }],
    ['a trigger is not a completion of the same day', [{ trigger: '2023-03-08' }], [{ done: '2023-03-08' }], { added: [{ done: '2023-03-08' }], removed: [{ trigger: '2023-03-08' }], changed: [] }],
    ['one added, one removed', [{ done: '2023-01-30', period: '2023-01' }], [{ done: '2023-02-27', period: '2023-02' }], { added: [{ done: '2023-02-27', period: '2023-02' }], removed: [{ done: '2023-01-30', period: '2023-01' }], changed: [] }],
  ])('%s', (_name, a, b, want) => {
    expect(diffRecords(a, b)).toEqual(want);
  });
});
