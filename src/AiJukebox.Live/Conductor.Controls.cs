using AiJukebox.Music;

namespace AiJukebox.Live;

/// <summary>The player's input and the controls: what changes the conductor's course.</summary>
internal sealed partial class Conductor
{
    private void OnPlayer(LiveEvent e)
    {
        var kind = e.Status & 0xF0;
        if (kind == 0xB0 && _options.Controls.IsMapped(e.Data1))
        {
            OnControl(e.Data1, e.Data2);
            return;
        }

        if (kind is not (0x80 or 0x90))
        {
            return;
        }

        _take.Player(e.Beat, e.Status, e.Data1, e.Data2);
        if (kind == 0x90 && e.Data2 > 0)
        {
            PlayerNotes++;
            if (_answering && e.Beat < _answerStart)
            {
                TakeBackAnswer();
            }
        }

        if (!_listening.Handle(e.Beat, e.Status, e.Data1, e.Data2, out var note))
        {
            return;
        }

        _lastRelease = Math.Max(_lastRelease, note.End);
        HearPlayerNote(note);
        RememberPlayed(note);
        if (_mode == PerformanceMode.CallResponse)
        {
            _call.Add(note);
        }
        else if (_mode == PerformanceMode.Accompany && _playing)
        {
            // A note is complete (its duration known) at its release: that is when it joins the
            // context, at the stream's position then (start 0 is before any position; see FeedNotes).
            _pendingContext.Add(note with { Start = 0 });
        }
    }

    private void OnControl(int controller, int value)
    {
        var controls = _options.Controls;
        var fraction = value / 127.0;
        if (controller == controls.TemperatureCc)
        {
            SetTemperature(controls.MinTemperature + (fraction * (controls.MaxTemperature - controls.MinTemperature)));
        }
        else if (controller == controls.TempoCc)
        {
            _scheduler.RequestTempo(Math.Round(controls.MinTempo + (fraction * (controls.MaxTempo - controls.MinTempo)), 1));
        }
        else if (controller == controls.ModeCc)
        {
            SetMode(value < 43 ? PerformanceMode.Solo : value < 86 ? PerformanceMode.CallResponse : PerformanceMode.Accompany);
        }
        else if (controller == controls.StartStopCc)
        {
            SetPlaying(value >= 64);
        }
        else if (controller == controls.PanicCc && value >= 64)
        {
            Panic();
        }
        else if (controller == controls.KeyLockCc)
        {
            SetKeyLocked(value >= 64);
        }
        else if (controller == controls.MetronomeCc)
        {
            _scheduler.RequestMetronome(value >= 64);
        }
        else if (controller == controls.LoopCc)
        {
            SetLooping(value >= 64);
        }
        else if (controller == controls.MutateCc)
        {
            SetMutate(fraction);
        }
        else if (controller == controls.NextModelCc && value >= 64)
        {
            RaiseNextModelRequested();
        }
    }

    private void ApplyRequests()
    {
        var mode = Interlocked.Exchange(ref _requestedMode, -1);
        if (mode >= 0)
        {
            SetMode((PerformanceMode)mode);
        }

        var playing = Interlocked.Exchange(ref _requestedPlaying, -1);
        if (playing >= 0)
        {
            SetPlaying(playing == 1);
        }

        var temperature = Interlocked.Exchange(ref _requestedTemperatureBits, -1);
        if (temperature != -1)
        {
            SetTemperature(BitConverter.Int64BitsToDouble(temperature));
        }

        if (Interlocked.Exchange(ref _requestedPanic, 0) == 1)
        {
            Panic();
        }

        ApplyKeyLockRequest();
        ApplyLoopRequest();
        ApplyMutateRequest();
        ApplyModelRequest();
    }

    private void SetTemperature(double temperature)
    {
        _sampler.Options = _sampler.Options with { Temperature = Math.Max(0, temperature) };
    }

    private void SetMode(PerformanceMode mode)
    {
        if (mode == _mode)
        {
            return;
        }

        // Solo and accompany are one stream; call-and-response starts and ends its own.
        if (mode == PerformanceMode.CallResponse || _mode == PerformanceMode.CallResponse)
        {
            Silence();
            _primed = false;
        }

        _call.Clear();
        _answer.Clear();
        _pendingContext.Clear();
        if (mode == PerformanceMode.CallResponse)
        {
            ForgetLoop();
        }

        _mode = mode;
    }

    private void SetPlaying(bool playing)
    {
        if (playing == _playing)
        {
            return;
        }

        _playing = playing;
        if (!playing)
        {
            ForgetLoop();
            Silence();
        }
    }

    private void Panic()
    {
        ForgetLoop();
        _playing = false;
        Silence();
        _scheduler.RequestPanic();
    }

    /// <summary>Stops composing, and has the clock thread drop what is queued and end the jukebox's notes.</summary>
    private void Silence()
    {
        _streaming = false;
        _answering = false;
        _generator.ForgetPendingNotes();
        _flushTicket = _scheduler.RequestFlush();
    }
}
