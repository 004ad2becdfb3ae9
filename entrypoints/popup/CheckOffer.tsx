/**
 * On a page where no report was found: "检查此页", which has the whole page read and checked
 * now. The detector does not read a page whose title and metadata hold no 报
 * (mayBeNamedReport in utils/dom/names.ts): a report under a site's name, or under
 * 详细信息, is checked when a person asks. Offered only for a page the extension may read
 * (the tab's address is visible to it only then).
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Messages } from '../../utils/i18n.ts';
import type { CheckTabMessage, FrameReport } from '../../utils/messages.ts';

type State = 'hidden' | 'offer' | 'checking' | 'none' | 'failed';

/** `onReports`: the tab's reports, once the check has found any. */
export function CheckOffer({ tabId, t, onReports }: { tabId: number | undefined; t: Messages; onReports: (frames: FrameReport[]) => void }) {
  const [state, setState] = useState<State>('hidden');
  useEffect(() => {
    if (tabId === undefined) return;
    void browser.tabs.get(tabId).then(
      (tab) => tab.url && /^https?:/.test(tab.url) && setState('offer'),
      () => {},
    );
  }, [tabId]);
  if (state === 'hidden' || tabId === undefined) return null;
  const check = async () => {
    setState('checking');
    const message: CheckTabMessage = { type: 'grc:check-tab', tabId };
    const frames = (await browser.runtime.sendMessage(message).catch(() => null)) as FrameReport[] | null;
    if (!frames) return setState('failed');
    if (frames.length) return onReports(frames);
    setState('none');
  };
  return (
    <div class="check-offer" data-check-offer={state}>
      {state === 'offer' && (
        <>
          <p>
            <button type="button" data-check-page onClick={() => void check()}>
              {t.checkPage}
            </button>
          </p>
          <p class="hint">{t.checkPageHint}</p>
        </>
      )}
      {state === 'checking' && <p role="status">{t.checkingPage}</p>}
      {state === 'none' && <p role="status">{t.checkedNotReport}</p>}
      {state === 'failed' && <p role="status">{t.checkFailed}</p>}
    </div>
  );
}
