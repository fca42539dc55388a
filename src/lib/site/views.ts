/** The views of a run page, in tab order; the selected one is `?view=<id>` in the URL. */

export const RUN_VIEWS = [
  { id: 'delta', label: 'Delta' },
  { id: 'overall', label: 'Overall' },
  { id: 'competency', label: 'Competency' },
  { id: 'task', label: 'Task' },
  { id: 'pareto', label: 'Pareto' },
  { id: 'contour', label: 'Contour' },
  { id: 'inclexcl', label: 'Incl/Excl' },
] as const;

export type RunViewId = (typeof RUN_VIEWS)[number]['id'];
