/**
 * The postMessage protocol's constants (docs/embedding.md), in a module with no imports: the
 * `<faultline-embed>` element (src/embed-element/) runs on other people's pages and must not pull
 * in the format's parser that messages.ts needs.
 */
export const PROTOCOL_VERSION = 1;
export const MESSAGE_PREFIX = 'faultline:';

/** The commands a parent may send, without the prefix (`faultline:play`). */
export const COMMAND_TYPES = ['load', 'play', 'pause', 'reset', 'inject', 'setSpeed'] as const;
export type CommandType = (typeof COMMAND_TYPES)[number];
