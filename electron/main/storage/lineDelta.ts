import { diffArrays } from 'diff';

/**
 * How one list of lines becomes another: a positive number keeps that many lines, a negative one drops that many,
 * a list of strings inserts them. A version stores this against the version before it, so 300 versions of a long
 * article cost a few kilobytes each instead of the whole text each.
 */
export type LineDelta = (number | string[])[];

/** The delta that turns `before` into `after`. */
export function deltaBetween(before: readonly string[], after: readonly string[]): LineDelta {
  const delta: LineDelta = [];
  for (const change of diffArrays([...before], [...after])) {
    if (change.added) delta.push(change.value);
    else delta.push(change.removed ? -change.value.length : change.value.length);
  }
  return delta;
}

/** Applies a delta made against exactly `before`; throws a RangeError when it does not fit (a damaged chain). */
export function applyDelta(before: readonly string[], delta: LineDelta): string[] {
  const after: string[] = [];
  let position = 0;
  for (const step of delta) {
    if (Array.isArray(step)) {
      after.push(...step);
      continue;
    }
    const count = Math.abs(step);
    if (!Number.isInteger(step) || position + count > before.length) throw new RangeError('Phiên bản không khớp với phiên bản trước nó');
    if (step > 0) after.push(...before.slice(position, position + count));
    position += count;
  }
  if (position !== before.length) throw new RangeError('Phiên bản không khớp với phiên bản trước nó');
  return after;
}
