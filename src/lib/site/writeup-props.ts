/**
 * The props of the write-up components (`<ParetoPlot run="exp_a" x="SEA Avg" />`, …), checked
 * against the site's data at build time. A wrong name stops the build with a message that names
 * the write-up, the component and the prop, and lists what exists, e.g.
 *
 *   src/content/writeups/datamix.mdx: <ParetoPlot run="exp_x">: no run 'exp_x' (runs: exp_a, hero)
 *
 * Metrics accept a column id (`id_nlu`, `sea_total`) or what a reader calls the column
 * (`Indonesian nlu`, `SEA Avg`), case-insensitively when that is unambiguous. Pure.
 */

import { runSteps, type Checkpoint, type Checkpoints } from '../charts/checkpoints.ts';
import { columnTitle } from '../charts/columns.ts';
import { hyperparameterNamed } from '../charts/hyperparameters.ts';
import { paretoAxes, paretoRows } from './chart-choices.ts';
import { compareColumnOf } from './compare-data.ts';
import { metricId } from './metric-id.ts';
import { modelName } from './model-name.ts';
import { languageGroupNamed, languageGroups } from './column-groups.ts';
import type { Level, RunData } from './site-data.ts';

export class WriteupPropError extends Error {
  override name = 'WriteupPropError';
  constructor(message: string) {
    super(message);
    // Astro prints a render error's stack under its message: here, lines of the tool's own
    // code, which buried the one line that says what to fix in the write-up.
    this.stack = '';
  }
}

/** At most this many names are listed in a message; the rest are counted. */
const LISTED = 12;

function listed(names: readonly string[]): string {
  if (names.length === 0) return 'none';
  const shown = names.slice(0, LISTED).join(', ');
  return names.length > LISTED ? `${shown}, … ${names.length - LISTED} more` : shown;
}

function shownValue(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : `{${JSON.stringify(value)}}`;
}

/** Checks the props of one component in one write-up; every failure throws a WriteupPropError. */
export class PropChecker {
  readonly file: string;
  readonly component: string;

  constructor(file: string, component: string) {
    this.file = file;
    this.component = component;
  }

  /** `file: <Component prop="value">: problem`; `file: <Component>: problem` for an absent prop. */
  fail(prop: string, value: unknown, problem: string): never {
    const given = value === undefined ? '' : ` ${prop}=${shownValue(value)}`;
    throw new WriteupPropError(`${this.file}: <${this.component}${given}>: ${problem}`);
  }

  /**
   * Every prop given is one the component has: a misspelt prop (`sortt`) would otherwise be
   * dropped without a word. Astro's own `data-astro-*` attributes are not props.
   */
  known(props: object, names: readonly string[]): void {
    for (const [prop, value] of Object.entries(props)) {
      if (names.includes(prop) || prop.startsWith('data-astro')) continue;
      this.fail(prop, value, `unknown prop '${prop}' (props: ${names.join(', ')})`);
    }
  }

  /** A required text prop. */
  text(prop: string, value: unknown): string {
    if (typeof value !== 'string' || value === '') {
      const none = value === undefined ? '; none given' : '';
      this.fail(prop, value, `'${prop}' must be a non-empty text${none}`);
    }
    return value;
  }

  /** An optional text prop, such as `caption`: a number or a list would be shown as is. */
  optionalText(prop: string, value: unknown): string | undefined {
    if (value !== undefined && typeof value !== 'string') {
      this.fail(prop, value, `'${prop}' must be a text`);
    }
    return value;
  }

  /**
   * A prop the other props make meaningless (`lang` with the language view): it would be
   * dropped without a word, and the chart drawn would not be the one asked for.
   */
  unused(prop: string, value: unknown, why: string): void {
    if (value !== undefined) this.fail(prop, value, `'${prop}' ${why}`);
  }

  /** The second axis of a chart: `found` (its resolved id) must differ from the first's. */
  distinct(prop: string, value: unknown, found: string, first: string, firstProp: string): void {
    if (found === first) {
      this.fail(prop, value, `'${prop}' must differ from '${firstProp}' (both are ${first})`);
    }
  }

  /** A list that names at least one thing: an empty one would silently mean none. */
  list(prop: string, value: unknown, what: string): unknown[] {
    if (!Array.isArray(value) || value.length === 0) {
      this.fail(prop, value, `'${prop}' must be a list of one or more ${what}`);
    }
    return value;
  }

