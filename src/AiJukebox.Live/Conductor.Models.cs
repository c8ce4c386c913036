using AiJukebox.Music;
using AiJukebox.Music.Generation;

namespace AiJukebox.Live;

/// <summary>
/// Switching models while playing: the new model takes over at the next phrase — the next bar
/// line the stream has not composed past (solo, accompany), the next bar of a loop, the next
/// answer — primed with the last bars of what was played, encoded with its own tokenizer, so a
/// model with another vocabulary picks up the music where it is. The music does not stop.
/// </summary>
internal sealed partial class Conductor
{
    // Bars of what was played (the jukebox's and the player's notes) that prime a new model.
    private const int PrimeBars = 4;

    private readonly List<Note> _played = [];
    private readonly List<Note> _primePhrase = [];
    private ModelParts _model;
    private ModelParts? _requestedModel;
    private ModelParts? _nextModel;
    private double _switchAt = double.NaN;

    /// <summary>The player asked for the next model (its control change); raised on the generator thread.</summary>
    public event Action? NextModelRequested;

    /// <summary>Models switched to so far.</summary>
    public int ModelSwitches { get; private set; }

    /// <summary>Where the last switched model took over, in beats (NaN before any).</summary>
    public double LastSwitchBeat { get; private set; } = double.NaN;

    /// <summary>The sampler in force (temperature, key).</summary>
    public Music.Sampling.TokenSampler Sampler => _sampler;

    /// <summary>Any thread: <paramref name="next"/> takes over at the next phrase; a switch still waiting is superseded.</summary>
    public Task<ITokenPredictor> RequestModel(ModelParts next)
    {
        if (Interlocked.Exchange(ref _requestedModel, next) is { } superseded)
        {
            superseded.Retired.TrySetResult(superseded.Predictor);
        }

        return next.Retired.Task;
    }

    /// <summary>Any thread: a requested switch not yet taken in will never be (the performance ended).</summary>
    public void AbandonRequestedModel()
    {
        if (Interlocked.Exchange(ref _requestedModel, null) is { } requested)
        {
            requested.Retired.TrySetResult(requested.Predictor);
        }
    }

    /// <summary>After both threads stopped: every switch still waiting ends unplayed.</summary>
    public void AbandonModelSwitches()
    {
        AbandonRequestedModel();
        _nextModel?.Retired.TrySetResult(_nextModel.Predictor);
        _nextModel = null;
    }

    private void RaiseNextModelRequested() => NextModelRequested?.Invoke();

    private void ApplyModelRequest()
    {
        if (Interlocked.Exchange(ref _requestedModel, null) is { } next)
        {
            // One still waiting for its bar line never played; the new one takes that line.
            _nextModel?.Retired.TrySetResult(_nextModel.Predictor);
            _nextModel = next;
        }
    }

    /// <summary>A played note, kept for priming a new model (the player's as played, the jukebox's at the model's pitch).</summary>
    private void RememberPlayed(Note note)
    {
        _played.Add(note);
        if (_played.Count > 1024)
        {
            var keepFrom = note.Start - ((PrimeBars + 1) * Meter.BarBeats);
            _played.RemoveAll(n => n.Start < keepFrom);
        }
    }

    /// <summary>Takes a waiting model in when its moment has come (see the class summary).</summary>
    private void StepModelSwitch(double playhead)
    {
        if (_nextModel is null)
        {
            return;
        }

        var bar = Meter.BarBeats;
        if (_mode == PerformanceMode.CallResponse)
        {
            if (!_answering)
            {
                SwitchModel(playhead, mapStream: false);
            }
        }
        else if (!_playing || !_streaming)
        {
            SwitchModel(playhead, mapStream: false);
        }
        else if (_looping)
        {
            if (!_loopStarting)
            {
                // From the next bar of the loop not yet queued (mutation composes it with the new model).
                SwitchModel(_loopStart + ((_loopBarReady ? _loopBar + 1 : _loopBar) * bar), mapStream: true);
            }
        }
        else if (double.IsNaN(_switchAt))
        {
            // The old model plays to the first bar line it has not composed past.
            _switchAt = NextGridLine(Math.Max(_generator.Frontier, playhead + _options.LeadBeats), bar);
            _generator.EndAt(_switchAt);
        }
        else if (_generator.Finished)
        {
            SwitchModel(_switchAt, mapStream: true);
        }
    }

    /// <summary>
    /// The waiting model takes over at <paramref name="at"/>: the sampler's settings carry over,
    /// and it is primed with the last <see cref="PrimeBars"/> bars played before that beat,
    /// encoded from a bar line; mapped, that bar line's place in its stream plays at its place in the performance.
    /// </summary>
    private void SwitchModel(double at, bool mapStream)
    {
        var next = _nextModel!;
        _nextModel = null;
        var old = _model;
        next.Sampler.Options = _sampler.Options;
        _model = next;
        _tokenizer = next.Tokenizer;
        _sampler = next.Sampler;
        _generator.Replace(next.Tokens, next.Decoder);

        var bar = Meter.BarBeats;
        var origin = Math.Max(0, (Math.Floor((at / bar) + GridTolerance) - PrimeBars) * bar);
        _primePhrase.Clear();
        foreach (var note in _played)
        {
            if (note.Start >= origin - GridTolerance && note.Start < at - GridTolerance)
            {
                _primePhrase.Add(note with { Start = note.Start - origin, Duration = Math.Min(note.Duration, at - note.Start) });
            }
        }

        _primePhrase.Sort((a, b) => a.Start.CompareTo(b.Start));
        _primer = _primePhrase.Count == 0 ? [] : EncodePhrase(_primePhrase);
        _generator.Restart(_primer);
        _primed = true;
        if (mapStream)
        {
            // With nothing to prime from there is no grid to keep: the stream starts at the line.
            _generator.BeginAt(at, streamPosition: _primePhrase.Count == 0 ? null : at - origin);
        }

        _switchAt = double.NaN;
        ModelSwitches++;
        LastSwitchBeat = at;
        next.Retired.TrySetResult(old.Predictor);
    }

    /// <summary>A phrase (from a bar line, in the performance's metre) as context for a fresh stream.</summary>
    private int[] EncodePhrase(IReadOnlyList<Note> phrase) =>
        ControlTokens.ForContext(_tokenizer.Encode(phrase, [new TimeSignatureChange(0, Meter.Numerator, Meter.Denominator)]), _tokenizer.Vocabulary, keepBegin: true);
}
