/**
 * Whether a regular expression from the config can backtrack for too long on a name.
 *
 * JavaScript's engine backtracks and has no time limit, and step and hyperparameter patterns
 * run on every folder and configuration name: a pattern such as `(a+)+x` takes exponential
 * time on a long name that does not match, and the run would hang. V8's linear-time engine is
 * no way out: it is experimental and behind a V8 flag that Node refuses in NODE_OPTIONS, so
 * every process that reads names (the CLI, its worker threads, an Astro build started by
 * astro itself) would have to be started with it or set it at run time with
 * v8.setFlagsFromString, which Node's docs call unsafe; and it takes no backreference. So such
 * patterns are refused when the config loads, with a message that names the repetition.
 *
 * The check follows the backtracking engine's own graph: each character a pattern can read is
 * a position, and a repetition adds edges from its last positions back to its first ones (the
 * Glushkov automaton, keeping edges that two constructs add twice, as the engine tries both).
 * - Exponential: some position can come back to itself along two different paths that read
 *   the same text, e.g. `(a+)+`, `(a|a)*`, `(\w+_)*` (`\w` reads `_`). Found exactly for this
 *   graph, on the graph of pairs of positions that read a common character.
 * - Polynomial: three repetitions in a row that can each take the same text (`.*a.*a.*b`);
 *   with the search from each start, a name of n characters costs n^4 steps, too much at 255.
 *   Two are allowed (`LR(.*)_GBS(.*)`). This part over-approximates: what lies between two
 *   repetitions must read characters both can take, but it need not be one text.
 * Bounded repetitions are unrolled; above four copies they count as unbounded. Lookarounds are
 * checked as patterns of their own; a backreference reads what a group read, one way only.
 */
import { printable } from '../printable.ts';

interface CodeRange {
  readonly from: number;
  readonly to: number;
}

type CodeSet = readonly CodeRange[];

/** The parsed pattern: only what decides how it backtracks. */
type PatternNode =
  | { readonly kind: 'unit'; readonly set: CodeSet }
  | { readonly kind: 'empty' }
  | { readonly kind: 'sequence'; readonly items: readonly PatternNode[] }
  | { readonly kind: 'choice'; readonly branches: readonly PatternNode[] }
  | {
      readonly kind: 'repeat';
      readonly body: PatternNode;
      readonly min: number;
      readonly max: number;
      /** Where it is written in the pattern, quantifier included. */
      readonly text: string;
    };

const MAX_UNROLLED = 4;
const MAX_REPETITIONS_IN_A_ROW = 2;
/** What the check may take, far above any sensible pattern, so that the check itself ends. */
const MAX_POSITIONS = 2_000;
const MAX_STEPS = 1_000_000;

/** A pattern too long or too deeply nested to check within the limits above. */
class TooComplex extends Error {}

const ALL: CodeSet = [{ from: 0, to: 0xffff }];
const DIGITS: CodeSet = [{ from: 0x30, to: 0x39 }];
const WORD: CodeSet = [
  { from: 0x30, to: 0x39 },
  { from: 0x41, to: 0x5a },
  { from: 0x5f, to: 0x5f },
  { from: 0x61, to: 0x7a },
];
const SPACE: CodeSet = [
  { from: 0x09, to: 0x0d },
  { from: 0x20, to: 0x20 },
  { from: 0xa0, to: 0xa0 },
  { from: 0x1680, to: 0x1680 },
  { from: 0x2000, to: 0x200a },
  { from: 0x2028, to: 0x2029 },
  { from: 0x202f, to: 0x202f },
  { from: 0x205f, to: 0x205f },
  { from: 0x3000, to: 0x3000 },
  { from: 0xfeff, to: 0xfeff },
];
const LINE_TERMINATORS: CodeSet = [
  { from: 0x0a, to: 0x0a },
  { from: 0x0d, to: 0x0d },
  { from: 0x2028, to: 0x2029 },
];

