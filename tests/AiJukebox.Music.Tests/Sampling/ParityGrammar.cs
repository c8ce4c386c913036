using AiJukebox.Music;

namespace AiJukebox.Music.Tests.Sampling;

/// <summary>A grammar with state: after an even token only odd tokens are allowed and vice versa; at the start, only even.</summary>
internal sealed class ParityGrammar : ITokenGrammar
{
    private bool _wantOdd;

    public List<int> Accepted { get; } = [];

    public void Reset()
    {
        _wantOdd = false;
        Accepted.Clear();
    }

    public void Accept(int token)
    {
        Accepted.Add(token);
        _wantOdd = token % 2 == 0;
    }

    public void FillAllowed(Span<bool> allowed)
    {
        for (var i = 0; i < allowed.Length; i++)
        {
            allowed[i] = (i % 2 == 1) == _wantOdd;
        }
    }
}
