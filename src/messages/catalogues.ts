// Each language's catalogues (messages, help, findings) by language: the build (scripts/build.mjs) puts each in a chunk
// of its own and replaces this module by one that loads a chunk on first use, so that a run reads only what it says.
import { en } from './en.js';
import { vi } from './vi.js';
import { helpEn } from './help-en.js';
import { helpVi } from './help-vi.js';
import { findingsEn } from './findings-en.js';
import { findingsVi } from './findings-vi.js';
import type { Catalogue, Lang } from './index.js';
import type { FindingsCatalogue } from './findings.js';

export type HelpCatalogue = typeof helpEn;

export const messagesOf = (lang: Lang): Catalogue => (lang === 'vi' ? vi : en);
export const helpOf = (lang: Lang): HelpCatalogue => (lang === 'vi' ? helpVi : helpEn);
export const findingsOf = (lang: Lang): FindingsCatalogue => (lang === 'vi' ? findingsVi : findingsEn);
