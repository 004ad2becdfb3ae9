/**
 * The person's settings, in storage.local under `grc:settings` (small, read by the background
 * on every page and by the options page; storage.local syncs nowhere). Versioned: `migrate`
 * brings any older or partial object up to the current shape, so a setting added later never
 * breaks a stored one.
 */
import { browser } from 'wxt/browser';

export const SETTINGS_KEY = 'grc:settings';
export const SETTINGS_VERSION = 1;

export type Language = 'auto' | 'zh' | 'en';

export interface Deadlines {
  /** 条例 第四十九条: departments publish by 1月31日 of the following year (MM-DD). */
  department: string;
  /** Governments' reports by 3月31日 of the following year (MM-DD). */
  government: string;
}

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Host names where the extension does nothing (the background does not inject the checker). */
  disabledSites: string[];
  /** Sites beyond *.gov.cn the person added (host names); each needs its optional permission granted. */
  extraSites: string[];
  deadlines: Deadlines;
  /** The interface's language: follow the browser, or 中文 / English. */
  language: Language;
  /** Whether the overlay's panel starts open on a report (otherwise only the pill shows). */
  panelOpen: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  disabledSites: [],
  extraSites: [],
  deadlines: { department: '01-31', government: '03-31' },
  language: 'auto',
  panelOpen: false,
};

const MM_DD = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Any stored value (older version, partial, hand-edited, garbage) → valid current settings. */
export function migrateSettings(stored: unknown): Settings {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Partial<Settings> & Record<string, unknown>;
  const hosts = (v: unknown) => (Array.isArray(v) ? [...new Set(v.filter((x): x is string => typeof x === 'string').map(normalizeHost).filter(Boolean))] : []);
  const date = (v: unknown, fallback: string) => (typeof v === 'string' && MM_DD.test(v) ? v : fallback);
  const d = (s.deadlines ?? {}) as Partial<Deadlines>;
  return {
    version: SETTINGS_VERSION,
    disabledSites: hosts(s.disabledSites),
    extraSites: hosts(s.extraSites),
    deadlines: {
      department: date(d.department, DEFAULT_SETTINGS.deadlines.department),
      government: date(d.government, DEFAULT_SETTINGS.deadlines.government),
    },
    language: s.language === 'zh' || s.language === 'en' ? s.language : 'auto',
    panelOpen: typeof s.panelOpen === 'boolean' ? s.panelOpen : DEFAULT_SETTINGS.panelOpen,
  };
}

/** `https://www.Example.com/a` or `www.example.com` → `www.example.com` ('' when not a host). */
export function normalizeHost(input: string): string {
  const t = input.trim().toLowerCase();
  if (!t) return '';
  try {
    const host = new URL(t.includes('://') ? t : `https://${t}`).hostname;
    return /^[a-z0-9.-]+\.[a-z0-9-]+$/.test(host) ? host.replace(/^\*\./, '') : '';
  } catch {
    return '';
  }
}

/** Whether `host` is `site` or below it (settings name sites; pages are on subdomains). */
export function hostMatches(host: string, site: string): boolean {
  return host === site || host.endsWith(`.${site}`);
}

export function isDisabledOn(settings: Settings, url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return settings.disabledSites.some((s) => hostMatches(host, s));
}

/** The match pattern an extra site's permission and content script use (`*.host` covers host itself). */
export const sitePattern = (host: string) => `*://*.${host}/*`;

export async function getSettings(): Promise<Settings> {
  const got = await browser.storage.local.get(SETTINGS_KEY);
  return migrateSettings(got[SETTINGS_KEY]);
}

export async function saveSettings(settings: Settings): Promise<Settings> {
  const clean = migrateSettings(settings);
  await browser.storage.local.set({ [SETTINGS_KEY]: clean });
  return clean;
}

export async function updateSettings(change: (s: Settings) => Partial<Settings>): Promise<Settings> {
  const now = await getSettings();
  return saveSettings({ ...now, ...change(now) });
}

/** Calls back with the new settings whenever they change (any page of the extension). */
export function onSettingsChanged(callback: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) callback(migrateSettings(changes[SETTINGS_KEY].newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/* ------------------------------------------------------------------ extra sites */

/** The id of our dynamic content-script registration for the sites a person added. */
const EXTRA_SITES_SCRIPT = 'grc-extra-sites';
/** The detector's file in the build (wxt.config.ts lists it for *.gov.cn). */
const DETECTOR_FILE = 'detector.js';

/**
 * Ask for the host permission of a site (must run in a click handler: browsers grant optional
 * permissions only on a user gesture). Never asked at install: the manifest lists all sites as
 * optional_host_permissions only.
 */
export function requestSite(host: string): Promise<boolean> {
  return browser.permissions.request({ origins: [sitePattern(host)] });
}

/**
 * Register the detector on the added sites whose permission was granted (and unregister it from
 * the others), the same way the manifest registers it on *.gov.cn. Returns the hosts active.
 */
export async function syncExtraSites(settings: Settings): Promise<string[]> {
  const granted: string[] = [];
  for (const host of settings.extraSites) {
    if (await browser.permissions.contains({ origins: [sitePattern(host)] })) granted.push(host);
  }
  const scripting = browser.scripting;
  if (!scripting?.registerContentScripts) return granted;
  const existing = await scripting.getRegisteredContentScripts({ ids: [EXTRA_SITES_SCRIPT] });
  if (existing.length) await scripting.unregisterContentScripts({ ids: [EXTRA_SITES_SCRIPT] });
  if (granted.length) {
    await scripting.registerContentScripts([
      { id: EXTRA_SITES_SCRIPT, matches: granted.map(sitePattern), js: [DETECTOR_FILE], allFrames: true, runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  return granted;
}

/** Give back a removed site's permission (nothing is kept that is not used). */
export async function releaseSite(host: string): Promise<void> {
  await browser.permissions.remove({ origins: [sitePattern(host)] }).catch(() => false);
}
