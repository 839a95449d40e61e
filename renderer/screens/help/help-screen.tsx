/**
 * The planners' guide to the workbook (docs/workbook.md, bundled as text when the renderer is
 * built), shown as a page. Markdown becomes React elements (no HTML is injected); raw HTML in the
 * file is not interpreted.
 */
import Markdown from 'markdown-to-jsx/react';
import guide from '../../../docs/workbook.md?raw';
import './help.css';

export function HelpScreen() {
  return (
    <section className="screen help-screen">
      <Markdown options={{ disableParsingRawHTML: true, forceBlock: true }}>{guide}</Markdown>
    </section>
  );
}
