// The microphone level meter and the speaker test tone, both made with WebAudio.

// Calls `onLevel` ten times a second with the microphone's loudness from 0 to 1; returns a stop function.
export function watchLevel(stream: MediaStream, onLevel: (level: number) => void): () => void {
  const context = new AudioContext()
  const source = context.createMediaStreamSource(stream)
  const analyser = context.createAnalyser()
  analyser.fftSize = 1024
  source.connect(analyser)
  const samples = new Float32Array(analyser.fftSize)
  void context.resume()
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(samples)
    let sum = 0
    for (const sample of samples) sum += sample * sample
    // Speech at a normal distance is an RMS of about 0.05–0.2: scaled so that it fills most of the bar.
    onLevel(Math.min(1, Math.sqrt(sum / samples.length) * 5))
  }, 100)
  return () => {
    clearInterval(timer)
    source.disconnect()
    void context.close()
  }
}

export const canChooseSpeaker = () => 'setSinkId' in HTMLMediaElement.prototype

// A short two-note chime played to the chosen speaker (or the default one where it cannot be chosen).
export async function playTestTone(speakerId?: string): Promise<void> {
  const context = new AudioContext()
  const destination = context.createMediaStreamDestination()
  const gain = context.createGain()
  gain.connect(destination)
  const start = context.currentTime + 0.05
  const notes: [number, number][] = [
    [660, start],
    [880, start + 0.45],
  ]
  const oscillators = notes.map(([frequency, at]) => {
    const oscillator = context.createOscillator()
    oscillator.frequency.value = frequency
    oscillator.connect(gain)
    oscillator.start(at)
    oscillator.stop(at + 0.4)
    return oscillator
  })
  gain.gain.setValueAtTime(0, start)
  gain.gain.linearRampToValueAtTime(0.3, start + 0.05)
  gain.gain.setValueAtTime(0.3, start + 0.8)
  gain.gain.linearRampToValueAtTime(0, start + 0.85)

  const audio = new Audio()
  audio.srcObject = destination.stream
  try {
    if (speakerId && canChooseSpeaker()) await audio.setSinkId(speakerId)
    await context.resume()
    await audio.play()
    await new Promise<void>((resolve) => {
      oscillators[oscillators.length - 1].onended = () => resolve()
    })
  } finally {
    audio.pause()
    audio.srcObject = null
    void context.close()
  }
}
