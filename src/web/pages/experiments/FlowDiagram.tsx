// The CONSORT-style flow: eligible → enrolled → allocated per arm → lost, by reason →
// analysed. Drawn as boxes, built as an ordered list with a description list per arm, so a
// screen reader reads the same numbers in the same order.
import { useTranslation } from 'react-i18next';
import type { ArmFlow } from '../../api/experiments.js';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';

interface FlowDiagramProps {
  flow: { eligible: number; enrolled: number; arms: readonly ArmFlow[] };
}

function Arrow() {
  return <span className="consort-arrow" aria-hidden="true" />;
}

function ArmBox({ arm }: { arm: ArmFlow }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const n = (value: number): string => formatNumber(value, language);
  const lost = arm.lost.moved + arm.lost.died + arm.lost.withdrew;
  return (
    <li className="consort-arm" data-arm={arm.arm}>
      <h4 className="consort-arm-heading">{arm.label}</h4>
      <dl className="consort-figures">
        <div>
          <dt>{t('experiments.flow.allocated')}</dt>
          <dd data-value="allocated">{n(arm.allocated)}</dd>
        </div>
        <div>
          <dt>{t('experiments.flow.lost')}</dt>
          <dd data-value="lost">
            {n(lost)}
            <ul className="consort-reasons nobullet-list">
              <li data-reason="moved">{t('experiments.flow.moved', { n: n(arm.lost.moved) })}</li>
              <li data-reason="died">{t('experiments.flow.died', { n: n(arm.lost.died) })}</li>
              <li data-reason="withdrew">{t('experiments.flow.withdrew', { n: n(arm.lost.withdrew) })}</li>
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t('experiments.flow.notYetFollowed')}</dt>
          <dd data-value="not_yet_followed">{n(arm.not_yet_followed)}</dd>
        </div>
        <div className="consort-analysed">
          <dt>{t('experiments.flow.analysed')}</dt>
          <dd data-value="analysed">{n(arm.analysed)}</dd>
        </div>
      </dl>
    </li>
  );
}

export function FlowDiagram({ flow }: FlowDiagramProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const n = (value: number): string => formatNumber(value, language);
  return (
    <ol className="consort nobullet-list" aria-label={t('experiments.flow.label')}>
      <li className="consort-step" data-step="eligible">
        <span className="consort-number" data-value="eligible">
          {n(flow.eligible)}
        </span>{' '}
        {t('experiments.flow.eligible')}
        <span className="consort-aside">
          {t('experiments.flow.notEnrolled', { n: n(flow.eligible - flow.enrolled) })}
        </span>
        <Arrow />
      </li>
      <li className="consort-step" data-step="enrolled">
        <span className="consort-number" data-value="enrolled">
          {n(flow.enrolled)}
        </span>{' '}
        {t('experiments.flow.enrolled')}
        <Arrow />
      </li>
      <li className="consort-step consort-step-arms" data-step="arms">
        <h3 className="consort-arms-heading">{t('experiments.flow.arms')}</h3>
        <ul className="consort-arms nobullet-list">
          {flow.arms.map((arm) => (
            <ArmBox key={arm.arm} arm={arm} />
          ))}
        </ul>
      </li>
    </ol>
  );
}
