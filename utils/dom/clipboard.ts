/**
 * Puts text (and an HTML table beside it) on the clipboard. navigator.clipboard needs a secure
 * context, which an http:// gov.cn page is not; there, a copy event during execCommand('copy')
 * sets both types, inside the user's click.
 */
export interface ClipboardPayload {
  text: string;
  html?: string;
}

export async function copyToClipboard(payload: ClipboardPayload, doc: Document = document): Promise<void> {
  const win = doc.defaultView;
  if (win?.isSecureContext && win.navigator.clipboard) {
    try {
      if (payload.html && 'ClipboardItem' in win) {
        const item = new win.ClipboardItem({
          'text/plain': new Blob([payload.text], { type: 'text/plain' }),
          'text/html': new Blob([payload.html], { type: 'text/html' }),
        });
        await win.navigator.clipboard.write([item]);
      } else {
        await win.navigator.clipboard.writeText(payload.text);
      }
      return;
    } catch {
      // Denied (no focus, no permission): try the copy event below.
    }
  }
  let done = false;
  const onCopy = (e: ClipboardEvent) => {
    e.preventDefault();
    e.stopImmediatePropagation();
    e.clipboardData?.setData('text/plain', payload.text);
    if (payload.html) e.clipboardData?.setData('text/html', payload.html);
    done = true;
  };
  doc.addEventListener('copy', onCopy, true);
  try {
    doc.execCommand('copy');
  } finally {
    doc.removeEventListener('copy', onCopy, true);
  }
  if (!done) throw new Error('浏览器拒绝写入剪贴板');
}
