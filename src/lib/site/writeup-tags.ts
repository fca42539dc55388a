/**
 * Component tags a write-up's author got wrong. MDX renders `<paretoPlot>` (a lower-case first
 * letter) as an empty HTML element without a word, and stops on `<ParetoPlott>` with a message
 * that names neither the file nor the components there are. This finds both in the MDX source,
 * outside code and comments, before the page is rendered.
 */

import { closestKey } from '../config/suggest.ts';
import { printable } from '../printable.ts';

export interface TagProblem {
  /** Offset in the source of the tag's `<`. */
  readonly at: number;
  readonly message: string;
}

/**
 * The first tag of `source` (a write-up's MDX body) that names no component but looks meant
 * for one of `components`; names the MDX file imports or exports itself are the author's own.
 */
export function writeupTagProblem(
  source: string,
  components: readonly string[],
): TagProblem | null {
  const text = withoutCodeAndComments(source);
  const own = new Set([...components, ...declaredNames(text)]);
  for (const match of text.matchAll(/<([A-Za-z][\w-]*)(?=[\s/>])/g)) {
    const name = match[1] ?? '';
    if (own.has(name)) continue;
    const message = tagMessage(name, components);
    if (message !== null) return { at: match.index, message };
  }
  return null;
}

function tagMessage(name: string, components: readonly string[]): string | null {
  const list = `components: ${components.join(', ')}`;
  const sameLetters = components.find((c) => c.toLowerCase() === name.toLowerCase());
  if (sameLetters !== undefined) {
    return `<${printable(name)}>: no component '${printable(name)}'; component names are case-sensitive, did you mean <${sameLetters}>? (${list})`;
  }
  // A lower-case name is an HTML element (`<div>`, `<br/>`), as MDX reads it.
  if (!/^[A-Z]/.test(name)) return null;
  const near = closestKey(name, components);
  const hint = near === undefined ? '' : `; did you mean <${near}>?`;
  return `<${printable(name)}>: no component '${printable(name)}'${hint} (${list})`;
}

/**
 * The source with fenced code, inline code, `{/* … *\/}` and `<!-- … -->` comments blanked out
 * (each character but line breaks made a space), so offsets and lines stay where they were.
 */
export function withoutCodeAndComments(source: string): string {
  const blank = (part: string) => part.replace(/[^\n]/g, ' ');
  return source
    .replace(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[`~]*[ \t]*$|(?![\s\S]))/gm, blank)
    .replace(/(`+)[\s\S]*?\1/g, blank)
    .replace(/\{\s*\/\*[\s\S]*?\*\/\s*\}/g, blank)
    .replace(/<!--[\s\S]*?-->/g, blank);
}

/** Names the MDX file brings in itself: `import X`, `import { A, B as C }`, `export const D`. */
function declaredNames(text: string): string[] {
  const names: string[] = [];
  for (const [, clause = ''] of text.matchAll(/^import\s+([\s\S]*?)\s+from\s*['"]/gm)) {
    for (const part of clause.replace(/[{}]/g, ',').split(',')) {
      const name = /(?:^|\s)(\w+)\s*$/.exec(part.trim())?.[1];
      if (name !== undefined) names.push(name);
    }
  }
  for (const [, name = ''] of text.matchAll(/^export\s+(?:const|let|var|function)\s+(\w+)/gm)) {
    names.push(name);
  }
  return names;
}

/** The 1-based line of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