function single(unit: number): CodeSet {
  return [{ from: unit, to: unit }];
}

/** The code unit of a set of one, or null: `\\d-z` in a class is no range. */
function oneUnit(set: CodeSet): number | null {
  const [range] = set;
  return set.length === 1 && range !== undefined && range.from === range.to ? range.from : null;
}

function normalized(ranges: readonly CodeRange[]): CodeSet {
  const sorted = [...ranges].filter((r) => r.from <= r.to).sort((a, b) => a.from - b.from);
  const merged: CodeRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && range.from <= last.to + 1) {
      merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, range.to) };
    } else merged.push(range);
  }
  return merged;
}

function complement(set: CodeSet): CodeSet {
  const result: CodeRange[] = [];
  let next = 0;
  for (const { from, to } of normalized(set)) {
    if (from > next) result.push({ from: next, to: from - 1 });
    next = to + 1;
  }
  if (next <= 0xffff) result.push({ from: next, to: 0xffff });
  return result;
}

function overlap(a: CodeSet, b: CodeSet): boolean {
  return a.some((x) => b.some((y) => x.from <= y.to && y.from <= x.to));
}

function intersection(a: CodeSet, b: CodeSet): CodeSet {
  const result: CodeRange[] = [];
  for (const x of a) {
    for (const y of b) {
      const from = Math.max(x.from, y.from);
      const to = Math.min(x.to, y.to);
      if (from <= to) result.push({ from, to });
    }
  }
  return normalized(result);
}

/*
 * Parsing. The source already compiled (without flags), so the parser may be lenient; what it
 * cannot place exactly (a legacy octal escape) it reads as any character, which can only make
 * the check stricter.
 */
class Parser {
  private at = 0;
  /** Lookaround bodies: the engine runs each as a pattern of its own. */
  readonly lookarounds: PatternNode[] = [];

  private readonly source: string;
  private readonly groupCount: number;
  private readonly hasNamedGroups: boolean;

  constructor(source: string, groupCount: number, hasNamedGroups: boolean) {
    this.source = source;
    this.groupCount = groupCount;
    this.hasNamedGroups = hasNamedGroups;
  }

  parse(): PatternNode {
    return this.choice();
  }

  private peek(offset = 0): string {
    return this.source.charAt(this.at + offset);
  }

