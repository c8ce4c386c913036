using System.Diagnostics;

using AiJukebox.Devices.Interop;

namespace AiJukebox.Devices;

/// <summary>
/// Renders MIDI messages to an audio file offline, as fast as the processor allows: FluidSynth's
/// file renderer (libsndfile: WAV or FLAC, 16-bit stereo) writes 64-frame blocks, and every
/// message is played at the block boundary nearest its time (within 32 frames, 0.7 ms at 44.1 kHz).
/// </summary>
public static class SynthRenderer
{
    /// <summary>The frames FluidSynth renders at a time (its internal block, FLUID_BUFSIZE).</summary>
    public const int BlockFrames = 64;

    /// <summary>The file types written, by extension.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".wav", ".flac"];

    /// <summary>Renders <paramref name="messages"/> (any order; sorted by time here) to <paramref name="path"/>, written atomically.</summary>
    /// <exception cref="ArgumentException">The file's extension is not .wav or .flac, or an option is out of range.</exception>
    /// <exception cref="SynthLibraryNotFoundException">libfluidsynth is not installed.</exception>
    /// <exception cref="SoundFontNotFoundException">No usable SoundFont.</exception>
    /// <exception cref="SynthException">FluidSynth could not write the file.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> fired; nothing is written.</exception>
    public static AudioRenderResult Render(IEnumerable<TimedMidiMessage> messages, string path, AudioRenderOptions options, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(options);
        var type = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".wav" => "wav",
            ".flac" => "flac",
            var other => throw new ArgumentException($"{path}: audio files are .wav or .flac, not '{other}'."),
        };
        if (options.SampleRate is < 8000 or > 96000 || !(options.TailSeconds is >= 0 and <= 60) || !(options.Gain is >= 0 and <= 10))
        {
            throw new ArgumentException("The sample rate must be 8000-96000 Hz, the tail 0-60 s and the gain 0-10.");
        }

        var ordered = messages.OrderBy(m => m.Seconds).ToArray();
        var soundFont = SoundFontLocator.Find(options.SoundFont, options.SettingsSoundFont);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        var clock = Stopwatch.StartNew();
        long frames;
        try
        {
            frames = Write(ordered, temporary, type, soundFont, options, cancel);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return new AudioRenderResult(full, frames, options.SampleRate, soundFont, clock.Elapsed);
    }

    private static long Write(TimedMidiMessage[] messages, string file, string type, string soundFont, AudioRenderOptions options, CancellationToken cancel)
    {
        var rate = options.SampleRate;
        using var settings = FluidSynthCalls.NewSettings(new SynthOptions { Gain = options.Gain, SampleRate = rate });
        FluidSynthCalls.SetString(settings, "audio.file.name", file);
        FluidSynthCalls.SetString(settings, "audio.file.type", type);
        FluidSynthCalls.SetString(settings, "audio.file.format", "s16");
        FluidSynthCalls.SetInteger(settings, "audio.period-size", BlockFrames);
        using var synth = FluidSynthCalls.NewSynth(settings, soundFont);
        var end = (messages.Length == 0 ? 0 : Math.Max(0, messages[^1].Seconds)) + options.TailSeconds;
        var blocks = (long)Math.Ceiling(end * rate / BlockFrames);
        Span<byte> bytes = stackalloc byte[3];
        var next = 0;
        SynthLog.ClearError();
        using (var renderer = FluidSynthNative.new_fluid_file_renderer(synth))
        {
            if (renderer.IsInvalid)
            {
                throw FluidSynthCalls.Failure($"new_fluid_file_renderer({type} file {file})");
            }

            for (long block = 0; block < blocks; block++)
            {
                // A message plays from the block boundary nearest its frame.
                var boundary = (block * BlockFrames) + (BlockFrames / 2);
                while (next < messages.Length && Math.Round(messages[next].Seconds * rate) < boundary)
                {
                    var m = messages[next++];
                    bytes[0] = m.Status;
                    bytes[1] = m.Data1;
                    bytes[2] = m.Data2;
                    FluidSynthCalls.Send(synth, bytes);
                }

                if (FluidSynthNative.fluid_file_renderer_process_block(renderer) != FluidSynthNative.Ok)
                {
                    throw FluidSynthCalls.Failure($"fluid_file_renderer_process_block ({file})");
                }

                if ((block & 1023) == 0)
                {
                    cancel.ThrowIfCancellationRequested();
                }
            }
        }

        return blocks * BlockFrames;
    }
}
