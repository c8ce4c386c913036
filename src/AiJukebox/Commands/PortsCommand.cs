using System.CommandLine;
using System.Text.Json;

using AiJukebox.Devices;

namespace AiJukebox.Commands;

/// <summary><c>aijukebox ports [--api alsa|jack|rtmidi-jack|coremidi|winmm] [--json]</c>: lists MIDI systems and their ports.</summary>
internal static class PortsCommand
{
    public static Command Create()
    {
        var api = new Option<string?>("--api") { Description = "Only this MIDI system: alsa, jack, rtmidi-jack, coremidi or winmm." };
        api.AcceptOnlyFromAmong([.. MidiApiNames.All]);
        var json = new Option<bool>("--json") { Description = "Print JSON (for scripts) instead of a table." };
        var command = new Command("ports", "List the MIDI systems (ALSA, JACK, CoreMIDI, Windows MM) and their input and output ports.");
        command.Options.Add(api);
        command.Options.Add(json);
        command.SetAction(parse => Run(
            parse.GetValue(api),
            parse.GetValue(json),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string? apiName, bool json, TextWriter output, TextWriter error)
    {
        IReadOnlyList<MidiApi> apis;
        MidiApi defaultApi;
        try
        {
            defaultApi = MidiSystem.GetDefaultApi();
            apis = MidiApiNames.TryParse(apiName, out MidiApi only) ? [only] : MidiSystem.GetCompiledApis();
        }
        catch (MidiDeviceException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }

        var listings = apis.Select(a => Listing.Of(a, a == defaultApi)).ToList();
        if (json)
        {
            WriteJson(listings, output);
        }
        else
        {
            WriteTable(listings, output);
        }

        // Asking for one system that is not there is an error; in the overview it is information.
        if (apiName is not null && listings[0].Problem is { } problem)
        {
            error.WriteLine(problem);
            return 1;
        }

        return 0;
    }

    private static void WriteTable(List<Listing> listings, TextWriter output)
    {
        foreach (Listing listing in listings)
        {
            string name = MidiApiNames.ToName(listing.Api);
            string marker = listing.IsDefault ? " (default)" : string.Empty;
            if (listing.Problem is not null)
            {
                output.WriteLine($"{name}{marker}: not available: {listing.Problem}");
                continue;
            }

            output.WriteLine($"{name}{marker}:");
            WritePorts("inputs (receive from)", listing.Inputs, output);
            WritePorts("outputs (send to)", listing.Outputs, output);
        }
    }

    private static void WritePorts(string title, IReadOnlyList<MidiPortInfo> ports, TextWriter output)
    {
        output.WriteLine($"  {title}:{(ports.Count == 0 ? " none" : string.Empty)}");
        foreach (MidiPortInfo port in ports)
        {
            output.WriteLine($"    {port.Index,3}  {port.Name}");
        }
    }

    private static void WriteJson(List<Listing> listings, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("apis");
            foreach (Listing listing in listings)
            {
                writer.WriteStartObject();
                writer.WriteString("api", MidiApiNames.ToName(listing.Api));
                writer.WriteBoolean("default", listing.IsDefault);
                writer.WriteBoolean("available", listing.Problem is null);
                if (listing.Problem is not null)
                {
                    writer.WriteString("problem", listing.Problem);
                }

                WriteJsonPorts(writer, "inputs", listing.Inputs);
                WriteJsonPorts(writer, "outputs", listing.Outputs);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteJsonPorts(Utf8JsonWriter writer, string name, IReadOnlyList<MidiPortInfo> ports)
    {
        writer.WriteStartArray(name);
        foreach (MidiPortInfo port in ports)
        {
            writer.WriteStartObject();
            writer.WriteNumber("index", port.Index);
            writer.WriteString("name", port.Name);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private sealed record Listing(MidiApi Api, bool IsDefault, IReadOnlyList<MidiPortInfo> Inputs, IReadOnlyList<MidiPortInfo> Outputs, string? Problem)
    {
        public static Listing Of(MidiApi api, bool isDefault)
        {
            try
            {
                return new Listing(api, isDefault, MidiSystem.GetInputPorts(api), MidiSystem.GetOutputPorts(api), null);
            }
            catch (MidiDeviceException e)
            {
                return new Listing(api, isDefault, [], [], e.Message);
            }
        }
    }
}
