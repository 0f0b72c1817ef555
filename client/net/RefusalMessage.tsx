/** A refusal on screen: the sentence in the seat's language; the code and the server's words in a disclosure. */
import { useT } from '../i18n/react.tsx';
import { type RefusalLike, refusalParts } from './refusal.ts';

export function RefusalMessage({ reply }: { reply: RefusalLike }) {
  const t = useT();
  const { sentence, detail } = refusalParts(t, reply);
  return (
    <span className="refusal" data-code={reply.code}>
      <span className="refusal-sentence">{sentence}</span>{' '}
      <details className="refusal-detail">
        <summary>{t('refusal.details')}</summary>
        <code dir="ltr">{detail}</code>
      </details>
    </span>
  );
}
