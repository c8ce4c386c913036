using AiJukebox.Music;

namespace AiJukebox.Live;

/// <summary>
/// The loop (solo and accompany): the jukebox's last <see cref="LiveOptions.LoopBars"/> whole
/// bars, repeated bar for bar from the next bar line until the loop is turned off.
/// </summary>
internal sealed partial class Conductor
{
    private const int RequestLoopOn = 1;
    private const int RequestLoopOff = 0;
    private const int RequestLoopToggle = 2;

    // Bars of the stream's notes kept for a loop to take its bars from.
    private const int KeptBars = 64;

    private readonly List<Note> _streamNotes = [];
    private readonly List<Note> _loop = [];
    private volatile bool _looping;
    private bool _loopStarting;
    private double _loopStart;
    private double _loopLength;
    private long _loopPass;
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
        _loop.Clear();
    }

    private void OnStreamNote(Note note)
    {
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
            var bar = Meter.BarBeats;
            _loopStart = NextGridLine(Math.Max(_generator.Frontier, _scheduler.Playhead + _options.LeadBeats), bar);
            _loopLength = _options.LoopBars * bar;
            _generator.EndAt(_loopStart);
            _loopStarting = true;
            _looping = true;
            return;
        }

        ForgetLoop();
        // Back to the model: the stream starts again a lead from now.
        Silence();
    }

    /// <summary>While looping: finish the stream to the loop's start, then keep the repeats a horizon ahead.</summary>
    private void StepLoop(double playhead)
    {
        if (_loopStarting)
        {
            _generator.Fill(_loopStart, MaxTokensPerStep);
            if (!_generator.Finished)
            {
                return;
            }

            var from = _loopStart - _loopLength;
            _loop.Clear();
            foreach (var note in _streamNotes)
            {
                if (note.Start >= from - GridTolerance && note.Start < _loopStart - GridTolerance)
                {
                    // A note held over the loop's end stops there: repeats never overlap.
                    var start = note.Start - from;
                    _loop.Add(note with { Start = start, Duration = Math.Min(note.Duration, _loopLength - start) });
                }
            }

            _loop.Sort((a, b) => a.Start.CompareTo(b.Start));
            _loopPass = 0;
            _loopCursor = 0;
            _loopStarting = false;
        }

        var until = playhead + _options.HorizonBeats;
        while (_loop.Count > 0 && _generator.HasRoom)
        {
            var note = _loop[_loopCursor];
            var start = _loopStart + (_loopPass * _loopLength) + note.Start;
            if (start >= until)
            {
                break;
            }

            if (start >= playhead)
            {
                _generator.QueueAt(note with { Start = start });
            }

            if (++_loopCursor == _loop.Count)
            {
                _loopCursor = 0;
                _loopPass++;
            }
        }

        _generator.ReleaseThrough(until);
    }
}
