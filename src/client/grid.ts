/**
 * The interactive score table: Tabulator (modular build, only the modules used) with a toolbar
 * for the model search, the column chooser, min–max range filters and the CSV download.
 *
 * Every name in the table is data: cells and headers are built as DOM text (a formatter that
 * returned a string would be written with innerHTML by Tabulator), tooltips are attributes.
 */

import {
  FilterModule,
  FormatModule,
  FrozenColumnsModule,
  ResizeTableModule,
  SortModule,
  Tabulator,
  type CellComponent,
  type ColumnDefinition,
  type RowComponent,
} from 'tabulator-tables';
import { cellDetail } from '../lib/site/cell-detail.ts';
import {
  findCell,
  keyTarget,
  movesCell,
  showsCell,
  showsWhole,
  type CellKey,
} from '../lib/site/grid-cursor.ts';
import { csvFileName, tableCsv } from '../lib/site/csv.ts';
import { chooserText } from '../lib/site/header-names.ts';
import { MISSING, formatScore } from '../lib/site/format.ts';
import type { CellMark } from '../lib/site/recompute.ts';
import {
  inRange,
  isActive,
  matchesSearch,
  parseBound,
  searchTerms,
  valueExtent,
  type Range,
} from '../lib/site/table-filter.ts';
import { announcer } from './announcer.ts';
import { CellRevealer } from './cell-reveal.ts';
import { debounce, h, setTitle, uniqueId } from './dom.ts';
import { downloadText } from './download.ts';
import {
  byModelThenRun,
  fieldOf,
  modelCell,
  modelWidth,
  runColumnDefinition,
  textNode,
} from './grid-cells.ts';
import {
  ariaSort,
  fillModelHeader,
  headerFonts,
  headerNode,
  widthFor,
  type HeaderFonts,
} from './grid-header.ts';
import type { GridColumn, GridOptions, GridRow } from './grid-types.ts';
import { menu } from './menu.ts';
import { printTables } from './print-table.ts';
import { keepRowInPlace } from './row-in-place.ts';
import { scrollBack, scrolledTo } from './scroll-back.ts';
import { stickHeaderUnderLine } from './sticky-line.ts';
import { mendGridRoles, setColumnWidth } from './tabulator-mends.ts';

Tabulator.registerModule([
  SortModule,
  FilterModule,
  FormatModule,
  FrozenColumnsModule,
  ResizeTableModule,
]);

const FILTERED_OUT = 'No models match the search and filters.';

/**
 * The windows narrower than 640 px, a phone's, as a media query whose changes the tables follow
 * (a phone turned sideways); a fractional width just under 640 (some zoom levels) is one too.
 * global.css gives the rest of the page its phone styles at the same line.
 */
const NARROW_WINDOW = '(max-width: 639.98px)';

/** A phone-sized window, where the frozen model column gets a narrow fixed width... */
function isNarrow(): boolean {
  return typeof window !== 'undefined' && window.matchMedia(NARROW_WINDOW).matches;
}

/** ...this one (at 360 px it leaves about half of the table to the values). */
const NARROW_MODEL_WIDTH = 170;

