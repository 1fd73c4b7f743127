// For API tests: the OpenAPI document the app serves, validated by a standard validator, and a
// check that a real response matches what the document promises for its operation and status.
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';

type Json = Record<string, unknown>;

export interface OpenApiChecker {
  doc: Json;
  /** Fails the test unless `body` matches the document's schema for the operation and status. */
  check(method: string, routePath: string, status: number, body: unknown): void;
}

/** Fetches /api/openapi.json, validates it (structure and $refs), and compiles its schemas. */
export async function openApiChecker(app: FastifyInstance): Promise<OpenApiChecker> {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  const raw = res.json() as Json;
  // validate() mutates what it is given; keep the served document as it was.
  await SwaggerParser.validate(structuredClone(raw) as never);
  const doc = (await SwaggerParser.dereference(structuredClone(raw) as never)) as unknown as Json;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  return {
    doc: raw,
    check(method, routePath, status, body) {
      const paths = doc.paths as Record<string, Record<string, Json>>;
      const op = paths[routePath]?.[method.toLowerCase()];
      if (!op) throw new Error(`the OpenAPI document has no ${method} ${routePath}`);
      const responses = op.responses as Record<string, Json>;
      const response = responses[String(status)] ?? responses.default;
      if (!response) throw new Error(`${method} ${routePath} documents no ${status} response`);
      const content = response.content as Record<string, { schema?: unknown }> | undefined;
      const schema = content?.['application/json']?.schema;
      if (!schema) throw new Error(`${method} ${routePath} ${status} has no JSON schema`);
      const validate = ajv.compile(schema as object);
      if (!validate(body)) {
        throw new Error(
          `${method} ${routePath} ${status} does not match the document: ${ajv.errorsText(validate.errors)}`,
        );
      }
    },
  };
}
