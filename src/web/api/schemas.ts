// Schemas every API route shares: the error body, for the OpenAPI document and its checks.
import { Type } from '@sinclair/typebox';

export const ErrorSchema = Type.Object(
  {
    error: Type.Object(
      {
        status: Type.Integer(),
        code: Type.String(),
        message: Type.String(),
        field: Type.Optional(Type.String()),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

const described = (description: string) => ({ ...ErrorSchema, description });

/** The error answers any API route may give, each described for the reference page. */
export const ErrorResponses = {
  400: described('Bad input: `error.field` names the parameter or body field.'),
  401: described('No API key, or an unknown or revoked one.'),
  403: described('A key of the other kind, or without the scope this needs.'),
  404: described('No such resource (or not published).'),
  429: described('Over the per-key rate limit; see Retry-After.'),
};