  private choice(): PatternNode {
    const branches = [this.sequence()];
    while (this.peek() === '|') {
      this.at++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? (branches[0] as PatternNode) : { kind: 'choice', branches };
  }

  private sequence(): PatternNode {
    const items: PatternNode[] = [];
    while (this.at < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      const start = this.at;
      const atom = this.atom();
      items.push(this.quantified(atom, start));
    }
    return { kind: 'sequence', items };
  }

  private quantified(atom: PatternNode, start: number): PatternNode {
    const bounds = this.quantifier();
    if (bounds === null) return atom;
    if (this.peek() === '?') this.at++;
    const text = this.source.slice(start, this.at);
    return { kind: 'repeat', body: atom, min: bounds.min, max: bounds.max, text };
  }

  private quantifier(): { min: number; max: number } | null {
    const ch = this.peek();
    if (ch === '*' || ch === '+' || ch === '?') {
      this.at++;
      return { min: ch === '+' ? 1 : 0, max: ch === '?' ? 1 : Infinity };
    }
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
    if (braces === null) return null;
    this.at += braces[0].length;
    const min = Number(braces[1]);
    const max = braces[2] === undefined ? min : braces[3] === '' ? Infinity : Number(braces[3]);
    return { min, max };
  }

  private atom(): PatternNode {
    const ch = this.peek();
    this.at++;
    switch (ch) {
      case '(':
        return this.group();
      case '[':
        return { kind: 'unit', set: this.characterClass() };
      case '.':
        return { kind: 'unit', set: complement(LINE_TERMINATORS) };
      case '^':
      case '$':
        return { kind: 'empty' };
      case '\\':
        return this.escape();
      default:
        return { kind: 'unit', set: single(ch.charCodeAt(0)) };
    }
  }

  private group(): PatternNode {
    const head = /^\?(?::|=|!|<=|<!|<[^>]*>)?/.exec(this.source.slice(this.at))?.[0] ?? '';
    this.at += head.length;
    const body = this.choice();
    this.at++; // ')'
    if (head === '?:' || head === '' || (head.startsWith('?<') && head.endsWith('>'))) return body;
    this.lookarounds.push(body);
    return { kind: 'empty' };
  }

  private escape(): PatternNode {
    const ch = this.peek();
    const set = this.classEscape();
    if (set !== null) return { kind: 'unit', set };
    if (ch === 'b' || ch === 'B') {
      this.at++;
      return { kind: 'empty' };
    }
    const backreference = /^[1-9]\d*/.exec(this.source.slice(this.at))?.[0];
    if (backreference !== undefined && Number(backreference) <= this.groupCount) {
      this.at += backreference.length;
      return { kind: 'empty' };
    }
    if (ch === 'k' && this.hasNamedGroups) {
      this.at = this.source.indexOf('>', this.at) + 1;
      return { kind: 'empty' };
    }
    return { kind: 'unit', set: this.characterEscape() };
  }

  /** `\d \D \w \W \s \S`, or null. */
  private classEscape(): CodeSet | null {
    const sets: Record<string, CodeSet> = { d: DIGITS, w: WORD, s: SPACE };
    const ch = this.peek();
    const set = sets[ch.toLowerCase()];
    if (set === undefined) return null;
    this.at++;
    return ch === ch.toLowerCase() ? set : complement(set);
  }

  /** The one character an escape stands for, after the backslash. */
  private characterEscape(): CodeSet {
    const ch = this.peek();
    this.at++;
    const controls: Record<string, number> = { n: 0x0a, r: 0x0d, t: 0x09, v: 0x0b, f: 0x0c };
    const control = controls[ch];
    if (control !== undefined) return single(control);
    const hex = { x: 2, u: 4 }[ch];
    if (hex !== undefined) {
      const digits = this.source.slice(this.at, this.at + hex);
      if (new RegExp(`^[0-9a-fA-F]{${hex}}$`).test(digits)) {
        this.at += hex;
        return single(parseInt(digits, 16));
      }
    }
    if (ch === 'c' && /[a-zA-Z]/.test(this.peek())) {
      this.at++;
      return single(this.source.charCodeAt(this.at - 1) % 32);
    }
    if (ch === '0' && !/\d/.test(this.peek())) return single(0);
    // Legacy octal escapes and `\c` without a letter: any character, to be safe.
    if (/\d/.test(ch) || ch === 'c') return ALL;
    return single(ch.charCodeAt(0));
  }

  private characterClass(): CodeSet {
    const negated = this.peek() === '^';
    if (negated) this.at++;
    const ranges: CodeRange[] = [];
    while (this.at < this.source.length && this.peek() !== ']') {
      const from = this.classAtom();
      const isRange =
        this.peek() === '-' && this.peek(1) !== ']' && this.at + 1 < this.source.length;
      if (!isRange) {
        ranges.push(...from);
        continue;
      }
      this.at++; // '-'
      const to = this.classAtom();
      const [low, high] = [oneUnit(from), oneUnit(to)];
      if (low !== null && high !== null) ranges.push({ from: low, to: high });
      else ranges.push(...from, ...single(0x2d), ...to);
    }
    this.at++; // ']'
    const set = normalized(ranges);
    return negated ? complement(set) : set;
  }

  private classAtom(): CodeSet {
    const ch = this.peek();
    this.at++;
    if (ch !== '\\') return single(ch.charCodeAt(0));
    const set = this.classEscape();
    if (set !== null) return set;
    if (this.peek() === 'b') {
      this.at++;
      return single(0x08);
    }
    if (this.peek() === '-') {
      this.at++;
      return single(0x2d);
    }
    return this.characterEscape();
  }
}

/*
 * The position graph. Each position reads one character of a set; an edge says the engine may
 * read `to` right after `from`; `repeat` is the repetition whose loop added it, if any.
 */
interface Edge {
  readonly to: number;
  readonly repeat: string | null;
}

interface Built {
  readonly nullable: boolean;
  readonly first: readonly number[];
  readonly last: readonly number[];
}

class PositionGraph {
  readonly sets: CodeSet[] = [];
  readonly edges: Edge[][] = [];

