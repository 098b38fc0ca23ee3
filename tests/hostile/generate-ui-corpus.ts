// Writes the hostile-input corpus files of issue 17's finding 3 and 5 (markdown that hangs or
// throws, a call chain that overflows the layout's stack). Each is a faultline.scenario/v1
// document; they are checked in, this only says how they were made:
//   npx tsx tests/hostile/generate-ui-corpus.ts
import { writeFileSync } from 'node:fs';

const here = new URL('./corpus/', import.meta.url);
const small = {
  nodes: [
    { id: 'users', kind: 'client', rate: 5, target: 'api' },
    { id: 'api', kind: 'service', workers: 2, serviceTime: '50ms' },
  ],
  links: [{ id: 'users-api', from: 'users', to: 'api', latency: '1ms' }],
};

/** A guide step of 24,750 × "a*_a" (99,000 characters): marked backtracked 63 s on the page. */
export const markdownEmphasisBomb = {
  format: 'faultline.scenario/v1',
  name: 'Markdown emphasis bomb',
  description: 'The guide step below is 99,000 characters of `a*_a`.',
  duration: '1m',
  ...small,
  guide: [{ at: 0, title: 'Emphasis bomb', text: 'a*_a'.repeat(24_750) }],
};

/** A description of 3,000 ">" (nested quotes): marked threw a RangeError and the app unmounted. */
export const descriptionDeepBlockquote = {
  format: 'faultline.scenario/v1',
  name: 'Deep blockquote description',
  description: '>'.repeat(3000),
  duration: '1m',
  ...small,
  // a step, so that ?present opens the guide (and its "About this scenario") at start
  guide: [{ at: 0, title: 'A step', text: 'The description above nests 3,000 quotes.' }],
};

/** users → s1 → s2 → … → s1999: 2,000 nodes (the limit), valid; dagre's layout overflowed its stack. */
export function callChain(length: number) {
  const services = Array.from({ length: length - 1 }, (_, i) => `s${i + 1}`);
  return {
    format: 'faultline.scenario/v1',
    name: `Call chain of ${length}`,
    duration: '10s',
    nodes: [
      { id: 'users', kind: 'client', rate: 1, target: 's1' },
      ...services.map((id, i) => ({ id, kind: 'service', serviceTime: '1ms', ...(i + 1 < services.length ? { calls: [{ to: services[i + 1] }] } : {}) })),
    ],
    links: [{ id: 'l0', from: 'users', to: 's1' }, ...services.slice(1).map((id, i) => ({ id: `l${i + 1}`, from: services[i], to: id }))],
  };
}

if (process.argv[1]?.endsWith('generate-ui-corpus.ts')) {
  const write = (name: string, document: unknown) => writeFileSync(new URL(name, here), `${JSON.stringify(document)}\n`);
  write('markdown-emphasis-bomb.json', markdownEmphasisBomb);
  write('description-deep-blockquote.json', descriptionDeepBlockquote);
  write('chain-2000.json', callChain(2000));
}
