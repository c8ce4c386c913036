using System.Diagnostics;
using System.Text.Json;

namespace AiJukebox.Services;

/// <summary>The output and input ports of one MIDI system, or why there are none.</summary>
/// <param name="Api">The MIDI system's name (jack, alsa...), or null when RtMidi itself is missing.</param>
/// <param name="Outputs">Output choices: our virtual port first, the built-in synth, then the system's ports; only the synth when there is no MIDI system.</param>
/// <param name="Inputs">Input choices: "none", then the system's ports.</param>
/// <param name="Problem">One line saying what is missing and what to do, or null.</param>
internal sealed record PortListing(string? Api, IReadOnlyList<string> Outputs, IReadOnlyList<string> Inputs, string? Problem)
{
    /// <summary>The choice that opens a virtual port other programs connect to.</summary>
    public const string Virtual = "virtual: AI Jukebox";

    /// <summary>The choice that plays through the built-in synth (FluidSynth).</summary>
    public const string Synth = Devices.FluidSynthOutput.DisplayName;

    /// <summary>The input choice that listens to nothing.</summary>
    public const string NoInput = "none";

    /// <summary>
    /// Lists <paramref name="apiName"/>'s ports (the platform's default system when null) by running
    /// <c>aijukebox ports --json</c> in a child process: the MIDI libraries print diagnostics straight
    /// to the process's stderr (libjack does when no server runs), which would scribble over a
    /// full-screen UI; in a child they are captured and dropped.
    /// </summary>
    public static PortListing Read(string? apiName)
    {
        var start = SelfStart();
        start.ArgumentList.Add("ports");
        start.ArgumentList.Add("--json");
        if (apiName is not null)
        {
            start.ArgumentList.Add("--api");
            start.ArgumentList.Add(apiName);
        }

        string stdout, stderr;
        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            stdout = process.StandardOutput.ReadToEnd();
            stderr = error.Result;
            process.WaitForExit();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return NoMidi(null, $"cannot list the MIDI ports ({e.Message}).");
        }

        return Parse(stdout, apiName) ?? NoMidi(null, LastLine(stderr) ?? "cannot list the MIDI ports (no output from 'aijukebox ports').");
    }

    private static PortListing? Parse(string json, string? apiName)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var apis = document.RootElement.GetProperty("apis").EnumerateArray().ToList();
            var chosen = apis.FirstOrDefault(a => apiName is null ? a.GetProperty("default").GetBoolean() : a.GetProperty("api").GetString() == apiName);
            if (chosen.ValueKind != JsonValueKind.Object)
            {
                chosen = apis.FirstOrDefault();
            }

            if (chosen.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var name = chosen.GetProperty("api").GetString();
            if (chosen.TryGetProperty("problem", out var problem))
            {
                return NoMidi(name, problem.GetString());
            }

            return new PortListing(name, [Virtual, Synth, .. Names(chosen, "outputs")], [NoInput, .. Names(chosen, "inputs")], null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>No MIDI system: the built-in synth is the one output, so the jukebox still sounds.</summary>
    private static PortListing NoMidi(string? api, string? problem) => new(api, [Synth], [NoInput], problem);

    private static IEnumerable<string> Names(JsonElement api, string side) =>
        api.GetProperty(side).EnumerateArray().Select(p => p.GetProperty("name").GetString() ?? string.Empty);

    private static string? LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();

    /// <summary>Starts this program again: the apphost directly, or <c>dotnet aijukebox.dll</c>.</summary>
    private static ProcessStartInfo SelfStart()
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(PortListing).Assembly.Location);
        }

        return start;
    }
}
