/**
 * Bytes → text in whatever charset gov.cn pages use: the BOM, then the <meta> charset, then
 * strict UTF-8, and GB18030 (a superset of GBK and GB2312) when UTF-8 does not fit.
 */
const ALIASES: Record<string, string> = { gb2312: 'gb18030', gbk: 'gb18030', 'x-gbk': 'gb18030', 'utf8': 'utf-8' };

export class NotTextError extends Error {}

export function decodeBytes(bytes: Uint8Array, declared?: string | null): { text: string; charset: string } {
  const head = bytes.subarray(0, 4096);
  // NUL bytes do not occur in text: a binary file (PDF, image, zip).
  if (head.includes(0) && !(head[0] === 0xff && head[1] === 0xfe) && !(head[0] === 0xfe && head[1] === 0xff)) {
    throw new NotTextError('不是文本或 HTML 文件（含二进制内容）');
  }
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8' };
  if (head[0] === 0xff && head[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), charset: 'utf-16le' };
  if (head[0] === 0xfe && head[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), charset: 'utf-16be' };
  const ascii = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(ascii)?.[1];
  const wanted = (declared || meta || '').toLowerCase();
  const charset = ALIASES[wanted] ?? wanted;
  if (charset && charset !== 'utf-8') {
    try {
      return { text: new TextDecoder(charset).decode(bytes), charset };
    } catch {
      // An unknown label: fall through to sniffing.
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), charset: 'gb18030' };
  }
}
