using System.CommandLine;

using AiJukebox.Devices;
using AiJukebox.Music;
using AiJukebox.Services;

namespace AiJukebox.Commands;

/// <summary><c>aijukebox render take.mid -o take.wav|take.flac</c>: a .mid file to audio through the built-in synth, offline.</summary>
internal static class RenderCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("midi") { Description = "The .mid file to render" };
        var output = new Option<string>("--output", "-o") { Description = "The audio file to write: .wav or .flac (16-bit stereo)", Required = true };
        var tail = new Option<double>("--tail") { Description = "Seconds rendered after the last note ends, for it to ring out", DefaultValueFactory = _ => 1.0 };
        var synth = new SynthOptionSet();
        var command = new Command("render", "Render a .mid file to a .wav or .flac file with the built-in synth (FluidSynth), faster than real time.");
        command.Arguments.Add(input);
        command.Options.Add(output);
        command.Options.Add(tail);
        synth.AddTo(command, live: false);
        command.SetAction((parse, cancel) =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                var options = synth.Render(parse) with { TailSeconds = parse.GetValue(tail) };
                var result = AudioRendering.Render(parse.GetValue(input)!, parse.GetValue(output)!, options, cancel);
                parse.InvocationConfiguration.Output.WriteLine(AudioRendering.Summary(result));
                return Task.FromResult(0);
            }
            catch (ArgumentException e)
            {
                stderr.WriteLine($"aijukebox render: {e.Message.Split('\n')[0]}");
                return Task.FromResult(2);
            }
            catch (Exception e) when (e is MidiImportException or MidiDeviceException or IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"aijukebox render: {e.Message.Split('\n')[0]}");
                return Task.FromResult(1);
            }
            catch (OperationCanceledException)
            {
                stderr.WriteLine("aijukebox render: cancelled; nothing written.");
                return Task.FromResult(130);
            }
        });
        return command;
    }
}
