/**
 * A short two-note chime made with the Web Audio API, so the console ships no audio file. Quiet
 * (peak gain 0.15) and under half a second: agents hear it all shift long.
 *
 * @example
 * const context = new AudioContext(); // after a click: browsers require a gesture
 * playChime(context);
 */
export function playChime(context: AudioContext): void {
  const start = context.currentTime + 0.01;
  for (const [offset, frequency] of [
    [0, 880],
    [0.16, 1318.5],
  ] as const) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.15, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.3);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.32);
  }
}
