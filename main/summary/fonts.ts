/**
 * The fonts embedded in summary PDFs: DejaVu Sans (free licence, wide Unicode coverage, so customer
 * names in Latin, Greek or Cyrillic scripts print), shipped from npm with the app.
 */
import { createRequire } from 'node:module';

// CommonJS bundles (the packaged app) have __filename; ESM (tsx, tests) has import.meta.url.
const requireHere = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);

export function summaryFontPaths(): { regular: string; bold: string } {
  return {
    regular: requireHere.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    bold: requireHere.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  };
}
