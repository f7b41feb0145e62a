import { describe, expect, it } from 'vitest';
import { articleStatuses, newsroomRoles, type NewsroomRole } from '../../shared/articleVocabulary';
import { allowedMoves, canMove, isLockedForEditing } from '../../shared/workflow';

/** The editorial flow as issue 9 states it, written out move by move: "from → to" and who may take it. */
const expected: Record<string, readonly NewsroomRole[]> = {
  'draft → submitted': ['reporter', 'editor', 'managingEditor'],
  'changesRequested → submitted': ['reporter', 'editor', 'managingEditor'],
  'submitted → draft': ['reporter', 'editor', 'managingEditor'],
  'submitted → changesRequested': ['editor', 'managingEditor'],
  'submitted → approved': ['editor', 'managingEditor'],
  'approved → changesRequested': ['editor', 'managingEditor'],
  'approved → published': ['managingEditor'],
  'approved → draft': ['reporter', 'editor', 'managingEditor'],
  'published → draft': ['reporter', 'editor', 'managingEditor'],
};

const everyCase = articleStatuses.flatMap((from) => articleStatuses.flatMap((to) => newsroomRoles.map((role) => ({ from, to, role }))));

describe('the editorial flow', () => {
  it.each(everyCase)('$role: $from → $to is allowed exactly when the flow says so', ({ from, to, role }) => {
    expect(canMove(from, to, role)).toBe(expected[`${from} → ${to}`]?.includes(role) ?? false);
  });

  it('offers a reporter only sending, resending and taking back', () => {
    expect(allowedMoves('draft', 'reporter')).toEqual(['submitted']);
    expect(allowedMoves('submitted', 'reporter')).toEqual(['draft']);
    expect(allowedMoves('changesRequested', 'reporter')).toEqual(['submitted']);
  });

  it('lets only the managing editor publish', () => {
    expect(newsroomRoles.filter((role) => canMove('approved', 'published', role))).toEqual(['managingEditor']);
  });

  it('locks approved and published text, and nothing else', () => {
    expect(articleStatuses.filter(isLockedForEditing)).toEqual(['approved', 'published']);
  });
});
