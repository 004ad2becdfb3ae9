/**
 * One agency, however its name is written: the key the library matches a report against last
 * year's report by. `平潭综合实验区管委会` and `平潭综合实验区`, `（试行）` and `(试行)`,
 * `XX县人民政府办公室` (which publishes the government's report) and `XX县人民政府` are one agency.
 */
import { normalize } from '../report/normalize.ts';

/**
 * Endings that name the same body in a longer or shorter way. Removed repeatedly, longest
 * first, so `…管理委员会办公室` comes down to `…`.
 */
const SAME_BODY_ENDINGS = ['管理委员会', '管委会', '办公室', '办公厅'];

/** The key of an agency's name (empty for an unknown agency: never matches anything). */
export function agencyKey(name: string | null | undefined): string {
  if (!name) return '';
  let key = normalize(name) // half-width brackets, simplified, no spaces
    .replace(/[()[\]<>《》〈〉"'·•,，.。:：;；、\-—_]/g, '')
    .replace(/^关于/, '')
    .replace(/^\d{4}年(?:度)?/, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const end of SAME_BODY_ENDINGS) {
      if (key.endsWith(end) && key.length > end.length + 1) {
        key = key.slice(0, -end.length);
        changed = true;
      }
    }
  }
  return key;
}
