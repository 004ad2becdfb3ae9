/**
 * Settings: sites where the extension stays off, sites beyond *.gov.cn (each asked for as an
 * optional permission when added), the publication deadlines, the language, the panel.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  getSettings, normalizeHost, releaseSite, requestSite, saveSettings, syncExtraSites, type Language, type Settings,
} from '../../utils/settings.ts';
import type { Words } from './words.ts';

const S = {
  zh: {
    disabled: '在这些网站上停用', disabledHelp: '每行一个网站（如 www.example.gov.cn），其下级域名一并停用。',
    extra: 'gov.cn 以外的网站', extraHelp: '添加时浏览器会请求访问该网站的权限；只在你添加的网站上运行。',
    add: '添加', remove: '移除', denied: '未获得该网站的访问权限，未添加。', invalid: '不是有效的网站地址。',
    active: '已授权', inactive: '未授权',
    deadlines: '公开时限', department: '政府部门年报', government: '人民政府年报',
    deadlineHelp: '《政府信息公开条例》第四十九条：部门 1月31日前，政府 3月31日前（次年）；本地要求更早时可改。格式：月-日，如 01-31。',
    language: '界面语言', auto: '跟随浏览器', panel: '在年报页面上自动展开面板', saved: '已保存',
  },
  en: {
    disabled: 'Turned off on these sites', disabledHelp: 'One site per line (e.g. www.example.gov.cn); its subdomains too.',
    extra: 'Sites beyond gov.cn', extraHelp: 'Adding a site asks the browser for access to it; the extension runs only on sites you add.',
    add: 'Add', remove: 'Remove', denied: 'Access to the site was not granted; not added.', invalid: 'Not a valid site address.',
    active: 'granted', inactive: 'not granted',
    deadlines: 'Publication deadlines', department: 'Departments’ reports', government: 'Governments’ reports',
    deadlineHelp: 'Regulations art. 49: departments by 31 January, governments by 31 March of the following year; set earlier local deadlines here. Format: MM-DD.',
    language: 'Language', auto: 'Follow the browser', panel: 'Open the panel on report pages', saved: 'Saved',
  },
};

export function SettingsTab({ w, onLanguage }: { w: Words; onLanguage: (l: Language) => void }) {
  const s = w.tabs.settings === '设置' ? S.zh : S.en;
  const [settings, setSettings] = useState<Settings | null>(null);
  const [granted, setGranted] = useState<string[]>([]);
  const [newSite, setNewSite] = useState('');
  const [note, setNote] = useState('');
  const [disabledText, setDisabledText] = useState('');

  useEffect(() => {
    void getSettings().then(async (x) => {
      setSettings(x);
      setDisabledText(x.disabledSites.join('\n'));
      setGranted(await syncExtraSites(x).catch(() => []));
    });
  }, []);
  if (!settings) return null;

  const save = async (change: Partial<Settings>) => {
    const next = await saveSettings({ ...settings, ...change });
    setSettings(next);
    setNote(s.saved);
    return next;
  };
  const addSite = async () => {
    const host = normalizeHost(newSite);
    if (!host) return setNote(s.invalid);
    // The permission prompt must come straight from the click.
    const ok = await requestSite(host).catch(() => false);
    if (!ok) return setNote(s.denied);
    const next = await save({ extraSites: [...settings.extraSites, host] });
    setGranted(await syncExtraSites(next));
    setNewSite('');
  };
  const removeSite = async (host: string) => {
    const next = await save({ extraSites: settings.extraSites.filter((h) => h !== host) });
    await releaseSite(host);
    setGranted(await syncExtraSites(next));
  };

  return (
    <section class="settings">
      <fieldset>
        <legend>{s.disabled}</legend>
        <p class="help">{s.disabledHelp}</p>
        <textarea rows={4} value={disabledText} onInput={(e) => setDisabledText(e.currentTarget.value)}
          onBlur={() => void save({ disabledSites: disabledText.split(/\s+/) }).then((n) => setDisabledText(n.disabledSites.join('\n')))} data-setting="disabledSites" />
      </fieldset>
      <fieldset>
        <legend>{s.extra}</legend>
        <p class="help">{s.extraHelp}</p>
        <ul>
          {settings.extraSites.map((h) => (
            <li key={h} data-site={h}>
              {h} <span class="muted">（{granted.includes(h) ? s.active : s.inactive}）</span>
              <button type="button" onClick={() => void removeSite(h)}>{s.remove}</button>
            </li>
          ))}
        </ul>
        <form onSubmit={(e) => { e.preventDefault(); void addSite(); }}>
          <input type="text" placeholder="www.example.com" value={newSite} onInput={(e) => setNewSite(e.currentTarget.value)} data-setting="newSite" />
          <button type="submit">{s.add}</button>
        </form>
      </fieldset>
      <fieldset>
        <legend>{s.deadlines}</legend>
        <p class="help">{s.deadlineHelp}</p>
        <label>{s.department} <input type="text" size={6} pattern="\d{2}-\d{2}" value={settings.deadlines.department}
          onChange={(e) => void save({ deadlines: { ...settings.deadlines, department: e.currentTarget.value.trim() } })} data-setting="department" /></label>
        {' '}
        <label>{s.government} <input type="text" size={6} pattern="\d{2}-\d{2}" value={settings.deadlines.government}
          onChange={(e) => void save({ deadlines: { ...settings.deadlines, government: e.currentTarget.value.trim() } })} data-setting="government" /></label>
      </fieldset>
      <fieldset>
        <legend>{s.language}</legend>
        <select value={settings.language} onChange={(e) => { const l = e.currentTarget.value as Language; void save({ language: l }); onLanguage(l); }} data-setting="language">
          <option value="auto">{s.auto}</option>
          <option value="zh">中文</option>
          <option value="en">English</option>
        </select>
      </fieldset>
      <fieldset>
        <label><input type="checkbox" checked={settings.panelOpen} onChange={(e) => void save({ panelOpen: e.currentTarget.checked })} data-setting="panelOpen" /> {s.panel}</label>
      </fieldset>
      {note && <p class="note" role="status">{note}</p>}
    </section>
  );
}
