/**
 * The AAR/IP document rendered as Markdown (GitHub-flavoured tables) in the results' language. Values
 * that run against the text's direction carry Unicode isolates (bidi.ts), which Markdown keeps as
 * they are. Charts become a pointer to the HTML report.
 */
import { bidi } from './bidi.ts';
import { aarDocument, type AarDocumentOptions } from './document.ts';
import { aarMessages, isRtl } from './i18n/messages.ts';
import type { Block, Run } from './model.ts';
import type { AarResults } from './types.ts';

const escapeMd = (s: string): string => s.replace(/([\\`*_[\]<>])/g, '\\$1');
const cell = (s: string): string => escapeMd(s).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function runs(rs: readonly Run[]): string {
  return rs
    .map((r) => {
      const t = escapeMd(r.text);
      const lead = t.match(/^\s*/)?.[0] ?? '';
      const core = t.trim();
      if (core === '') return t;
      return `${lead}${r.bold ? `**${core}**` : r.italic ? `_${core}_` : core}`;
    })
    .join('');
}

/** The AAR/IP as Markdown text. */
export function aarMarkdown(results: AarResults, options: AarDocumentOptions = {}): string {
  const m = aarMessages(results.language);
  const b = bidi(isRtl(results.language));
  const block = (x: Block): string => {
    switch (x.kind) {
      case 'tlp':
        return `**${b.ltr(`TLP:${x.level}`)}**: ${escapeMd(x.handling)}\n`;
      case 'heading':
        return `${'#'.repeat(x.level)} ${escapeMd(x.text)}\n`;
      case 'para':
        return `${runs(x.runs)}\n`;
      case 'list':
        return `${x.items.map((i) => `- ${runs(i)}`).join('\n')}\n`;
      case 'chart':
        return `_${escapeMd(m['chart.markdown'](x.title, b.ltr('ramparts export LOG --format aar-html')))}_\n`;
      case 'table':
        if (x.rows.length === 0) return `_${escapeMd(m.none)}_\n`;
        return `${[`| ${x.head.map(cell).join(' | ')} |`, `| ${x.head.map(() => '---').join(' | ')} |`, ...x.rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n')}\n`;
    }
  };
  return aarDocument(results, options).map(block).join('\n');
}
