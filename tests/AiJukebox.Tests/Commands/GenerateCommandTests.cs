using AiJukebox.Commands;
using AiJukebox.Music;

namespace AiJukebox.Tests.Commands;

/// <summary>The whole offline path: MIDI files → notes file → a tiny trained model → generate → .mid read back.</summary>
public sealed class GenerateCommandTests : IClassFixture<GenerateCommandTests.TinyModels>, IDisposable
{
    private readonly TinyModels _models;
    private readonly string _folder = Directory.CreateTempSubdirectory("aijukebox-generate-").FullName;

    public GenerateCommandTests(TinyModels models) => _models = models;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Generate_EventsModel_WritesAReadableTypeOneFile()
    {
        var take = Path.Combine(_folder, "take.mid");

        var (exit, output, error) = Cli.Run(GenerateCommand.Create(), "generate", "--model", _models.Events.Run, "--notes", _models.Events.Notes, "-o", take, "--length", "600", "--seed", "3", "--program", "5", "--channel", "2", "--tempo", "100");

        Assert.True(exit == 0, error);
        Assert.Contains("Wrote", output);
        var file = MidiFileImporter.Read(take, ImportOptions.Default);
        Assert.Equal(1, file.Format);
        Assert.Equal(2, file.Tracks.Count);
        Assert.Equal("AI Jukebox", file.Tracks[1].Name);
        Assert.NotEmpty(file.Pieces[0].Notes);
        Assert.All(file.Pieces[0].Notes, n => Assert.Equal(1, n.Channel));
        Assert.Equal(100, file.Pieces[0].Tempos[0].Bpm, 3);
    }

    [Fact]
    public void Generate_RemiModel_WritesNotesThatReadBack()
    {
        var notesFile = NotesFile.Load(_models.Remi.Notes);
        Assert.Equal("remi", notesFile.Tokenizer);
        Assert.Contains(notesFile.Vocabulary.IdOf("Bar"), notesFile.Pieces[0].Tokens);
        var fromCorpus = Path.Combine(_folder, "remi.mid");
        var fromNothing = Path.Combine(_folder, "remi-none.mid");

        var corpus = Cli.Run(GenerateCommand.Create(), "generate", "--model", _models.Remi.Run, "--notes", _models.Remi.Notes, "-o", fromCorpus, "--length", "600", "--seed", "3", "--format", "remi");
        var none = Cli.Run(GenerateCommand.Create(), "generate", "--model", _models.Remi.Run, "--notes", _models.Remi.Notes, "-o", fromNothing, "--beats", "16", "--seed", "4", "--primer", "none");

        Assert.True(corpus.ExitCode == 0, corpus.Err);
        Assert.True(none.ExitCode == 0, none.Err);
        var notes = MidiFileImporter.Read(fromCorpus, ImportOptions.Default).Pieces[0].Notes;
        Assert.NotEmpty(notes);
        Assert.All(notes, n => Assert.Equal(0, n.Start * 12 % 1, 6));
        var short16 = MidiFileImporter.Read(fromNothing, ImportOptions.Default).Pieces[0].Notes;
        Assert.NotEmpty(short16);
        Assert.All(short16, n => Assert.True(n.Start < 16));
    }

    [Fact]
    public void Generate_TransformerOnRemi_BothEnginesWriteNotesThatReadBack()
    {
        var managed = Path.Combine(_folder, "transformer.mid");
        var torch = Path.Combine(_folder, "transformer-torch.mid");

        var auto = Cli.Run(GenerateCommand.Create(), "generate", "--model", _models.Transformer.Run, "--notes", _models.Transformer.Notes, "-o", managed, "--length", "400", "--seed", "3", "--stats");
        var libTorch = Cli.Run(GenerateCommand.Create(), "generate", "--model", _models.Transformer.Run, "--notes", _models.Transformer.Notes, "-o", torch, "--length", "400", "--seed", "3", "--engine", "torch", "--stats");

        Assert.True(auto.ExitCode == 0, auto.Err);
        Assert.True(libTorch.ExitCode == 0, libTorch.Err);
        Assert.Contains("transformer", auto.Out);
        Assert.Contains("managed engine", auto.Out);
        Assert.Contains("LibTorch", libTorch.Out);
        Assert.NotEmpty(MidiFileImporter.Read(managed, ImportOptions.Default).Pieces[0].Notes);
        Assert.NotEmpty(MidiFileImporter.Read(torch, ImportOptions.Default).Pieces[0].Notes);
    }

    [Fact]
    public void Generate_SameSeed_SameBytes()
    {
        var first = Path.Combine(_folder, "a.mid");
        var second = Path.Combine(_folder, "b.mid");
        var third = Path.Combine(_folder, "c.mid");

        Cli.Run(GenerateCommand.Create(), "generate", "--model", _models.Events.Run, "--notes", _models.Events.Notes, "-o", first, "--length", "300", "--seed", "11");
        Cli.Run(GenerateCommand.Create(), "generate", "--model", _models.Events.Run, "--notes", _models.Events.Notes, "-o", second, "--length", "300", "--seed", "11");
        Cli.Run(GenerateCommand.Create(), "generate", "--model", _models.Events.Run, "--notes", _models.Events.Notes, "-o", third, "--length", "300", "--seed", "12");

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        Assert.NotEqual(File.ReadAllBytes(first), File.ReadAllBytes(third));
    }

    [Fact]
    public void Generate_Beats_StopsAtThatLength()
    {
        var take = Path.Combine(_folder, "beats.mid");

        var (exit, _, error) = Cli.Run(GenerateCommand.Create(), "generate", "--model", _models.Events.Run, "--notes", _models.Events.Notes, "-o", take, "--beats", "8", "--seed", "1", "--primer", "none");

        Assert.True(exit == 0, error);
        Assert.All(MidiFileImporter.Read(take, ImportOptions.Default).Pieces[0].Notes, n => Assert.True(n.Start < 8));
    }