  build(node: PatternNode): Built {
    switch (node.kind) {
      case 'unit': {
        const position = this.sets.length;
        if (position >= MAX_POSITIONS) throw new TooComplex();
        this.sets.push(node.set);
        this.edges.push([]);
        return { nullable: false, first: [position], last: [position] };
      }
      case 'empty':
        return { nullable: true, first: [], last: [] };
      case 'sequence':
        return node.items.reduce<Built>((built, item) => this.then(built, this.build(item)), {
          nullable: true,
          first: [],
          last: [],
        });
      case 'choice': {
        const branches = node.branches.map((branch) => this.build(branch));
        return {
          nullable: branches.some((b) => b.nullable),
          first: branches.flatMap((b) => b.first),
          last: branches.flatMap((b) => b.last),
        };
      }
      case 'repeat':
        return this.repeat(node);
    }
  }

  private then(a: Built, b: Built, repeat: string | null = null): Built {
    for (const from of a.last) for (const to of b.first) this.edges[from]?.push({ to, repeat });
    return {
      nullable: a.nullable && b.nullable,
      first: a.nullable ? [...a.first, ...b.first] : a.first,
      last: b.nullable ? [...a.last, ...b.last] : b.last,
    };
  }

  /**
   * `x+` is `x x*` and `x{1,3}` is `x(x(x)?)?`, as the engine runs them: one of the first `min`
   * turns may match the empty text (`(a?)+` reads `a` in its first turn or its second), later
   * ones may not.
   */
  private repeat(node: Extract<PatternNode, { kind: 'repeat' }>): Built {
    const unbounded = node.max === Infinity || node.max > MAX_UNROLLED;
    const min = Math.min(node.min, MAX_UNROLLED);
    let built: Built = { nullable: true, first: [], last: [] };
    for (let i = 0; i < min; i++) built = this.then(built, this.build(node.body));
    if (unbounded) {
      const loop = this.build(node.body);
      this.then(loop, loop, node.text);
      return this.then(built, { ...loop, nullable: true });
    }
    let optional: Built = { nullable: true, first: [], last: [] };
    for (let i = min; i < node.max; i++) {
      const copy = this.then(this.build(node.body), optional);
      optional = { ...copy, nullable: true };
    }
    return this.then(built, optional);
  }
}

/** Strongly connected components (Tarjan, iterative): a component id per node. */
function components(count: number, successors: (node: number) => readonly number[]): number[] {
  const component = new Array<number>(count).fill(-1);
  const index = new Array<number>(count).fill(-1);
  const low = new Array<number>(count).fill(0);
  const onStack = new Array<boolean>(count).fill(false);
  const stack: number[] = [];
  let counter = 0;
  let found = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    const work: { node: number; next: number }[] = [{ node: root, next: 0 }];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: number; next: number };
      const next = successors(frame.node)[frame.next++];
      if (next !== undefined) {
        if (index[next] === -1) {
          index[next] = low[next] = counter++;
          stack.push(next);
          onStack[next] = true;
          work.push({ node: next, next: 0 });
        } else if (onStack[next]) {
          low[frame.node] = Math.min(low[frame.node] ?? 0, index[next] ?? 0);
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) {
        low[parent.node] = Math.min(low[parent.node] ?? 0, low[frame.node] ?? 0);
      }
      if (low[frame.node] === index[frame.node]) {
        let member: number | undefined;
        do {
          member = stack.pop() as number;
          onStack[member] = false;
          component[member] = found;
        } while (member !== frame.node);
        found++;
      }
    }
  }
  return component;
}

