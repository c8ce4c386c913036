using AiJukebox.Music;

namespace AiJukebox.Live;

/// <summary>
/// The loop (solo and accompany): the jukebox's last <see cref="LiveOptions.LoopBars"/> whole
/// bars, repeated bar for bar from the next bar line until the loop is turned off; with mutation
/// (Conductor.Mutate.cs) a share of its bars is composed anew on each pass.
/// </summary>
internal sealed partial class Conductor
{
    private const int RequestLoopOn = 1;
    private const int RequestLoopOff = 0;
    private const int RequestLoopToggle = 2;

    // Bars of the stream's notes kept for a loop to take its bars from.
    private const int KeptBars = 64;

    private readonly List<Note> _streamNotes = [];
    private List<Note>[] _loopBars = [];
    private volatile bool _looping;
    private bool _loopStarting;
    private double _loopStart;
    private long _loopBar;
    private bool _loopBarReady;
    private int _loopCursor;
    private int _requestedLoop = -1;

    /// <summary>Whether the loop is on (any thread).</summary>
    public bool Looping => _looping;

    /// <summary>Where the loop's first repeat starts, in beats (a bar line).</summary>
    public double LoopStart => _loopStart;

    public void RequestLoop(bool? on) => Volatile.Write(ref _requestedLoop, on is null ? RequestLoopToggle : on.Value ? RequestLoopOn : RequestLoopOff);

    private void InitializeLoop() => _generator.Queued = OnStreamNote;

    /// <summary>Stopped, panicked or switched to call-and-response: the loop ends with the music.</summary>
    private void ForgetLoop()
    {
        _looping = false;
        _loopStarting = false;
        _loopBars = [];
    }

    private void OnStreamNote(Note note)
    {
        RememberPlayed(note);
        // The repeats are not the stream's (the stream's last notes before the loop still are).
        if (_looping && !_loopStarting)
        {
            return;
        }

        _streamNotes.Add(note);
        var keepFrom = note.Start - (KeptBars * Meter.BarBeats);
        if (_streamNotes.Count > 4096 && _streamNotes[0].Start < keepFrom)
        {
            _streamNotes.RemoveAll(n => n.Start < keepFrom);
        }
    }

    private void ApplyLoopRequest()
    {
        var request = Interlocked.Exchange(ref _requestedLoop, -1);
        if (request >= 0)
        {
            SetLooping(request == RequestLoopToggle ? !_looping : request == RequestLoopOn);
        }
    }

    private void SetLooping(bool on)
    {
        if (on == _looping || _mode == PerformanceMode.CallResponse)
        {
            return;
        }

        if (on)
        {
            if (!_streaming)
            {
                return;
            }

            // The stream plays to the first bar line it has not composed past, and the loop
            // repeats the bars before that line from there.
            _loopStart = NextGridLine(Math.Max(_generator.Frontier, _scheduler.Playhead + _options.LeadBeats), Meter.BarBeats);
            _generator.EndAt(_loopStart);
            _loopStarting = true;
            _looping = true;
            return;
        }

        ForgetLoop();
        // Back to the model: the stream starts again a lead from now.
        Silence();
    }

    /// <summary>While looping: finish the stream to the loop's start, then keep the repeats a horizon ahead, bar by bar.</summary>
    private void StepLoop(double playhead)
    {
        if (_loopStarting)
        {
            _generator.Fill(_loopStart, MaxTokensPerStep);
            if (!_generator.Finished)
            {
                return;
            }

            TakeLoopBars();
            _loopStarting = false;
        }

        var bar = Meter.BarBeats;
        var until = playhead + _options.HorizonBeats;
        while (_loopBars.Length > 0 && _generator.HasRoom)
        {
            var barStart = _loopStart + (_loopBar * bar);
            if (barStart >= until)
            {
                break;
            }

            if (!_loopBarReady)
            {
                PrepareLoopBar(_loopBar, barStart);
                _loopBarReady = true;
                _loopCursor = 0;
            }

            var notes = _loopBars[_loopBar % _loopBars.Length];
            if (_loopCursor == notes.Count)
            {
                _loopBar++;
                _loopBarReady = false;
                continue;
            }

            var note = notes[_loopCursor];
            var start = barStart + note.Start;
            if (start >= until)
            {
                break;
            }

            if (start >= playhead)
            {
                _generator.QueueAt(note with { Start = start });
            }

            _loopCursor++;
        }

        _generator.ReleaseThrough(until);
    }

    /// <summary>The stream's last bars before the loop's start, each bar's notes from its bar line.</summary>
    private void TakeLoopBars()
    {
        var bar = Meter.BarBeats;
        var count = _options.LoopBars;
        var from = _loopStart - (count * bar);
        _loopBars = new List<Note>[count];
        for (var i = 0; i < count; i++)
        {
            _loopBars[i] = [];
        }

        foreach (var note in _streamNotes)
        {
            if (note.Start >= from - GridTolerance && note.Start < _loopStart - GridTolerance)
            {
                var index = Math.Min(count - 1, (int)Math.Floor(((note.Start - from) / bar) + GridTolerance));
                AddLoopNote(index, note, from + (index * bar));
            }
        }

        foreach (var notes in _loopBars)
        {
            notes.Sort((a, b) => a.Start.CompareTo(b.Start));
        }

        _loopBar = 0;
        _loopBarReady = false;
        BeginMutation();
    }

    /// <summary>A note into bar <paramref name="index"/>, from its bar line; a note held over the loop's end stops there, so repeats never overlap.</summary>
    private void AddLoopNote(int index, Note note, double barStart)
    {
        var start = note.Start - barStart;
        var untilLoopEnd = ((_loopBars.Length - index) * Meter.BarBeats) - start;
        _loopBars[index].Add(note with { Start = start, Duration = Math.Min(note.Duration, untilLoopEnd) });
    }
}
