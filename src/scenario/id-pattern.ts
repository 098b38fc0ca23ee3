/**
 * What an id may be, zod-free (values.ts builds the id fields on it; the editor's rename check
 * reads it through light.ts).
 *
 * "__proto__" is the one id JavaScript cannot keep as a plain object's key (assigning it sets the
 * prototype), and reports and series are plain objects keyed by id; so it is not an id.
 */
export const ID_PATTERN = /^(?!__proto__$)[A-Za-z0-9_.:-]{1,64}$/;
