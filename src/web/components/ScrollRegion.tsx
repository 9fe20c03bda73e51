// A wide table that scrolls sideways on a narrow screen (DKFDS responsive table). The region
// is named and focusable so keyboard users can scroll it too.
import type { ReactNode } from 'react';

interface ScrollRegionProps {
  label: string;
  /** Ids of headings that name the region instead, when `label` alone repeats on the page. */
  labelledBy?: string | undefined;
  children: ReactNode;
}

export function ScrollRegion({ label, labelledBy, children }: ScrollRegionProps) {
  return (
    <div
      className="table--responsive-scroll"
      role="region"
      aria-label={labelledBy === undefined ? label : undefined}
      aria-labelledby={labelledBy}
      tabIndex={0}
    >
      {children}
    </div>
  );
}
