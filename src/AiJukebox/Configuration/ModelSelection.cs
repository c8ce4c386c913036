using AiJukebox.Model;
using AiJukebox.Music;

namespace AiJukebox.Configuration;

/// <summary>Turns the --model/--notes choices (or the config's defaults) into a loaded model.</summary>
internal static class ModelSelection
{
    /// <summary>
    /// Loads <paramref name="model"/> (a model.json, a run folder or a .safetensors file; the
    /// config's default when null) with <paramref name="notes"/> (when null: notes.json beside
    /// the model, then the notes file named in its model card, then the config's default).
    /// </summary>
    /// <exception cref="ModelFileException">The model is missing, unreadable, or for another vocabulary.</exception>
    /// <exception cref="NotesFileException">The notes file is missing or invalid.</exception>
    public static LoadedModel Load(string? model, string? notes, Func<JukeboxConfig> config)
    {
        var modelPath = model ?? config().DefaultModel;
        var notesPath = notes ?? FindNotes(modelPath) ?? config().DefaultNotes;
        var notesFile = NotesFile.Load(notesPath);
        var tokenizer = TokenizerFactory.FromNotesFile(notesFile);
        var trained = TrainedModel.Load(modelPath, notesFile, notesPath);
        var folder = Directory.Exists(modelPath) ? modelPath : Path.GetDirectoryName(Path.GetFullPath(modelPath))!;
        return new LoadedModel(trained, notesFile, notesPath, tokenizer, Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)));
    }

    private static string? FindNotes(string modelPath)
    {
        var folder = Directory.Exists(modelPath) ? modelPath : Path.GetDirectoryName(Path.GetFullPath(modelPath));
        if (folder is null)
        {
            return null;
        }

        var beside = Path.Combine(folder, "notes.json");
        if (File.Exists(beside))
        {
            return beside;
        }

        var card = Path.Combine(folder, Trainer.ModelCardFile);
        if (File.Exists(card))
        {
            var named = ModelCard.FileBeside(card, ModelCard.Load(card).Corpus.NotesFile);
            if (File.Exists(named))
            {
                return named;
            }
        }

        return null;
    }
}
