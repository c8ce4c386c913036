using System.CommandLine;

using AiJukebox.Devices;

namespace AiJukebox.Commands;

/// <summary>
/// <c>aijukebox send-test [--out PORT | --virtual NAME] [--api ...]</c>: plays a C major scale up and
/// down so a user can check the routing to a synth or DAW.
/// </summary>
internal static class SendTestCommand
{
    /// <summary>C4 up to C5 and back down.</summary>
    internal static readonly byte[] Scale = [60, 62, 64, 65, 67, 69, 71, 72, 71, 69, 67, 65, 64, 62, 60];

    public static Command Create()
    {
        var output = new Option<string?>("--out", "-o") { Description = "Output port: exact name, index, or a unique part of the name (see 'aijukebox ports')." };
        var virtualName = new Option<string?>("--virtual") { Description = "Create a virtual output port with this name and play into it (not on Windows MM)." };
        var api = new Option<string?>("--api") { Description = "MIDI system: alsa, jack (AI Jukebox's own JACK client), rtmidi-jack (JACK through RtMidi), coremidi or winmm (default: the platform's usual one)." };
        api.AcceptOnlyFromAmong([.. MidiApiNames.All]);
        var channel = new Option<int>("--channel") { Description = "MIDI channel 1-16.", DefaultValueFactory = _ => 1 };
        var noteMs = new Option<int>("--note-ms") { Description = "Milliseconds per note.", DefaultValueFactory = _ => 250 };
        var wait = new Option<double?>("--wait") { Description = "Seconds to wait before playing, to connect a virtual port (default 3 for --virtual, 0.5 otherwise)." };
        var command = new Command("send-test", "Play a short C major scale to a MIDI output to check routing.");
        foreach (Option option in new Option[] { output, virtualName, api, channel, noteMs, wait })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancel) => RunAsync(
            new Settings(parse.GetValue(output), parse.GetValue(virtualName), parse.GetValue(api), parse.GetValue(channel), parse.GetValue(noteMs), parse.GetValue(wait)),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancel));
        return command;
    }

    private static async Task<int> RunAsync(Settings settings, TextWriter output, TextWriter error, CancellationToken cancel)
    {
        string? problem = settings switch
        {
            { Port: not null, VirtualName: not null } => "Give either --out or --virtual, not both.",
            { Channel: < 1 or > 16 } => "--channel must be 1 to 16.",
            { NoteMs: < 10 or > 10_000 } => "--note-ms must be 10 to 10000.",
            { WaitSeconds: < 0 or > 600 } => "--wait must be 0 to 600 seconds.",
            _ => null,
        };
        if (problem is not null)
        {
            error.WriteLine(problem);
            return 2;
        }

        MidiOutputPort port;
        try
        {
            MidiApi api = MidiApiNames.TryParse(settings.Api, out MidiApi chosen) ? chosen : MidiSystem.GetDefaultApi();
            if (settings.Port is null && settings.VirtualName is null)
            {
                var outputs = MidiSystem.GetOutputPorts(api);
                error.WriteLine(outputs.Count == 0
                    ? $"Give --out PORT or --virtual NAME; {MidiApiNames.ToName(api)} has no output ports, so try --virtual aijukebox."
                    : $"Give --out PORT or --virtual NAME; the {MidiApiNames.ToName(api)} outputs are: {string.Join(", ", outputs.Select(p => $"{p.Index}: '{p.Name}'"))}.");
                return 2;
            }

            port = settings.VirtualName is not null
                ? MidiSystem.CreateVirtualOutput(api, settings.VirtualName)
                : MidiSystem.OpenOutput(api, settings.Port!);
        }
        catch (MidiDeviceException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }

        using (port)
        {
            port.PortLost += (_, message) => error.WriteLine(message);
            double waitSeconds = settings.WaitSeconds ?? (port.IsVirtual ? 3 : 0.5);
            if (port.IsVirtual)
            {
                output.WriteLine($"Created virtual port '{port.Name}'; connect it to your synth. Playing in {waitSeconds:0.#} s.");
            }

            // A new connection (JACK applies it from a later cycle) needs a moment before notes reach it.
            int channel = settings.Channel - 1;
            byte? sounding = null;
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(waitSeconds), cancel);
                output.WriteLine($"Playing a C major scale ({Scale.Length} notes) on '{port.Name}', channel {settings.Channel}.");
                foreach (byte note in Scale)
                {
                    port.Send([(byte)(0x90 | channel), note, 100]);
                    sounding = note;
                    await Task.Delay(settings.NoteMs * 9 / 10, cancel);
                    port.Send([(byte)(0x80 | channel), note, 0]);
                    sounding = null;
                    await Task.Delay(settings.NoteMs - (settings.NoteMs * 9 / 10), cancel);
                }
            }
            catch (OperationCanceledException)
            {
                output.WriteLine("Stopped.");
            }
            catch (MidiDeviceException e)
            {
                error.WriteLine(e.Message);
                return 1;
            }
            finally
            {
                if (sounding is byte note)
                {
                    port.Send([(byte)(0x80 | channel), note, 0]);
                }

                port.Send([(byte)(0xB0 | channel), 123, 0]); // all notes off
            }

            // Give the MIDI system a period or two to deliver the last messages before the port closes.
            await Task.Delay(100, CancellationToken.None);
            output.WriteLine("Done.");
        }

        return 0;
    }

    private sealed record Settings(string? Port, string? VirtualName, string? Api, int Channel, int NoteMs, double? WaitSeconds);
}
