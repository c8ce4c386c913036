using System.Globalization;

namespace AiJukebox.Music;

/// <summary>
/// Bar lines from a beat annotation file beside a MIDI file, for collections whose files carry
/// no usable time signature: POP909's <c>beat_midi.txt</c> (one line per beat,
/// <c>seconds is_beat is_downbeat</c>; its MIDI files say 1/4 or 2/4 whatever the song's metre,
/// and two songs in three start with a pickup — measured over the 819 songs: 255 start on a
/// downbeat, 243 one beat before, 167 two, 114 three). The bar grid is the first downbeat and
/// the median distance between downbeats, as one metre for the piece.
/// </summary>
public static class BeatAnnotations
{
    /// <summary>The annotation file's name, looked for beside each MIDI file.</summary>
    public const string FileName = "beat_midi.txt";

    /// <summary>The annotation file beside <paramref name="midiPath"/>, or null when there is none.</summary>
    public static string? FindBeside(string midiPath)
    {
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(midiPath)) ?? ".", FileName);
        return File.Exists(path) ? path : null;
    }

    /// <summary>
    /// The metre the annotations describe, as time signature changes in beats of
    /// <paramref name="tempos"/>: the bar grid starts at the first downbeat (snapped to 1/12 beat);
    /// before it, a pickup is a shorter first bar.
    /// </summary>
    /// <returns>The changes, or an empty list when the text has fewer than two downbeats.</returns>
    /// <exception cref="FormatException">A line is not three numbers.</exception>
    public static IReadOnlyList<TimeSignatureChange> ReadMeter(string text, TempoMap tempos)
    {
        var downbeats = new List<double>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 3
                || !double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                || !double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var downbeat))
            {
                throw new FormatException($"'{line}' is not 'seconds is_beat is_downbeat'.");
            }

            if (downbeat >= 0.5)
            {
                downbeats.Add(tempos.ToBeats(seconds));
            }
        }

        if (downbeats.Count < 2)
        {
            return [];
        }

        var lengths = downbeats.Zip(downbeats.Skip(1), (a, b) => b - a).Order().ToArray();
        var barBeats = Math.Round(lengths[lengths.Length / 2] * 2) / 2;
        if (barBeats <= 0)
        {
            return [];
        }

        // Whole beats are n/4; half beats (compound metres such as 6/8) are n/8.
        var (numerator, denominator) = barBeats == Math.Floor(barBeats) ? ((int)barBeats, 4) : ((int)(barBeats * 2), 8);
        var first = Math.Round(downbeats[0] * 12) / 12;
        return [new TimeSignatureChange(Math.Max(0, first), numerator, denominator)];
    }

    /// <summary>
    /// The piece moved by less than a bar so that <paramref name="meter"/>'s first downbeat falls
    /// on a bar line of a grid starting at beat 0, with that metre from beat 0: earlier when no
    /// note would go below beat 0 (silence before the first downbeat's bar is dropped), else later
    /// (a pickup becomes the end of a first bar that starts with a rest). Tokenizers then see the
    /// song's bars.
    /// </summary>
    public static ImportedPiece AlignToBars(ImportedPiece piece, TimeSignatureChange meter)
    {
        var bar = meter.Numerator * 4.0 / meter.Denominator;
        var offset = ((meter.Beat % bar) + bar) % bar;
        var first = piece.Notes.Count == 0 ? 0 : piece.Notes.Min(n => n.Start);
        var shift = first >= offset - 1e-9 ? -offset : bar - offset;
        var notes = shift == 0 ? piece.Notes : piece.Notes.Select(n => n with { Start = Math.Max(0, n.Start + shift) }).ToArray();
        return piece with
        {
            Notes = notes,
            Tempos = [.. piece.Tempos.Select((t, i) => t with { Beat = i == 0 ? t.Beat : Math.Max(0, t.Beat + shift) })],
            TimeSignatures = [new TimeSignatureChange(0, meter.Numerator, meter.Denominator)],
            LengthBeats = Math.Max(0, piece.LengthBeats + shift),
        };
    }
}
