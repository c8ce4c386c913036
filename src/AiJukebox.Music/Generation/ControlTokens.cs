namespace AiJukebox.Music.Generation;

/// <summary>The stream-control tokens a vocabulary may have (PAD, BOS, EOS): structure, not music.</summary>
public static class ControlTokens
{
    /// <summary>Padding.</summary>
    public const string Padding = "PAD";

    /// <summary>Start of a piece.</summary>
    public const string Begin = "BOS";

    /// <summary>End of a piece.</summary>
    public const string End = "EOS";

    /// <summary>The ids of the control tokens present in <paramref name="vocabulary"/>.</summary>
    public static int[] Ids(Vocabulary vocabulary) =>
        [.. new[] { Padding, Begin, End }.Select(vocabulary.IdOf).Where(id => id >= 0)];

    /// <summary>
    /// The tokens of an encoded phrase that can go into a running stream's context: no PAD or
    /// EOS, and BOS only when <paramref name="keepBegin"/>.
    /// </summary>
    public static int[] ForContext(IReadOnlyList<int> encoded, Vocabulary vocabulary, bool keepBegin)
    {
        var pad = vocabulary.IdOf(Padding);
        var begin = vocabulary.IdOf(Begin);
        var end = vocabulary.IdOf(End);
        return [.. encoded.Where(t => t != pad && t != end && (keepBegin || t != begin))];
    }
}
