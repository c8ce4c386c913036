using NAudio.Midi;

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
        try
        {
            var layout = SmfLayout.Scan(bytes);
            if (layout.IsSmpte)
            {
                return [];
            }

            var file = new MidiFile(new MemoryStream(layout.Normalize(bytes), writable: false), strictChecking: false);
            var changes = new List<(double Beat, int Channel, int Program)>();
            for (var t = 0; t < file.Tracks; t++)
            {
                foreach (var e in file.Events[t])
                {
                    if (e is PatchChangeEvent patch)
                    {
                        changes.Add(((double)e.AbsoluteTime / layout.Division, Math.Clamp(e.Channel - 1, 0, 15), patch.Patch & 0x7F));
                    }
                }
            }

            return changes;
        }
        catch (Exception e) when (e is MidiImportException or FormatException or InvalidDataException or IOException or ArgumentException)
        {
            return [];
        }
    }
}
