/** Small shared pieces: TLP marking, status chips, a safe reading of inject Markdown, empty states. */
import type { ReactNode } from 'react';
import type { TlpLevel } from '../../../engine/types.ts';
import { useT } from '../../i18n/react.tsx';

export function TlpChip({ tlp }: { tlp: TlpLevel | undefined }) {
  if (!tlp) return null;
  return <span className={`tlp tlp-${tlp.replace('+', '-').toLowerCase()}`} data-tlp={tlp}>TLP:{tlp}</span>;
}

export function StatusChip({ status, prefix }: { status: string; prefix: string }) {
  const t = useT();
  return <span className={`status-chip s-${status}`} data-status={status}>{t(`${prefix}.${status}`)}</span>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty muted">{children}</p>;
}

function inline(text: string, key: string): ReactNode[] {
  // **bold** and `code`; everything else is text (React escapes it: no HTML from a scenario runs).
  const parts = text.split(/(\*\*[^*]+\*\*|`[^`]+`)/g);
  return parts.map((part, i) => {
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4) return <strong key={`${key}-${i}`}>{part.slice(2, -2)}</strong>;
    if (part.startsWith('`') && part.endsWith('`') && part.length > 2) return <code key={`${key}-${i}`}>{part.slice(1, -1)}</code>;
    return part;
  });
}

/**
 * The Markdown of inject content, read as paragraphs, headings, bullet lists, bold and code. Not a
 * full Markdown renderer: scenario texts are short messages, and this never produces raw HTML.
 */
export function MarkdownText({ text, lang }: { text: string; lang?: string | undefined }) {
  const blocks = text.replace(/\r\n/g, '\n').split(/\n{2,}/);
  return (
    <div className="md" lang={lang} dir="auto">
      {blocks.map((block, b) => {
        const lines = block.split('\n');
        if (lines.every((l) => /^\s*[-*]\s+/.test(l))) {
          return <ul key={b}>{lines.map((l, i) => <li key={i}>{inline(l.replace(/^\s*[-*]\s+/, ''), `${b}-${i}`)}</li>)}</ul>;
        }
        if (lines.every((l) => l.startsWith('>'))) {
          return <blockquote key={b}>{inline(lines.map((l) => l.replace(/^>\s?/, '')).join(' '), `${b}`)}</blockquote>;
        }
        const heading = /^(#{1,3})\s+(.*)$/.exec(block);
        if (heading && lines.length === 1) return <h4 key={b}>{inline(heading[2] ?? '', `${b}`)}</h4>;
        return <p key={b}>{lines.flatMap((l, i) => (i === 0 ? inline(l, `${b}-${i}`) : [<br key={`br-${b}-${i}`} />, ...inline(l, `${b}-${i}`)]))}</p>;
      })}
    </div>
  );
}
