/**
 * What the store shows before anyone installs the extension: its name and description in each
 * language, within Chrome's limits (a longer description is refused when the package is
 * uploaded), and the description says what the network sees (issue 10, item 7).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '../../public/_locales');
const locales = readdirSync(dir);
const messages = (locale: string) => JSON.parse(readFileSync(join(dir, locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;

describe('store text', () => {
  it.each(locales)('%s: name within 75 characters, description within 132', (locale) => {
    const m = messages(locale);
    expect([...m.extName.message].length).toBeLessThanOrEqual(75);
    expect([...m.extDescription.message].length).toBeLessThanOrEqual(132);
  });

  it('the description says only the pages asked for are fetched, only from their sites', () => {
    expect(messages('zh_CN').extDescription.message).toMatch(/只获取您要求核对的页面.*只从这些页面所在的网站获取.*不向其他任何地方发送数据/);
    expect(messages('en').extDescription.message).toMatch(/Fetches only pages you ask to check, only from their sites\. Sends nothing out\./);
  });
});
