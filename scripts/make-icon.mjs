/**
 * `npm run icons`: draws build/icon.png (1024 × 1024) from renderer/public/favicon.svg, the one
 * source image of every icon: the window's favicon, and through electron-builder the macOS .icns,
 * the Windows .ico and the Linux sizes. Uses the Chromium the tests use (CHROMIUM_PATH, else
 * /usr/bin/chromium). The result is committed, so building installers needs no browser.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SIZE = 1024;
const svg = readFileSync(new URL('../renderer/public/favicon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${src}" width="${SIZE}" height="${SIZE}" style="display:block"></body></html>`);
  await page.locator('img').evaluate((img) => img.decode());
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: SIZE, height: SIZE } });
  writeFileSync(new URL('../build/icon.png', import.meta.url), png);
  console.log(`build/icon.png: ${SIZE} × ${SIZE} from renderer/public/favicon.svg`);
} finally {
  await browser.close();
}
