/**
 * src/embed: the pure half of embed mode — parameters, the origin rule, postMessage commands,
 * playback. Framework-free (no React, no zod), so a plain script such as a custom element can
 * import it too. Other folders import only from here (eslint.config.js enforces it).
 */
export {
  EMBED_CHOICE_VALUES,
  EMBED_DEFAULT_CHOICES,
  EMBED_DEFAULTS,
  MAX_QUERY_CHARS,
  isEmbedMode,
  readEmbedParams,
  writeEmbedParams,
  type AutoplayMode,
  type CaptionMode,
  type ControlsMode,
  type EmbedChoices,
  type EmbedParams,
  type EmbedParamsResult,
  type EmbedSpeed,
  type MotionChoice,
  type ThemeChoice,
} from './params.ts';
export { describeParamValue, readAllowedOrigin, type OriginResult } from './origin.ts';
export { MAX_COMMAND_BYTES, MAX_SCENARIO_BYTES, MESSAGE_PREFIX, PROTOCOL_VERSION, parseInboundMessage, type EmbedCommand, type InboundResult } from './messages.ts';
export { measurePayload, MAX_NESTING, type PayloadSize } from './payload-size.ts';
export { initiallyWantsToPlay, shouldRun, type PlaybackInputs } from './playback.ts';
export { editorUrl, type EditorSource } from './open-link.ts';
export { parameterErrorEvents, type EmbedErrorEvent } from './startup-errors.ts';