  /** A metric of the comparison scatter (`columns`: its lang-level columns); returns the id. */
  scatterMetric(
    columns: readonly { readonly id: string; readonly label: string }[],
    prop: string,
    value: unknown,
  ): string {
    const name = this.text(prop, value);
    const found = compareColumnOf(columns, name);
    if (found === null) {
      this.fail(
        prop,
        name,
        `no metric '${name}' (metrics: ${columns.map((c) => c.label).join(', ')})`,
      );
    }
    return found;
  }

  /** One of a fixed set of values; `fallback` when absent. */
  choice<T extends string>(prop: string, value: unknown, allowed: readonly T[], fallback: T): T {
    if (value === undefined) return fallback;
    const found = allowed.find((a) => a === value);
    if (found === undefined) {
      this.fail(prop, value, `'${prop}' must be one of ${allowed.join(', ')}`);
    }
    return found;
  }

  /** A boolean; false when absent. */
  flag(prop: string, value: unknown): boolean {
    if (value === undefined) return false;
    if (typeof value !== 'boolean') this.fail(prop, value, `'${prop}' must be true or false`);
    return value;
  }

  run<R extends Pick<RunData, 'key'>>(runs: readonly R[], value: unknown, prop = 'run'): R {
    const name = this.text(prop, value);
    const run = runs.find((r) => r.key === name);
    if (run === undefined) {
      this.fail(prop, name, `no run '${name}' (runs: ${listed(runs.map((r) => r.key))})`);
    }
    return run;
  }

  /**
   * ParetoPlot's axes: a given one as `metric` reads it, an absent one as the run page defaults
   * it (`paretoAxes`: SEA Avg against English, or a pair the run's models have values of, never
   * the metric of the other axis); the same
   * metric on both is refused.
   */
  paretoPlotAxes(
    run: Pick<RunData, 'key' | 'columns' | 'rows'>,
    x: unknown,
    y: unknown,
    step: Checkpoints,
  ): { readonly x: string; readonly y: string } {
    const wantedX = x === undefined ? null : this.metric(run, 'x', x);
    const wantedY = y === undefined ? null : this.metric(run, 'y', y);
    const axes = paretoAxes(run.columns, wantedX, wantedY, paretoRows(run.rows, step));
    this.distinct('y', y, axes.y, axes.x, 'x');
    return axes;
  }

  /** A metric column of the run: its id, or its reader's name; returns the column id. */
  metric(run: Pick<RunData, 'key' | 'columns'>, prop: string, value: unknown): string {
    const name = this.text(prop, value);
    const id = metricId(run, name);
    if (id === null) {
      const names = run.columns.filter((c) => c.level === 'lang').map((c) => columnTitle(c));
      this.fail(
        prop,
        name,
        `no metric '${name}' in run '${run.key}' (metrics: ${names.join(', ')}, or any competency or task column by id or name such as '${exampleName(run)}')`,
      );
    }
    return id;
  }

  /**
   * A language of the run at a level: its code (`id`, `ID`) or name (`Indonesian`), in any case
   * as languageGroupNamed reads them; returns the code.
   */
  language(
    run: Pick<RunData, 'key' | 'columns' | 'languages'>,
    level: Level,
    prop: string,
    value: unknown,
  ): string {
    const groups = languageGroups(run, level);
    if (value === undefined) {
      // Required only by the level asked for: say so, and what it may be.
      const names = groups.map((g) => `${g.name} (${g.code})`);
      this.fail(
        prop,
        value,
        `a ${level} view needs '${prop}', the language to show; none given (languages: ${listed(names)})`,
      );
    }
    const name = this.text(prop, value);
    const group = languageGroupNamed(groups, name);
    if (group === undefined) {
      const names = groups.map((g) => `${g.name} (${g.code})`);
      this.fail(
        prop,
        name,
        `no ${level} columns for language '${name}' in run '${run.key}' (languages: ${listed(names)})`,
      );
    }
    return group.code;
  }

  /** A hyperparameter read from the run's configuration names, in any case when that fits one. */
  hyperparameter(
    run: Pick<RunData, 'key'>,
    keys: readonly string[],
    prop: string,
    value: unknown,
  ): string {
    const name = this.text(prop, value);
    const key = hyperparameterNamed(keys, name);
    if (key === null) {
      this.fail(
        prop,
        name,
        `no hyperparameter '${name}' in run '${run.key}' (hyperparameters: ${listed(keys)})`,
      );
    }
    return key;
  }

