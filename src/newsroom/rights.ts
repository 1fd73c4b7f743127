// Who may do what to an article, beyond the role matrix: contributors and authors work on their
// own articles (the ones they created); editors and admins on every article.
import { can } from '../accounts/roles.js';
import type { ArticleStatus } from '../db/schema.js';
import type { Actor } from './types.js';

export type WorkflowAction =
  | 'submit'
  | 'withdraw'
  | 'return'
  | 'schedule'
  | 'unschedule'
  | 'publish'
  | 'unpublish';

export const WORKFLOW_ACTIONS: readonly WorkflowAction[] = [
  'submit',
  'withdraw',
  'return',
  'schedule',
  'unschedule',
  'publish',
  'unpublish',
];

/** Where each action may start from and where it leads. */
export const TRANSITIONS: Record<WorkflowAction, { from: readonly ArticleStatus[]; to: ArticleStatus }> = {
  submit: { from: ['draft', 'unpublished'], to: 'review' },
  withdraw: { from: ['review'], to: 'draft' },
  return: { from: ['review'], to: 'draft' },
  schedule: { from: ['draft', 'review', 'scheduled', 'unpublished'], to: 'scheduled' },
  unschedule: { from: ['scheduled'], to: 'draft' },
  publish: { from: ['draft', 'review', 'scheduled', 'unpublished'], to: 'published' },
  unpublish: { from: ['published'], to: 'unpublished' },
};

export function isWorkflowAction(s: string): s is WorkflowAction {
  return (WORKFLOW_ACTIONS as readonly string[]).includes(s);
}

interface Owned {
  ownerId: number | null;
  status: ArticleStatus;
}

const owns = (actor: Actor, a: Owned) => a.ownerId === actor.id;

/** May open the article in the editor at all. */
export function canOpen(actor: Actor, a: Owned): boolean {
  return can(actor.role, 'articles.edit-any') || (can(actor.role, 'articles.write') && owns(actor, a));
}

/** May change its fields. A contributor's article is locked while an editor reviews it. */
export function canEdit(actor: Actor, a: Owned): boolean {
  if (can(actor.role, 'articles.edit-any')) return true;
  if (!can(actor.role, 'articles.write') || !owns(actor, a)) return false;
  if (can(actor.role, 'articles.publish-own')) return true;
  return a.status === 'draft' || a.status === 'unpublished';
}

/** May take this workflow step (the status must also allow it: see allowedActions). */
export function canAct(actor: Actor, a: Owned, action: WorkflowAction): boolean {
  if (can(actor.role, 'articles.edit-any')) return action !== 'withdraw' || owns(actor, a);
  if (!can(actor.role, 'articles.write') || !owns(actor, a)) return false;
  if (action === 'return') return false;
  if (action === 'submit' || action === 'withdraw') return true;
  return can(actor.role, 'articles.publish-own');
}

/** The steps this person may take from the article's current status, in menu order. */
export function allowedActions(actor: Actor, a: Owned): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter(
    (action) => TRANSITIONS[action].from.includes(a.status) && canAct(actor, a, action),
  );
}
