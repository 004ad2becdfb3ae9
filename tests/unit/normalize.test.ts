/**
 * normalize() is one pass over a table of code units (and a memo of short texts): it must give
 * exactly what its definition gives, the four character mappings applied in turn and then the
 * mirror pinyin dropped. The definition is written out here as the oracle. So are those of
 * toHalfWidth, toSimplified and looksTraditional, which have fast paths of their own.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksTraditional, matchingMap, normalize, normalizerWith, SIMPLIFIED, toHalfWidth, toSimplified, TRADITIONAL } from '../../utils/report/normalize.ts';
import { quickWords } from '../../utils/report/quickCheck.ts';
import { FIXTURES, readFixture } from '../helpers/load.ts';

const PINYIN = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)/g;
const afterHanzi = (text: string, at: number) => at > 0 && text.charCodeAt(at - 1) >= 0x4e00 && text.charCodeAt(at - 1) <= 0x9fff;
const simplifiedOf = new Map(Array.from(TRADITIONAL).map((t, i) => [t, Array.from(SIMPLIFIED)[i]]));
const halfWidth = (text: string) => text.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
const simplified = (text: string) => Array.from(text, (ch) => simplifiedOf.get(ch) ?? ch).join('');
function byDefinition(text: string): string {
  const s = simplified(halfWidth(text)).replace(/[\s\u00a0\u200b-\u200d\ufeff]+/g, '');
  const noPinyin = s.replace(PINYIN, (m, at: number, all: string) => (afterHanzi(all, at) ? '' : m));
  return noPinyin.replace(/[“”„‟"「」『』]/g, '"').replace(/[．]/g, '.').replace(/[〔【]/g, '[').replace(/[〕】]/g, ']');
}

describe('normalize', () => {
  it('maps every UTF-16 code unit as its definition does', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (normalize(ch) !== byDefinition(ch)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('gives what its definition gives on every line of every fixture, and on whole pages', () => {
    const files = ['seeds', 'shapes', 'html'].flatMap((dir) => readdirSync(FIXTURES + dir).map((f) => `${dir}/${f}`));
    let lines = 0;
    for (const file of files) {
      const text = readFixture(file);
      for (const line of text.split('\n')) {
        // Twice: the second answer comes from the memo of short texts.
        expect(normalize(line), `${file}: ${line.slice(0, 40)}`).toBe(byDefinition(line));
        expect(normalize(line)).toBe(byDefinition(line));
        lines++;
      }
      expect(normalize(text), file).toBe(byDefinition(text));
    }
    expect(lines).toBeGreaterThan(1000);
  });

  it('toHalfWidth, toSimplified and looksTraditional give what their definitions give', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (toHalfWidth(ch) !== halfWidth(ch) || toSimplified(ch) !== simplified(ch)) expect(c.toString(16)).toBe('the same');
    }
    const traditionalChar = new RegExp(`[${TRADITIONAL}]`, 'g');
    const looks = (text: string) => (text.slice(0, 4000).match(traditionalChar)?.length ?? 0) >= 5;
    const files = ['seeds', 'shapes', 'html'].flatMap((dir) => readdirSync(FIXTURES + dir).map((f) => `${dir}/${f}`));
    let yes = 0;
    for (const file of files) {
      const text = readFixture(file);
      expect(toHalfWidth(text)).toBe(halfWidth(text));
      expect(toSimplified(text)).toBe(simplified(text));
      // Windows of the page: the first 4000 characters of each count, and only those.
      for (let from = 0; from < text.length; from += 997) {
        const window = text.slice(from);
        expect(looksTraditional(window), `${file} from ${from}`).toBe(looks(window));
        if (looks(window)) yes++;
      }
    }
    expect(yes).toBeGreaterThan(10);
    expect(looksTraditional('開數請關係')).toBe(true);
    expect(looksTraditional('開數請關')).toBe(false);
    expect(looksTraditional('x'.repeat(3996) + '開數請關係')).toBe(false);
  });

  it('drops mirror pinyin only after a Chinese character, across removed spaces', () => {
    expect(normalize('主動(dòng) 公開（gōng）')).toBe('主动公开');
    expect(normalize('表 (a) 见下')).toBe('表见下');
    expect(normalize('(a)见下')).toBe('(a)见下');
    expect(normalize('「申請」　〔２０２１〕１号．')).toBe('"申请"[2021]1号.');
  });

  it('answers the same for a text seen before and after the memo is full', () => {
    const label = '（三）不予公開';
    expect(normalize(label)).toBe('(三)不予公开');
    for (let i = 0; i < 9000; i++) normalize(`第${i}行`);
    expect(normalize(label)).toBe('(三)不予公开');
    expect(normalize('第8999行')).toBe('第8999行');
  });
});

describe('normalizerWith (the quick check and the page walker)', () => {
  // Its definition: the whitespace removed, each character of the map replaced.
  const map = matchingMap([...quickWords(), '本年新收政府信息公开申请数量行政复议诉讼']);
  const escape = (c: string) => (c === '\\' || c === ']' || c === '^' || c === '-' ? `\\${c}` : c);
  const pattern = new RegExp(`[\\s\\u00a0\\u200b-\\u200d\\ufeff]+|[${[...map.keys()].map(escape).join('')}]`, 'g');
  const byDefinition = (text: string) => text.replace(pattern, (m) => map.get(m) ?? '');
  const fast = normalizerWith(map);

  it('maps every UTF-16 code unit as its definition does', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (fast(`a${ch}b`) !== byDefinition(`a${ch}b`)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('gives what its definition gives on every fixture page', () => {
    const files = ['seeds', 'shapes', 'html'].flatMap((dir) => readdirSync(FIXTURES + dir).map((f) => `${dir}/${f}`));
    for (const file of files) {
      const text = readFixture(file);
      expect(fast(text), file).toBe(byDefinition(text));
    }
  });
});
