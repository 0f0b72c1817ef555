/**
 * Scenario injects -> MSEL CSV with HSEEP columns (Event Number, Designated Scenario Time, Event Type,
 * ..., Expected Participant Response, Exercise Objective / Capability, Critical Task), plus the columns
 * a round trip needs (When, Delay, Priority, sender role and organisation, discussion questions, what
 * the players are asked, the expected answer and the measure of performance) and
 * one column per language for texts given per language ("Message (ar)"). Importing the result gives
 * back every inject unchanged.
 */
import { stringify } from 'csv-stringify/sync';
import type { InjectT, LocalTextT } from '../../engine/index.ts';
import { EXPORT_HEADERS, type MselField } from '../msel/columns.ts';
import { languagesOf, writeLocalText } from '../msel/text.ts';
import { writeCondition, writeExpects, writeQuestions } from '../msel/cells.ts';
import { EVENT_TYPE_WORDS } from '../msel/vocab.ts';

export type Cells = { main: string; langs: string[] };

/** Per text field, how to get its value(s) from an inject, for choosing language columns. */
export const TEXT_VALUES: Partial<Record<MselField, (i: InjectT) => (LocalTextT | undefined)[]>> = {
  title: (i) => [i.title],
  from: (i) => [i.from.name],
  fromRole: (i) => [i.from.role],
  fromOrg: (i) => [i.from.organisation],
  content: (i) => [i.content],
  expects: (i) => (i.evaluation?.expects ?? []).map((e) => e.description),
  questions: (i) => i.questions ?? [],
  asks: (i) => i.asks ?? [],
  answer: (i) => [i.evaluation?.answer],
  criteria: (i) => [i.evaluation?.rubric],
};

/** One field's cell (and its language cells) for an inject. */
export function cells(field: MselField, i: InjectT, languages: readonly string[]): Cells {
  const plain = (main: string | undefined): Cells => ({ main: main ?? '', langs: [] });
  switch (field) {
    case 'id':
      return plain(i.id);
    case 'at':
      return plain(i.at);
    case 'type':
      return plain(i.type ? EVENT_TYPE_WORDS[i.type] : '');
    case 'title':
      return writeLocalText(i.title, languages);
    case 'from':
      return writeLocalText(i.from.name, languages);
    case 'fromRole':
      return writeLocalText(i.from.role, languages);
    case 'fromOrg':
      return writeLocalText(i.from.organisation, languages);
    case 'to':
      return plain(i.to === 'all-blue' ? 'all-blue' : i.to.join('; '));
    case 'channel':
      return plain(i.channel);
    case 'content':
      return writeLocalText(i.content, languages);
    case 'expects':
      return writeExpects(i.evaluation?.expects, languages);
    case 'objective':
      return plain(i.evaluation?.capability);
    case 'task':
      return plain(i.evaluation?.task);
    case 'tlp':
      return plain(i.tlp);
    case 'priority':
      return plain(i.priority);
    case 'move':
      return plain(i.move);
    case 'when':
      return plain(i.when ? writeCondition(i.when) : '');
    case 'delay':
      return plain(i.delay);
    case 'questions':
      return writeQuestions(i.questions, languages);
    case 'asks':
      return writeQuestions(i.asks, languages);
    case 'answer':
      return writeLocalText(i.evaluation?.answer, languages);
    case 'criteria':
      return writeLocalText(i.evaluation?.rubric, languages);
    case 'details':
      return plain('');
  }
}

/**
 * The scenario's injects as MSEL CSV text (UTF-8 with a byte-order mark so that spreadsheet programs
 * show Arabic and other scripts correctly; one row per inject, in scenario order).
 */
export function exportMselCsv(scenario: { injects?: readonly InjectT[] | undefined }): string {
  const injects = scenario.injects ?? [];
  const layout = EXPORT_HEADERS.map(([field, header]) => {
    const values = TEXT_VALUES[field];
    return { field, header, languages: values ? languagesOf(injects.flatMap(values)) : [] };
  });
  const head = layout.flatMap((c) => [c.header, ...c.languages.map((l) => `${c.header} (${l})`)]);
  const rows = injects.map((i) =>
    layout.flatMap((c) => {
      const v = cells(c.field, i, c.languages);
      return [v.main, ...c.languages.map((_, k) => v.langs[k] ?? '')];
    }),
  );
  // csv-stringify quotes a field with a line feed but not one with a lone carriage return, which readers take as a line end.
  return stringify([head, ...rows], { bom: true, record_delimiter: 'unix', quoted_match: /\r/ });
}