    [Fact]
    public void Generate_ChordsBiLstm_ReproducesTheOriginalPipeline()
    {
        var take = Path.Combine(_folder, "chords.mid");

        var (exit, _, error) = Cli.Run(GenerateCommand.Create(), "generate", "--model", _models.Chords.Run, "--notes", _models.Chords.Notes, "-o", take, "--length", "64", "--seed", "2", "--format", "chords");

        Assert.True(exit == 0, error);
        var notes = MidiFileImporter.Read(take, ImportOptions.Default).Pieces[0].Notes;
        Assert.NotEmpty(notes);
        // Fixed half-beat steps: every onset on the half-beat grid, every note half a beat long.
        Assert.All(notes, n => Assert.Equal(0, n.Start * 2 % 1, 6));
        Assert.All(notes, n => Assert.Equal(0.5, n.Duration, 6));
    }

    [Fact]
    public void Generate_FormatOtherThanTheModels_IsAOneLineError()
    {
        var (exit, _, error) = Cli.Run(GenerateCommand.Create(), "generate", "--model", _models.Events.Run, "--notes", _models.Events.Notes, "-o", Path.Combine(_folder, "x.mid"), "--format", "chords");

        Assert.Equal(1, exit);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("chords", error);
    }

    [Fact]
    public void Generate_WeightsForAnotherVocabulary_NamesBothFiles()
    {
        var (exit, _, error) = Cli.Run(GenerateCommand.Create(), "generate", "--model", _models.Events.Run, "--notes", _models.Chords.Notes, "-o", Path.Combine(_folder, "x.mid"));

        Assert.Equal(1, exit);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains(_models.Chords.Notes, error);
        Assert.Contains("safetensors", error);
        Assert.False(File.Exists(Path.Combine(_folder, "x.mid")));
    }

    [Fact]
    public void Generate_Engines_AutoIsManagedForLstm_TorchOnRequest()
    {
        var managed = Path.Combine(_folder, "managed.mid");
        var torch = Path.Combine(_folder, "torch.mid");

        var auto = Cli.Run(GenerateCommand.Create(), "generate", "--model", _models.Events.Run, "--notes", _models.Events.Notes, "-o", managed, "--length", "200", "--seed", "4", "--stats");
        var libTorch = Cli.Run(GenerateCommand.Create(), "generate", "--model", _models.Events.Run, "--notes", _models.Events.Notes, "-o", torch, "--length", "200", "--seed", "4", "--stats", "--engine", "torch");

        Assert.True(auto.ExitCode == 0, auto.Err);
        Assert.True(libTorch.ExitCode == 0, libTorch.Err);
        Assert.Contains("managed engine", auto.Out);
        Assert.Contains("LibTorch, 1 thread(s)", libTorch.Out);
        Assert.NotEmpty(MidiFileImporter.Read(managed, ImportOptions.Default).Pieces[0].Notes);
        Assert.NotEmpty(MidiFileImporter.Read(torch, ImportOptions.Default).Pieces[0].Notes);
    }

    [Fact]
    public void Generate_ManagedEngineForABiLstm_IsAOneLineError()
    {
        var (exit, _, error) = Cli.Run(GenerateCommand.Create(), "generate", "--model", _models.Chords.Run, "--notes", _models.Chords.Notes, "-o", Path.Combine(_folder, "x.mid"), "--engine", "managed");

        Assert.Equal(1, exit);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("--engine torch", error);
        Assert.False(File.Exists(Path.Combine(_folder, "x.mid")));
    }

    [Fact]
    public void Generate_MissingModel_SaysWhatToDo()
    {
        var (exit, _, error) = Cli.Run(GenerateCommand.Create(), "generate", "--model", Path.Combine(_folder, "nowhere"), "--notes", _models.Events.Notes, "-o", Path.Combine(_folder, "x.mid"));

        Assert.Equal(1, exit);
        Assert.Contains("aijukebox train", error);
    }

    /// <summary>Two models trained once for the class: an lstm on events, a bilstm on chords.</summary>
    public sealed class TinyModels : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("aijukebox-tiny-models-").FullName;

        public TinyModels()
        {
            var midi = Path.Combine(_folder, "midi");
            Directory.CreateDirectory(midi);
            var random = new Random(5);
            for (var i = 0; i < 6; i++)
            {
                Cli.WriteSong(Path.Combine(midi, $"song{i}.mid"), [.. Enumerable.Range(0, 48).Select(_ => 48 + random.Next(24))]);
            }

            Events = Train(midi, "events", "lstm");
            Chords = Train(midi, "chords", "bilstm");
            Remi = Train(midi, "remi", "lstm", "--augment-transpose", "2");
            Transformer = Train(midi, "remi", "transformer", "--heads", "2", "--optimizer", "adamw", "--warmup", "3");
        }

        public (string Notes, string Run) Events { get; }

        public (string Notes, string Run) Chords { get; }

        public (string Notes, string Run) Remi { get; }

        public (string Notes, string Run) Transformer { get; }

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private (string Notes, string Run) Train(string midi, string tokenizer, string kind, params string[] more) =>
            Cli.ImportAndTrain(_folder, midi, $"{tokenizer}.json", $"run-{tokenizer}-{kind}", tokenizer, ["--model", kind, "--epochs", "1", "--hidden", "16", "--embedding", "8", "--layers", "1", "--seq-len", "16", .. more]);
    }
}