export class ScoreGrid {
  readonly element: HTMLElement;
  /** Resolves once Tabulator has built and rendered the table. */
  readonly ready: Promise<void>;
  private readonly options: GridOptions;
  private readonly table: Tabulator;
  private readonly hidden = new Set<number>();
  private readonly ranges = new Map<number, Range>();
  private rows: readonly GridRow[];
  private rowsById = new Map<number, GridRow>();
  private terms: string[] = [];
  private readonly count: HTMLElement;
  /** What the current cell is and why it is partial or empty (see cell-detail.ts). */
  private readonly detail: HTMLElement;
  /** Tabulator's table element, right below the line. */
  private readonly tableElement: HTMLElement;
  /** Lays the table's header out under the line again once the line's text changed. */
  private readonly lineChanged: () => void;
  /** What screen readers hear of the line, which is not live itself (see announcer.ts). */
  private readonly said = announcer();
  /**
   * The current cell, set by a click or tap and moved by the keyboard: by row id and column
   * index, so that it follows its row through sorts and filters. Null until one is chosen.
   */
  private current: CellKey | null = null;
  /** The cell element marked current (`aria-current`), once Tabulator has built it. */
  private marked: HTMLElement | null = null;
  /** Scrolls the current cell into view (cell-reveal.ts). */
  private readonly revealer: CellRevealer;
  private readonly emptyCell: HTMLElement;
  private rangeForm: HTMLElement | null = null;
  /** The column chooser's boxes, when the grid has one. */
  private readonly chooserBoxes: HTMLInputElement[] = [];
  private built = false;
  /** The table printed in place of the interactive one, while the page prints. */
  private printed: HTMLElement | null = null;
  /** Whether the table has a phone's layout (see isNarrow); it follows the window's width. */
  private narrow = isNarrow();
  /** Whether the run is shown in the model's cell rather than in a column of its own (a phone). */
  private runInModel: boolean;
  /** The model column's header button, where the table shows runs (see fillModelHeader). */
  private modelHeader: HTMLElement | null = null;
  /** Measures headers' text for their columns' widths (null where there is no canvas). */
  private readonly fonts: HeaderFonts | null;

  constructor(host: HTMLElement, options: GridOptions) {
    this.options = options;
    this.runInModel = options.showRun === true && this.narrow;
    for (const column of options.columns) {
      if (options.hidden?.has(column.index) === true) this.hidden.add(column.index);
    }
    this.rows = options.rows;
    this.count = h('span', { class: 'row-count muted', 'aria-live': 'polite' });
    const toolbar = h('div', { class: 'grid-toolbar' }, this.searchBox());
    if (options.chooser === true) toolbar.append(this.columnChooser());
    if (options.ranges === true) toolbar.append(this.rangeMenu());
    if (options.csvName !== undefined) toolbar.append(this.csvButton(options.csvName));
    toolbar.append(this.count);
    const tableElement = h('div', { class: 'grid-table', 'aria-label': options.label });
    this.tableElement = tableElement;
    // Shown in place of the rows when none is left: a row of one cell, so that the rows' group
    // always holds a row (Tabulator wraps it in a placeholder element of its own each time).
    this.emptyCell = h('div', { role: 'gridcell' }, this.emptyText());
    const emptyRow = h(
      'div',
      { class: 'tabulator-placeholder-contents', role: 'row' },
      this.emptyCell,
    );
    // Above the table, as on a phone the table fills the screen and a line below it is out of
    // sight. It sticks to the window's top while the table is scrolled past it, the table's header
    // below it (global.css, sticky-line.ts; see cell-reveal.ts). Screen readers hear it, once, from
    // the live region beside it (announcer.ts), and read that one in the page.
    this.detail = h('p', { class: 'cell-detail muted', 'aria-hidden': 'true' });
    this.rowsById = new Map(this.rows.map((row) => [row.id, row]));
    tableElement.addEventListener('click', (event) => this.clickCell(event.target));
    const said = this.said.element;
    this.element = h('div', { class: 'grid' }, toolbar, said, this.detail, tableElement);
    this.lineChanged = stickHeaderUnderLine(this.element, this.detail, tableElement);
    keepRowInPlace({
      grid: this.element,
      line: this.detail,
      table: tableElement,
      currentRow: () => this.marked?.closest<HTMLElement>('.tabulator-row') ?? null,
    });
    host.append(this.element);
    this.fonts = headerFonts(tableElement);
    this.table = new Tabulator(tableElement, {
      data: [...this.rows],
      columns: this.columnDefinitions(),
      index: 'id',
      layout: 'fitData',
      maxHeight: '70vh',
      renderVertical: 'virtual',
      // Wide tables (all task columns) render only the columns in view.
      renderHorizontal: options.columns.length > 40 ? 'virtual' : 'basic',
      placeholder: emptyRow,
      rowFormatter: (row: RowComponent) => {
        const data = row.getData() as GridRow;
        const element = row.getElement();
        element.classList.toggle('baseline', data.baseline);
        element.classList.toggle('reference', data.reference === true);
        // Which row a clicked cell is in (showDetail).
        element.dataset['row'] = String(data.id);
      },
    });
    this.revealer = new CellRevealer({
      table: this.table,
      tableElement,
      detail: this.detail,
      runColumn: () => this.runColumn,
    });
    this.ready = new Promise((resolve) => {
      this.table.on('tableBuilt', () => {
        const holder = mendGridRoles(tableElement);
        holder?.addEventListener('keydown', (event) => this.moveByKey(event, holder));
        this.built = true;
        this.table.setFilter((data: GridRow) => this.keeps(data));
        this.updateCount();
        // The window may have crossed the line while the table was built.
        this.followWindow();
        resolve();
      });
    });
    // Printed, Tabulator's box shows one screen of rows: a plain table stands in (print-table.ts).
    window.addEventListener('beforeprint', () => this.beforePrint());
    window.addEventListener('afterprint', () => this.afterPrint());
    // A phone turned sideways, or a window resized across the line, switches the layout.
    window.matchMedia(NARROW_WINDOW).addEventListener('change', () => this.followWindow());
    // Tabulator marks the sorted column's header anew at each sort: a hidden Run column's too.
    this.table.on('dataSorted', () => this.showRunSort());
    // Fired before the table's own row count is updated: count the rows it hands over.
    this.table.on('dataFiltered', (_filters, rows) => {
      this.updateCount(rows.length);
      this.writeDetail(rows);
    });
  }

