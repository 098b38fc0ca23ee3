/**
 * The one place this folder imports zod from.
 *
 * `jitless` must be set before any schema is built: zod decides per object schema, at
 * construction, whether to compile a fast path with `new Function`, and the app runs under a
 * CSP that forbids eval. Importing `z` from here guarantees the order.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
