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

/** Lower-case ASCII words joined by "-", for ids and UIDs: "Phòng Tư pháp" → phong-tu-phap, "VP2" → vp2. */
export function asciiSlug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Like foldName, with every space and punctuation mark removed, for "part of a name" matches. */
export function foldCompact(s: string): string {
  return foldName(s).replace(/[^a-z0-9]/g, '');
}

export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[n]!;
}

/** The candidates closest to `word`, for "did you mean" hints. */
export function nearest(word: string, candidates: Iterable<string>, max = 3): string[] {
  const scored = [...candidates]
    .map((c) => ({ c, d: editDistance(word.toLowerCase(), c.toLowerCase()) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(word.length / 2)))
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c));
  return scored.slice(0, max).map((x) => x.c);
}
