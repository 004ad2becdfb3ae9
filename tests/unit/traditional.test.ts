/**
 * The traditional → simplified pairs of normalize.ts, held to OpenCC (a maintained converter,
 * a dev dependency only: the engine ships its own small table). A pair must be aligned, and
 * its traditional character must be one that simplified Chinese never writes: a pair such as
 * 著→着 would rewrite 显著 and make simplified text look traditional.
 */
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { looksTraditional, normalize, SIMPLIFIED, TRADITIONAL } from '../../utils/report/normalize.ts';
import { readFixture, seedText } from '../helpers/load.ts';

const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' });
const fromHongKong = OpenCC.Converter({ from: 'hk', to: 'cn' });
const traditional = Array.from(TRADITIONAL);
const simplified = Array.from(SIMPLIFIED);

describe('traditional → simplified pairs', () => {
  it('are aligned: one simplified character for each traditional one, no character twice', () => {
    expect(simplified).toHaveLength(traditional.length);
    expect(new Set(traditional).size).toBe(traditional.length);
    traditional.forEach((t, i) => expect(t, `pair ${i}`).not.toBe(simplified[i]));
  });

  it('each pair is what OpenCC converts, from Taiwan and from Hong Kong writing alike', () => {
    const wrong = traditional
      .map((t, i) => ({ t, s: simplified[i], tw: fromTaiwan(t), hk: fromHongKong(t) }))
      .filter(({ s, tw, hk }) => tw !== s || hk !== s);
    expect(wrong).toEqual([]);
  });

  it('no traditional entry is a character simplified text also writes (著, 覆, 瞭, 甦)', () => {
    for (const c of ['著', '覆', '瞭', '甦']) expect(traditional, c).not.toContain(c);
    expect(normalize('显著提高，全面覆盖，瞭望，甦醒')).toBe('显著提高,全面覆盖,瞭望,甦醒');
    expect(looksTraditional('显著提高，全面覆盖，瞭望塔，甦醒，著作权。')).toBe(false);
  });

  it('covers every traditional character of the traditional fixtures (繼, 張 …)', () => {
    const pages = [seedText('002'), readFixture('shapes/mirror-pinyin.txt'), readFixture('html/seed-002-guizhou-2019-traditional.html')];
    const missing = new Set<string>();
    for (const page of pages) {
      for (const c of new Set(Array.from(page))) {
        if (!/[\u4e00-\u9fff]/.test(c) || traditional.includes(c)) continue;
        const s = fromTaiwan(c);
        if (s !== c && fromHongKong(c) === s) missing.add(c);
      }
    }
    expect([...missing]).toEqual([]);
    expect(normalize('繼續張貼')).toBe('继续张贴');
  });
});
