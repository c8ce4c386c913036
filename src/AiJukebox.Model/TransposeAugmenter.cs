using AiJukebox.Music;

namespace AiJukebox.Model;

/// <summary>
/// Random transposition for the events and remi tokenizers: every <c>Pitch_p</c> token of a window moves
/// by the same number of semitones, chosen uniformly among the shifts within ±N that keep all
/// of the window's pitches inside the vocabulary (so no shift ever needs to be skipped).
/// </summary>
internal sealed class TransposeAugmenter
{
    private readonly int _range;
    private readonly int[] _pitchOfToken;
    private readonly Dictionary<int, int> _tokenOfPitch = [];

    public TransposeAugmenter(Vocabulary vocabulary, int range)
    {
        _range = range;
        _pitchOfToken = new int[vocabulary.Count];
        var pitches = TokenPitches.Of(vocabulary);
        for (var id = 0; id < vocabulary.Count; id++)
        {
            // Only Pitch_p tokens move (a chords symbol names a note, but has no token a semitone away).
            var pitch = pitches.PitchOf(id);
            _pitchOfToken[id] = pitch >= 0 && pitches.PitchTokenOf(pitch) == id ? pitch : -1;
            if (_pitchOfToken[id] >= 0)
            {
                _tokenOfPitch[_pitchOfToken[id]] = id;
            }
        }
    }

    /// <summary>Copies <paramref name="window"/> to <paramref name="destination"/>, transposed by a random allowed shift.</summary>
    public void Apply(ReadOnlySpan<int> window, Span<long> destination, Random random)
    {
        var shift = _range > 0 ? ChooseShift(window, random) : 0;
        for (var i = 0; i < window.Length; i++)
        {
            var pitch = _pitchOfToken[window[i]];
            destination[i] = shift != 0 && pitch >= 0 ? _tokenOfPitch[pitch + shift] : window[i];
        }
    }

    private int ChooseShift(ReadOnlySpan<int> window, Random random)
    {
        Span<int> allowed = stackalloc int[2 * _range + 1];
        var count = 0;
        for (var shift = -_range; shift <= _range; shift++)
        {
            var fits = true;
            foreach (var token in window)
            {
                var pitch = _pitchOfToken[token];
                if (pitch >= 0 && !_tokenOfPitch.ContainsKey(pitch + shift))
                {
                    fits = false;
                    break;
                }
            }

            if (fits)
            {
                allowed[count++] = shift;
            }
        }

        // Shift 0 always fits, so count >= 1; drawing even when it is the only choice keeps the
        // random stream's use independent of the data.
        return allowed[random.Next(count)];
    }
}
