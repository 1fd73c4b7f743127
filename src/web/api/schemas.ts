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

/** The error answers any API route may give. */
export const ErrorResponses = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  429: ErrorSchema,
};
