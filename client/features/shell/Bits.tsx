/** Small shared pieces: TLP marking, status chips, a safe reading of inject Markdown, empty states. */
import type { ReactNode } from 'react';
import type { TlpLevel } from '../../../engine/types.ts';
import { useT } from '../../i18n/react.tsx';
import { Isolated } from '../../i18n/Isolated.tsx';
import { parseMarkdown, type Span } from '../../lib/markdown.ts';

export function TlpChip({ tlp }: { tlp: TlpLevel | undefined }) {
  if (!tlp) return null;
  return (
    <span className={`tlp tlp-${tlp.replace('+', '-').toLowerCase()}`} data-tlp={tlp}>
      TLP:{tlp}
    </span>
  );
}

export function StatusChip({ status, prefix }: { status: string; prefix: string }) {
  const t = useT();
  return (
    <span className={`status-chip s-${status}`} data-status={status}>
      {t(`${prefix}.${status}`)}
    </span>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty muted">{children}</p>;
}

function Spans({ spans }: { spans: Span[] }): ReactNode {
  return spans.map((s, i) => {
    switch (s.k) {
      case 'text':
        return <Isolated key={i} text={s.text} />;
      case 'code':
        return <code key={i}>{s.text}</code>;
      case 'strong':
        return (
          <strong key={i}>
            <Spans spans={s.children} />
          </strong>
        );
      case 'em':
        return (
          <em key={i}>
            <Spans spans={s.children} />
          </em>
        );
      case 'link':
        return s.href ? (
          <a key={i} href={s.href} target="_blank" rel="noopener noreferrer">
            <Spans spans={s.children} />
          </a>
        ) : (
          <Spans key={i} spans={s.children} />
        );
    }
  });
}

/**
 * The Markdown of scenario texts (client/lib/markdown.ts): paragraphs, headings, lists, quotes, bold,
 * italics, code and links. Never raw HTML: the tree becomes React elements, which escape text.
 */
export function MarkdownText({ text, lang }: { text: string; lang?: string | undefined }) {
  return (
    <div className="md" lang={lang} dir="auto">
      {parseMarkdown(text).map((b, i) => {
        switch (b.k) {
          case 'ul':
            return (
              <ul key={i}>
                {b.items.map((item, j) => (
                  <li key={j}>
                    <Spans spans={item} />
                  </li>
                ))}
              </ul>
            );
          case 'ol':
            return (
              <ol key={i}>
                {b.items.map((item, j) => (
                  <li key={j}>
                    <Spans spans={item} />
                  </li>
                ))}
              </ol>
            );
          case 'quote':
            return (
              <blockquote key={i}>
                <Spans spans={b.spans} />
              </blockquote>
            );
          case 'h':
            return (
              <h4 key={i}>
                <Spans spans={b.spans} />
              </h4>
            );
          case 'p':
            return <p key={i}>{b.lines.map((line, j) => (j === 0 ? <Spans key={j} spans={line} /> : [<br key={`br${j}`} />, <Spans key={j} spans={line} />]))}</p>;
        }
      })}
    </div>
  );
}
