using AiJukebox.Music;

namespace AiJukebox.Live;

/// <summary>
/// Mutation of the loop (as Magenta's MIDI interface has it): on every pass after the first, a
/// share of the loop's bars, picked at random, is composed anew by the model and stays in the
/// loop; the other bars repeat as they were. While mutating, the model hears the kept bars as
/// they are played, so what it composes follows the loop as it now sounds.
/// </summary>
internal sealed partial class Conductor
{
    // A bar is tens of tokens; this bounds a model that will not move time forward.
    private const int MaxTokensPerBar = 1024;

    private readonly List<Note> _composed = [];
    private readonly List<Note> _heard = [];
    private readonly List<Note> _heardInStream = [];
    private Random _mutationRandom = new(1);
    private bool[] _mutating = [];
    private int[] _barOrder = [];
    private double _mutationCarry;
    private double _mutateShare;
    private long _requestedMutateBits = -1;

    /// <summary>The share of the loop's bars composed anew on each pass, 0–1 (any thread).</summary>
    public double MutateShare => Volatile.Read(ref _mutateShare);

    /// <summary>Loop bars composed anew so far.</summary>
    public long BarsMutated { get; private set; }

    public void RequestMutate(double share) => Volatile.Write(ref _requestedMutateBits, BitConverter.DoubleToInt64Bits(share));

    private void InitializeMutation()
    {
        _mutateShare = _options.Mutate;
        _mutationRandom = new Random(unchecked((int)_options.Seed) ^ 0x6d75);
    }

    private void ApplyMutateRequest()
    {
        var bits = Interlocked.Exchange(ref _requestedMutateBits, -1);
        if (bits != -1)
        {
            SetMutate(BitConverter.Int64BitsToDouble(bits));
        }
    }

    private void SetMutate(double share) => Volatile.Write(ref _mutateShare, Math.Clamp(share, 0, 1));

    /// <summary>A new loop: no bar mutated yet; the first pass repeats the bars as they were.</summary>
    private void BeginMutation()
    {
        _mutating = new bool[_loopBars.Length];
        _barOrder = [.. Enumerable.Range(0, _loopBars.Length)];
        _mutationCarry = 0;
    }

    /// <summary>Before bar <paramref name="index"/> of the loop (counted from its start) is queued: compose it anew, or let the model hear it.</summary>
    private void PrepareLoopBar(long index, double barStart)
    {
        var count = _loopBars.Length;
        var bar = (int)(index % count);
        if (bar == 0)
        {
            ChooseMutatedBars(firstPass: index == 0);
        }

        if (MutateShare <= 0)
        {
            // Not mutating: the model rests while the loop repeats.
            return;
        }

        // A stream left behind (mutation was off for a while) moves up by whole bars, keeping its bar grid.
        var barBeats = Meter.BarBeats;
        var lag = barStart - _generator.Frontier;
        if (lag > barBeats)
        {
            _generator.BeginAt(_generator.Frontier + (Math.Floor(lag / barBeats) * barBeats));
        }

        if (_mutating[bar])
        {
            ComposeLoopBar(bar, barStart);
        }
        else if (_generator.AtBoundary)
        {
            _heard.Clear();
            foreach (var note in _loopBars[bar])
            {
                _heard.Add(note with { Start = barStart + note.Start });
            }

            _generator.HearNotes(_tokenizer, _heard, _heardInStream, _contextTokens);
        }
    }

    /// <summary>
    /// Which bars of this pass are composed anew: the share of the bars, rounded with the
    /// remainder carried to the next pass (a quarter of two bars is one bar every other pass).
    /// </summary>
    private void ChooseMutatedBars(bool firstPass)
    {
        Array.Clear(_mutating);
        var share = MutateShare;
        if (firstPass || share <= 0)
        {
            _mutationCarry = 0;
            return;
        }

        var count = _mutating.Length;
        var exact = (share * count) + _mutationCarry;
        var chosen = Math.Min(count, (int)Math.Floor(exact + GridTolerance));
        _mutationCarry = exact - chosen;
        for (var i = 0; i < chosen; i++)
        {
            var j = _mutationRandom.Next(i, count);
            (_barOrder[i], _barOrder[j]) = (_barOrder[j], _barOrder[i]);
            _mutating[_barOrder[i]] = true;
        }
    }

    /// <summary>The model composes the bar from where its stream is; its notes in the bar replace the bar's.</summary>
    private void ComposeLoopBar(int bar, double barStart)
    {
        var barEnd = barStart + Meter.BarBeats;
        _composed.Clear();
        if (!_generator.Compose(barEnd, MaxTokensPerBar, _composed))
        {
            // The model did not get through the bar: it stays as it was.
            return;
        }

        _loopBars[bar].Clear();
        foreach (var note in _composed)
        {
            if (note.Start >= barStart - GridTolerance && note.Start < barEnd - GridTolerance)
            {
                AddLoopNote(bar, note, barStart);
            }
        }

        _loopBars[bar].Sort((a, b) => a.Start.CompareTo(b.Start));
        BarsMutated++;
    }
}
