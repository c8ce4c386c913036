using AiJukebox.Configuration;
using AiJukebox.Live;
using AiJukebox.Model;
using AiJukebox.Music;

namespace AiJukebox.Playing;

/// <summary>
/// The models <c>play --models</c> cycles through. The next-model control asks for the next one:
/// it is loaded on a pool thread (never on the music's threads; kept loaded for the next round)
/// and handed to the performer, which takes it in at the next phrase while the music goes on.
/// Owns the predictors of the performance (<see cref="Predictors"/>) and the models it loaded.
/// </summary>
internal sealed class ModelRotation : IDisposable
{
    private readonly IReadOnlyList<string> _paths;
    private readonly LoadedModel?[] _loaded;
    private readonly InferenceEngine _engine;
    private readonly Func<JukeboxConfig> _config;
    private readonly TextWriter _log;
    private readonly Lock _gate = new();
    private Task _switching = Task.CompletedTask;
    private Performer? _performer;
    private int _current;

    /// <param name="paths">The models, in order; the first is <paramref name="first"/>. Empty or one: nothing to cycle.</param>
    /// <param name="first">The model the performance starts with (loaded by the caller, who disposes it).</param>
    /// <param name="engine">What runs the models' steps.</param>
    /// <param name="config">The configuration (for a model's default notes file).</param>
    /// <param name="log">Where switches and problems are reported (stderr).</param>
    public ModelRotation(IReadOnlyList<string> paths, LoadedModel first, InferenceEngine engine, Func<JukeboxConfig> config, TextWriter log)
    {
        _paths = paths;
        _loaded = new LoadedModel?[Math.Max(1, paths.Count)];
        _loaded[0] = first;
        _engine = engine;
        _config = config;
        _log = TextWriter.Synchronized(log);
    }

    /// <summary>Every predictor the performance was given; disposed when it is no longer used.</summary>
    public PredictorPool Predictors { get; } = new();

    /// <summary>The first model's predictor, for the performer.</summary>
    public ITokenPredictor CreateFirstPredictor() => Predictors.Add(_loaded[0]!.Model.CreatePredictor(_engine));

    /// <summary>From now on the performer's next-model control cycles through the models.</summary>
    public void Attach(Performer performer)
    {
        _performer = performer;
        performer.NextModelRequested += RequestNext;
    }

    /// <summary>Any thread (the performer's generator thread): returns at once; the next model loads and switches in the background, one request after another.</summary>
    public void RequestNext()
    {
        if (_paths.Count < 2)
        {
            _log.WriteLine("aijukebox play: the next-model control needs a list of models (--models A,B).");
            return;
        }

        lock (_gate)
        {
            _switching = _switching.ContinueWith(_ => SwitchToNext(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    /// <summary>Waits for a switch in progress, then disposes the predictors and the models this rotation loaded.</summary>
    public void Dispose()
    {
        Task switching;
        lock (_gate)
        {
            switching = _switching;
        }

        switching.Wait();
        Predictors.Dispose();
        for (var i = 1; i < _loaded.Length; i++)
        {
            _loaded[i]?.Dispose();
        }
    }

    private void SwitchToNext()
    {
        _current = (_current + 1) % _paths.Count;
        var path = _paths[_current];
        try
        {
            var model = _loaded[_current] ??= ModelSelection.Load(path, null, _config);
            Predictors.Switch(_performer!, model.Tokenizer, model.Model.CreatePredictor(_engine));
            _log.WriteLine($"Next model: {model.DisplayName} ({model.Model.Network.Kind}, {model.Tokenizer.Name}) takes over at the next phrase.");
        }
        catch (Exception e) when (e is ModelFileException or NotesFileException or ArgumentException or FileNotFoundException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // The music goes on with the model it has.
            _log.WriteLine($"aijukebox play: cannot switch to {path}: {e.Message.Split('\n')[0]}");
        }
    }
}
