import { createRequire } from 'node:module';
import type { OpenAPIV3_1 } from 'openapi-types';

// src/ and dist/ sit at the same depth, so this path works from both.
const require = createRequire(import.meta.url);

/** The bundled contract (`bundled/openapi.json`), loaded once. Treat it as read-only. */
export const contractDocument: OpenAPIV3_1.Document = require('../bundled/openapi.json') as OpenAPIV3_1.Document;
