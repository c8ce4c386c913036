namespace AiJukebox.Music;

/// <summary>
/// The program (instrument) changes of a MIDI file, in beats: what <see cref="MidiFileImporter"/>
/// leaves out of notes, and what a synthesizer needs to play a file with its instruments.
/// </summary>
public static class MidiProgramChanges
{
    /// <summary>Every program change, in file order. SMPTE-timed or unreadable files give none (read the notes with <see cref="MidiFileImporter"/>, which reports why).</summary>
    public static IReadOnlyList<(double Beat, int Channel, int Program)> Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            var file = SmfFile.Read(bytes);
            if (file.IsSmpte)
            {
                return [];
            }

            return [.. file.Tracks
                .SelectMany(track => track)
                .Where(e => e.Kind == SmfEventKind.ProgramChange)
                .Select(e => ((double)e.Tick / file.Division, e.Channel, e.Data1))];
        }
        catch (MidiImportException)
        {
            return [];
        }
    }
}
