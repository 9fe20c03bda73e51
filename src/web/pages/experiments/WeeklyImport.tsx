// Weekly statuses from register data, as a CSV file `citizen_id,week,status` with the
// citizens' pseudonyms. All or nothing: the server lists every problem by line.
import { useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/browser.js';
import { listedProblems, readableError } from '../../api/client.js';
import { importWeekly } from '../../api/experiments.js';
import { Alert } from '../../components/Alert.js';
import { ErrorSummary, type FormProblem } from '../../components/ErrorSummary.js';
import { describedBy, groupClass, HelpAndError } from '../../components/fieldParts.js';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';

const FILE_ID = 'weekly-file';

export function WeeklyImport({ experimentId, onImported }: { experimentId: string; onImported: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const file = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const [imported, setImported] = useState<number | null>(null);

  const fail = (found: FormProblem[], onField?: string): void => {
    setProblems(found);
    setFieldError(onField);
    setAttempt((n) => n + 1);
  };

  const send = async (): Promise<void> => {
    setImported(null);
    const chosen = file.current?.files?.[0];
    if (chosen === undefined) {
      const message = t('experiments.import.fileMissing');
      fail([{ message, fieldId: FILE_ID }], message);
      return;
    }
    setPending(true);
    try {
      const { imported: count } = await importWeekly(api, experimentId, await chosen.text());
      setProblems([]);
      setFieldError(undefined);
      setImported(count);
      if (file.current !== null) file.current.value = '';
      onImported();
    } catch (failure) {
      const error = readableError(failure);
      if (error === null) {
        fail([{ message: t('form.failed') }]);
        return;
      }
      const listed = listedProblems(error);
      fail(
        (listed.length > 0 ? listed : [error.message]).map((message) => ({ message })),
        t('experiments.import.fileRejected'),
      );
    } finally {
      setPending(false);
    }
  };

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (pending) return;
    void send();
  };

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="import-heading">
      <ErrorSummary
        id="import-errors"
        heading={t('experiments.import.errorHeading')}
        problems={problems}
        attempt={attempt}
      />
      {imported !== null && (
        <Alert
          variant="success"
          heading={t('experiments.import.done', { count: imported, formatted: formatNumber(imported, language) })}
          headingLevel={3}
        />
      )}
      <p>{t('experiments.import.intro')}</p>
      <div className={groupClass(fieldError)}>
        <label className="form-label" htmlFor={FILE_ID}>
          {t('experiments.import.file')}
        </label>
        <HelpAndError id={FILE_ID} helpText={t('experiments.import.fileHelp')} error={fieldError} />
        <input
          ref={file}
          id={FILE_ID}
          type="file"
          accept=".csv,text/csv"
          aria-invalid={fieldError === undefined ? undefined : true}
          aria-describedby={describedBy({ id: FILE_ID, helpText: t('experiments.import.fileHelp'), error: fieldError })}
          onChange={() => {
            setImported(null);
          }}
        />
      </div>
      <button type="submit" className="button button-primary mt-5" aria-disabled={pending}>
        {pending ? t('experiments.import.sending') : t('experiments.import.submit')}
      </button>
    </form>
  );
}
