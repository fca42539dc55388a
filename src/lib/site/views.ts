/**
 * The views of a run page, in tab order; the selected one is `?view=<id>` in the URL. Overall,
 * the view a page opens on, comes first (the old app put Delta first, and opened on it), so the
 * arrow keys and Home start from the open view.
 */

export const RUN_VIEWS = [
  { id: 'overall', label: 'Overall' },
  { id: 'delta', label: 'Delta' },
  { id: 'competency', label: 'Competency' },
  { id: 'task', label: 'Task' },
  { id: 'pareto', label: 'Pareto' },
  { id: 'contour', label: 'Contour' },
  { id: 'inclexcl', label: 'Incl/Excl' },
] as const;

export type RunViewId = (typeof RUN_VIEWS)[number]['id'];
