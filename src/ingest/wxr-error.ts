// One error type for everything wrong with a WordPress export. `code` lets the caller word the
// message in Bulgarian or English; `message` is plain English for logs and the command line.

export type WxrErrorCode =
  | 'truncated'
  | 'malformed'
  | 'not-utf8'
  | 'not-wxr'
  | 'wxr-version'
  | 'bad-date'
  | 'bad-value'
  | 'missing-element'
  | 'duplicate-id'
  | 'unknown-parent-category'
  | 'category-cycle'
  | 'unknown-parent-comment'
  | 'duplicate-comment-id';

export interface WxrErrorPlace {
  /** One-based line of the file. */
  line: number;
  /** One-based column (characters; bytes for encoding errors). */
  column: number;
  /** The element concerned, as written in the export (wp:post_date_gmt, item, …). */
  element: string;
  /** Byte offset in the file, where known (encoding errors). */
  byteOffset?: number;
}

export class WxrError extends Error {
  readonly code: WxrErrorCode;
  readonly line: number;
  readonly column: number;
  readonly element: string;
  readonly byteOffset: number | undefined;

  constructor(code: WxrErrorCode, detail: string, place: WxrErrorPlace) {
    super(`Line ${place.line}, column ${place.column}, <${place.element}>: ${detail}`);
    this.name = 'WxrError';
    this.code = code;
    this.line = place.line;
    this.column = place.column;
    this.element = place.element;
    this.byteOffset = place.byteOffset;
  }
}
