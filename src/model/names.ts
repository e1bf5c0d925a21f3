// Keys under which agency names meet: the importer's dictionary, agencies across plans, coverage of a parent plan.

/** Collapses runs of white space (tabs and no-break spaces copied from Word included) and trims. */
export function squash(s: string): string {
  return s.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

// Old-style tone placement (hoá, uỷ) and new style (hóa, ủy) are both in use; keys take the new one.
// Only syllable-final pairs move: "hoàn" keeps its tone on the a.
const OLD_TONES: [RegExp, string][] = [
  [/o([àáảãạ])(?![\p{L}])/gu, 'oa'],
  [/o([èéẻẽẹ])(?![\p{L}])/gu, 'oe'],
  [/u([ỳýỷỹỵ])(?![\p{L}])/gu, 'uy'],
];
const TONE_OF: Record<string, number> = {};
for (const [i, set] of ['àèìòùỳ', 'áéíóúý', 'ảẻỉỏủỷ', 'ãẽĩõũỹ', 'ạẹịọụỵ'].entries()) for (const ch of set) TONE_OF[ch] = i;
const TONED: Record<string, string[]> = { o: ['ò', 'ó', 'ỏ', 'õ', 'ọ'], u: ['ù', 'ú', 'ủ', 'ũ', 'ụ'] };

function newStyleTones(s: string): string {
  let out = s;
  for (const [re, pair] of OLD_TONES) {
    out = out.replace(re, (_m, marked: string) => {
      const first = pair[0]!;
      const tone = TONE_OF[marked];
      const carrier = tone === undefined ? undefined : TONED[first]?.[tone];
      return carrier ? carrier + pair[1]! : _m;
    });
  }
  return out;
}

/**
 * The key under which an agency name is looked up: case, extra spaces, dash style, old/new tone
 * placement, "Đắk"/"Đăk", spelled-out "Ủy ban nhân dân"/"Hội đồng nhân dân" and the joiners
 * "-", "&", "và" and "," are all made the same, so "Văn phòng HĐND và UBND huyện" and
 * "Văn phòng Hội đồng nhân dân - Ủy ban nhân dân huyện" meet.
 */
export function matchKey(name: string): string {
  let k = name.normalize('NFC').toLowerCase();
  k = k.replace(/[\u2010-\u2015\u2212]/g, '-');
  k = newStyleTones(k);
  k = k.replace(/đắk/g, 'đăk');
  k = k.replace(/ủy ban nhân dân/g, 'ubnd').replace(/hội đồng nhân dân/g, 'hđnd');
  k = squash(k);
  k = k.replace(/\s*(?:[-&,]|\svà\s)\s*/g, '-');
  k = k.replace(/[\s.;:]+$/, '').replace(/^[\s\-–+•]+/, '');
  return k;
}
