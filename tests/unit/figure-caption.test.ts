/** A write-up figure without a caption says what it shows. */
import { describe, expect, it } from 'vitest';
import { chartMessage, chartSvg } from '../../src/lib/charts/result.ts';
import { figureCaption } from '../../src/lib/site/figure-caption.ts';

describe('figureCaption', () => {
  const chart = chartSvg(
    '<svg><title id="g-t">Thai competency scores by training step &amp; &lt;more&gt;</title><desc>…</desc></svg>',
  );

  it("keeps the author's caption", () => {
    expect(figureCaption('Our run', chart, 'hero_8b')).toBe('Our run');
    expect(figureCaption('', chart, 'hero_8b')).toBe('');
  });

  it("falls back to the chart's title, with its run, as text", () => {
    expect(figureCaption(undefined, chart, 'hero_8b')).toBe(
      'hero_8b: Thai competency scores by training step & <more>',
    );
    expect(figureCaption(undefined, chart)).toBe(
      'Thai competency scores by training step & <more>',
    );
  });

  it('decodes every entity escapeXml writes, quotes of model names too', () => {
    const quoted = chartSvg('<svg><title>o&#39;brien minus &quot;base&quot;</title></svg>');
    expect(figureCaption(undefined, quoted)).toBe('o\'brien minus "base"');
  });

  it('has nothing to add to a message in place of a chart', () => {
    expect(
      figureCaption(undefined, chartMessage('no-values', 'No scores to plot.')),
    ).toBeUndefined();
  });
});
