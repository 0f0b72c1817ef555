/**
 * The after-action report and improvement plan (AAR/IP) as a document model that the Markdown and
 * HTML renderers share, following the HSEEP template. The document is a list of sections (see
 * sections/), each a heading and a function that writes its blocks from the results: a new section
 * (a pinned what-if finding, say) is one more entry in the list given to `aarDocument`. Fixed texts
 * come from the results' language catalog (i18n/), values that run against the document's direction
 * are isolated (bidi.ts), wall-clock dates are in the reader's time zone (dates.ts). Pure.
 */
import type { TlpLevel } from '../../engine/index.ts';
import { bidi } from './bidi.ts';
import { readerDates } from './dates.ts';
import { human, listing, simTime } from './format.ts';
import { EN } from './i18n/en.ts';
import { aarMessages, isRtl } from './i18n/messages.ts';
import { AAR_SECTION_LIST } from './sections/index.ts';
import type { AarContext, AarSection, AarWriter, Block } from './model.ts';
import { parseIsoDateTime } from '../lib/timestamps.ts';
import type { AarResults } from './types.ts';

export type { AarContext, AarSection, AarWriter, Block, ChartKind, Run } from './model.ts';
export { highlights } from './sections/summary.ts';

/** Every top-level section heading of the default document, in English, in order. */
export const AAR_SECTIONS: readonly string[] = AAR_SECTION_LIST.map((s) => s.heading(EN));

/** TLP 2.0 handling texts in English (each catalog has its own). */
export const TLP_HANDLING: Record<TlpLevel, string> = {
  CLEAR: EN['tlp.CLEAR'],
  GREEN: EN['tlp.GREEN'],
  AMBER: EN['tlp.AMBER'],
  'AMBER+STRICT': EN['tlp.AMBER+STRICT'],
  RED: EN['tlp.RED'],
};

export interface AarDocumentOptions {
  /** The marking; callers refuse one below `results.marking`. */
  tlp?: TlpLevel;
  /** IANA zone of the reader's wall-clock dates; default: the scenario start date's own offset. */
  timeZone?: string;
  /** The sections, in order; default the HSEEP AAR/IP's (AAR_SECTION_LIST). */
  sections?: readonly AarSection[];
}

/** The report's context: catalog, isolates and formatters for the results' language. */
export function aarContext(r: AarResults, timeZone?: string): AarContext {
  const lang = r.language;
  const m = aarMessages(lang);
  const b = bidi(isRtl(lang));
  const names = new Map(r.overview.teams.map((t) => [t.id, t.name]));
  const labels = new Map(r.overview.teams.map((t) => [t.id, t.label]));
  const caps = new Map(r.capabilities.map((c) => [c.id, c.name]));
  return {
    r,
    m,
    b,
    lang,
    dates: readerDates(r.overview.exercise.startDate, lang, timeZone),
    dur: (ms) => human(ms, m),
    when: (ms) => (ms === null || ms === undefined ? '—' : b.ltr(simTime(ms))),
    team: (id) => b.auto(names.get(id) ?? id),
    label: (id) => b.auto(labels.get(id) ?? id),
    cap: (id) => (id === null ? '—' : b.auto(caps.get(id) ?? id)),
    list: (items, max) => listing(items, max, m),
  };
}

/** The AAR/IP blocks: the TLP marking, the title, each section, the marking again. */
export function aarDocument(r: AarResults, options: AarDocumentOptions = {}): Block[] {
  const tlp = options.tlp ?? r.marking;
  const ctx = aarContext(r, options.timeZone);
  const { m, b } = ctx;
  const o = r.overview;
  const blocks: Block[] = [];
  const marking: Block = { kind: 'tlp', level: tlp, handling: m[`tlp.${tlp}`] };
  blocks.push(marking);
  blocks.push({ kind: 'heading', level: 1, text: m.reportTitle(b.auto(o.scenario.title)), id: 'title' });
  blocks.push({
    kind: 'para',
    runs: [{ text: m.subtitle(b.ltr(o.scenario.id), b.ltr(o.scenario.version), b.ltr(o.exercise.seed), ctx.dates.dateTime(parseIsoDateTime(o.exercise.startIso) ?? 0)), italic: true }],
  });
  for (const section of options.sections ?? AAR_SECTION_LIST) {
    blocks.push({ kind: 'heading', level: 2, text: section.heading(m), id: section.id });
    let n = 0;
    const w: AarWriter = {
      h3: (text) => void blocks.push({ kind: 'heading', level: 3, text, id: `${section.id}-${++n}` }),
      p: (...runs) => void blocks.push({ kind: 'para', runs: runs.map((x) => (typeof x === 'string' ? { text: x } : x)) }),
      list: (items) => void blocks.push({ kind: 'list', items }),
      table: (head, rows) => void blocks.push({ kind: 'table', head, rows: rows.map((row) => row.map(String)) }),
      chart: (chart, title, caption) => void blocks.push({ kind: 'chart', chart, title, caption }),
      findings: (fs) => {
        if (fs.length === 0) w.p({ text: m.noneObserved, italic: true });
        else w.list(fs.map((f) => [{ text: `${b.ltr(f.id)}. ${f.title}.`, bold: true }, { text: ` ${f.text}` }]));
      },
    };
    section.write(ctx, w);
  }
  blocks.push(marking);
  return blocks;
}
