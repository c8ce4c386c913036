using AiJukebox.Music;

namespace AiJukebox.Live;

/// <summary>
/// Collects a take in beat time from what actually happened: the player's notes, the notes the
/// jukebox sent and the tempo changes. <see cref="Snapshot"/> gives a complete song at any moment
/// (held notes end at the snapshot's beat), so an autosave is always a valid file.
/// </summary>
internal sealed class TakeRecorder(int jukeboxChannel, int? jukeboxProgram)
{
    /// <summary>Track names in the take file.</summary>
    public const string PlayerTrack = "Player";

    /// <inheritdoc cref="PlayerTrack"/>
    public const string JukeboxTrack = "AI Jukebox";

    private readonly List<TempoChange> _tempos = [];
    private readonly List<Note> _player = [];
    private readonly List<Note> _jukebox = [];
    private readonly List<Note> _clicks = [];
    private readonly NotePairer _clickPairs = new();
    private readonly NotePairer _playerPairs = new();
    private readonly NotePairer _jukeboxPairs = new();
    private int _playerChannel = -1;

    public int PlayerNotes => _player.Count;

    public int JukeboxNotes => _jukebox.Count;

    public void Tempo(double beat, double bpm)
    {
        beat = Math.Max(0, beat);
        if (_tempos.Count > 0 && _tempos[^1].Beat >= beat)
        {
            // Several changes within one tick of the file: the last one holds.
            _tempos.RemoveAt(_tempos.Count - 1);
        }

        _tempos.Add(new TempoChange(beat, bpm));
    }

    public void Player(double beat, byte status, byte data1, byte data2)
    {
        if (_playerPairs.Handle(beat, status, data1, data2, out var note))
        {
            _player.Add(note);
        }

        if (_playerChannel < 0 && (status & 0xF0) == 0x90)
        {
            _playerChannel = status & 0x0F;
        }
    }

    public void Jukebox(double beat, byte status, byte data1, byte data2)
    {
        if (_jukeboxPairs.Handle(beat, status, data1, data2, out var note))
        {
            _jukebox.Add(note);
        }
    }

    /// <summary>A metronome click; the take gets a track "Metronome" on channel 10 once there is one.</summary>
    public void Click(double beat, byte status, byte data1, byte data2)
    {
        if (_clickPairs.Handle(beat, status, data1, data2, out var note))
        {
            _clicks.Add(note);
        }
    }

    /// <summary>The take so far as a song, held notes ending at <paramref name="endBeat"/>.</summary>
    public MidiSong Snapshot(double endBeat)
    {
        var tempos = _tempos.Count == 0 || _tempos[0].Beat > 0 ? [new TempoChange(0, 120), .. _tempos] : _tempos.ToList();
        var player = _player.Concat(_playerPairs.Open(endBeat)).Where(n => n.Start >= 0).ToList();
        // A timed sink (JACK) was handed notes up to its lookahead early; those not begun by the
        // end were cancelled at the stop, never heard, so they are not in the take.
        var jukebox = _jukebox.Concat(_jukeboxPairs.Open(endBeat)).Where(n => n.Start < endBeat).ToList();
        var clicks = _clicks.Concat(_clickPairs.Open(endBeat)).ToList();
        List<MidiTrackNotes> tracks =
        [
            new MidiTrackNotes(PlayerTrack, Math.Max(0, _playerChannel), null, player),
            new MidiTrackNotes(JukeboxTrack, jukeboxChannel, jukeboxProgram, jukebox),
        ];
        if (clicks.Count > 0)
        {
            tracks.Add(new MidiTrackNotes(Metronome.TrackName, Metronome.Channel, null, clicks));
        }

        return new MidiSong(tempos, tracks);
    }
}
