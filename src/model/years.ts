// A plan period written as years ("2026-2030"), read without zod: the model needs it on every command's start.

/** The first and last year of `2026-2030`. */
export function yearsOf(text: string): { first: number; last: number } {
  const [first, last] = text.split(/[-–]/).map((x) => Number(x.trim()));
  return { first: first!, last: last! };
}
