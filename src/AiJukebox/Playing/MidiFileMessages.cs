using AiJukebox.Devices;
using AiJukebox.Music;

namespace AiJukebox.Playing;

/// <summary>
/// A .mid file as the messages a synthesizer plays, in seconds through the file's tempo map:
/// its program changes and every note (drums too, the sustain pedal folded into note lengths).
/// Note-offs sort before note-ons at the same time, so a repeated pitch sounds again.
/// </summary>
internal static class MidiFileMessages
{
    /// <exception cref="MidiImportException">The file is not readable MIDI.</exception>
    public static TimedMidiMessage[] Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MidiImportException($"{path}: cannot read the file ({e.Message})", e);
        }

        var piece = MidiFileImporter.Read(bytes, ImportOptions.Default with { IncludeDrums = true }).Pieces.FirstOrDefault();
        var tempo = new TempoMap(piece?.Tempos ?? []);
        var programs = MidiProgramChanges.Read(bytes).Select(p => new TimedMidiMessage(tempo.ToSeconds(p.Beat), (byte)(0xC0 | p.Channel), (byte)p.Program, 0));
        var notes = (piece?.Notes ?? []).SelectMany(n => new[]
        {
            new TimedMidiMessage(tempo.ToSeconds(n.Start), (byte)(0x90 | n.Channel), (byte)n.Pitch, (byte)Math.Max(1, n.Velocity)),
            new TimedMidiMessage(tempo.ToSeconds(n.End), (byte)(0x80 | n.Channel), (byte)n.Pitch, 0),
        });
        // Program changes first at a time, then note-offs, then note-ons.
        return [.. programs.Concat(notes).OrderBy(m => m.Seconds).ThenBy(m => m.Status >= 0xC0 ? 0 : m.Status >= 0x90 ? 2 : 1)];
    }
}
