/** The logo: four tiles of a mosaic (a tessera is one tile, and a Roman admission token). */
export function TesseraMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <rect x="3" y="3" width="12" height="12" rx="2.5" fill="currentColor" />
      <rect x="17" y="3" width="12" height="12" rx="2.5" fill="currentColor" opacity="0.55" />
      <rect x="3" y="17" width="12" height="12" rx="2.5" fill="currentColor" opacity="0.55" />
      <rect x="17" y="17" width="12" height="12" rx="2.5" fill="currentColor" opacity="0.25" />
    </svg>
  );
}