/**
 * The repetition that can read the same text two ways and come back to where it started, or
 * null. Nodes are pairs of positions that read a common character: two runs of the engine
 * side by side. A component of pairs that holds both a pair of equal positions and two
 * runs apart (different positions, or the same reached by different edges) is such a loop.
 */
function exponentialRepeat(graph: PositionGraph): { readonly repeat: string | null } | null {
  const { sets, edges } = graph;
  const ids = new Map<number, number>();
  const pairs: [number, number][] = [];
  const successors: number[][] = [];
  /** Which pair-to-pair steps go through two different edges from one position. */
  const splits: { from: number; to: number; repeats: (string | null)[] }[] = [];
  const idOf = (p: number, q: number): number => {
    const key = p * sets.length + q;
    let id = ids.get(key);
    if (id === undefined) {
      id = pairs.length;
      ids.set(key, id);
      pairs.push([p, q]);
      successors.push([]);
    }
    return id;
  };
  for (let p = 0; p < sets.length; p++) idOf(p, p);
  let steps = 0;
  for (let id = 0; id < pairs.length; id++) {
    const [p, q] = pairs[id] as [number, number];
    const fromP = edges[p] ?? [];
    const fromQ = edges[q] ?? [];
    steps += fromP.length * fromQ.length;
    if (steps > MAX_STEPS) throw new TooComplex();
    for (const [i, e] of fromP.entries()) {
      for (const [j, f] of fromQ.entries()) {
        if (!overlap(sets[e.to] ?? [], sets[f.to] ?? [])) continue;
        const next = idOf(e.to, f.to);
        (successors[id] as number[]).push(next);
        if (p === q && i !== j) splits.push({ from: id, to: next, repeats: [e.repeat, f.repeat] });
      }
    }
  }
  const component = components(pairs.length, (id) => successors[id] ?? []);
  for (const split of splits) {
    if (component[split.from] !== component[split.to]) continue;
    const repeats = [...loopRepeats(graph, component, pairs, split.from), ...split.repeats];
    return { repeat: outermost(repeats.filter((r): r is string => r !== null)) };
  }
  return null;
}

/** The repetitions whose loop edges stay within the pair component of `id`. */
function loopRepeats(
  graph: PositionGraph,
  component: readonly number[],
  pairs: readonly (readonly [number, number])[],
  id: number,
): string[] {
  const members = new Set(
    pairs.flatMap(([p, q], i) => (component[i] === component[id] ? [p, q] : [])),
  );
  return [...members].flatMap((p) =>
    (graph.edges[p] ?? []).flatMap((e) =>
      e.repeat !== null && members.has(e.to) ? [e.repeat] : [],
    ),
  );
}

/** The widest of the repetitions named, which holds the others. */
function outermost(repeats: readonly string[]): string | null {
  return repeats.reduce<string | null>((a, b) => (a === null || b.length > a.length ? b : a), null);
}

/**
 * The longest chain of loops in which each can take some text, then the way to the next can
 * read it, and the next take it too (over-approximated by character sets), as their texts.
 */