  /** Replaces every row (recomputed scores, another reference); sort and filters stay. */
  async setRows(rows: readonly GridRow[]): Promise<void> {
    this.rows = rows;
    this.rowsById = new Map(rows.map((row) => [row.id, row]));
    // The current cell's values may have changed: the line says the new ones. A row that is no
    // longer there leaves no current cell.
    if (this.current !== null && !this.rowsById.has(this.current.row)) {
      this.current = null;
      this.markCell(null);
      this.setDetail('');
    }
    this.writeDetail();
    this.emptyCell.textContent = this.emptyText();
    await this.ready;
    await this.table.replaceData([...rows]);
    // The comparison's table is hidden while no model is picked.
    this.followWindow();
    // Other rows may have longer names (the compare page starts with one pick): the column grows
    // to fit them, and never shrinks, so that the values do not move as models come and go.
    const column = this.table.getColumn('model');
    const wanted = modelWidth(rows);
    if (!this.narrow && wanted > column.getWidth()) setColumnWidth(column, wanted);
    this.updateCount();
  }

  /** No rows at all is not the filters' doing: say what the view was given to say then. */
  private emptyText(): string {
    return this.rows.length === 0 ? (this.options.empty ?? FILTERED_OUT) : FILTERED_OUT;
  }

  /** The column indexes hidden now. */
  get hiddenColumns(): ReadonlySet<number> {
    return new Set(this.hidden);
  }

  /**
   * Lays the table out again after its panel was hidden, in the layout the window asks for now
   * (see followWindow).
   */
  redraw(): void {
    void this.ready.then(() => {
      // In place first: a table hidden has no rows in the page, and Tabulator draws the ones it
      // was scrolled to again, for followWindow to keep the first in view.
      this.table.redraw();
      this.followWindow();
    });
  }

  /** Whether the run has a frozen column of its own, beside the model's. */
  private get runColumn(): boolean {
    return this.options.showRun === true && !this.runInModel;
  }

  private modelColumnWidth(): number {
    return this.narrow ? NARROW_MODEL_WIDTH : modelWidth(this.rows);
  }

