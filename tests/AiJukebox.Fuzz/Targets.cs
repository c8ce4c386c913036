using AiJukebox.Model;
using AiJukebox.Music;

namespace AiJukebox.Fuzz;

/// <summary>The readers that take files from outside: MIDI files, notes files, model cards, weights.</summary>
internal static class Targets
{
    /// <summary>The targets; <paramref name="notesPath"/> is the notes file the weights seeds were trained on.</summary>
    public static FuzzTarget[] Create(string? notesPath)
    {
        var notes = notesPath is null ? null : NotesFile.Load(notesPath);
        return
        [
            // A MIDI file goes on to be tokenized, as an import does: hostile timing must not hide there.
            new("midi", typeof(MidiImportException), (bytes, _) =>
            {
                foreach (var piece in MidiFileImporter.Read(bytes, ImportOptions.Default).Pieces)
                {
                    TokenizerFactory.Create(RemiTokenizer.TokenizerName, new Dictionary<string, string>()).Encode(piece.Notes, piece.TimeSignatures);
                    TokenizerFactory.Create(EventsTokenizer.TokenizerName, new Dictionary<string, string>()).Encode(piece.Notes, piece.TimeSignatures);
                }
            }),
            new("notes", typeof(NotesFileException), (bytes, _) => NotesFile.Read(new MemoryStream(bytes, writable: false), "fuzz.json")),

            // The card as every verb reads it: the card, then the files it names.
            new("card", typeof(ModelFileException), (_, path) =>
            {
                var card = ModelCard.Load(path);
                ModelCard.FileBeside(path, card.Weights);
                ModelCard.FileBeside(path, card.Corpus.NotesFile);
            }),

            // The weights as a model is loaded: metadata, network description, then the tensors.
            new("weights", typeof(ModelFileException), (_, path) =>
            {
                using var model = TrainedModel.Load(path, notes ?? throw new InvalidOperationException("the weights target needs --notes"), notesPath!);
            }),
        ];
    }
}
