// The step from draft to enrolment: starting enrolment locks the design as the experiment's
// pre-registration (version, SHA-256 hash and time), so the evaluation is judged against what
// was decided beforehand. Designers may also close enrolment; follow-up goes on.
import { Link } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/browser.js';
import { readableError } from '../../api/client.js';
import { closeEnrolment, startEnrolment, type ExperimentBody } from '../../api/experiments.js';
import { Alert } from '../../components/Alert.js';
import type { ConflictHandler } from '../../hooks/useConflict.js';
import { formatMoment } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';

interface PreRegistrationProps {
  experiment: ExperimentBody;
  designer: boolean;
  onChanged: (experiment: ExperimentBody) => void;
  onConflict: ConflictHandler;
}

function Locked({ experiment }: { experiment: ExperimentBody }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <p>{t('experiments.lock.lockedText')}</p>
      <table className="table structured-list pre-registration">
        <caption className="sr-only">{t('experiments.lock.caption')}</caption>
        <tbody>
          <tr data-field="lockedAt">
            <th scope="row">{t('experiments.lock.lockedAt')}</th>
            <td>{experiment.locked_at === null ? t('common.none') : formatMoment(experiment.locked_at, language)}</td>
          </tr>
          <tr data-field="version">
            <th scope="row">{t('experiments.lock.version')}</th>
            <td>{experiment.design_version}</td>
          </tr>
          <tr data-field="hash">
            <th scope="row">{t('experiments.lock.hash')}</th>
            <td>
              <code className="design-hash">{experiment.design_hash ?? t('common.none')}</code>
            </td>
          </tr>
        </tbody>
      </table>
    </>
  );
}

export function PreRegistration({ experiment, designer, onChanged, onConflict }: PreRegistrationProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);

  const run = (request: () => Promise<ExperimentBody>): void => {
    if (pending) return;
    setPending(true);
    setFailure(null);
    request().then(
      (next) => {
        setPending(false);
        setConfirming(false);
        onChanged(next);
      },
      (error: unknown) => {
        setPending(false);
        setConfirming(false);
        if (!onConflict(error)) setFailure(readableError(error)?.message ?? t('form.failed'));
      },
    );
  };

  if (experiment.status !== 'draft') {
    return (
      <>
        <Locked experiment={experiment} />
        {failure !== null && <Alert variant="error" heading={failure} headingLevel={3} />}
        {designer && experiment.status === 'enrolling' && (
          <>
            <p>{t('experiments.lock.closeText')}</p>
            <button
              type="button"
              className="button button-secondary"
              aria-disabled={pending}
              onClick={() => run(() => closeEnrolment(api, experiment.id, experiment.version))}
            >
              {t('experiments.lock.close')}
            </button>
          </>
        )}
      </>
    );
  }
  if (!designer) return <p>{t('experiments.lock.draftText')}</p>;
  return (
    <>
      <p>{t('experiments.lock.explain')}</p>
      <p>
        <Link to="/forsoeg/$experimentId/ret" params={{ experimentId: experiment.id }}>
          {t('experiments.lock.edit')}
        </Link>
      </p>
      {failure !== null && <Alert variant="error" heading={failure} headingLevel={3} />}
      {confirming ? (
        <div className="confirm-box" role="group" aria-labelledby="confirm-lock-heading">
          <h3 id="confirm-lock-heading" ref={confirmHeading} tabIndex={-1}>
            {t('experiments.lock.confirmHeading')}
          </h3>
          <p>{t('experiments.lock.confirmText')}</p>
          <div className="button-group">
            <button
              type="button"
              className="button button-primary"
              aria-disabled={pending}
              onClick={() => run(() => startEnrolment(api, experiment.id, experiment.version))}
            >
              {t('experiments.lock.confirm')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setConfirming(false);
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            setConfirming(true);
            requestAnimationFrame(() => confirmHeading.current?.focus());
          }}
        >
          {t('experiments.lock.start')}
        </button>
      )}
    </>
  );
}
