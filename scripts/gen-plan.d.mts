// The types of gen-plan.mjs, for the tests that generate plans with it.
export function generatePlan(tasks: number, opts?: { year?: number; commune?: string; perSection?: number }): string;
