using AiJukebox.Devices;

namespace AiJukebox.Services;

/// <summary>The output and input ports of one MIDI system, or why there are none.</summary>
/// <param name="Api">The MIDI system's name (jack, alsa...), or null when RtMidi itself is missing.</param>
/// <param name="Outputs">Output choices: our virtual port first, then the system's ports.</param>
/// <param name="Inputs">Input choices: "none", our virtual port, then the system's ports.</param>
/// <param name="Problem">One line saying what is missing and what to do, or null.</param>
internal sealed record PortListing(string? Api, IReadOnlyList<string> Outputs, IReadOnlyList<string> Inputs, string? Problem)
{
    /// <summary>The choice that opens a virtual port other programs connect to.</summary>
    public const string Virtual = "virtual: AI Jukebox";

    /// <summary>The input choice that listens to nothing.</summary>
    public const string NoInput = "none";

    /// <summary>Lists <paramref name="apiName"/>'s ports (the platform's default system when null).</summary>
    public static PortListing Read(string? apiName)
    {
        MidiApi api;
        try
        {
            api = MidiApiNames.TryParse(apiName, out var named) ? named : MidiSystem.GetDefaultApi();
        }
        catch (MidiDeviceException e)
        {
            return new PortListing(null, [], [], e.Message);
        }

        var name = MidiApiNames.ToName(api);
        try
        {
            var outputs = MidiSystem.GetOutputPorts(api).Select(p => p.Name);
            var inputs = MidiSystem.GetInputPorts(api).Select(p => p.Name);
            return new PortListing(name, [Virtual, .. outputs], [NoInput, Virtual, .. inputs], null);
        }
        catch (MidiDeviceException e)
        {
            return new PortListing(name, [], [], e.Message);
        }
    }
}
