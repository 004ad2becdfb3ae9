/**
 * Copy the report's data: every table as TSV + HTML (pastes into Excel/WPS as cells), one
 * table ("复制本表"), the data row (one row per report, the command line's CSV columns, as
 * TSV so it pastes as cells), JSON (the data contract), Markdown. Copied data never has
 * grouped digits.
 */
import { useState } from 'preact/hooks';
import { toDataSetTSV, toHTML, toJSON, toMarkdown, toTableHTML, toTableTSV, toTSV } from '../utils/report/export.ts';
import { TABLE_IDS } from '../utils/report/formats.ts';
import type { Analysis } from '../utils/report/types.ts';
import type { Messages } from '../utils/i18n.ts';
import type { ClipboardPayload } from '../utils/dom/clipboard.ts';
import { TABLE_NAMES } from '../utils/report/labels.ts';

interface Props {
  analysis: Analysis;
  t: Messages;
  copy: (payload: ClipboardPayload) => Promise<void>;
  /** The reports whose data rows 复制数据行 copies (every report of the tab); default this one. */
  rows?: Analysis[];
  /** Show a 复制本表 button per table read. */
  perTable?: boolean;
}

export function CopyButtons({ analysis, t, copy, rows, perTable }: Props) {
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (payload: () => ClipboardPayload, done: string) => {
    try {
      await copy(payload());
      setStatus({ ok: true, text: done });
    } catch (e) {
      setStatus({ ok: false, text: t.copyFailed((e as Error).message || String(e)) });
    }
  };
  const tables = TABLE_IDS.filter((id) => analysis.tables[id].found);
  return (
    <div class="grc-copy">
      {perTable &&
        tables.map((id) => (
          <button type="button" key={id} data-copy={`table-${id}`} onClick={() => run(() => ({ text: toTableTSV(analysis, id), html: toTableHTML(analysis, id) }), t.copied)}>
            {t.copyThisTable(TABLE_NAMES[id][t.lang])}
          </button>
        ))}
      <button type="button" data-copy="tsv" onClick={() => run(() => ({ text: toTSV(analysis), html: toHTML(analysis) }), t.copied)}>{t.copyAll}</button>
      <button type="button" data-copy="row" onClick={() => run(() => ({ text: toDataSetTSV(rows ?? [analysis]) }), t.copied)}>{t.copyRow}</button>
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
