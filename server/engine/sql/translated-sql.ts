import { positionOfErrorContext, positionOfOffset, type SqlPosition } from "./sql-position";

/**
 * SQL text rewritten for DuckDB that remembers where each of its characters came from in the text
 * the user typed, so every error position (parser byte offsets, AST locations, a binder's `LINE n:`
 * context) is reported in the original text, whatever the rewrites inserted, removed or moved.
 */
export class TranslatedSql {
  private constructor(
    readonly original: string,
    readonly text: string,
    private readonly segments: readonly Segment[],
  ) {}

  static identity(sql: string): TranslatedSql {
    return new TranslatedSql(sql, sql, [{ at: 0, length: sql.length, origin: 0, linear: true }]);
  }

  /**
   * Applies non-overlapping edits of `original`. Zero-length edits insert, before whatever starts at
   * their offset; several at one offset keep their order.
   */
  static fromEdits(original: string, edits: readonly SqlEdit[]): TranslatedSql {
    const isInsert = (edit: SqlEdit) => (edit.end === edit.start ? 0 : 1);
    const ordered = edits
      .map((edit, index) => ({ edit, index }))
      .sort((a, b) => a.edit.start - b.edit.start || isInsert(a.edit) - isInsert(b.edit) || a.index - b.index);
    const segments: Segment[] = [];
    let text = "";
    let cursor = 0;
    const emit = (piece: string, origin: number, linear: boolean) => {
      if (piece.length === 0) return;
      segments.push({ at: text.length, length: piece.length, origin, linear });
      text += piece;
    };
    for (const { edit } of ordered) {
      if (edit.start < cursor) throw new Error(`overlapping SQL rewrites at offset ${edit.start}`);
      emit(original.slice(cursor, edit.start), cursor, true);
      for (const piece of edit.pieces) emit(piece.text, piece.origin, piece.linear ?? false);
      cursor = edit.end;
    }
    emit(original.slice(cursor), cursor, true);
    return new TranslatedSql(original, text, segments);
  }

  /** This translation rewritten once more: `edits` are edits of `this.text`; positions still map to the original. */
  withEdits(edits: readonly SqlEdit[]): TranslatedSql {
    if (edits.length === 0) return this;
    const next = TranslatedSql.fromEdits(this.text, edits);
    const segments: Segment[] = [];
    for (const segment of next.segments) {
      if (!segment.linear) {
        segments.push({ ...segment, origin: this.originalOffset(segment.origin) });
        continue;
      }
      // A copied stretch of this text may span several of this translation's segments.
      for (let k = 0; k < segment.length;) {
        const offset = segment.origin + k;
        const own = this.segmentAt(offset);
        const length = own ? Math.min(segment.length - k, own.at + own.length - offset) : segment.length - k;
        segments.push({ at: segment.at + k, length, origin: this.originalOffset(offset), linear: own?.linear ?? false });
        k += length;
      }
    }
    return new TranslatedSql(this.original, next.text, segments);
  }

  /** The offset in the original text of the character at `offset` of the translated text. */
  originalOffset(offset: number): number {
    const segment = this.segmentAt(offset);
    if (!segment) return this.original.length;
    return segment.linear ? segment.origin + (offset - segment.at) : segment.origin;
  }

  private segmentAt(offset: number): Segment | undefined {
    let low = 0;
    let high = this.segments.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const segment = this.segments[middle]!;
      if (offset < segment.at) high = middle - 1;
      else if (offset >= segment.at + segment.length) low = middle + 1;
      else return segment;
    }
    return undefined;
  }

  /** A UTF-8 byte offset into the translated text (what DuckDB's parser reports) as a position in the original. */
  positionOfByteOffset(byteOffset: number): SqlPosition {
    const offset = Buffer.from(this.text, "utf8").subarray(0, Math.max(0, byteOffset)).toString("utf8").length;
    return positionOfOffset(this.original, this.originalOffset(offset));
  }

  /** The position DuckDB's error context (`LINE n: …` and a caret) points at, in the original text. */
  positionOfErrorContext(message: string): SqlPosition | undefined {
    const translated = positionOfErrorContext(this.text, message);
    if (!translated) return undefined;
    const lineStart = this.text
      .split("\n")
      .slice(0, translated.line - 1)
      .reduce((sum, line) => sum + line.length + 1, 0);
    return positionOfOffset(this.original, this.originalOffset(lineStart + translated.column - 1));
  }
}

/** Replaces `original[start, end)` by the pieces (start = end inserts). */
export interface SqlEdit {
  start: number;
  end: number;
  pieces: SqlPiece[];
}

/**
 * Text put into the translation. An error inside it points at `origin`; with `linear`, its k-th
 * character points at `origin + k` (text copied or moved from the original).
 */
export interface SqlPiece {
  text: string;
  origin: number;
  linear?: boolean;
}

interface Segment {
  at: number;
  length: number;
  origin: number;
  linear: boolean;
}

export function replaceRange(start: number, end: number, text: string): SqlEdit {
  return { start, end, pieces: [{ text, origin: start, linear: text.length === end - start }] };
}

export function insertAt(offset: number, text: string): SqlEdit {
  return { start: offset, end: offset, pieces: [{ text, origin: offset }] };
}
