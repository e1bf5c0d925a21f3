// Vietnamese text helpers: folding for matching without case or diacritics, and sorting.

/** Lower-case, without diacritics (đ = d), spaces and dashes collapsed: how `--agency` and name checks compare. */
export function foldName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/\s*([-–&,;/])\s*/g, '$1')
    .trim();
}

/** Like foldName, with every space and punctuation mark removed, for "part of a name" matches. */
export function foldCompact(s: string): string {
  return foldName(s).replace(/[^a-z0-9]/g, '');
}

export const viCollator = new Intl.Collator('vi');
