namespace AiJukebox.Devices;

/// <summary>The short names users type for each <see cref="MidiApi"/> (<c>alsa</c>, <c>jack</c>, <c>rtmidi-jack</c>, <c>coremidi</c>, <c>winmm</c>).</summary>
public static class MidiApiNames
{
    /// <summary>The names accepted by <see cref="TryParse"/>, in display order.</summary>
    public static IReadOnlyList<string> All { get; } = ["alsa", "jack", "rtmidi-jack", "coremidi", "winmm"];

    /// <summary>The short name of <paramref name="api"/>, e.g. <c>jack</c>.</summary>
    public static string ToName(MidiApi api) => api switch
    {
        MidiApi.Alsa => "alsa",
        MidiApi.Jack => "jack",
        MidiApi.RtMidiJack => "rtmidi-jack",
        MidiApi.CoreMidi => "coremidi",
        MidiApi.WindowsMM => "winmm",
        MidiApi.Dummy => "dummy",
        _ => "unspecified",
    };

    /// <summary>Parses a short name (case-insensitive); <c>false</c> for anything else.</summary>
    public static bool TryParse(string? name, out MidiApi api)
    {
        api = name?.Trim().ToLowerInvariant() switch
        {
            "alsa" => MidiApi.Alsa,
            "jack" => MidiApi.Jack,
            "rtmidi-jack" => MidiApi.RtMidiJack,
            "coremidi" or "core" => MidiApi.CoreMidi,
            "winmm" or "mm" or "windows" => MidiApi.WindowsMM,
            _ => MidiApi.Unspecified,
        };
        return api != MidiApi.Unspecified;
    }
}