function longestOverlappingChain(graph: PositionGraph): string[] {
  const { sets, edges } = graph;
  const component = components(sets.length, (p) => (edges[p] ?? []).map((e) => e.to));
  const loops = new Map<number, { positions: number[]; repeat: string | null }>();
  for (let p = 0; p < sets.length; p++) {
    for (const e of edges[p] ?? []) {
      if (component[e.to] !== component[p]) continue;
      const c = component[p] as number;
      const loop = loops.get(c) ?? { positions: [], repeat: null };
      if (!loop.positions.includes(p)) loop.positions.push(p);
      loop.repeat = outermost([loop.repeat, e.repeat].filter((r): r is string => r !== null));
      loops.set(c, loop);
    }
  }
  const charsOf = (positions: readonly number[]): CodeSet =>
    normalized(positions.flatMap((p) => sets[p] ?? []));
  /** Loops reachable from `c` through positions that read some of `common`. */
  const reaches = (from: readonly number[], target: number, common: CodeSet): boolean => {
    const seen = new Set<number>(from);
    const queue = [...from];
    while (queue.length > 0) {
      const p = queue.pop() as number;
      for (const { to } of edges[p] ?? []) {
        if (seen.has(to) || !overlap(sets[to] ?? [], common)) continue;
        if (component[to] === target) return true;
        seen.add(to);
        queue.push(to);
      }
    }
    return false;
  };
  // Components are numbered so that a component reached from another comes first (Tarjan).
  const order = [...loops.keys()].sort((a, b) => b - a);
  const chain = new Map<number, string[]>();
  for (const c of [...order].reverse()) {
    const loop = loops.get(c) as { positions: number[]; repeat: string | null };
    let best: string[] = [];
    for (const d of order) {
      if (d >= c) continue;
      const next = loops.get(d) as { positions: number[] };
      const common = intersection(charsOf(loop.positions), charsOf(next.positions));
      const rest = chain.get(d) ?? [];
      if (rest.length >= best.length && reaches(loop.positions, d, common)) best = rest;
    }
    chain.set(c, [loop.repeat ?? '', ...best]);
  }
  return [...chain.values()].reduce<string[]>((a, b) => (b.length > a.length ? b : a), []);
}

function quoted(texts: readonly string[]): string {
  const all = texts.map((t) => `'${printable(t)}'`);
  return all.length <= 1
    ? (all[0] ?? '')
    : `${all.slice(0, -1).join(', ')} and ${all[all.length - 1] ?? ''}`;
}

/**
 * Why `source` (a valid regular expression) could backtrack for too long, as the end of a
 * config message after "found '<source>'", or undefined when it is safe.
 */
export function backtrackingProblem(source: string): string | undefined {
  const match = new RegExp(`(?:${source})|`).exec('');
  const parser = new Parser(source, (match?.length ?? 1) - 1, match?.groups !== undefined);
  const main = parser.parse();
  for (const pattern of [main, ...parser.lookarounds]) {
    const problem = patternProblem(pattern);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function patternProblem(pattern: PatternNode): string | undefined {
  try {
    const graph = new PositionGraph();
    graph.build(pattern);
    return exponentialProblem(graph) ?? chainProblem(graph);
  } catch (error) {
    if (!(error instanceof TooComplex)) throw error;
    return 'which is too long or too deeply nested to check that it runs in reasonable time; write it shorter';
  }
}

function exponentialProblem(graph: PositionGraph): string | undefined {
  const found = exponentialRepeat(graph);
  if (found === null) return undefined;
  return `whose repetition ${quoted([found.repeat ?? ''])} can match the same text in more than one way, so a long name that does not match takes exponential time; write it so that each text matches one way only (as 'a+' for '(a+)+', '\\w+' for '(\\w|\\d)+')`;
}

function chainProblem(graph: PositionGraph): string | undefined {
  const chain = longestOverlappingChain(graph);
  if (chain.length <= MAX_REPETITIONS_IN_A_ROW) return undefined;
  return `whose repetitions ${quoted(chain)} can each take the same text, one after the other, so a long name that does not match takes far too long (a time that grows with its length to the power ${chain.length + 1}); let at most ${MAX_REPETITIONS_IN_A_ROW} such repetitions follow each other, or part them with a character the one before cannot take (as '[^_]*_' rather than '.*_')`;
}
