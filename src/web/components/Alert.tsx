// DKFDS alert ("besked"): a coloured box with an icon, a heading and text.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon.js';

export type AlertVariant = 'info' | 'success' | 'warning' | 'error';

interface AlertProps {
  variant: AlertVariant;
  heading?: string;
  headingLevel?: 2 | 3;
  children?: ReactNode;
  /** Announce the alert when it appears: role="alert" for problems, role="status" for good news. */
  announce?: boolean;
}

const ICON_LABEL = {
  info: 'alert.info',
  success: 'alert.success',
  warning: 'alert.warning',
  error: 'alert.error',
} as const;

function liveRole(variant: AlertVariant): 'alert' | 'status' {
  return variant === 'error' || variant === 'warning' ? 'alert' : 'status';
}

export function Alert({ variant, heading, headingLevel = 2, children, announce = variant !== 'info' }: AlertProps) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className={`alert alert-${variant}`} role={announce ? liveRole(variant) : undefined}>
      <Icon name={variant} className="alert-icon" label={t(ICON_LABEL[variant])} />
      <div className="alert-body">
        {heading !== undefined && <Heading className="alert-heading">{heading}</Heading>}
        {children !== undefined && <div className="alert-text">{children}</div>}
      </div>
    </div>
  );
}
