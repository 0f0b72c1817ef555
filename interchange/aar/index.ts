/**
 * After-action review: results from a log (metrics per team and for the coalition, red steps, injects,
 * critical services, intelligence, time-to-protect, ATT&CK coverage, HSEEP capability analysis,
 * strengths, areas for improvement, improvement plan) and the AAR/IP as Markdown, HTML and JSON.
 * Pure and browser-safe: the evaluator console imports it as the CLI does.
 *
 *   const r = aarFromLog(log);                 // replays the log
 *   if (r.ok) aarHtml(r.results, { d3 });      // one self-contained HTML file
 */
export { aarFromLog, aarJson, buildAarResults, type AarOptions } from './results.ts';
export { loadExercise, exerciseKey, exerciseMarking, pickText, TLP_RANK, type ExerciseRecord, type LoadResult } from './exercise.ts';
export { aarMarkdown } from './markdown.ts';
export { aarHtml, cspHash, escapeHtml, type AarHtmlOptions } from './html.ts';
export { aarDocument, AAR_SECTIONS, highlights, TLP_HANDLING, type AarContext, type AarDocumentOptions, type AarSection, type AarWriter, type Block, type ChartKind, type Run } from './document.ts';
export { AAR_SECTION_LIST } from './sections/index.ts';
export { aarMessages, AAR_LANGUAGES, isRtl, type AarMessages } from './i18n/messages.ts';
export { isTimeZone } from './dates.ts';
export { consolidate, RATING_NAMES } from './ratings.ts';
export { areaTask } from './findings-context.ts';
export { human, simTime } from './format.ts';
export type * from './types.ts';
