// One side of a comparison's Web Worker: exposes compare-host.ts with comlink, like the other two.
import { expose } from 'comlink';
import { createCompareHost } from './compare-host.ts';

expose(createCompareHost());
