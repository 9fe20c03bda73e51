// A stratum in words, in the UI language, with its code kept for whoever compares with data.
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { lastWholeAge, readStratum, type Band } from './strata.js';

export function useStratumText(): (code: string) => string {
  const { t } = useTranslation();
  const language = useLanguage();
  const n = (value: number | undefined): string => (value === undefined ? '' : formatNumber(value, language));
  const age = (band: Band): string => {
    switch (band.kind) {
      case 'all':
        return t('experiments.strata.age.all');
      case 'below':
        return t('experiments.strata.age.below', { high: n(band.high) });
      case 'between':
        return t('experiments.strata.age.between', { low: n(band.low), high: n(lastWholeAge(band)) });
      case 'from':
        return t('experiments.strata.age.from', { low: n(band.low) });
    }
  };
  const benefit = (band: Band): string => {
    switch (band.kind) {
      case 'all':
        return t('experiments.strata.benefit.all');
      case 'below':
        return t('experiments.strata.benefit.below', { high: n(band.high) });
      case 'between':
        return t('experiments.strata.benefit.between', { low: n(band.low), high: n(band.high) });
      case 'from':
        return t('experiments.strata.benefit.from', { low: n(band.low) });
    }
  };
  return (code) => {
    const stratum = readStratum(code);
    if (stratum.age === null || stratum.benefit === null) return code;
    return `${age(stratum.age)}, ${benefit(stratum.benefit)}`;
  };
}

export function StratumText({ code }: { code: string }) {
  const describe = useStratumText();
  return <span data-stratum={code}>{describe(code)}</span>;
}
