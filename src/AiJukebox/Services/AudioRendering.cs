using System.Globalization;

using AiJukebox.Devices;
using AiJukebox.Playing;

namespace AiJukebox.Services;

/// <summary>A .mid file to a .wav/.flac file through the built-in synth: the render verb, generate --render, play --render and the Generate screen.</summary>
internal static class AudioRendering
{
    /// <summary>Renders <paramref name="midi"/> to <paramref name="audio"/>.</summary>
    /// <exception cref="Music.MidiImportException">The .mid file is not readable MIDI.</exception>
    /// <exception cref="SynthException">FluidSynth or a SoundFont is missing, or the file cannot be written.</exception>
    /// <exception cref="ArgumentException">Not a .wav or .flac file, or an option out of range.</exception>
    public static AudioRenderResult Render(string midi, string audio, AudioRenderOptions options, CancellationToken cancel = default) =>
        SynthRenderer.Render(MidiFileMessages.Read(midi), audio, options, cancel);

    /// <summary>The one line the CLI and the UI show.</summary>
    public static string Summary(AudioRenderResult result) => string.Create(
        CultureInfo.InvariantCulture,
        $"Rendered {result.Path}: {result.Seconds:F2} s at {result.SampleRate} Hz with {Path.GetFileName(result.SoundFont)}, in {result.Elapsed.TotalSeconds:F2} s ({result.TimesRealTime:F0}x real time).");

    /// <summary>Whether <paramref name="path"/> names a file type the renderer writes.</summary>
    public static bool IsAudioFile(string path) => SynthRenderer.Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());
}
