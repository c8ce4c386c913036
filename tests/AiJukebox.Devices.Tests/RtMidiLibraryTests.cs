using AiJukebox.Devices.Interop;

namespace AiJukebox.Devices.Tests;

public sealed class RtMidiLibraryTests
{
    [Fact]
    public void Load_NonexistentLibrary_SaysHowToInstallRtMidi()
    {
        var error = Assert.Throws<MidiLibraryNotFoundException>(() => RtMidiLibrary.Load(["librtmidi-does-not-exist.so.42"]));

        Assert.Contains("install librtmidi6 (Debian/Ubuntu", error.Message);
        Assert.Contains("rtmidi (Homebrew, pacman, dnf)", error.Message);
        Assert.Contains("librtmidi-does-not-exist.so.42", error.Message);
    }

    [Fact]
    public void CandidateNames_OnThisPlatform_StartWithTheVersionedLibrary()
    {
        if (Environment.GetEnvironmentVariable(RtMidiLibrary.OverrideVariable) is not null)
        {
            return;
        }

        string expected = OperatingSystem.IsWindows() ? "rtmidi.dll" : OperatingSystem.IsMacOS() ? "librtmidi.dylib" : "librtmidi.so.6";
        Assert.Equal(expected, RtMidiLibrary.CandidateNames()[0]);
    }

    [Fact]
    [Trait("Category", "Device")]
    public void CompiledApis_OfTheInstalledLibrary_IncludeThisPlatformsSystem()
    {
        IReadOnlyList<MidiApi> apis = MidiSystem.GetCompiledApis();

        Assert.Contains(OperatingSystem.IsLinux() ? MidiApi.Alsa : OperatingSystem.IsMacOS() ? MidiApi.CoreMidi : MidiApi.WindowsMM, apis);
        Assert.Equal("Jack", MidiSystem.GetDisplayName(MidiApi.Jack));
    }

    [Fact]
    [Trait("Category", "Device")]
    public void AlsaPorts_WithoutSequencerDevice_SayToUseJack()
    {
        if (!OperatingSystem.IsLinux() || File.Exists("/dev/snd/seq"))
        {
            // With a sequencer the same call must simply work.
            Assert.NotNull(OperatingSystem.IsLinux() ? MidiSystem.GetOutputPorts(MidiApi.Alsa) : []);
            return;
        }

        var error = Assert.Throws<MidiDeviceException>(() => MidiSystem.GetOutputPorts(MidiApi.Alsa));
        Assert.Contains("/dev/snd/seq is missing", error.Message);
        Assert.Contains("--api jack", error.Message);
    }

    [Fact]
    public void CreateVirtualOutput_OnWindowsMM_PointsToLoopMidi()
    {
        var error = Assert.Throws<MidiDeviceException>(() => MidiSystem.CreateVirtualOutput(MidiApi.WindowsMM, "out"));

        Assert.StartsWith("Windows MM cannot create virtual MIDI ports: install a loopback driver such as loopMIDI", error.Message);
    }
}
