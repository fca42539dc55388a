/**
 * Why a file (a result file, the config) is not UTF-8 text, said so that its owner can fix it:
 * UTF-16 (what Windows tools such as PowerShell's `>` write) is named, and other bytes (Latin-1,
 * say) are placed. Runs only for a file already found unreadable, so it costs nothing on good
 * files.
 */

const UTF16_BOMS: readonly (readonly [number, number, string])[] = [
  [0xff, 0xfe, 'UTF-16 little-endian'],
  [0xfe, 0xff, 'UTF-16 big-endian'],
];

const SAVE_AS_UTF8 = 'save it as UTF-8';

/** The UTF-16 encoding whose byte order mark the bytes start with, or undefined. */
function utf16ByBom(bytes: Uint8Array): string | undefined {
  return UTF16_BOMS.find(([a, b]) => bytes[0] === a && bytes[1] === b)?.[2];
}

/** The reason for bytes that are not valid UTF-8. */
export function notUtf8Reason(bytes: Uint8Array): string {
  const utf16 = utf16ByBom(bytes);
  if (utf16 !== undefined) {
    return `the file is ${utf16} text (it starts with that byte order mark), not UTF-8; ${SAVE_AS_UTF8}`;
  }
  const at = firstInvalidByte(bytes);
  if (at === null) return 'the file is not valid UTF-8 text';
  const hex = (bytes[at] ?? 0).toString(16).padStart(2, '0');
  return `the file is not valid UTF-8 text: byte 0x${hex} at line ${lineOf(bytes, at)} (byte ${at}) starts no UTF-8 character (Latin-1 or another legacy encoding?); ${SAVE_AS_UTF8}`;
}

/**
 * Where the first byte that breaks UTF-8 is, as a line and a column in characters (the text
 * before it on its line is valid); null where no single byte can be named (a BOM, or an
 * overlong or surrogate form).
 */
export function notUtf8Position(bytes: Uint8Array): { line: number; col: number } | null {
  if (utf16ByBom(bytes) !== undefined) return null;
  const at = firstInvalidByte(bytes);
  if (at === null) return null;
  const lineStart = bytes.lastIndexOf(0x0a, at - 1) + 1;
  const before = new TextDecoder().decode(bytes.subarray(lineStart, at));
  return { line: lineOf(bytes, at), col: before.length + 1 };
}

/**
 * UTF-16 text without a byte order mark: ASCII in UTF-16 is valid UTF-8 (each character is
 * followed or preceded by a zero byte), so only its text gives it away. Null when it does not
 * look so.
 */
export function utf16WithoutBomReason(text: string): string | null {
  const zeros = [text.charCodeAt(0), text.charCodeAt(1)].filter((c) => c === 0).length;
  return zeros === 1
    ? `the file looks like UTF-16 text without a byte order mark (a zero byte beside each character), not UTF-8; ${SAVE_AS_UTF8}`
    : null;
}

/**
 * The offset of the first byte that breaks UTF-8's structure (a byte no character starts with,
 * or a character cut short); null when the structure holds (an overlong or surrogate form,
 * which isUtf8 also refuses, is not placed).
 */
function firstInvalidByte(bytes: Uint8Array): number | null {
  for (let at = 0; at < bytes.length;) {
    const length = sequenceLength(bytes[at] ?? 0);
    if (length === 0) return at;
    for (let next = 1; next < length; next++) {
      if (((bytes[at + next] ?? 0) & 0xc0) !== 0x80) return at;
    }
    at += length;
  }
  return null;
}

/** Bytes of the UTF-8 sequence a lead byte starts; 0 for a byte that starts none. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let at = 0; at < offset; at++) if (bytes[at] === 0x0a) line++;
  return line;
}
