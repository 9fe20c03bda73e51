// A wide table that scrolls sideways on a narrow screen (DKFDS responsive table). The region
// is named and focusable so keyboard users can scroll it too.
import type { ReactNode } from 'react';

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table--responsive-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