  private columnDefinitions(): ColumnDefinition[] {
    const { columns } = this.options;
    const leading: ColumnDefinition[] = [];
    // On a phone a frozen run column beside the model's left the values a sliver: the run goes
    // into the model's cell instead, so that every row still says whose values they are.
    if (this.runColumn) leading.push(runColumnDefinition());
    const showRun = this.options.showRun === true;
    leading.push({
      title: 'Model',
      field: 'model',
      frozen: true,
      width: this.modelColumnWidth(),
      // By run among rows of one model in either layout, so that a sort keeps its order when
      // the run moves into the model's cell or out of it.
      sorter: showRun ? byModelThenRun : 'string',
      formatter: (cell: CellComponent) => modelCell(cell, this.runInModel),
      titleFormatter: () => (showRun ? this.runModelHeader() : headerNode('Model', 'Model', true)),
    });
    // Flat columns, the language named above each label: Tabulator's column groups measure
    // every header one by one (forced layouts), far too slow with a hundred task columns.
    const body = columns.map((column) => this.valueColumn(column));
    return [...leading, ...body];
  }

  /** The model column's header where the table shows runs: one button, filled again as the run moves. */
  private runModelHeader(): HTMLElement {
    this.modelHeader ??= h('button', { type: 'button', class: 'col-title' });
    fillModelHeader(this.modelHeader, this.runInModel);
    return this.modelHeader;
  }

  /**
   * Switches the table to a phone's layout or a wider window's when the window crosses the line
   * (a phone turned sideways, a window resized): the model column's width and, where the table
   * shows runs, whether the run is in the model's cell. The rows, their sort and filters, the
   * hidden columns and the current cell stay, and so does the scroll. A table not shown (another
   * tab, or the comparison with no model picked) switches once it is shown again (redraw,
   * setRows): its rows are not laid out, so the one first in view could not be kept in view.
   */
  private followWindow(): void {
    const narrow = isNarrow();
    const holder = this.tableElement.querySelector<HTMLElement>(':scope > .tabulator-tableholder');
    if (!this.built || narrow === this.narrow || holder === null) return;
    if (holder.getClientRects().length === 0) return;
    this.narrow = narrow;
    const scrolled = scrolledTo(holder);
    if (this.options.showRun === true) this.moveRun(narrow);
    setColumnWidth(this.table.getColumn('model'), this.modelColumnWidth());
    // Names wrap to other heights: the rows are measured and drawn again.
    this.table.redraw();
    scrollBack(holder, scrolled);
  }

  /** Shows the run under the model's name (a phone) or in a frozen column of its own. */
  private moveRun(inModel: boolean): void {
    this.runInModel = inModel;
    const run = this.table.getColumns().find((column) => column.getField() === 'run');
    if (inModel) run?.hide();
    else if (run !== undefined) run.show();
    // A table built on a phone has none yet; adding one scrolls the rows to the top.
    else void this.table.addColumn(runColumnDefinition(), true, 'model');
    // The model's cells are built again, with the run or without.
    for (const row of this.table.getRows()) row.reformat();
    // The model's header, with the run or without, and the run's sort if it is hidden.
    this.showRunSort();
  }

  /**
   * Shows a sort by run on the model column's header while the run is in the model's cell (a
   * phone), where the Run column that Tabulator marks is hidden: the rows keep the order the
   * reader chose, and the header the run is shown under says it, its arrow and `aria-sort` with
   * it. A click on it sorts by model, as always.
   */
  private showRunSort(): void {
    if (this.modelHeader === null) return;
    const [first] = this.table.getSorters();
    const byRun = this.runInModel && first?.field === 'run' ? first.dir : null;
    fillModelHeader(this.modelHeader, this.runInModel, byRun !== null);
    const model = this.table.getColumn('model').getElement();
    if (byRun !== null) model.setAttribute('aria-sort', ariaSort(byRun));
    else if (first?.field !== 'model') model.setAttribute('aria-sort', 'none');
  }

