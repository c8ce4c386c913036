using AiJukebox.Model;
using AiJukebox.Music;

namespace AiJukebox.Configuration;

/// <summary>A model ready to generate with: weights, the notes file they match, its tokenizer.</summary>
internal sealed class LoadedModel(TrainedModel model, NotesFile notes, string notesPath, ITokenizer tokenizer, string displayName) : IDisposable
{
    public TrainedModel Model { get; } = model;

    public NotesFile Notes { get; } = notes;

    public string NotesPath { get; } = notesPath;

    public ITokenizer Tokenizer { get; } = tokenizer;

    /// <summary>Short name for status lines (the model's folder).</summary>
    public string DisplayName { get; } = displayName;

    public void Dispose() => Model.Dispose();
}
