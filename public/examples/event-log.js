// What both example pages show the same way (embed.js over postMessage, embed-element.js over the
// element's events): the clock line, the status, and a list of the latest events.
const log = document.getElementById('log');
const clock = document.getElementById('clock');
const statusOutput = document.getElementById('status');

/** The newest event on top, as text (never HTML: an event's message is data); the last 50 kept. */
export function print(text) {
  const item = document.createElement('li');
  item.textContent = text;
  log.prepend(item);
  while (log.children.length > 50) log.lastElementChild.remove();
}

export function showTime(simulatedMs, durationMs) {
  clock.textContent = `${(simulatedMs / 1000).toFixed(1)} s of ${(durationMs / 1000).toFixed(0)} s`;
}

export function showStatus(status) {
  statusOutput.textContent = status;
}