  private valueColumn(column: GridColumn): ColumnDefinition {
    return {
      title: column.label,
      field: fieldOf(column.index),
      visible: !this.hidden.has(column.index),
      width: widthFor(column.label, column.group, this.fonts),
      hozAlign: 'right',
      headerHozAlign: 'right',
      headerWordWrap: true,
      sorter: 'number',
      sorterParams: { alignEmptyValues: 'bottom' },
      headerSortStartingDir: 'desc',
      titleFormatter: () => headerNode(column.label, column.title, true, column.group),
      formatter: (cell: CellComponent) => this.valueCell(cell, column.index),
    };
  }

  private valueCell(cell: CellComponent, index: number): HTMLElement {
    const row = cell.getData() as GridRow;
    const element = cell.getElement();
    // Cells are built again as rows come into view or are replaced: the current one stays marked.
    if (this.current?.row === row.id && this.current.column === index) this.markCell(element);
    const mark = this.markOf(row, index);
    element.classList.toggle('partial', mark.partial);
    setTitle(element, mark.note);
    if (this.options.look === undefined) return textNode(this.shownText(row, index));
    const look = this.options.look(row, index);
    element.style.backgroundColor = look.background ?? '';
    element.style.color = look.color ?? '';
    return textNode(look.text);
  }

  private markOf(row: GridRow, index: number): CellMark {
    return row.m?.[index] ?? this.options.mark(row, index);
  }

  /** A value cell's text, as the table shows it. */
  private shownText(row: GridRow, index: number): string {
    return this.options.look?.(row, index).text ?? formatScore(row.v[index]);
  }

  /**
   * A click or tap on a value cell makes it the current cell, and so says above the table what
   * it is and why it is partial or empty: the reason is otherwise in a tooltip, which touch
   * screens cannot open. A cell partly hidden (under the frozen columns, cut at the body's or the
   * window's edge, under the line and header stuck over the rows) is scrolled into view as a
   * key's is, as little as shows it; one in view stays where it is. The model's own cell changes
   * nothing.
   */
  private clickCell(target: EventTarget | null): void {
    if (!(target instanceof Element)) return;
    const cell = target.closest<HTMLElement>('.tabulator-cell');
    const field = cell?.getAttribute('tabulator-field') ?? '';
    const index = field.startsWith('v.') ? Number(field.slice(2)) : Number.NaN;
    const rowId = Number(cell?.closest<HTMLElement>('.tabulator-row')?.dataset['row']);
    const holder = cell?.closest<HTMLElement>('.tabulator-tableholder');
    if (cell == null || holder == null || !this.rowsById.has(rowId) || !this.hasColumn(index)) {
      return;
    }
    // A reveal still following an earlier key would scroll the view away from this cell.
    this.revealer.cancel();
    this.current = { row: rowId, column: index };
    this.markCell(cell);
    this.setDetail(this.describe(this.current));
    // Measured once the line says what the cell is: its new height may have moved the table.
    if (!showsWhole(cell.getBoundingClientRect(), this.revealer.sight(holder))) {
      void this.revealer.reveal(this.table.getRow(rowId), field, holder);
    }
  }

  private hasColumn(index: number): boolean {
    return this.options.columns.some((column) => column.index === index);
  }

  /** The detail line of a cell: what it is and why it is partial or empty. */
  private describe(key: CellKey): string {
    const row = this.rowsById.get(key.row);
    const column = this.options.columns.find((c) => c.index === key.column);
    if (row === undefined || column === undefined) return '';
    const index = column.index;
    const shown = this.shownText(row, index);
    const shows = this.options.csvShown?.text(row);
    return cellDetail({
      model: row.model,
      ...(this.options.showRun === true && row.run !== undefined ? { run: row.run } : {}),
      ...(column.group === undefined ? {} : { group: column.group }),
      label: column.label,
      shown,
      ...(shows === undefined ? {} : { shows }),
      empty: shown === MISSING,
      mark: this.markOf(row, index),
    });
  }

