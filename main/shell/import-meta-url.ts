/**
 * `import.meta.url` for the CommonJS bundle (dist/main/shell/app.cjs): esbuild injects this and
 * replaces `import.meta.url` with it (build:main's --inject and --define), so code written as ES
 * modules (fonts, the team database's migrations folder) finds its files in the bundle too, and
 * the build has no "import.meta is empty" warning.
 */
import { pathToFileURL } from 'node:url';

export const importMetaUrl = pathToFileURL(__filename).href;
