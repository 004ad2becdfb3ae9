/** What the command line makes of each input: its Analysis, or why it could not be read. */
import type { Unreadable } from '../utils/report/export.ts';
import type { Analysis } from '../utils/report/types.ts';

export type Failure = Unreadable;
export type Entry = Analysis | Failure;

export const failure = (source: string, e: unknown): Failure => ({ source, isReport: false, error: (e as Error)?.message || String(e) });
