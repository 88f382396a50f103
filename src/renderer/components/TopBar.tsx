import type { ReactNode } from 'react';

/** The bar across the top: name, search, and the app-wide buttons. */
export function TopBar({ children }: { children: ReactNode }) {
  return (
    <header className="top-bar">
      <div className="top-bar__brand">
        <span className="top-bar__logo" aria-hidden="true" />
        <span className="top-bar__name">Shoebox</span>
      </div>
      {children}
    </header>
  );
}
