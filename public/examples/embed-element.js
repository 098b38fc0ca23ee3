// The <faultline-embed> example page's script (docs/embedding.md): buttons call the element's
// methods; its events are printed (event-log.js, shared with embed.js). No postMessage here: the
// element does that.
import { print, showStatus, showTime } from './event-log.js';

const demo = document.getElementById('demo');

const CALLS = {
  play: () => demo.play(),
  pause: () => demo.pause(),
  reset: () => demo.reset(),
  'speed-max': () => demo.setSpeed('max'),
  crash: () => demo.inject({ target: 'api-1', action: 'crash' }),
  'load-mm1': () => demo.load('mm1'),
};
for (const button of document.querySelectorAll('button[data-call]')) {
  button.addEventListener('click', () => CALLS[button.dataset.call]());
}

demo.addEventListener('faultline:time', (event) => showTime(event.detail.simulatedMs, event.detail.durationMs));
for (const type of ['faultline:ready', 'faultline:status', 'faultline:error']) {
  demo.addEventListener(type, (event) => {
    if (type === 'faultline:status') showStatus(event.detail.status);
    print(`${type} ${JSON.stringify(event.detail)}`);
  });
}
