/**
 * The prose: the six section headings, each section's text, and the facts a sentence states
 * that the tables also hold (收到申请N件, 行政复议N件, 予以公开及部分公开N件 …).
 */
import { SECTIONS, type SectionDef } from './formats.ts';
import { normalize } from './normalize.ts';

/**
 * （一）予以公开 and not （二）部分公开 or 不予公开: 予以公开 not after 不 (不予以公开) or 部分
 * (部分予以公开). One place for the tables' row label, the flattened reader and the prose.
 */
export const GRANTED = /(?<!不|部分)予以公开/;
/** A label of the row （一）予以公开 (a merged cell may hold 三、本年度办理结果 before it). */
export const isGrantedLabel = (label: string) => GRANTED.test(label) && !label.includes('部分公开') && !label.includes('不予');

export interface Line {
  /** The page's own text of the paragraph. */
  text: string;
  /** Its matching form (see normalize). */
  norm: string;
  /** Index of the block it came from, to place tables between headings. */
  blockIndex: number;
}

export interface SectionHit {
  id: SectionDef['id'];
  ordinal: string;
  title: string;
  lineIndex: number;
  blockIndex: number;
  /** The heading as written on the page. */
  heading: string;
}

const HEADING_MAX = 60;

/**
 * Each section's title as the formats and real reports write it (matching form), without its
 * ordinal: what the heading is exactly, not a keyword near it. Used to cut a page written on
 * one line at its headings, and to take a heading whose ordinal a mirror dropped
 * (`、主动公开政府信息情况`). Older reports' wordings are here too (一、概述 …), and the typo
 * 行政法复议 seen on a real page.
 */
export const SECTION_TITLES: Record<SectionDef['id'], string> = {
  s1: '总体情况|概述|(?:政府信息公开工作的?)?基本情况',
  s2: '主动公开政府信息的?情况',
  s3: '收到和处理政府信息公开申请的?情况|依申请公开政府信息的?情况',
  s4: '(?:政府信息公开)?行政法?复议[、和及与]行政诉讼的?情况|因政府信息公开申请(?:提起)?行政复议[、和及与](?:提起)?行政诉讼的?情况',
  s5: '(?:政府信息公开工作)?存在的?主要问题(?:及|和|与)改进(?:情况|措施)',
  s6: '其他需要报告的事项',
};
const EXACT_TITLE = new RegExp(`^(?:${Object.values(SECTION_TITLES).join('|')})`);

/** The section a line is the heading of, if any: `三、收到和处理政府信息公开申请情况`. */
export function headingOf(norm: string): SectionDef | undefined {
  if (norm.length > HEADING_MAX) return undefined;
  // A mirror dropped the ordinal: 、主动公开政府信息情况 (only the exact title counts then).
  if (norm.startsWith('、') && EXACT_TITLE.test(norm.slice(1))) {
    return SECTIONS.find((s) => new RegExp(`^(?:${SECTION_TITLES[s.id]})`).test(norm.slice(1)));
  }
  for (const s of SECTIONS) {
    if (!norm.startsWith(s.ordinal)) continue;
    const rest = norm.slice(1);
    if (!/^[、.,:]/.test(rest)) continue;
    const head = rest.slice(1, 30);
    if (s.keywords.some((k) => head.includes(k))) return s;
  }
  return undefined;
}

/** The sub-topics of 一、总体情况 in the format: （一）主动公开 … （五）监督保障. */
const OPENING_TOPIC = /\(([一二三四五])\)(?:主动公开|依申请公开|政府信息管理|(?:政府信息公开)?平台建设|监督保障)/g;

/** How many of the standard sub-topics stand under 一、总体情况 (the opening of a report). */
export function openingTopics(lines: Line[], sections: SectionHit[]): number {
  const own = sectionLines(lines, sections, 's1');
  if (!own) return 0;
  const seen = new Set<string>();
  let chars = 0;
  for (const l of own) {
    if ((chars += l.norm.length) > 20_000) break;
    for (const m of l.norm.matchAll(OPENING_TOPIC)) seen.add(m[1]);
  }
  return seen.size;
}

