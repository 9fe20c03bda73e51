// DKFDS icons from the design system's own sprite, referenced by URL so the page does not carry 150 symbols.
import sprite from 'dkfds/dist/img/all-svg-icons.svg';

export type IconName =
  | 'check'
  | 'chevron-left'
  | 'chevron-right'
  | 'close'
  | 'error'
  | 'info'
  | 'language'
  | 'lock'
  | 'menu'
  | 'sort-table-ascending'
  | 'sort-table-descending'
  | 'sort-table-none'
  | 'success'
  | 'warning';

interface IconProps {
  name: IconName;
  className?: string;
  /** Give a label only when the icon carries meaning the surrounding text does not. */
  label?: string;
}

export function Icon({ name, className, label }: IconProps) {
  const classes = className === undefined ? 'icon-svg' : `icon-svg ${className}`;
  const use = <use href={`${sprite}#${name}`} />;
  if (label === undefined) {
    return (
      <svg className={classes} focusable="false" aria-hidden="true">
        {use}
      </svg>
    );
  }
  return (
    <svg className={classes} focusable="false" role="img" aria-label={label}>
      {use}
    </svg>
  );
}
