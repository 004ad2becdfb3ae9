/**
 * The extension API as the browser gives it, without webextension-polyfill: for the detector
 * (entrypoints/detector.ts, on every gov.cn page) and its second half (entrypoints/look.ts),
 * whose every kilobyte is compiled and run on pages that are mostly not reports. The polyfill
 * would be most of their size, and its set-up runs anew in each script that bundles it. The
 * one call they make, runtime.sendMessage, returns a promise natively in Chrome (MV3) and
 * Firefox. The checker, the overlay, the background and the extension's pages use the
 * polyfill (wxt/browser).
 */
import type { browser as Browser } from 'wxt/browser';

export type NativeApi = Pick<typeof Browser, 'runtime'>;

/** The browser's own API object (browser in Firefox, chrome in Chrome), or undefined outside an extension. */
export function nativeApi(): NativeApi | undefined {
  const scope = globalThis as unknown as { browser?: NativeApi; chrome?: NativeApi };
  return scope.browser ?? scope.chrome;
}