/** The first heading of each section, in the order they stand on the page. */
export function findSections(lines: Line[]): SectionHit[] {
  const hits: SectionHit[] = [];
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    const s = headingOf(line.norm);
    if (s && !seen.has(s.id)) {
      seen.add(s.id);
      hits.push({ id: s.id, ordinal: s.ordinal, title: s.title, lineIndex: i, blockIndex: line.blockIndex, heading: line.text.trim() });
    }
  });
  return hits;
}

/** The lines of one section: after its heading, up to the next heading; null without a heading. */
export function sectionLines(lines: Line[], sections: SectionHit[], id: SectionDef['id']): Line[] | null {
  const hit = sections.find((s) => s.id === id);
  if (!hit) return null;
  const after = sections.filter((s) => s.lineIndex > hit.lineIndex).map((s) => s.lineIndex);
  const end = after.length ? Math.min(...after) : lines.length;
  return lines.slice(hit.lineIndex + 1, end);
}

/** The text of one section, as written on the page. */
export function sectionText(lines: Line[], sections: SectionHit[], id: SectionDef['id']): string | null {
  return sectionLines(lines, sections, id)?.map((l) => l.text).join('\n') ?? null;
}

/** The section a block stands in (the last heading before it). */
export function sectionAt(sections: SectionHit[], blockIndex: number): SectionDef['id'] | undefined {
  let id: SectionDef['id'] | undefined;
  for (const s of sections) if (s.blockIndex < blockIndex) id = s.id;
  return id;
}

/* ------------------------------------------------------------------ facts in the prose */

export type FactKind =
  | 'newReceived'
  | 'carriedOver'
  | 'carryForward'
  | 'resultTotal'
  | 'review'
  | 'reviewMaintained'
  | 'litigation'
  | 'reviewAndLitigation'
  | 'granted'
  | 'partial'
  | 'grantedOrPartial'
  | 'denied'
  | 'unable'
  | 'notProcessed'
  | 'otherProcessing';

export interface Fact {
  kind: FactKind;
  value: number;
  /** The sentence as written, for the message. */
  sentence: string;
}

interface FactPattern {
  kind: FactKind;
  re: RegExp;
  /** Only in sentences about applications (依申请), where the pattern alone is too loose. */
  needs?: RegExp;
  /** Skip a match whose own text contains this. */
  unless?: RegExp;
  /** A fixed value for "none" statements (未收到…申请 → 0). */
  zero?: boolean;
}

