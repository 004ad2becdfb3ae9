/**
 * On a page that lists annual reports: "检查本页列出的 N 份年报", which opens the library page's
 * list check (options.html?list=<this page>). Kept apart from the rest of the popup (its
 * owner is the ui work; this component belongs to the list check, issue 10).
 *
 * The page's links are read inside the tab by the same function the list check uses on a
 * fetched page (collectAnchors), and judged by the same reader (readListPage). Nothing is
 * fetched here: the popup only reads the open page, when the person opens the popup.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { collectAnchors, resolveBase } from '../../utils/fetch/anchors.ts';
import { isReportList, readListPage } from '../../utils/report/links.ts';

const label = (n: number, lang: 'zh' | 'en') => (lang === 'zh' ? `检查本页列出的 ${n} 份年报` : `Check the ${n} reports listed on this page`);

// The options page (the library) is another entrypoint; its path is not among this bundle's typed paths.
const optionsUrl = () => (browser.runtime.getURL as (path: string) => string)('/options.html');

/** `lang`: the popup's language (the settings' choice, else the browser's). */
export function ListOffer({ tabId, lang }: { tabId: number | undefined; lang: 'zh' | 'en' }) {
  const [offer, setOffer] = useState<{ url: string; count: number } | null>(null);
  useEffect(() => {
    if (tabId === undefined) return;
    void (async () => {
      const tab = await browser.tabs.get(tabId);
      if (!tab.url || !/^https?:/.test(tab.url)) return;
      const [frame] = await browser.scripting.executeScript({ target: { tabId }, func: collectAnchors });
      const found = frame?.result as ReturnType<typeof collectAnchors> | undefined;
      if (!found) return;
      const reading = readListPage(found.anchors, tab.url, { base: resolveBase(found.base, tab.url), scriptHints: found.scriptHints });
      if (isReportList(reading)) setOffer({ url: tab.url, count: reading.reports.length });
    })().catch(() => {
      // A page we may not read (no host permission, a browser page): no offer.
    });
  }, [tabId]);
  if (!offer) return null;
  const open = () => void browser.tabs.create({ url: `${optionsUrl()}?list=${encodeURIComponent(offer.url)}` }).then(() => window.close());
  return (
    <p class="grc-list-offer">
      <button type="button" data-list-offer={offer.count} onClick={open}>
        {label(offer.count, lang)}
      </button>
    </p>
  );
}
