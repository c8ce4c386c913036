using System.CommandLine;

namespace AiJukebox.Ui;

/// <summary>
/// <c>aijukebox [--model M] [--notes N] [--api A] [--out PORT] [--in PORT]</c>: the terminal UI, with the
/// same preselecting options as <c>play</c>. Without a terminal it prints a hint and the help instead.
/// </summary>
internal static class UiCommand
{
    public static void Configure(RootCommand root)
    {
        var model = new Option<string?>("--model", "-m") { Description = "UI: the model to open (model.json, run folder or .safetensors)" };
        var notes = new Option<string?>("--notes", "-n") { Description = "UI: the notes file the model was trained on" };
        var api = new Option<string?>("--api") { Description = "UI: the MIDI system: alsa, jack, rtmidi-jack, coremidi or winmm" };
        api.AcceptOnlyFromAmong([.. Devices.MidiApiNames.All]);
        var output = new Option<string?>("--out") { Description = "UI: the output to select ('virtual' for our own port, 'synth' for the built-in synth)" };
        var input = new Option<string?>("--in") { Description = "UI: the input (keyboard) port to select" };
        var soundFont = new Option<string?>("--soundfont") { Description = "UI: the built-in synth's SoundFont (.sf2/.sf3)" };
        var audioDriver = new Option<string?>("--audio-driver") { Description = "UI: the built-in synth's audio driver (pulseaudio, jack, alsa...)" };
        foreach (var option in new Option[] { model, notes, api, output, input, soundFont, audioDriver })
        {
            root.Options.Add(option);
        }

        root.SetAction(parse =>
        {
            if (Console.IsInputRedirected || Console.IsOutputRedirected)
            {
                var stdout = parse.InvocationConfiguration.Output;
                stdout.WriteLine("aijukebox: the terminal UI needs a terminal; give a verb to use the command line, for example 'aijukebox generate --help'.");
                stdout.WriteLine();
                return root.Parse("--help").Invoke(parse.InvocationConfiguration);
            }

            return JukeboxUi.Run(new UiOptions(parse.GetValue(model), parse.GetValue(notes), parse.GetValue(api), parse.GetValue(output), parse.GetValue(input), parse.GetValue(soundFont), parse.GetValue(audioDriver)));
        });
    }
}
