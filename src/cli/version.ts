/** The tool's version: package.json's, inlined by the bundler (scripts/build-cli.ts) or read by tsx. */
import { version } from '../../package.json';

export const FAULTLINE_VERSION: string = version;
