using System.Globalization;

namespace AiJukebox.Devices;

/// <summary>Finds the port a user meant: an exact name, then an index, then a unique part of a name.</summary>
internal static class MidiPortSelector
{
    /// <summary>Returns the index of the port <paramref name="selector"/> names among <paramref name="names"/>.</summary>
    /// <param name="names">The ports that exist.</param>
    /// <param name="selector">An exact name, an index (0-based), or a part of one name (case-insensitive).</param>
    /// <param name="kind">"input" or "output", for the message.</param>
    /// <exception cref="MidiPortNotFoundException">Nothing, or more than one port, matches.</exception>
    public static int Resolve(IReadOnlyList<string> names, string selector, string kind)
    {
        ArgumentNullException.ThrowIfNull(selector);
        string wanted = selector.Trim();

        for (int i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], wanted, StringComparison.Ordinal))
            {
                return i;
            }
        }

        if (int.TryParse(wanted, NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index < names.Count)
        {
            return index;
        }

        var matches = new List<int>();
        for (int i = 0; i < names.Count; i++)
        {
            if (wanted.Length > 0 && names[i].Contains(wanted, StringComparison.OrdinalIgnoreCase))
            {
                matches.Add(i);
            }
        }

        if (matches.Count == 1)
        {
            return matches[0];
        }

        if (matches.Count > 1)
        {
            throw new MidiPortNotFoundException(
                $"MIDI {kind} '{wanted}' matches {matches.Count} ports: {Quote(matches.Select(i => names[i]))}. Give more of the name, the exact name, or the index.",
                wanted,
                names);
        }

        string existing = names.Count == 0
            ? $"there are no MIDI {kind} ports"
            : $"the {kind} ports are: {string.Join(", ", names.Select((n, i) => $"{i}: '{n}'"))}";
        throw new MidiPortNotFoundException(
            $"MIDI {kind} '{wanted}' not found; {existing}. Use 'aijukebox ports' to list them.",
            wanted,
            names);
    }

    private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));
}