  /** Writes the line, and has it said, only when it changes: the same text is not said again. */
  private setDetail(text: string): void {
    this.said.say(text);
    if (this.detail.textContent === text) return;
    this.detail.textContent = text;
    this.lineChanged();
  }

  /**
   * The line describes the current cell while it is shown; a cell whose row was filtered out or
   * whose column was hidden is not, and the line is emptied (the next key brings the current cell
   * back to the nearest cell shown). `active`: the rows shown, when Tabulator hands them over.
   */
  private writeDetail(active?: readonly RowComponent[]): void {
    const key = this.current;
    if (key === null || !this.built) return;
    const rows = active ?? this.table.getRows('active');
    const shown =
      !this.hidden.has(key.column) && rows.some((row) => (row.getData() as GridRow).id === key.row);
    this.setDetail(shown ? this.describe(key) : '');
  }

  /** Marks `element` as the current cell (null: none), unmarking the one before. */
  private markCell(element: HTMLElement | null): void {
    if (this.marked !== element) this.marked?.removeAttribute('aria-current');
    element?.setAttribute('aria-current', 'true');
    this.marked = element;
  }

  /**
   * The table body's keys (it is the Tab stop): the arrow keys, Home, End (with Ctrl, the
   * table's first and last cell), Page Up and Page Down move the current cell over the value
   * columns shown, scroll it into view and say what it is; Space (and Shift+Space) does not
   * scroll the rows but brings the current cell back into view (see showsCell), and has the line
   * said again. The first arrow or Page key or Space, or the first after the cell's row was
   * filtered out or its column hidden, only shows where it is (see keyTarget). Without a row or a
   * column shown, the keys scroll as before.
   */
  private moveByKey(event: KeyboardEvent, holder: HTMLElement): void {
    if (event.target !== holder || event.altKey || event.metaKey) return;
    // Other Shift combinations stay the browser's, as do Alt and Meta ones (Alt+Left goes back).
    if (!(showsCell(event) || (movesCell(event) && !event.shiftKey))) return;
    const rows = this.table.getRows('active');
    const ids = rows.map((row) => (row.getData() as GridRow).id);
    const order = this.options.columns.map((column) => column.index);
    const shown = order.filter((index) => !this.hidden.has(index));
    if (ids.length === 0 || shown.length === 0) return;
    event.preventDefault();
    const current = this.current;
    const fallback =
      current === null || !ids.includes(current.row)
        ? this.revealer.placeInView(ids, shown, holder)
        : { row: 0, column: 0 };
    // Left from a column hidden since lands on the column before it, other keys on the next.
    const left = event.key === 'ArrowLeft';
    const found =
      current === null
        ? { place: fallback, exact: false }
        : findCell(current, ids, order, this.hidden, fallback.row, left);
    if (found === null) return;
    const size = { rows: ids.length, columns: shown.length, page: this.revealer.pageRows(holder) };
    const place = keyTarget(found, event, size);
    const row = rows[place.row];
    const id = ids[place.row];
    const column = shown[place.column];
    if (row === undefined || id === undefined || column === undefined) return;
    this.current = { row: id, column };
    this.markCell(row.getCell(fieldOf(column)).getElement());
    const text = this.describe(this.current);
    // Space asks where the current cell is: the line is said again when it says that already.
    if (showsCell(event) && text === this.detail.textContent) this.said.sayAgain();
    else this.setDetail(text);
    void this.revealer.reveal(row, fieldOf(column), holder);
  }

  private keeps(row: GridRow): boolean {
    if (!matchesSearch(row.model, this.terms)) return false;
    for (const [index, range] of this.ranges) {
      if (!this.hidden.has(index) && !inRange(row.v[index], range)) return false;
    }
    return true;
  }

