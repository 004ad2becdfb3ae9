/**
 * Bytes → text in whatever charset gov.cn pages use: the BOM, then the declared charset (HTTP
 * header or <meta>), then strict UTF-8, and GB18030 (a superset of GBK and GB2312) when UTF-8
 * does not fit. Labels are resolved by TextDecoder itself (the WHATWG Encoding labels: gbk,
 * gb2312, x-gbk, utf8 … all work), so there is no alias table to keep.
 */
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
  const label = declared || meta;
  if (label) {
    let decoder: TextDecoder | undefined;
    try {
      decoder = new TextDecoder(label);
    } catch {
      // An unknown label: sniff the bytes below.
    }
    if (decoder && decoder.encoding !== 'utf-8') return { text: decoder.decode(bytes), charset: decoder.encoding };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), charset: 'gb18030' };
  }
}
