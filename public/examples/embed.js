// The example host page's script (docs/embedding.md): iframes Faultline in embed mode, lets this
// page's own origin drive it, sends commands from buttons and prints every event it receives
// (event-log.js, shared with embed-element.js).
import { print, showStatus, showTime } from './event-log.js';

const frame = document.getElementById('faultline');

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

window.addEventListener('message', (event) => {
  // Only the embed's own messages: right window, right origin, our prefix.
  if (event.source !== frame.contentWindow || event.origin !== appUrl.origin) return;
  const data = event.data;
  if (typeof data !== 'object' || data === null || typeof data.type !== 'string' || !data.type.startsWith('faultline:')) return;
  if (data.type === 'faultline:time') {
    showTime(data.simulatedMs, data.durationMs);
    return; // a few per second: shown, not logged
  }
  if (data.type === 'faultline:status') showStatus(data.status);
  print(JSON.stringify(data));
});
