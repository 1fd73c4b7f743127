// The editor page's addresses and the data its view is rendered from.
import type { Category } from '../../content/types.js';
import type { FieldDiff } from '../../newsroom/diff.js';
import type { WorkflowAction } from '../../newsroom/rights.js';
import type { SpottedTag } from '../../newsroom/tag-spotting.js';
import type { ArticleDraft, DeskArticle, DraftField } from '../../newsroom/types.js';
import type { Notice } from './layout.js';

export const articlesUrl = () => '/admin/articles';
export const articleUrl = (id: number) => `/admin/articles/${id}`;

export interface EditorPageData {
  article: DeskArticle | null;
  values: ArticleDraft;
  version: number | null;
  errors: Partial<Record<DraftField, string>>;
  notice: Notice | null;
  csrf: string;
  categories: Category[];
  authors: { id: number; name: string }[];
  cover: { thumbUrl: string; alt: string } | null;
  actions: WorkflowAction[];
  editable: boolean;
  publishAtText: string;
  previewUrl: string | null;
  conflict: { fields: FieldDiff[]; by: string; at: number } | null;
  /** Existing tags whose names occur in the text and are not on the article yet. */
  suggestedTags: SpottedTag[];
  /** Offered tags ticked in the form just sent, shown ticked again. */
  addTagIds: number[];
  /** The editor bundle's words, as JSON. */
  clientStrings: string;
}
