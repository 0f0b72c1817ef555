/**
 * Every after-action product of an exercise, by format, as the command line writes them and the
 * server hands them to the controller and evaluators: one function, so that `ramparts export` and a
 * download from the console give the same bytes for the same log. Pure: the d3 script text the HTML
 * report inlines is given by the caller (native/d3-bundle.ts on Node).
 */
import { type TlpLevel, own } from '../../engine/index.ts';
import { aarHtml } from '../aar/html.ts';
import { aarMarkdown } from '../aar/markdown.ts';
import { exerciseMarking, TLP_RANK, type ExerciseRecord } from '../aar/exercise.ts';
import { aarJson, buildAarResults } from '../aar/results.ts';
import { exportPlayedMsel, playedInjects } from '../export/msel-played.ts';
import { navigatorJson, navigatorLayer } from '../export/navigator.ts';
import { stixBundle, stixJson } from '../export/stix.ts';
import { buildPackage } from '../package/package.ts';

export const EXPORT_FORMATS = ['navigator', 'stix', 'aar-md', 'aar-html', 'msel-csv', 'json', 'package'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** navigator, stix: one blue team's view. */
  team?: string;
  /** The marking (aar-md, aar-html, navigator, package: never below what the exercise holds); stix: the ceiling. */
  tlp?: TlpLevel;
  /** Language of the report and the scenario texts (default en). */
  lang?: string;
  /** aar-md, aar-html: IANA zone of wall-clock dates. */
  timeZone?: string;
  /** aar-html: the d3 script text to inline. */
  d3?: string;
}

export type ExportProduct = { ok: true; text: string; fileName: string; mediaType: string; note?: string } | { ok: false; message: string };

const MEDIA: Record<ExportFormat, string> = {
  navigator: 'application/json',
  stix: 'application/stix+json;version=2.1',
  'aar-md': 'text/markdown',
  'aar-html': 'text/html',
  'msel-csv': 'text/csv',
  json: 'application/json',
  package: 'application/json',
};

/** File names a download is offered under (the package names itself). */
const NAMES: Record<Exclude<ExportFormat, 'package'>, (id: string, team: string) => string> = {
  navigator: (id, team) => `navigator-${id}${team}.json`,
  stix: (id, team) => `stix-${id}${team}.json`,
  'aar-md': (id) => `aar-${id}.md`,
  'aar-html': (id) => `aar-${id}.html`,
  'msel-csv': (id) => `msel-${id}.csv`,
  json: (id) => `aar-${id}.json`,
};

export function isExportFormat(x: string): x is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(x);
}

/** One product of an exercise record (a log replayed), or why not, in a sentence. */
export function exportProduct(format: ExportFormat, x: ExerciseRecord, o: ExportOptions = {}): ExportProduct {
  const lang = o.lang ?? 'en';
  if (o.team !== undefined && !own(x.state.teams, o.team)) {
    return { ok: false, message: `no blue team "${o.team}" in this exercise (teams: ${Object.keys(x.state.teams).join(', ')})` };
  }
  // The report holds report titles and inject texts of every marking: never mark it lower (packages check themselves).
  if (o.tlp !== undefined && (format === 'aar-md' || format === 'aar-html')) {
    const m = exerciseMarking(x.state);
    if (TLP_RANK[o.tlp] < TLP_RANK[m.level]) {
      return { ok: false, message: `TLP:${o.tlp} is below what this exercise holds (TLP:${m.level}, in ${m.source}); mark the ${format} TLP:${m.level} or stricter` };
    }
  }
  const tlp = o.tlp === undefined ? {} : { tlp: o.tlp };
  const zone = o.timeZone === undefined ? {} : { timeZone: o.timeZone };
  const team = o.team === undefined ? {} : { team: o.team };
  const results = () => buildAarResults(x, { lang });
  const done = (text: string): ExportProduct => ({
    ok: true,
    text,
    mediaType: MEDIA[format],
    fileName: format === 'package' ? '' : NAMES[format](x.state.scenario.meta.id, o.team === undefined ? '' : `-${o.team}`),
  });
  switch (format) {
    case 'json':
      return done(aarJson(results()));
    case 'aar-md':
      return done(aarMarkdown(results(), { ...tlp, ...zone }));
    case 'aar-html':
      if (o.d3 === undefined) return { ok: false, message: 'the HTML report needs the d3 script text to inline' };
      return done(aarHtml(results(), { d3: o.d3, ...tlp, ...zone }));
    case 'msel-csv': {
      const sc = x.log.header.scenario;
      return done(exportPlayedMsel(playedInjects(sc.injects, x.state), x.state, { startDate: sc.meta.startDate, teams: sc.teams.filter((t) => t.role === 'blue').map((t) => t.id) }));
    }
    case 'navigator': {
      const r = navigatorLayer(results(), { ...team, ...tlp });
      return r.ok ? done(navigatorJson(r.layer)) : r;
    }
    case 'stix': {
      const r = stixBundle(x, { lang, ...team, ...(o.tlp === undefined ? {} : { maxTlp: o.tlp }) });
      return r.ok ? done(stixJson(r.bundle)) : r;
    }
    case 'package': {
      const r = buildPackage(x, { lang, ...tlp });
      return r.ok ? { ok: true, text: r.text, fileName: r.fileName, mediaType: MEDIA.package, note: `TLP:${r.package.tlp}, checksum ${r.package.checksum}` } : r;
    }
  }
}
