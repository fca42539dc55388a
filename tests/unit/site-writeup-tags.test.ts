import { describe, expect, it } from 'vitest';
import {
  lineAt,
  withoutCodeAndComments,
  writeupTagProblem,
} from '../../src/lib/site/writeup-tags.ts';

const COMPONENTS = ['LeaderboardTable', 'ParetoPlot', 'ContourPlot'];
const LIST = `components: ${COMPONENTS.join(', ')}`;

describe('component tags in a write-up', () => {
  it('finds a component written with another case (MDX renders it as an empty HTML element)', () => {
    const source = 'Intro.\n\n<paretoPlot run="exp_a" />\n';
    expect(writeupTagProblem(source, COMPONENTS)).toEqual({
      at: source.indexOf('<paretoPlot'),
      message: `<paretoPlot>: no component 'paretoPlot'; component names are case-sensitive, did you mean <ParetoPlot>? (${LIST})`,
    });
    expect(writeupTagProblem('<PARETOPLOT\n  run="a"\n/>', COMPONENTS)?.message).toContain(
      'did you mean <ParetoPlot>?',
    );
  });

  it('finds a misspelt component, with the nearest name when there is one', () => {
    expect(writeupTagProblem('<ParetoPlott run="a" />', COMPONENTS)?.message).toBe(
      `<ParetoPlott>: no component 'ParetoPlott'; did you mean <ParetoPlot>? (${LIST})`,
    );
    expect(writeupTagProblem('<Chart run="a"></Chart>', COMPONENTS)?.message).toBe(
      `<Chart>: no component 'Chart' (${LIST})`,
    );
  });

  it('takes the components, HTML elements and what the file imports or exports itself', () => {
    const source = [
      "import Chart, { Gauge as Dial } from '../x.js';",
      "import * as Lib from '../lib.js';",
      'export const Note = () => null;',
      '',
      '<ParetoPlot run="a" /> <div class="x"><br/></div> <my-element>x</my-element>',
      '<Chart /> <Dial /> <Note /> <Lib.Widget /> <ContourPlot>',
      '</ContourPlot> <https://example.com>',
    ].join('\n');
    expect(writeupTagProblem(source, COMPONENTS)).toBeNull();
  });

  it('leaves tags in code and comments alone (examples for the reader)', () => {
    const source = [
      'Write `<paretoPlot />` like this, or ``<Chart>``:',
      '',
      '```mdx',
      '<ParetoPlott run="a" />',
      '```',
      '',
      '~~~~',
      '<contourplot />',
      '~~~~',
      '{/* <Chart /> was here */}',
      '<!-- <Chart /> -->',
      '<ParetoPlot run="a" />',
    ].join('\n');
    expect(writeupTagProblem(source, COMPONENTS)).toBeNull();
    expect(writeupTagProblem(`${source}\n<Chart />`, COMPONENTS)?.message).toContain(
      "no component 'Chart'",
    );
  });

  it('keeps every offset and line when it blanks code and comments out', () => {
    const source = 'a `b`\n```\nc\n```\n{/* d\ne */}\n<X />';
    const blanked = withoutCodeAndComments(source);
    expect(blanked).toHaveLength(source.length);
    expect(blanked.split('\n')).toHaveLength(source.split('\n').length);
    expect(blanked.indexOf('<X')).toBe(source.indexOf('<X'));
    expect(blanked).not.toContain('b');
    expect(blanked).not.toContain('c');
    expect(blanked).not.toContain('d');
  });

  it('reads a code fence left open to the end as code', () => {
    expect(writeupTagProblem('```\n<Chart />\n', COMPONENTS)).toBeNull();
  });

  it('counts lines from 1', () => {
    expect(lineAt('a\nb\nc', 0)).toBe(1);
    expect(lineAt('a\nb\nc', 2)).toBe(2);
    expect(lineAt('a\nb\nc', 4)).toBe(3);
  });
});