const N = '(\\d+)';
/** Cases are counted in 件 or 起 (行政复议36起). */
const CASES = '(?:件|起)';
// Order matters: a span taken by an earlier pattern is not read again by a later one
// (予以公开及部分公开258件 is one fact, not also 部分公开258件).
const FACT_PATTERNS: FactPattern[] = [
  { kind: 'reviewAndLitigation', re: new RegExp(`行政复议(?:和|及|与|、|或)行政诉讼(?:案件)?(?:共)?${N}${CASES}`, 'g') },
  { kind: 'newReceived', re: new RegExp(`本年(?:度)?(?:共)?新收[^。;]{0,20}?${N}件`, 'g') },
  { kind: 'newReceived', re: new RegExp(`(?:收到|受理|新收)(?:的|了)?(?:各类)?${N}件(?:政府信息公开|信息公开|依申请公开)?申请`, 'g') },
  { kind: 'newReceived', re: new RegExp(`(?:收到|受理)[^。;,]{0,14}?申请[^。;,]{0,6}?${N}(?:件|条)`, 'g'), unless: /结转|复议|诉讼|办结|答复/ },
  { kind: 'newReceived', re: /(?:未|没有)(?:收到|受理)[^。;,]{0,10}?申请/g, zero: true },
  { kind: 'carriedOver', re: new RegExp(`上年(?:度)?结转[^。;]{0,20}?${N}件`, 'g') },
  { kind: 'carriedOver', re: new RegExp(`(?:含|包括)(?:\\d{4}年(?:度)?|上(?:一)?年(?:度)?)结转${N}件`, 'g') },
  { kind: 'carryForward', re: new RegExp(`结转(?:至)?下(?:一)?年度[^。;]{0,12}?${N}件`, 'g') },
  { kind: 'carryForward', re: new RegExp(`${N}件(?:申请)?结转(?:至)?下(?:一)?年度`, 'g') },
  { kind: 'resultTotal', re: new RegExp(`(?:办结|答复|办理|处理)[^。;]{0,12}?${N}件`, 'g'), needs: /申请/, unless: /复议|诉讼|结转|收到|受理|建议|提案|不予处理|其他处理/ },
  { kind: 'review', re: new RegExp(`行政复议[^,。、;]{0,10}?${N}${CASES}`, 'g'), unless: /诉讼/ },
  // 行政复议7件，均获维持: the number upheld. Only 均获维持 itself is taken (the count stays a 'review' fact).
  { kind: 'reviewMaintained', re: new RegExp(`(?<=行政复议(?:案件)?(?:共)?${N}(?:件|起)[^。;]{0,30}?)(?:均|全部)(?:获|被|予以|得到)?维持`, 'g'), unless: /诉讼/ },
  { kind: 'litigation', re: new RegExp(`行政诉讼[^,。、;]{0,10}?${N}${CASES}`, 'g') },
  { kind: 'grantedOrPartial', re: new RegExp(`(?:予以公开|全部公开)(?:及|和|与|、)部分公开(?:的)?(?:共)?${N}件`, 'g') },
  { kind: 'granted', re: new RegExp(`${GRANTED.source}(?:的)?(?:共)?${N}件`, 'g') },
  { kind: 'partial', re: new RegExp(`部分公开(?:的)?(?:共)?${N}件`, 'g') },
  { kind: 'denied', re: new RegExp(`不予公开(?:的)?(?:共)?${N}件`, 'g') },
  { kind: 'unable', re: new RegExp(`无法提供(?:的)?(?:共)?${N}件`, 'g') },
  { kind: 'notProcessed', re: new RegExp(`不予处理(?:的)?(?:共)?${N}件`, 'g') },
  { kind: 'otherProcessing', re: new RegExp(`其他处理(?:的)?(?:共)?${N}件`, 'g') },
];

/** How much prose the fact reader reads; what lies beyond is reported as not checked (proseBeyondCap). */
export const MAX_PROSE = 200_000;

/** The facts stated in the prose, sentence by sentence, up to MAX_PROSE characters. */
export function extractFacts(lines: Line[]): Fact[] {
  const facts: Fact[] = [];
  let budget = MAX_PROSE;
  for (const line of lines) {
    if ((budget -= line.norm.length) < 0) break;
    // Sentences end at 。；; and at line ends. Work on the matching form, quote the original.
    const sentences = line.norm.split(/(?<=[。;!?])/);
    for (const sentence of sentences) {
      if (!/\d[件起]|未|没有/.test(sentence)) continue;
      const taken: [number, number][] = [];
      for (const p of FACT_PATTERNS) {
        if (p.needs && !p.needs.test(sentence)) continue;
        p.re.lastIndex = 0;
        for (let m = p.re.exec(sentence); m; m = p.re.exec(sentence)) {
          const start = m.index;
          const end = start + m[0].length;
          if (taken.some(([a, b]) => start < b && end > a)) continue;
          if (p.unless && p.unless.test(m[0])) continue;
          taken.push([start, end]);
          facts.push({ kind: p.kind, value: p.zero ? 0 : Number(m[1]), sentence });
        }
      }
    }
  }
  return facts;
}

/** True when the page's prose is longer than the fact reader reads: the rest was not checked. */
export function proseBeyondCap(lines: Line[]): boolean {
  let chars = 0;
  for (const line of lines) if ((chars += line.norm.length) > MAX_PROSE) return true;
  return false;
}

/** Lines from the page's text blocks. */
export function toLines(texts: { text: string; blockIndex: number }[]): Line[] {
  return texts.map(({ text, blockIndex }) => ({ text, norm: normalize(text), blockIndex }));
}
