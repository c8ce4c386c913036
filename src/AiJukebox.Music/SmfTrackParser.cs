using System.Text;

namespace AiJukebox.Music;

/// <summary>
/// Reads the events of one MTrk chunk. It never pairs notes (the <see cref="NoteCollector"/> does,
/// in linear time; NAudio's reader pairs them quadratically) and it reports the faults a lenient
/// reader can live with instead of throwing on them: a missing end-of-track, running status kept
/// across meta and sysex events, and a track cut off by the end of the file.
/// </summary>
internal static class SmfTrackParser
{
    /// <summary>Delta times and lengths are at most four bytes (28 bits) by the standard.</summary>
    private const int MaxVariableLengthBytes = 4;

    /// <summary>The outcome of reading one track.</summary>
    /// <param name="End">Where reading stopped: after the end-of-track event, at the limit, or where a cut-off event began.</param>
    /// <param name="EndOfTrack">An end-of-track meta event was found.</param>
    /// <param name="CutOff">The limit fell inside an event, which was left out.</param>
    /// <param name="RunningStatusAfterMeta">A channel event leaned on the running status across a meta or sysex event.</param>
    /// <param name="Info">The track's name, note count and channels.</param>
    public readonly record struct Result(int End, bool EndOfTrack, bool CutOff, bool RunningStatusAfterMeta, MidiTrackInfo Info);

    /// <summary>
    /// Appends the events of the track whose data starts at <paramref name="start"/> to
    /// <paramref name="events"/>, reading no further than <paramref name="limit"/>.
    /// </summary>
    /// <param name="bytes">The whole file.</param>
    /// <param name="start">Where the track's data starts.</param>
    /// <param name="limit">Where reading must stop at the latest (the chunk's end or the file's).</param>
    /// <param name="track">The track's number, for messages and ordering.</param>
    /// <param name="events">Receives the events.</param>
    /// <param name="eventBudget">Events this file may still hold; reading stops with an error when it runs out.</param>
    /// <exception cref="MidiImportException">The bytes cannot be events (a data byte with no status, an unknown status, an over-long number), or the budget is spent.</exception>
    public static Result Parse(ReadOnlySpan<byte> bytes, int start, int limit, int track, List<SmfEvent> events, ref int eventBudget)
    {
        var position = start;
        long tick = 0;
        byte runningStatus = 0;
        var afterMetaOrSysex = false;
        var leanedOnRunningStatus = false;
        var name = "";
        var noteCount = 0;
        var channels = new SortedSet<int>();
        var order = 0;
        while (position < limit)
        {
            var eventStart = position;
            if (!TryReadNumber(bytes, ref position, limit, out var delta) || position >= limit)
            {
                return Cut(eventStart);
            }

            tick += delta;
            var status = bytes[position];
            if (status < 0x80)
            {
                if (runningStatus == 0)
                {
                    throw new MidiImportException($"damaged track data (track {track}: a data byte where an event should start, at byte {position})");
                }

                leanedOnRunningStatus |= afterMetaOrSysex;
                status = runningStatus;
            }
            else
            {
                position++;
            }

            if (--eventBudget < 0)
            {
                throw new MidiImportException($"more than {MidiFileImporter.MaxEvents:N0} events; larger than any piece this importer takes (split the file)");
            }

            if (status < 0xF0)
            {
                var length = (status & 0xF0) is 0xC0 or 0xD0 ? 1 : 2;
                if (limit - position < length)
                {
                    return Cut(eventStart);
                }

                runningStatus = status;
                afterMetaOrSysex = false;
                int channel = status & 0x0F, data1 = bytes[position] & 0x7F, data2 = length == 2 ? bytes[position + 1] & 0x7F : 0;
                position += length;
                var kind = (status & 0xF0) switch
                {
                    0x90 when data2 > 0 => SmfEventKind.NoteOn,
                    0x90 or 0x80 => SmfEventKind.NoteOff,
                    0xB0 when data1 == 64 => SmfEventKind.Sustain,
                    0xC0 => SmfEventKind.ProgramChange,
                    _ => SmfEventKind.Other,
                };
                if (kind == SmfEventKind.NoteOn)
                {
                    noteCount++;
                    channels.Add(channel);
                }

                events.Add(kind switch
                {
                    SmfEventKind.NoteOn or SmfEventKind.NoteOff => new SmfEvent(tick, track, order++, kind, channel, data1, data2),
                    SmfEventKind.Sustain => new SmfEvent(tick, track, order++, kind, channel, data2, 0),
                    SmfEventKind.ProgramChange => new SmfEvent(tick, track, order++, kind, channel, data1, 0),
                    _ => new SmfEvent(tick, track, order++, kind, 0, 0, 0),
                });
                continue;
            }

            if (status is 0xFF or 0xF0 or 0xF7)
            {
                var type = -1;
                if (status == 0xFF)
                {
                    if (position >= limit)
                    {
                        return Cut(eventStart);
                    }

                    type = bytes[position++];
                }

                if (!TryReadNumber(bytes, ref position, limit, out var length) || limit - position < length)
                {
                    return Cut(eventStart);
                }

                var data = bytes.Slice(position, (int)length);
                position += (int)length;
                afterMetaOrSysex = true;
                switch (type)
                {
                    case 0x2F:
                        events.Add(new SmfEvent(tick, track, order++, SmfEventKind.Other, 0, 0, 0));
                        return new Result(position, true, false, leanedOnRunningStatus, Info());
                    case 0x51 when data.Length >= 3 && ((data[0] << 16) | (data[1] << 8) | data[2]) > 0:
                        events.Add(new SmfEvent(tick, track, order++, SmfEventKind.Tempo, 0, (data[0] << 16) | (data[1] << 8) | data[2], 0));
                        break;
                    case 0x58 when data.Length >= 2:
                        events.Add(new SmfEvent(tick, track, order++, SmfEventKind.TimeSignature, 0, data[0], 1 << Math.Min((int)data[1], 6)));
                        break;
                    case 0x03 when name.Length == 0:
                        name = Encoding.Latin1.GetString(data).Trim();
                        events.Add(new SmfEvent(tick, track, order++, SmfEventKind.Other, 0, 0, 0));
                        break;
                    default:
                        // Any other event still marks time, so the piece's length includes it.
                        events.Add(new SmfEvent(tick, track, order++, SmfEventKind.Other, 0, 0, 0));
                        break;
                }

                continue;
            }

            throw new MidiImportException($"damaged track data (track {track}: status byte 0x{status:X2} at byte {position - 1} has no place in a MIDI file)");
        }

        return new Result(position, false, false, leanedOnRunningStatus, Info());

        Result Cut(int at) => new(at, false, true, leanedOnRunningStatus, Info());

        MidiTrackInfo Info() => new(track, name, noteCount, channels.ToArray());
    }

    /// <summary>Reads a variable-length number; false when the limit cuts it off.</summary>
    /// <exception cref="MidiImportException">It runs over four bytes.</exception>
    private static bool TryReadNumber(ReadOnlySpan<byte> bytes, ref int position, int limit, out long value)
    {
        value = 0;
        for (var i = 0; i < MaxVariableLengthBytes; i++)
        {
            if (position >= limit)
            {
                return false;
            }

            var b = bytes[position++];
            value = (value << 7) | (uint)(b & 0x7F);
            if (b < 0x80)
            {
                return true;
            }
        }

        throw new MidiImportException($"damaged track data (a delta time or length at byte {position - MaxVariableLengthBytes} runs over {MaxVariableLengthBytes} bytes)");
    }
}
