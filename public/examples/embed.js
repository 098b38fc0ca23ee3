// The example host page's script (docs/embedding.md): iframes Faultline in embed mode, lets this
// page's own origin drive it, sends commands from buttons and prints every event it receives.
const frame = document.getElementById('faultline');
const log = document.getElementById('log');
const clock = document.getElementById('clock');
const statusOutput = document.getElementById('status');

// The app sits one folder up from examples/. A real host page would use the embed's full URL.
const appUrl = new URL('../', window.location.href);
frame.src = `${appUrl.href}?embed&scenario=checkout&autoplay=off&origin=${encodeURIComponent(window.location.origin)}`;

const COMMANDS = {
  play: { type: 'faultline:play' },
  pause: { type: 'faultline:pause' },
  reset: { type: 'faultline:reset' },
  'speed-max': { type: 'faultline:setSpeed', speed: 'max' },
  crash: { type: 'faultline:inject', fault: { target: 'api-1', action: 'crash' } },
  'load-mm1': { type: 'faultline:load', builtin: 'mm1' },
  bad: { type: 'faultline:explode' },
};

function send(message) {
  // Name the embed's origin, not '*': the message goes nowhere if the frame was navigated away.
  frame.contentWindow.postMessage({ version: 1, ...message }, appUrl.origin);
}

for (const button of document.querySelectorAll('button[data-command]')) {
  button.addEventListener('click', () => send(COMMANDS[button.dataset.command]));
}

function print(text) {
  const item = document.createElement('li');
  item.textContent = text; // text, never HTML: an event's message is data
  log.prepend(item);
  while (log.children.length > 50) log.lastElementChild.remove();
}

window.addEventListener('message', (event) => {
  // Only the embed's own messages: right window, right origin, our prefix.
  if (event.source !== frame.contentWindow || event.origin !== appUrl.origin) return;
  const data = event.data;
  if (typeof data !== 'object' || data === null || typeof data.type !== 'string' || !data.type.startsWith('faultline:')) return;
  if (data.type === 'faultline:time') {
    clock.textContent = `${(data.simulatedMs / 1000).toFixed(1)} s of ${(data.durationMs / 1000).toFixed(0)} s`;
    return; // a few per second: shown, not logged
  }
  if (data.type === 'faultline:status') statusOutput.textContent = data.status;
  print(JSON.stringify(data));
});
