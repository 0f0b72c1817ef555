/**
 * A blue team's inbox: the injects delivered to it (newest first), each opened in a reading pane
 * with its content in the seat's language, what the team is asked to do, and the acknowledge and
 * answer controls. How evaluators judge the response (expected actions, deadlines, rubric) is not in
 * the team's view at all.
 */
import { useWhyNot, WhyNot } from '../../net/possible.tsx';
import { useState } from 'react';
import type { InboxItem } from '../../../engine/types.ts';
import { pickLocalText } from '../../../engine/constants.ts';
import { LocalTextView, useLang, useT } from '../../i18n/react.tsx';
import { useCommand } from '../../net/react.tsx';
import { useView } from '../../store/react.ts';
import { SimTime } from '../shell/Clock.tsx';
import { Empty, MarkdownText, StatusChip, TlpChip } from '../shell/Bits.tsx';

export function unread(inbox: readonly InboxItem[]): number {
  return inbox.filter((i) => i.status === 'delivered').length;
}

function InjectDetail({ item }: { item: InboxItem }) {
  const t = useT();
  const lang = useLang();
  const ack = useCommand();
  const answer = useCommand();
  const ackWhy = useWhyNot('ack-inject', ack.pending);
  const answerWhy = useWhyNot('answer-inject', answer.pending);
  const [text, setText] = useState('');
  const content = pickLocalText(item.content, lang);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (text.trim() && (await answer.run({ type: 'answer-inject', inject: item.inject, text: text.trim() }))) setText('');
  };
  return (
    <article className="inject" aria-labelledby={`inject-${item.inject}`} data-inject={item.inject}>
      <header>
        <h3 id={`inject-${item.inject}`}>
          <LocalTextView text={item.title} />
        </h3>
        <p className="inject-meta">
          <TlpChip tlp={item.tlp} />
          <span className="chip">{t(`channel.${item.channel}`)}</span>
          {item.priority ? <span className={`chip prio-${item.priority}`}>{t(`priority.${item.priority}`)}</span> : null}
          <span>
            {t('inbox.from')} <LocalTextView text={item.from.name} />
            {item.from.role ? (
              <>
                {' '}
                · <LocalTextView text={item.from.role} />
              </>
            ) : null}
          </span>
          <SimTime t={item.deliveredAt} />
          <StatusChip status={item.status} prefix="inject" />
        </p>
      </header>
      <MarkdownText text={content.text} lang={content.lang} />
      {item.questions.length > 0 ? (
        <section>
          <h4>{t('inbox.questions')}</h4>
          <ol>
            {item.questions.map((q, i) => (
              <li key={i}>
                <LocalTextView text={q} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {item.asks.length > 0 ? (
        <section>
          <h4>{t('inbox.asked')}</h4>
          <ul className="asks">
            {item.asks.map((a, i) => (
              <li key={i}>
                <LocalTextView text={a} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <footer className="inject-actions">
        {item.status === 'delivered' ? (
          <button type="button" className="primary" disabled={ackWhy !== null} onClick={() => void ack.run({ type: 'ack-inject', inject: item.inject })} data-testid="ack">
            {t('inbox.acknowledge')}
          </button>
        ) : null}
        {ack.error ? (
          <div role="alert" className="error">
            {ack.error}
          </div>
        ) : null}
        {item.answer !== null ? (
          <section className="answer">
            <h4>
              {t('inbox.yourAnswer')} · <SimTime t={item.answeredAt ?? 0} />
            </h4>
            <p dir="auto" className="prewrap">
              {item.answer}
            </p>
            {item.grade !== null ? (
              <p>
                {t('inbox.grade', { grade: item.grade })}
                {item.comment ? ` · ${item.comment}` : ''}
              </p>
            ) : (
              <p className="muted">{t('inbox.awaitingGrade')}</p>
            )}
          </section>
        ) : (
          <form onSubmit={submit} className="form">
            <label>
              {t('inbox.answer')}
              <textarea value={text} onChange={(e) => setText(e.target.value)} rows={4} dir="auto" data-testid="answer-text" />
            </label>
            <button type="submit" disabled={answerWhy !== null || !text.trim()} data-testid="answer-submit">
              {t('inbox.send')}
            </button>{' '}
            <WhyNot reason={answerWhy} />
            {answer.error ? (
              <div role="alert" className="error">
                {answer.error}
              </div>
            ) : null}
          </form>
        )}
      </footer>
    </article>
  );
}

export function Inbox() {
  const t = useT();
  const view = useView('blue');
  const [open, setOpen] = useState<string | null>(null);
  if (!view) return null;
  const items = [...view.inbox].sort((a, b) => b.deliveredAt - a.deliveredAt);
  const current = items.find((i) => i.inject === open) ?? items[0];
  if (items.length === 0) return <Empty>{t('inbox.empty')}</Empty>;
  return (
    <div className="inbox">
      <ul className="inbox-list" aria-label={t('inbox.title')}>
        {items.map((item) => (
          <li key={item.inject}>
            <button
              type="button"
              className={`inbox-item${item === current ? ' current' : ''}${item.status === 'delivered' ? ' unread' : ''}`}
              aria-current={item === current}
              onClick={() => setOpen(item.inject)}
              data-inject={item.inject}
            >
              <span className="inbox-title">
                <LocalTextView text={item.title} />
              </span>
              <span className="inbox-sub">
                <SimTime t={item.deliveredAt} /> <StatusChip status={item.status} prefix="inject" />
              </span>
            </button>
          </li>
        ))}
      </ul>
      {current ? <InjectDetail key={current.inject} item={current} /> : null}
    </div>
  );
}
