// English counts: "1 day", "2 days" (Vietnamese has one form, so only en.ts needs it).
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
