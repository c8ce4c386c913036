using AiJukebox.Music;

namespace AiJukebox.Live;

/// <summary>The stream-control tokens of a vocabulary, which are not music.</summary>
internal static class SpecialTokens
{
    public const string Padding = "PAD";
    public const string Begin = "BOS";
    public const string End = "EOS";

    public static int[] Ids(Vocabulary vocabulary) =>
        new[] { Padding, Begin, End }.Select(vocabulary.IdOf).Where(id => id >= 0).ToArray();

    /// <summary>The tokens of an encoded phrase that can go into a running stream's context (no PAD/EOS; BOS only when <paramref name="keepBegin"/>).</summary>
    public static int[] ForContext(int[] encoded, Vocabulary vocabulary, bool keepBegin)
    {
        var pad = vocabulary.IdOf(Padding);
        var begin = vocabulary.IdOf(Begin);
        var end = vocabulary.IdOf(End);
        return encoded.Where(t => t != pad && t != end && (keepBegin || t != begin)).ToArray();
    }
}
