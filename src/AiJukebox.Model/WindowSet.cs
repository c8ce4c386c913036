namespace AiJukebox.Model;

/// <summary>Windows of <c>length</c> tokens cut from a set of pieces at a fixed stride.</summary>
internal sealed class WindowSet
{
    private readonly int[][] _pieces;
    private readonly (int Piece, int Start)[] _windows;

    public WindowSet(IEnumerable<int[]> pieces, int length, int stride)
    {
        _pieces = pieces.ToArray();
        Length = length;
        var windows = new List<(int, int)>();
        for (var p = 0; p < _pieces.Length; p++)
        {
            for (var start = 0; start + length <= _pieces[p].Length; start += stride)
            {
                windows.Add((p, start));
            }
        }

        _windows = windows.ToArray();
        TokenCount = _pieces.Sum(p => (long)p.Length);
    }

    public int Length { get; }

    public int Count => _windows.Length;

    public int PieceCount => _pieces.Length;

    public long TokenCount { get; }

    public ReadOnlySpan<int> Window(int index)
    {
        var (piece, start) = _windows[index];
        return _pieces[piece].AsSpan(start, Length);
    }

    public IEnumerable<int[]> Pieces => _pieces;
}
