/** Copy the report's data: TSV+HTML for Excel/WPS, CSV, JSON (the data contract), Markdown. */
import { useState } from 'preact/hooks';
import { toCSV, toHTML, toJSON, toMarkdown, toTSV } from '../utils/report/export.ts';
import type { Analysis } from '../utils/report/types.ts';
import type { Messages } from '../utils/i18n.ts';
import type { ClipboardPayload } from '../utils/dom/clipboard.ts';

interface Props {
  analysis: Analysis;
  t: Messages;
  copy: (payload: ClipboardPayload) => Promise<void>;
}

export function CopyButtons({ analysis, t, copy }: Props) {
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (payload: () => ClipboardPayload, done: string) => {
    try {
      await copy(payload());
      setStatus({ ok: true, text: done });
    } catch (e) {
      setStatus({ ok: false, text: t.copyFailed((e as Error).message || String(e)) });
    }
  };
  return (
    <div class="grc-copy">
      <button type="button" data-copy="tsv" onClick={() => run(() => ({ text: toTSV(analysis), html: toHTML(analysis) }), t.copied)}>{t.copyTable}</button>
      <button type="button" data-copy="csv" onClick={() => run(() => ({ text: toCSV(analysis) }), t.copiedText)}>{t.copyCsv}</button>
      <button type="button" data-copy="json" onClick={() => run(() => ({ text: toJSON(analysis) }), t.copiedText)}>{t.copyJson}</button>
      <button type="button" data-copy="md" onClick={() => run(() => ({ text: toMarkdown(analysis) }), t.copiedText)}>{t.copyMd}</button>
      {status && (
        <p class={status.ok ? 'grc-ok' : 'grc-bad'} role="status">
          {status.text}
        </p>
      )}
    </div>
  );
}
