namespace AiJukebox.Devices.Tests.Synth;

/// <summary>The SoundFont the tests play: TimGM6mb (Debian's timgm6mb-soundfont, which tests/run.sh installs), never whatever else a machine has.</summary>
internal static class TestSoundFont
{
    public const string Path = "/usr/share/sounds/sf2/TimGM6mb.sf2";
}
