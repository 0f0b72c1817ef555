/**
 * The evaluators' criteria of an item to grade or rate: the expected answer and the rubric from the
 * scenario's evaluation (format 2), and the capability and critical task it counts for. White cell and
 * evaluator consoles only: blue views never carry them.
 */
import type { CriteriaView } from '../../../engine/types.ts';
import { useT } from '../../i18n/react.tsx';
import { LocalMarkdown } from '../manual/ManualPanel.tsx';

export function Criteria({ criteria }: { criteria: CriteriaView }) {
  const t = useT();
  if (criteria.answer === undefined && criteria.rubric === undefined) return <p className="muted criteria-none">{t('criteria.none')}</p>;
  return (
    <dl className="criteria" data-testid="criteria">
      {criteria.answer !== undefined ? (
        <>
          <dt>{t('criteria.answer')}</dt>
          <dd>
            <LocalMarkdown text={criteria.answer} />
          </dd>
        </>
      ) : null}
      {criteria.rubric !== undefined ? (
        <>
          <dt>{t('criteria.rubric')}</dt>
          <dd>
            <LocalMarkdown text={criteria.rubric} />
          </dd>
        </>
      ) : null}
    </dl>
  );
}
