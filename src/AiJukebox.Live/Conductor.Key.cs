using AiJukebox.Music;
using AiJukebox.Music.Evaluation;

namespace AiJukebox.Live;

/// <summary>The key: estimated from the player's notes (else the jukebox's), locked or following, handed to the sampler.</summary>
internal sealed partial class Conductor
{
    private const int LockKey = 1;
    private const int UnlockKey = 0;
    private const int ToggleKeyLock = 2;

    // The player's estimate holds until their notes have faded to this weight (with the tracker's
    // 4-beat half-life, 16 beats of silence after a two-bar call of eighths); then the jukebox's own.
    private const double PlayerKeyFadedBeats = 0.5;

    private readonly KeyTracker _playerKey = new();
    private readonly KeyTracker _jukeboxKey = new();
    private readonly NotePairer _jukeboxNotes = new();
    private KeyState _keyState;
    private MusicalKey? _lockedKey;
    private MusicalKey? _key;
    private int _publishedKey = -1;
    private int _requestedKeyLock = -1;

    /// <summary>The key the jukebox keeps to now (as heard, before the sampler's transposition), or null; any thread.</summary>
    public MusicalKey? Key => Volatile.Read(ref _publishedKey) is >= 0 and var index ? MusicalKey.All[index] : null;

    /// <summary>Off, following or locked; any thread.</summary>
    public KeyState KeyState => _keyState;

    /// <summary>The estimate from the player's notes, or null (for tests and figures).</summary>
    public MusicalKey? PlayerKey => _playerKey.Key;

    /// <summary>Times the player's estimate moved to another key.</summary>
    public int PlayerKeyChanges => _playerKey.Changes;

    public void RequestKeyLock(bool? locked) => Volatile.Write(ref _requestedKeyLock, locked is null ? ToggleKeyLock : locked.Value ? LockKey : UnlockKey);

    private void InitializeKey()
    {
        var setting = _options.Key;
        _keyState = setting.FixedKey is not null ? KeyState.Locked : setting.Follows ? KeyState.Following : KeyState.Off;
        _lockedKey = setting.FixedKey;
        ApplyKey(_lockedKey);
    }

    private void HearPlayerNote(Note note) => _playerKey.Add(note.Pitch, note.Duration, note.End);

    private void HearJukebox(double beat, byte status, byte pitch, byte velocity)
    {
        if ((status & 0x0F) == _options.Channel && _jukeboxNotes.Handle(beat, status, pitch, velocity, out var note))
        {
            _jukeboxKey.Add(note.Pitch, note.Duration, note.End);
        }
    }

    private void ApplyKeyLockRequest()
    {
        var request = Interlocked.Exchange(ref _requestedKeyLock, -1);
        if (request >= 0)
        {
            SetKeyLocked(request == ToggleKeyLock ? _keyState != KeyState.Locked : request == LockKey);
        }
    }

    private void SetKeyLocked(bool locked)
    {
        if (_keyState == KeyState.Off)
        {
            return;
        }

        if (locked && _keyState == KeyState.Following && _key is { } key)
        {
            _lockedKey = key;
            _keyState = KeyState.Locked;
        }
        else if (!locked && _keyState == KeyState.Locked)
        {
            _keyState = KeyState.Following;
        }
    }

    /// <summary>Following: the player's estimate until their notes have faded, then the jukebox's own.</summary>
    private void FollowKey(double playhead)
    {
        if (_keyState != KeyState.Following)
        {
            return;
        }

        var estimate = _playerKey.Key is { } player && _playerKey.WeightAt(playhead) >= PlayerKeyFadedBeats
            ? player
            : _jukeboxKey.Key ?? _playerKey.Key;
        // Nothing heard yet: the key stays where it was (a fixed key unlocked, or none).
        if (estimate is { } heard && heard != _key)
        {
            ApplyKey(heard);
        }
    }

    /// <summary>Hands the key to the sampler, moved by the output transposition (the model's pitches sound transposed).</summary>
    private void ApplyKey(MusicalKey? key)
    {
        _key = key;
        // One int, so another thread never reads half a key.
        Volatile.Write(ref _publishedKey, key is { } heard ? heard.Tonic + (heard.Mode == KeyMode.Major ? 0 : 12) : -1);
        MusicalKey? modelKey = key is { } k ? new MusicalKey((((k.Tonic - _options.Transpose) % 12) + 12) % 12, k.Mode) : null;
        if (_sampler.Options.Key != modelKey)
        {
            _sampler.Options = _sampler.Options with { Key = modelKey };
        }
    }
}
