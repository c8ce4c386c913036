using System.Collections.ObjectModel;

using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace AiJukebox.Ui;

/// <summary>
/// The Log screen: what native libraries printed while the UI ran (libjack, ALSA, FluidSynth),
/// which goes to a log file instead of over the screen. Shows the log's last lines and counts
/// the lines that arrived since it was last looked at.
/// </summary>
internal sealed class LogView : View
{
    private const int TailBytes = 64 * 1024;
    private readonly string? _path;
    private readonly ListView _lines = new() { X = 0, Y = 1, Width = Dim.Fill(), Height = Dim.Fill() };
    private int _lineCount;
    private long _length;
    private long _seenLength;

    /// <param name="path">The native log, or null when standard error could not be captured.</param>
    /// <param name="problem">Why it could not be, if so.</param>
    public LogView(string? path, string? problem)
    {
        _path = path;
        Width = Dim.Fill();
        CanFocus = true;
        Add(new Label { X = 0, Y = 0, Width = Dim.Fill(), Text = path is null ? $"Native messages are not captured: {problem}" : $"Native messages (libjack, ALSA, FluidSynth) go to {path}" }, _lines);
        if (path is not null && File.Exists(path))
        {
            // What an earlier run left is history, not news.
            _seenLength = new FileInfo(path).Length;
        }
    }

    /// <summary>Lines written to the log since the Log screen was last shown.</summary>
    public int NewLines { get; private set; }

    /// <summary>The last line written to the log, or null.</summary>
    public string? LastLine { get; private set; }

    /// <summary>Reads what was added to the log (a UI timer calls this); true when something was.</summary>
    public bool Refresh()
    {
        if (_path is null || !File.Exists(_path))
        {
            return false;
        }

        var length = new FileInfo(_path).Length;
        if (length == _length)
        {
            return false;
        }

        _length = length;
        var tail = ReadTail(_path, length);
        var lines = tail.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        _lines.SetSource(new ObservableCollection<string>(lines));
        _lineCount = lines.Count;

        // The unseen part is the end of the same tail (or all of it, when more arrived than it holds).
        var unseen = (int)Math.Min(tail.Length, Math.Max(0, length - _seenLength));
        NewLines = tail[^unseen..].Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        LastLine = tail.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim();
        if (Visible)
        {
            MarkSeen();
        }

        return true;
    }

    /// <summary>The user has seen the log: nothing in it is new any more.</summary>
    public void MarkSeen()
    {
        _seenLength = _length;
        NewLines = 0;
        if (_lineCount > 0)
        {
            _lines.SelectedItem = _lineCount - 1;
        }
    }

    private static string ReadTail(string path, long length)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var count = (int)Math.Min(TailBytes, length);
        stream.Position = length - count;
        var buffer = new byte[count];
        stream.ReadExactly(buffer);
        return System.Text.Encoding.UTF8.GetString(buffer);
    }
}
