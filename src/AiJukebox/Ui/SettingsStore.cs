using AiJukebox.Configuration;

namespace AiJukebox.Ui;

/// <summary>
/// The user's settings file: read once; every change takes effect at once in <see cref="Current"/>
/// and is written (atomically) off the UI thread, a moment after the last of a burst of changes,
/// so that holding + does not write and fsync the file at every step. <see cref="Dispose"/>
/// writes what is still pending.
/// </summary>
internal sealed class SettingsStore : IDisposable
{
    /// <summary>How long a change waits for the next one before the file is written.</summary>
    public static readonly TimeSpan SaveDelay = TimeSpan.FromMilliseconds(500);

    private readonly Lock _gate = new();
    private readonly Lock _write = new();
    private readonly Timer _timer;
    private readonly TimeSpan _delay;
    private UserSettings _current;
    private bool _pending;
    private string? _problem;

    public SettingsStore(string path, UserSettings current, TimeSpan? delay = null)
    {
        Path = path;
        _current = current;
        _delay = delay ?? SaveDelay;
        _timer = new Timer(_ => Save(), null, Timeout.Infinite, Timeout.Infinite);
    }

    public string Path { get; }

    public UserSettings Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Reads the user's file; an unreadable one is reported and replaced by empty settings.</summary>
    public static SettingsStore Open(string path, out string? problem)
    {
        problem = null;
        try
        {
            return new SettingsStore(path, UserSettings.Load(path));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            problem = e.Message;
            return new SettingsStore(path, new UserSettings());
        }
    }

    /// <summary>
    /// Applies a change (from any thread) and schedules the save; returns the problem of the last
    /// save that failed (a full disk, a read-only folder), or null.
    /// </summary>
    public string? Update(Func<UserSettings, UserSettings> change)
    {
        lock (_gate)
        {
            _current = change(_current);
            _pending = true;
            _timer.Change(_delay, Timeout.InfiniteTimeSpan);
            return _problem;
        }
    }

    /// <summary>Writes pending changes now; returns the problem if the file cannot be written.</summary>
    public string? Flush()
    {
        Save();
        lock (_gate)
        {
            return _problem;
        }
    }

    /// <summary>Writes what is pending and stops the timer.</summary>
    public void Dispose()
    {
        _timer.Dispose();
        Save();
    }

    private void Save()
    {
        // One writer at a time, and the snapshot taken under the same lock, so an older state
        // can never be written after a newer one.
        lock (_write)
        {
            UserSettings snapshot;
            lock (_gate)
            {
                if (!_pending)
                {
                    return;
                }

                snapshot = _current;
                _pending = false;
            }

            string? problem = null;
            try
            {
                snapshot.Save(Path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problem = $"cannot save settings to {Path} ({e.Message})";
            }

            lock (_gate)
            {
                _problem = problem;
            }
        }
    }
}
