// The <faultline-embed> example page's script (docs/embedding.md): buttons call the element's
// methods; its events are printed. No postMessage here: the element does that.
const demo = document.getElementById('demo');
const log = document.getElementById('log');
const clock = document.getElementById('clock');
const statusOutput = document.getElementById('status');

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

function print(text) {
  const item = document.createElement('li');
  item.textContent = text; // text, never HTML: an event's message is data
  log.prepend(item);
  while (log.children.length > 50) log.lastElementChild.remove();
}

demo.addEventListener('faultline:time', (event) => {
  clock.textContent = `${(event.detail.simulatedMs / 1000).toFixed(1)} s of ${(event.detail.durationMs / 1000).toFixed(0)} s`;
});
for (const type of ['faultline:ready', 'faultline:status', 'faultline:error']) {
  demo.addEventListener(type, (event) => {
    if (type === 'faultline:status') statusOutput.textContent = event.detail.status;
    print(`${type} ${JSON.stringify(event.detail)}`);
  });
}
