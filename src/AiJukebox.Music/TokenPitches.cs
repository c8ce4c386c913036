using System.Globalization;

namespace AiJukebox.Music;

/// <summary>
/// What each token of a vocabulary sounds: the one place that reads pitches out of token texts.
/// <c>Pitch_p</c> (events, remi) is MIDI pitch <c>p</c>; a chords symbol is its notes (<c>C#4</c>
/// one pitch, <c>0.4.7</c> or <c>C4.E4.G4</c> a set of pitch classes); every other token
/// (time, velocity, duration, bar, control tokens, the rest <c>R</c>) sounds no pitch.
/// Immutable; lookups allocate nothing.
/// </summary>
public sealed class TokenPitches
{
    private const string PitchPrefix = "Pitch_";
    private readonly int[] _pitch;
    private readonly int[] _classes;
    private readonly int[] _tokenOfPitch = new int[128];

    private TokenPitches(Vocabulary vocabulary)
    {
        _pitch = new int[vocabulary.Count];
        _classes = new int[vocabulary.Count];
        Array.Fill(_tokenOfPitch, -1);
        for (var id = 0; id < vocabulary.Count; id++)
        {
            var text = vocabulary[id];
            _pitch[id] = -1;
            if (ParsePitchToken(text) is var pitch && pitch >= 0)
            {
                _pitch[id] = pitch;
                _classes[id] = 1 << (pitch % 12);
                _tokenOfPitch[pitch] = id;
            }
            else if (ChordsTokenizer.ParseSymbol(text) is { } pitches)
            {
                foreach (var p in pitches)
                {
                    _classes[id] |= 1 << (p % 12);
                }

                if (pitches.Length == 1)
                {
                    _pitch[id] = pitches[0];
                }
            }
        }
    }

    /// <summary>Number of tokens.</summary>
    public int Count => _pitch.Length;

    /// <summary>Reads the pitches of every token of <paramref name="vocabulary"/>.</summary>
    public static TokenPitches Of(Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        return new TokenPitches(vocabulary);
    }

    /// <summary>The MIDI pitch of a <c>Pitch_p</c> token text (0–127), or -1 when it is not one.</summary>
    public static int ParsePitchToken(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.StartsWith(PitchPrefix, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(PitchPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var pitch)
            && pitch <= 127
                ? pitch
                : -1;
    }

    /// <summary>The MIDI pitch of a token that sounds exactly one note, or -1 (no note, a chord, an id out of range).</summary>
    public int PitchOf(int token) => (uint)token < (uint)_pitch.Length ? _pitch[token] : -1;

    /// <summary>
    /// The pitch classes a token sounds as a 12-bit set (bit <c>c</c> for pitch class <c>c</c>,
    /// 0 = C); 0 for a token that sounds nothing or an id out of range.
    /// </summary>
    public int PitchClassesOf(int token) => (uint)token < (uint)_classes.Length ? _classes[token] : 0;

    /// <summary>The <c>Pitch_p</c> token of a MIDI pitch, or -1 when the vocabulary has none.</summary>
    public int PitchTokenOf(int pitch) => (uint)pitch < 128u ? _tokenOfPitch[pitch] : -1;
}
