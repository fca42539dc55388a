/**
 * Model results on their way from a worker thread to this one. A row shape is shared by many
 * rows (row-facts.ts), so a worker sends each shape once and then only its key; this thread
 * puts its own shared object back in place of the key.
 */

import type { RowShape, ShapeCache } from '../score/row-facts.ts';
import type { ModelResult } from './model-job.ts';

type Scored = NonNullable<ModelResult['model']>;

/** A result as sent: its shape, or only the shape's key when it went before. */
export type WireResult = Omit<ModelResult, 'model'> & {
  readonly model:
    | (Omit<Scored, 'facts'> & {
        readonly facts: Omit<Scored['facts'], 'shape'> & { readonly shape: WireShape };
      })
    | null;
};

type WireShape = RowShape | { readonly key: string };

export function toWire(result: ModelResult, sent: Set<string>): WireResult {
  if (result.model === null) return result;
  const { shape } = result.model.facts;
  if (!sent.has(shape.key)) {
    sent.add(shape.key);
    return result;
  }
  const facts = { ...result.model.facts, shape: { key: shape.key } };
  return { ...result, model: { ...result.model, facts } };
}

export function fromWire(result: WireResult, shapes: ShapeCache): ModelResult {
  if (result.model === null) return { ...result, model: null };
  const wire = result.model.facts.shape;
  let shape = shapes.get(wire.key);
  if (shape === undefined) {
    if (!('leafIds' in wire)) throw new Error(`a worker sent an unknown row shape`);
    shape = wire;
    shapes.set(wire.key, shape);
  }
  return { ...result, model: { ...result.model, facts: { ...result.model.facts, shape } } };
}
