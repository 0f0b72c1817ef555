/** The AAR/IP document rendered as Markdown (GitHub-flavoured tables). Charts become a pointer to the HTML report. */
import type { TlpLevel } from '../../engine/index.ts';
import { aarDocument, type Block, type Run } from './document.ts';
import type { AarResults } from './types.ts';

const escape = (s: string): string => s.replace(/([\\`*_[\]<>])/g, '\\$1');
const cell = (s: string): string => escape(s).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function runs(rs: readonly Run[]): string {
  return rs.map((r) => {
    const t = escape(r.text);
    const lead = t.match(/^\s*/)?.[0] ?? '';
    const core = t.trim();
    if (core === '') return t;
    return `${lead}${r.bold ? `**${core}**` : r.italic ? `_${core}_` : core}`;
  }).join('');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'tlp': return `**TLP:${b.level}**: ${b.handling}\n`;
    case 'heading': return `${'#'.repeat(b.level)} ${escape(b.text)}\n`;
    case 'para': return `${runs(b.runs)}\n`;
    case 'list': return `${b.items.map((i) => `- ${runs(i)}`).join('\n')}\n`;
    case 'chart': return `_${escape(b.title)}: see the HTML report (\`ramparts export LOG --format aar-html\`)._\n`;
    case 'table':
      if (b.rows.length === 0) return '_None._\n';
      return [`| ${b.head.map(cell).join(' | ')} |`, `| ${b.head.map(() => '---').join(' | ')} |`, ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n') + '\n';
  }
}

/** The AAR/IP as Markdown text. */
export function aarMarkdown(results: AarResults, options: { tlp?: TlpLevel } = {}): string {
  return aarDocument(results, options).map(block).join('\n');
}