  private refilter(): void {
    void this.ready.then(() => this.table.refreshFilter());
  }

  private updateCount(filtered?: number): void {
    if (!this.built) return;
    const shown = filtered ?? this.table.getDataCount('active');
    const total = this.rows.length;
    // Rows, not models: a run's table also holds its baselines.
    const rows = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;
    this.count.textContent = shown === total ? rows(total) : `${shown} of ${rows(total)}`;
  }

  private searchBox(): HTMLElement {
    const id = uniqueId('search');
    const input = h('input', {
      id,
      type: 'search',
      placeholder: 'Search by model name',
      autocomplete: 'off',
      spellcheck: 'false',
    });
    const apply = () => {
      this.terms = searchTerms(input.value);
      this.refilter();
    };
    const later = debounce(apply, 150);
    input.addEventListener('input', later);
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') apply();
    });
    input.title = 'Case-insensitive; separate alternatives with ;';
    return h('span', { class: 'field' }, h('label', { for: id }, 'Search'), input);
  }

  private columnChooser(): HTMLElement {
    const fieldset = h('fieldset', {}, h('legend', {}, 'Select Columns to Show'));
    for (const column of this.options.columns) {
      const box = h('input', { type: 'checkbox', checked: !this.hidden.has(column.index) });
      box.dataset['index'] = String(column.index);
      box.addEventListener('change', () => this.setHidden(column.index, !box.checked));
      this.chooserBoxes.push(box);
      const text = chooserText(column);
      fieldset.append(h('label', { class: 'check' }, box, ` ${text}`));
    }
    const all = h('button', { type: 'button' }, 'Show all');
    all.addEventListener('click', () => this.showAll());
    return menu('Columns', h('div', { class: 'menu-body' }, fieldset, all));
  }

  /**
   * Shows every column, as the chooser's Show all does; the comparison page also offers it while
   * no model is picked and so no table is shown.
   */
  showAll(): void {
    for (const box of this.chooserBoxes) box.checked = true;
    const wasHidden = [...this.hidden];
    this.hidden.clear();
    void this.ready.then(() => {
      // One layout for all the columns, not one per column.
      this.table.blockRedraw();
      for (const index of wasHidden) this.table.getColumn(fieldOf(index)).show();
      this.table.restoreRedraw();
    });
    this.afterHiddenChange();
  }

  private setHidden(index: number, hide: boolean): void {
    if (hide) this.hidden.add(index);
    else this.hidden.delete(index);
    void this.ready.then(() => {
      const column = this.table.getColumn(fieldOf(index));
      if (hide) column.hide();
      else column.show();
    });
    this.afterHiddenChange();
  }

  private afterHiddenChange(): void {
    this.refilter();
    this.writeDetail();
    this.options.onHiddenChange?.(new Set(this.hidden));
    if (this.rangeForm !== null) this.fillRangeForm(this.rangeForm);
  }

  private rangeMenu(): HTMLElement {
    const body = h('div', { class: 'menu-body ranges' });
    this.rangeForm = body;
    // Filled when opened, so the hints show the current data's extent.
    return menu('Filter by range', body, () => this.fillRangeForm(body));
  }

  private fillRangeForm(body: HTMLElement): void {
    body.replaceChildren(
      h(
        'p',
        { class: 'muted' },
        'Inclusive; an empty box does not filter. Missing values never match a set range.',
      ),
    );
    const grid = h(
      'div',
      { class: 'range-grid' },
      h('span', { class: 'range-head' }, 'Column'),
      h('span', { class: 'range-head' }, 'Min'),
      h('span', { class: 'range-head' }, 'Max'),
    );
    for (const column of this.options.columns) {
      if (this.hidden.has(column.index)) continue;
      const text = chooserText(column);
      const extent = valueExtent(this.rows.map((row) => row.v[column.index]));
      const current = this.ranges.get(column.index) ?? { min: null, max: null };
      const bound = (which: 'min' | 'max') => {
        const input = h('input', {
          type: 'number',
          step: 'any',
          inputmode: 'decimal',
          'aria-label': `${which === 'min' ? 'Minimum' : 'Maximum'} ${text}`,
          placeholder: extent === null ? '' : formatScore(extent[which]),
        });
        const value = current[which];
        if (value !== null) input.value = String(value);
        input.addEventListener(
          'input',
          debounce(() => this.setRange(column.index, which, parseBound(input.value)), 200),
        );
        return input;
      };
      grid.append(h('span', { class: 'range-label' }, text), bound('min'), bound('max'));
    }
    const clear = h('button', { type: 'button' }, 'Clear ranges');
    clear.addEventListener('click', () => {
      this.ranges.clear();
      this.refilter();
      this.fillRangeForm(body);
    });
    body.append(grid, clear);
  }

  private setRange(index: number, which: 'min' | 'max', value: number | null): void {
    const current = this.ranges.get(index) ?? { min: null, max: null };
    const next = { ...current, [which]: value };
    if (isActive(next)) this.ranges.set(index, next);
    else this.ranges.delete(index);
    this.refilter();
  }

  private csvButton(nameParts: readonly string[]): HTMLElement {
    const button = h('button', { type: 'button' }, 'Download CSV');
    button.addEventListener('click', () => {
      void this.ready.then(() => downloadText(this.csv(), csvFileName(...nameParts)));
    });
    return button;
  }

  /** The columns shown, in order. */
  private shownColumns(): GridColumn[] {
    return this.options.columns.filter((c) => !this.hidden.has(c.index));
  }

  /** The rows the search and filters keep, in the table's order. */
  private activeRows(): GridRow[] {
    return this.table.getData('active') as GridRow[];
  }

  /** Puts the table to print after the interactive one, which print styles hide (global.css). */
  private beforePrint(): void {
    this.afterPrint();
    // A table not built yet has no order to print; one in a tab not shown is not printed.
    if (!this.built || this.element.getClientRects().length === 0) return;
    const showRun = this.options.showRun === true;
    const columns = this.shownColumns();
    this.printed = printTables({
      caption: this.options.label,
      showRun,
      columns: columns.map(labelWithGroup),
      rows: this.activeRows().map((row) => ({
        model: row.model,
        run: row.run ?? '',
        baseline: row.baseline,
        limited: row.limited,
        reference: row.reference === true,
        cells: columns.map(({ index }) => ({
          text: this.shownText(row, index),
          partial: this.markOf(row, index).partial,
        })),
      })),
      empty: this.emptyText(),
    });
    this.tableElement.after(this.printed);
  }

  private afterPrint(): void {
    this.printed?.remove();
    this.printed = null;
  }

  /** The current view as CSV: filtered rows in their shown order, visible columns. */
  csv(): string {
    const columns = this.shownColumns();
    const rows = this.activeRows();
    const showRun = this.options.showRun === true;
    const shown = this.options.csvShown;
    const names = (row: GridRow) => (showRun ? [row.run ?? '', row.model] : [row.model]);
    return tableCsv(
      [...(showRun ? ['run', 'model'] : ['model']), ...(shown === undefined ? [] : [shown.header])],
      columns.map((c) => ({ label: labelWithGroup(c) })),
      rows.map((row) => ({
        text: shown === undefined ? names(row) : [...names(row), shown.text(row)],
        values: columns.map((c) =>
          shown === undefined ? (row.v[c.index] ?? null) : shown.value(row, c.index),
        ),
      })),
    );
  }
}

/** A column's label after its group (language), as a CSV header or a printed one names it. */
function labelWithGroup(column: GridColumn): string {
  return column.group === undefined ? column.label : `${column.group} ${column.label}`;
}
