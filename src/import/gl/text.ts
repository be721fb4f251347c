// The text of a general-ledger export, one line at a time: decoded as `decode.ts` does (UTF-8
// with or without BOM, UTF-16, Windows-1252), plus the old DOS code page 850 that French FEC
// writers still use (`é` as 0x82): a file that is not UTF-8 and whose high bytes fall mostly in
// 0x80–0x9F (letters in 850, rare punctuation in 1252) is read as 850.
import { decodeText, type TextEncoding } from '../decode';

// Code page 850, bytes 0x80–0xFF.
const CP850 =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0';

function looksDos(bytes: Uint8Array): boolean {
  let low = 0;
  let high = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b >= 0x80 && b < 0xa0) low++;
    else if (b >= 0xc0) high++;
  }
  return low > high;
}

function decodeCp850(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 1 << 16;
  for (let at = 0; at < bytes.length; at += CHUNK) {
    let s = '';
    const end = Math.min(bytes.length, at + CHUNK);
    for (let i = at; i < end; i++) {
      const b = bytes[i] as number;
      s += b < 0x80 ? String.fromCharCode(b) : (CP850[b - 0x80] as string);
    }
    parts.push(s);
  }
  return parts.join('');
}

export function decodeGlText(bytes: Uint8Array): { text: string; encoding: TextEncoding | 'ibm850' } {
  const decoded = decodeText(bytes);
  if (decoded.encoding === 'windows-1252' && looksDos(bytes)) return { text: decodeCp850(bytes), encoding: 'ibm850' };
  return decoded;
}

/** Visits every line of the text (without its CR/LF) with its 1-based number. */
export function eachLine(text: string, visit: (line: string, lineNo: number) => void): void {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lineNo = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const line = text.charCodeAt(end - 1) === 13 ? text.slice(pos, end - 1) : text.slice(pos, end);
    visit(line, ++lineNo);
    pos = end + 1;
  }
}

/** A field as written, without padding and without the quotes some writers put around it. */
export function fieldText(raw: string | undefined): string {
  const t = (raw ?? '').trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"').trim() : t;
}
