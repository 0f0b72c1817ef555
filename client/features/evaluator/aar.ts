/**
 * The after-action report the evaluator exports: this exercise's log, replayed in the browser and
 * written by interchange's AAR/IP writer, so it is the very document `ramparts export LOG --format
 * aar-md` gives (scenario texts in the seat's language). Loaded lazily: it pulls in the engine.
 */
import { aarFromLog, aarMarkdown, logFromFile } from '../../../interchange/index.ts';

/** The AAR/IP as Markdown from a log's (or an exercise package's) text, or why not. */
export function aarFromLogText(text: string, lang: string): { ok: true; markdown: string } | { ok: false; message: string } {
  const opened = logFromFile(text);
  if (!opened.ok) return opened;
  const r = aarFromLog(opened.log, { lang });
  return r.ok ? { ok: true, markdown: aarMarkdown(r.results) } : r;
}
