/** What is known about one node: for a blue team its inventory and sensors' picture, for the white cell the truth. */
import type { BlueNodeView, WhiteNodeView } from '../../engine/types.ts';
import { localText } from '../../engine/constants.ts';
import { useLang, useT } from '../i18n/react.tsx';
import { formatSpan } from '../i18n/time.ts';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function NodeDetails({ node }: { node: BlueNodeView | WhiteNodeView }) {
  const t = useT();
  const lang = useLang();
  const truth = 'integrity' in node ? node : null;
  return (
    <section aria-label={t('details.title')} data-details={node.id}>
      <h3>
        <bdi>{localText(node.name, lang) || node.id}</bdi> <span className="muted mono">{node.id}</span>
      </h3>
      <dl className="details-grid">
        <Row label={t('nodes.kind')}>
          {t(`kind.${node.kind}`)}
          {node.os ? ` · ${node.os}` : ''}
        </Row>
        <Row label={t('details.criticality')}>{node.criticality}/5</Row>
        {node.ip ? (
          <Row label="IP">
            <span className="mono" dir="ltr">
              {node.ip}
            </span>
          </Row>
        ) : null}
        <Row label={t('details.network')}>{node.isolated ? t('status.isolated') : t('details.connected')}</Row>
        {truth ? (
          <Row label={t('details.integrity')}>
            <span className={`status-chip s-${truth.integrity}`}>{t(`status.${truth.integrity}`)}</span>
          </Row>
        ) : null}
        {truth && truth.compromisedBy.length > 0 ? (
          <Row label={t('details.compromisedBy')}>
            <bdi>{truth.compromisedBy.join(', ')}</bdi>
          </Row>
        ) : null}
        {truth ? <Row label={t('details.credentials')}>{truth.credentialsStolen ? t('details.stolen') : t('details.intact')}</Row> : null}
        <Row label={t('details.services')}>
          {node.services.length === 0
            ? '—'
            : node.services.map((s) => (
                <span key={s.id} className={`chip${s.up ? '' : ' down'}`}>
                  {localText(s.name, lang) || s.id}
                  {s.port ? `:${s.port}` : ''} {s.up ? '' : `(${t('details.down')})`}
                </span>
              ))}
        </Row>
        <Row label={t('details.alerts')}>{node.alerts}</Row>
        {node.vulnerabilities ? (
          <Row label={t('details.vulnerabilities')}>
            {node.vulnerabilities.length === 0
              ? '—'
              : node.vulnerabilities.map((v) => (
                  <span key={v.id} className={`chip${v.patched ? '' : ' down'}`}>
                    {v.id}
                    {v.cvss !== undefined ? ` (${v.cvss})` : ''}
                    {v.patched ? ` ✓ ${t('details.patched')}` : ''}
                  </span>
                ))}
          </Row>
        ) : null}
        {node.sensors ? <Row label={t('details.sensors')}>{node.sensors.length === 0 ? '—' : node.sensors.map((s) => t(`source.${s}`)).join(', ')}</Row> : null}
        {node.backup ? (
          <Row label={t('details.backup')}>
            {formatSpan(node.backup.restoreTime)}
            {node.backup.offline ? ` · ${t('details.offline')}` : ''}
          </Row>
        ) : null}
      </dl>
    </section>
  );
}
