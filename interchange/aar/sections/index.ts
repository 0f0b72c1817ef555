/**
 * The sections of the AAR/IP in the HSEEP template's order. A report with another section (a
 * what-if finding pinned by an evaluator, say) passes its own list to `aarDocument`: an `AarSection`
 * is an id, a heading per language and a writer of blocks.
 */
import type { AarSection } from '../model.ts';
import { analysisSection } from './analysis.ts';
import { methodSection, participantsSection, planSection } from './appendices.ts';
import { metricsSection } from './metrics.ts';
import { objectivesSection, overviewSection, summarySection } from './summary.ts';
import { teamsSection } from './teams.ts';

export const AAR_SECTION_LIST: readonly AarSection[] = [
  overviewSection,
  summarySection,
  objectivesSection,
  analysisSection,
  teamsSection,
  metricsSection,
  planSection,
  participantsSection,
  methodSection,
];
