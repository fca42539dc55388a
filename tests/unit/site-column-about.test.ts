/** What task columns are read from, as their tooltips and the index page say. */
import { describe, expect, it } from 'vitest';
import { englishSubtaskAbout, seaTaskAbout } from '../../src/lib/site/column-about.ts';
import { taskMetricList } from '../../src/lib/site/scoring-text.ts';
import type { ColumnData } from '../../src/lib/site/site-data.ts';

describe('seaTaskAbout', () => {
  it("names the task table's metric, and the group averaged first", () => {
    expect(seaTaskAbout('qa', 'nlu', {})).toBe('metric normalized_f1');
    expect(seaTaskAbout('translation-en-xx', 'nlg', {})).toBe(
      'metric normalized_metricx_wmt24_scores; averaged within its group translations first',
    );
    expect(seaTaskAbout('sentiment-logprobs', 'nlu', {})).toBe(
      'metric average_cumulative_probabilities',
    );
  });

  it('says where the config sets the metric', () => {
    expect(seaTaskAbout('qa', 'nlu', { qa: 'f1' })).toBe('metric f1 (set by seahelm_task_metrics)');
  });

  it('describes the pooled pragmatics columns, uncounted diagnostics and unknown tasks', () => {
    expect(seaTaskAbout('pragmatics', 'linguistic-diagnostics', {})).toContain(
      'pragmatic-single and pragmatic-pair pooled per phenomenon',
    );
    expect(seaTaskAbout('syntax-criteria', 'linguistic-diagnostics', {})).toBe(
      'shown, but not counted in linguistic-diagnostics (as in SEA-HELM)',
    );
    expect(seaTaskAbout('brand-new', 'nlu', {})).toMatch(
      /^not in the built-in task table: the first of normalized_accuracy, normalized_f1, /,
    );
  });

  it("reads a task named like an Object.prototype member as an unknown task (a file's names)", () => {
    // POOLED['constructor'] was Object's constructor: a function the site build cannot store.
    for (const task of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expect(seaTaskAbout(task, 'nlu', {})).toMatch(/^not in the built-in task table: /);
    }
  });
});

describe('englishSubtaskAbout', () => {
  it('names the lm-eval key and its normalization', () => {
    expect(englishSubtaskAbout('en_bbh_navigate')).toBe(
      'lm-eval leaderboard_bbh_navigate acc_norm,none, normalized with n = 2 answer options: max(v − 1/n, 0) / (1 − 1/n) × 100',
    );
    expect(englishSubtaskAbout('en_math_algebra_hard')).toBe(
      'lm-eval leaderboard_math_algebra_hard exact_match,none, × 100',
    );
    expect(englishSubtaskAbout('id_qa')).toBeNull();
  });
});

describe('taskMetricList', () => {
  const task = (id: string, lang: string, competency: string, about?: string): ColumnData => ({
    id,
    level: 'task',
    lang,
    label: id.slice(lang.length + 1),
    competency: lang === 'en' ? null : competency,
    ...(about === undefined ? {} : { about }),
  });
  it('lists each SEA task once, by competency and name, without English subtasks', () => {
    const runs = [
      {
        columns: [
          task('id_qa', 'id', 'nlu', 'metric normalized_f1'),
          task('en_bbh_x', 'en', '', 'x'),
        ],
      },
      {
        columns: [
          task('vi_qa', 'vi', 'nlu', 'metric normalized_f1'),
          task('vi_abssum', 'vi', 'nlg', 'metric normalized_rougel_f1'),
        ],
      },
    ];
    expect(taskMetricList(runs)).toEqual([
      { task: 'abssum', competency: 'nlg', about: 'metric normalized_rougel_f1' },
      { task: 'qa', competency: 'nlu', about: 'metric normalized_f1' },
    ]);
  });
});