  /** A model of the run: its name, or a baseline's config key (`gemma-3-4b`); returns the name. */
  model(
    run: Pick<RunData, 'key' | 'section' | 'baselines' | 'rows'>,
    prop: string,
    value: unknown,
  ): string {
    const name = this.text(prop, value);
    const found = modelName(run, name);
    if (found === null) {
      const models = run.rows.filter((r) => r.baseline === null).map((r) => r.model);
      this.fail(
        prop,
        name,
        `no model '${name}' in run '${run.key}' (baselines: ${listed(run.baselines)}; models: ${listed(models)})`,
      );
    }
    return found;
  }

  /** A checkpoint: `latest` or a step some model of the run has; `latest` when absent. */
  step(run: Pick<RunData, 'key' | 'rows'>, prop: string, value: unknown): Checkpoint {
    return value === undefined ? 'latest' : this.checkpoint(run, prop, value, ['latest']);
  }

  /** The Pareto's checkpoints: `all`, `latest` or a step some model of the run has. */
  checkpoints(run: Pick<RunData, 'key' | 'rows'>, prop: string, value: unknown): Checkpoints {
    return this.checkpoint(run, prop, value, ['latest', 'all']);
  }

  /** One of the `named` choices, or a step some model of the run has. */
  private checkpoint<N extends string>(
    run: Pick<RunData, 'key' | 'rows'>,
    prop: string,
    value: unknown,
    named: readonly N[],
  ): N | number {
    const name = named.find((n) => n === value);
    if (name !== undefined) return name;
    // Text only as digits: Number('') is 0, which would pick step 0 for an empty prop.
    const step =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && /^\d+$/.test(value)
          ? Number(value)
          : NaN;
    const steps = runSteps(run.rows);
    if (!steps.includes(step)) {
      this.fail(
        prop,
        value,
        `no step ${value === '' ? "''" : String(value)} in run '${run.key}' (steps: ${named.join(', ')}, ${listed(steps.map(String))})`,
      );
    }
    return step;
  }

  /**
   * Models across runs for the comparison scatter: each a `{ run, model }` object, a model name
   * found in exactly one run, or `run:model`. Returns the pairs.
   */
  models(
    runs: readonly Pick<RunData, 'key' | 'rows'>[],
    prop: string,
    value: unknown,
  ): { readonly run: string; readonly model: string }[] {
    if (value === undefined) return [];
    // An empty list would highlight none without a word, as if the models were left out.
    const items = this.list(prop, value, "models (names, 'run:model' or { run, model })");
    return items.map((item: unknown) => this.oneModel(runs, prop, item));
  }

  private oneModel(
    runs: readonly Pick<RunData, 'key' | 'rows'>[],
    prop: string,
    item: unknown,
  ): { readonly run: string; readonly model: string } {
    const has = (run: Pick<RunData, 'rows'>, model: string) =>
      run.rows.some((r) => r.model === model);
    if (typeof item === 'object' && item !== null && 'run' in item && 'model' in item) {
      const { run: runName, model } = item as { run: unknown; model: unknown };
      const run = this.run(runs, runName, `${prop}[].run`);
      const name = this.text(`${prop}[].model`, model);
      if (!has(run, name)) this.fail(prop, item, `no model '${name}' in run '${run.key}'`);
      return { run: run.key, model: name };
    }
    if (typeof item !== 'string' || item === '') {
      this.fail(prop, item, `each model must be a name, 'run:model' or { run, model }`);
    }
    const holders = runs.filter((run) => has(run, item));
    const only = holders[0];
    if (holders.length === 1 && only !== undefined) return { run: only.key, model: item };
    if (holders.length > 1) {
      this.fail(
        prop,
        item,
        `model '${item}' is in several runs (${holders.map((r) => r.key).join(', ')}): write 'run:model'`,
      );
    }
    const at = item.indexOf(':');
    const run = at > 0 ? runs.find((r) => r.key === item.slice(0, at)) : undefined;
    const model = item.slice(at + 1);
    if (run !== undefined && has(run, model)) return { run: run.key, model };
    this.fail(
      prop,
      item,
      `no model '${item}' in any run (runs: ${listed(runs.map((r) => r.key))})`,
    );
  }
}

function exampleName(run: Pick<RunData, 'columns'>): string {
  const column = run.columns.find((c) => c.level === 'competency') ?? run.columns[0];
  return column === undefined ? 'Indonesian nlu' : columnTitle(column);
}
