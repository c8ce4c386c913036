using AiJukebox.Configuration;
using AiJukebox.Model;
using AiJukebox.Music;
using AiJukebox.Music.Generation;

namespace AiJukebox.Services;

/// <summary>Generation to a .mid file, shared by the generate verb and the Generate screen.</summary>
internal static class OfflineGeneration
{
    /// <summary>
    /// The primer tokens: "corpus" (a random window of the notes file), "none", or a .mid file's path.
    /// </summary>
    /// <exception cref="MidiImportException">The primer file is not readable MIDI.</exception>
    public static int[] Primer(LoadedModel loaded, string primer, int corpusLength, ulong seed) => primer switch
    {
        "corpus" => Primers.FromNotesFile(loaded.Notes, loaded.Tokenizer, corpusLength, seed),
        "none" => Primers.Empty(loaded.Tokenizer),
        var file => Primers.FromMidiFile(file, loaded.Tokenizer),
    };

    /// <summary>Generates with a fresh predictor over the model's weights.</summary>
    /// <param name="loaded">The model.</param>
    /// <param name="request">Primer, sampling, seed and length.</param>
    /// <param name="engine">What runs the model's steps.</param>
    /// <param name="progress">Called with the tokens generated so far, every 256 tokens.</param>
    /// <param name="cancel">Stops generating early; what was generated so far is returned.</param>
    public static GenerationResult Generate(LoadedModel loaded, GenerationRequest request, InferenceEngine engine, Action<int>? progress, CancellationToken cancel)
    {
        using var predictor = loaded.Model.CreatePredictor(engine);
        return OfflineGenerator.Generate(predictor, loaded.Tokenizer, request, progress, cancel);
    }

    /// <summary>Writes the notes as a type-1 file with a tempo track and one track (atomically).</summary>
    /// <param name="result">What was generated.</param>
    /// <param name="output">The .mid file.</param>
    /// <param name="tempo">Tempo of the file in BPM.</param>
    /// <param name="program">General MIDI program 0-127.</param>
    /// <param name="channel">MIDI channel 0-15.</param>
    public static void Write(GenerationResult result, string output, double tempo, int program, int channel) =>
        MidiFileWriter.Save(output, new MidiSong([new TempoChange(0, tempo)], [new MidiTrackNotes("AI Jukebox", channel, program, result.Notes)]));

    /// <summary>The one-line summary both the CLI and the UI show.</summary>
    public static string Summary(LoadedModel loaded, GenerationResult result, ulong seed, string output, double tempo) =>
        $"Wrote {output}: {result.Notes.Count} notes, {result.LengthBeats:F1} beats ({result.LengthBeats * 60 / tempo:F1} s at {tempo:0.#} BPM) from {result.Tokens.Length} tokens of {loaded.DisplayName} ({loaded.Model.Network.Kind}, {loaded.Tokenizer.Name}), seed {seed}.";
}
