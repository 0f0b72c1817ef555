/** The after-action downloads of the REST API (zod-free, so that the consoles load no schema library for them). */

/**
 * GET /api/exercises/:id/export/:format (controller and evaluator tokens): the after-action products,
 * written by the server with the command line's code (`ramparts export --format F`, or the log).
 * Query: `lang` (language of the report), `tz` (IANA zone of its dates), `team` (navigator, stix),
 * `tlp` (the marking). The body is the file; Content-Disposition names it.
 */
export const EXPORT_DOWNLOADS = ['aar-html', 'aar-md', 'stix', 'navigator', 'msel-csv', 'json', 'log', 'package'] as const;
export type ExportDownload = (typeof EXPORT_DOWNLOADS)[number];
