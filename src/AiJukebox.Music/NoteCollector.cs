namespace AiJukebox.Music;

/// <summary>
/// Pairs note-ons with note-offs over a time-ordered event stream and applies the sustain pedal.
/// Channel state (sounding keys, pedal) is per channel across tracks, as a synthesizer sees it.
/// </summary>
/// <remarks>
/// Overlapping notes on one key (on, on, off, off) are paired first-in first-out, so neither is lost.
/// A note still sounding at the end is ended at the last event of the piece. A note released while
/// the pedal is down sounds until the pedal goes up or the same key is struck again.
/// </remarks>
internal sealed class NoteCollector(bool sustain, Func<long, double> toBeats)
{
    private readonly Queue<(long Tick, int Velocity)>?[] _held = new Queue<(long, int)>?[16 * 128];
    private readonly List<(long Tick, int Velocity)>?[] _pedalled = new List<(long, int)>?[16 * 128];
    private readonly bool[] _pedalDown = new bool[16];
    private readonly List<Note> _notes = [];

    public IReadOnlyList<Note> Notes => _notes;

    public void Add(in SmfEvent e)
    {
        switch (e.Kind)
        {
            case SmfEventKind.NoteOn:
                NoteOn(e.Tick, e.Channel, e.Data1, e.Data2);
                break;
            case SmfEventKind.NoteOff:
                NoteOff(e.Tick, e.Channel, e.Data1);
                break;
            case SmfEventKind.Sustain when sustain:
                var down = e.Data1 >= 64;
                if (_pedalDown[e.Channel] && !down)
                {
                    ReleasePedal(e.Tick, e.Channel);
                }

                _pedalDown[e.Channel] = down;
                break;
        }
    }

    /// <summary>Ends every note still sounding at <paramref name="endTick"/>.</summary>
    public void Finish(long endTick)
    {
        for (var key = 0; key < _held.Length; key++)
        {
            while (_held[key] is { Count: > 0 } queue)
            {
                var (tick, velocity) = queue.Dequeue();
                Emit(key, tick, Math.Max(tick, endTick), velocity);
            }

            EndPedalled(key, endTick);
        }
    }

    private void NoteOn(long tick, int channel, int pitch, int velocity)
    {
        var key = (channel * 128) + pitch;
        // Striking a key again stops what the pedal was holding on it.
        EndPedalled(key, tick);
        (_held[key] ??= new Queue<(long, int)>()).Enqueue((tick, velocity));
    }

    private void NoteOff(long tick, int channel, int pitch)
    {
        var key = (channel * 128) + pitch;
        if (_held[key] is not { Count: > 0 } queue)
        {
            return; // a stray note-off: nothing is sounding on that key
        }

        var (start, velocity) = queue.Dequeue();
        if (sustain && _pedalDown[channel])
        {
            (_pedalled[key] ??= []).Add((start, velocity));
        }
        else
        {
            Emit(key, start, tick, velocity);
        }
    }

    private void ReleasePedal(long tick, int channel)
    {
        for (var key = channel * 128; key < (channel + 1) * 128; key++)
        {
            EndPedalled(key, tick);
        }
    }

    private void EndPedalled(int key, long tick)
    {
        if (_pedalled[key] is not { Count: > 0 } list)
        {
            return;
        }

        foreach (var (start, velocity) in list)
        {
            Emit(key, start, tick, velocity);
        }

        list.Clear();
    }

    private void Emit(int key, long startTick, long endTick, int velocity)
    {
        var start = toBeats(startTick);
        _notes.Add(new Note(start, Math.Max(0, toBeats(endTick) - start), key % 128, velocity, key / 128));
    }
}
