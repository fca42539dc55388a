/**
 * A wide table on paper: printed as one table, a Task view of 100+ columns was cut at the
 * paper's edge. It prints instead in blocks of consecutive columns, each as wide as a page at
 * most and each with the row names again, one block after another (as spreadsheets print).
 */

/** Columns `start` (included) to `end` (excluded) of the table's shown columns. */
export interface ColumnBlock {
  readonly start: number;
  readonly end: number;
}

/**
 * Blocks of as many columns as fit in `width` beside the row names (`lead` wide), in order; a
 * column too wide to fit beside them gets a block of its own rather than none.
 */
export function columnBlocks(
  widths: readonly number[],
  lead: number,
  width: number,
): ColumnBlock[] {
  const blocks: ColumnBlock[] = [];
  let start = 0;
  let used = lead;
  widths.forEach((columnWidth, index) => {
    if (index > start && used + columnWidth > width) {
      blocks.push({ start, end: index });
      start = index;
      used = lead;
    }
    used += columnWidth;
  });
  blocks.push({ start, end: widths.length });
  return blocks;
}

/** A block's caption: the table's, and which of its columns the block holds when not all. */
export function blockCaption(caption: string, block: ColumnBlock, columns: number): string {
  if (block.start === 0 && block.end === columns) return caption;
  return `${caption} (columns ${block.start + 1}–${block.end} of ${columns})`;
}
