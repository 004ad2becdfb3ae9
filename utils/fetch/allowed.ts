/**
 * Which pages the extension may fetch: http(s) pages on *.gov.cn, and on the sites a person
 * added in the settings (the browser then holds an optional host permission for them, which
 * is what `hasPermission` asks). Nothing else is ever requested.
 */

/** True for gov.cn and any of its subdomains (www.shanghai.gov.cn), never for gov.cn.example.com. */
export function isGovCn(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
    const host = u.hostname.toLowerCase().replace(/\.$/, '');
    return host === 'gov.cn' || host.endsWith('.gov.cn');
  } catch {
    return false;
  }
}

/** The origin pattern a host permission is asked and checked for: `https://example.org/*`. */
export function originPattern(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}

/**
 * A check for fetchPage: gov.cn at once, other sites only when the browser holds a host
 * permission for them (granted when the person added the site).
 */
export function allowedSites(hasPermission: (origin: string) => Promise<boolean>): (url: string) => Promise<boolean> {
  return async (url) => {
    if (isGovCn(url)) return true;
    const origin = originPattern(url);
    return origin !== null && (await hasPermission(origin).catch(() => false));
  };
}
