using System.Diagnostics;
using System.Text.Json;

using AiJukebox.Commands;
using AiJukebox.Devices;
using AiJukebox.Devices.Tests.Jack;

namespace AiJukebox.Tests.Commands;

[Collection(JackCollection.Name)]
[Trait("Category", "Device")]
public sealed class PortsCommandTests
{
    [Fact]
    public void Ports_JackJson_ListsOurVirtualPortsOnTheRightSide()
    {
        using MidiOutputPort source = MidiSystem.CreateVirtualOutput(MidiApi.Jack, "out", "clijson");
        using MidiInputPort sink = MidiSystem.CreateVirtualInput(MidiApi.Jack, "in", clientName: "clijson2");

        var (code, output, error) = CliRunner.Run(PortsCommand.Create(), "--api", "jack", "--json");

        Assert.True(code == 0, error);
        JsonElement api = JsonDocument.Parse(output).RootElement.GetProperty("apis").EnumerateArray().Single();
        Assert.Equal("jack", api.GetProperty("api").GetString());
        Assert.True(api.GetProperty("available").GetBoolean());
        Assert.Contains("clijson:out", api.GetProperty("inputs").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Contains("clijson2:in", api.GetProperty("outputs").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.DoesNotContain("clijson2:in", api.GetProperty("inputs").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public void Ports_Table_ShowsEachPortWithItsIndex()
    {
        using MidiInputPort sink = MidiSystem.CreateVirtualInput(MidiApi.Jack, "in", clientName: "clitable");
        int index = MidiSystem.GetOutputPorts(MidiApi.Jack).Single(p => p.Name == "clitable:in").Index;

        var (code, output, _) = CliRunner.Run(PortsCommand.Create(), "--api", "jack");

        Assert.Equal(0, code);
        Assert.StartsWith("jack", output);
        Assert.Contains($"    {index,3}  clitable:in", output);
    }

    [Fact]
    public void Ports_AlsaWithoutSequencer_ExitsOneWithOneClearLine()
    {
        if (!OperatingSystem.IsLinux() || File.Exists("/dev/snd/seq"))
        {
            Assert.Equal(0, CliRunner.Run(PortsCommand.Create(), "--api", "alsa").ExitCode);
            return;
        }

        var (code, _, error) = CliRunner.Run(PortsCommand.Create(), "--api", "alsa");

        Assert.Equal(1, code);
        Assert.Equal("ALSA MIDI is not available: /dev/snd/seq is missing (no ALSA sequencer; try 'sudo modprobe snd-seq'). Use the JACK API instead with a running JACK or PipeWire server (--api jack).", error.Trim());
    }

    [Fact]
    public void Ports_UnknownApi_IsAParseError()
    {
        var (code, _, error) = CliRunner.Run(PortsCommand.Create(), "--api", "midiman");

        Assert.NotEqual(0, code);
        Assert.Contains("midiman", error);
    }

    [Fact]
    public void Ports_RtMidiMissing_TellsHowToInstallIt()
    {
        // A fresh process: the resolver binds the library once per process.
        string program = typeof(PortsCommand).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(program);
        start.ArgumentList.Add("ports");
        start.Environment["AIJUKEBOX_RTMIDI_LIBRARY"] = "/nonexistent/librtmidi.so.6";
        using Process process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)));

        Assert.Equal(1, process.ExitCode);
        Assert.Equal(string.Empty, output);
        Assert.Equal(
            "The RtMidi library is not installed (tried /nonexistent/librtmidi.so.6): install librtmidi6 (Debian/Ubuntu: sudo apt install librtmidi6) or rtmidi (Homebrew, pacman, dnf); on Windows put rtmidi.dll next to aijukebox.",
            error.Trim());
    }
}
