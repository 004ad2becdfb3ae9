/** The compact format data equals the spec files (copied from shared/spec into the project). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { identities, T2_BLOCKS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, t3ResultDetailRows, type FormatId } from '../../utils/report/formats.ts';
import { RULES } from '../../utils/report/rules/index.ts';
import { FIXTURES } from '../helpers/load.ts';

const spec = (f: FormatId) => JSON.parse(readFileSync(`${FIXTURES}spec/schema-${f}.json`, 'utf8'));

describe.each(['2021', '2019'] as FormatId[])('format %s', (format) => {
  const s = spec(format);
  it('表三 rows and columns: ids, labels, match words', () => {
    expect(T3_ROWS[format].map((r) => r.id)).toEqual(s.tables.t3.rows.map((r: { id: string }) => r.id));
    expect(T3_ROWS[format].map((r) => r.label)).toEqual(s.tables.t3.rows.map((r: { label: string }) => r.label));
    expect(T3_COLUMNS.map((c) => [c.id, c.label])).toEqual(s.tables.t3.columns.map((c: { id: string; label: string }) => [c.id, c.label]));
    expect(t3ResultDetailRows(format).map((r) => r.id)).toEqual(s.identities.find((i: { id: string }) => i.id === 't3.result_total').rhs.map((x: string) => x.split('.')[1]));
  });
  it('表四 columns', () => {
    expect(T4_COLUMNS.map((c) => c.id)).toEqual(s.tables.t4.columns.map((c: { id: string }) => c.id));
  });
  it('表二 blocks, rows and columns', () => {
    const ours = T2_BLOCKS[format].map((b) => [b.id, b.rows.map((r) => [r.id, r.label]), b.columns.map((c) => [c.id, c.label])]);
    const theirs = s.tables.t2.blocks.map((b: { id: string; rows: { id: string; label: string }[]; columns: { id: string; label: string }[] }) => [b.id, b.rows.map((r) => [r.id, r.label]), b.columns.map((c) => [c.id, c.label])]);
    expect(ours).toEqual(theirs);
  });
  it('every identity of the spec is a rule', () => {
    const ids = RULES.map((r) => r.id);
    for (const i of s.identities) expect(ids).toContain(i.id);
  });
  it('identities(): the cells of every identity, expanded as the spec writes them, with unique check ids', () => {
    type SpecIdentity = { id: string; forEach?: Record<string, string[]>; lhs: string[]; rhs: string[] };
    const expand = (i: SpecIdentity) => {
      const [key, values] = Object.entries(i.forEach ?? { none: [''] })[0];
      return values.map((v) => ({
        rule: i.id,
        total: i.lhs.map((x) => x.replace(`{${key}}`, v)),
        parts: i.rhs.map((x) => x.replace(`{${key}}`, v)),
      }));
    };
    const ours = identities(format).map((i) => ({ rule: i.rule, total: i.total.cells, parts: i.parts.cells }));
    expect(ours).toEqual((s.identities as SpecIdentity[]).flatMap(expand));
    const checks = identities(format).map((i) => i.check);
    expect(new Set(checks).size).toBe(checks.length);
    for (const i of identities(format)) expect(i.where.zh + i.where.en).not.toMatch(/undefined/);
  });
});
